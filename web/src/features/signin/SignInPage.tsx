// Sign in with email and password; then on to the page asked for, or to the user's summit.
import { useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useSession } from '../../api/session';
import { homeOf } from '../../lib/roles';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/fields';
import { InlineError } from '../../ui/states';

/** Only same-app paths may be a destination after sign-in (never another site). */
function safeNext(next: string | null): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : null;
}

/** The sign-in screen. */
export function SignInPage() {
  const { me, signIn } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const next = safeNext(params.get('next'));

  if (me) return <Navigate to={next ?? homeOf(me.grants)} replace />;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const signed = await signIn(email.trim(), password);
      void navigate(next ?? homeOf(signed.grants), { replace: true });
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  return (
    <main id="main" className="signin">
      <div className="signin-card">
        <p className="brand brand-large" aria-hidden="true">
          Sideline
        </p>
        <h1>Sign in</h1>
        <p className="muted">Meetings on the sidelines of summits, for protocol officers and hosts.</p>
        <Form onSubmit={(e) => void submit(e)} className="form">
          <TextField
            label="Email"
            type="email"
            value={email}
            onChange={setEmail}
            autoComplete="username"
            isRequired
          />
          <TextField
            label="Password"
            type="password"
            value={password}
            onChange={setPassword}
            autoComplete="current-password"
            isRequired
          />
          <InlineError error={error} />
          <Button type="submit" tone="primary" isDisabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </Button>
        </Form>
      </div>
    </main>
  );
}
