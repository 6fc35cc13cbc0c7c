// The thread the parties of a request share, and no one else.
import { useState } from 'react';
import { Form } from 'react-aria-components';
import { requestCommands, useThread } from '../../api/hooks/requests';
import type { SummitNames } from '../../lib/names';
import { When } from '../../app/When';
import { Button } from '../../ui/Button';
import { TextAreaField } from '../../ui/fields';
import { QueryState } from '../../ui/states';
import type { Action } from './useAction';

/** The thread card; `canPost` for members of a party delegation. */
export function ThreadPanel(props: {
  summit: string;
  request: string;
  names: SummitNames;
  ownDelegation: string | null;
  canPost: boolean;
  action: Action;
}) {
  const thread = useThread(props.summit, props.request);
  const [text, setText] = useState('');
  const { names } = props;
  return (
    <section className="card" aria-labelledby="thread-title" id="thread">
      <h2 id="thread-title">Thread</h2>
      <p className="muted small">Shared by the parties of this request only.</p>
      <QueryState query={thread} what="Loading the thread">
        {(messages) =>
          messages.length === 0 ? (
            <p className="muted">No messages yet.</p>
          ) : (
            <ol className="thread" aria-label="Messages">
              {messages.map((m) => (
                <li
                  key={m.id}
                  className={`message${m.delegation === props.ownDelegation ? ' message-mine' : ''}`}
                >
                  <div className="message-head">
                    {names.delegation(m.delegation)} · {names.user(m.author)} · <When from={m.at} />
                  </div>
                  <p>{m.text}</p>
                </li>
              ))}
            </ol>
          )
        }
      </QueryState>
      {props.canPost && (
        <Form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            const body = text.trim();
            void props.action
              .run('Post message', () => requestCommands.post(props.summit, props.request, body))
              .then((ok) => ok && setText(''));
          }}
        >
          <TextAreaField label="Message to the parties" value={text} onChange={setText} rows={2} />
          <div className="actions">
            <Button type="submit" isDisabled={text.trim() === '' || props.action.busy !== null}>
              Post
            </Button>
          </div>
        </Form>
      )}
    </section>
  );
}
