// The page for an address the app does not know.
import { Link } from 'react-router';

/** "No such page", with a way back. */
export function NotFoundPage({ standalone = false }: { standalone?: boolean }) {
  const body = (
    <>
      <h1>No such page</h1>
      <p>
        The address does not name a screen of Sideline. <Link to="/summits">Go to your summits</Link>.
      </p>
    </>
  );
  return standalone ? (
    <main id="main" className="page narrow">
      {body}
    </main>
  ) : (
    <div className="page narrow">{body}</div>
  );
}
