// The conditions parties set before they will meet: propose, accept, reject, counter, withdraw.
// Answers reach the other parties at once, so each waits a few seconds with Undo before it is sent;
// countering opens a dialog that starts from the countered condition's kind.
import { useState } from 'react';
import { Form } from 'react-aria-components';
import { requestCommands, type ConditionBody } from '../../api/hooks/requests';
import { CONDITION_KINDS, type Condition, type MeetingRequest } from '../../api/models';
import type { SummitNames } from '../../lib/names';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { ModalButton } from '../../ui/Dialog';
import { SelectField, TextAreaField } from '../../ui/fields';
import { words } from './labels';
import type { Action } from './useAction';

const CLOSED = new Set(['declined', 'withdrawn', 'downgraded', 'lapsed', 'held']);

type Kind = (typeof CONDITION_KINDS)[number];

/** The form of a condition: its kind and words; `onCancel` adds a Cancel (in a dialog). */
function ConditionForm(props: {
  submitLabel: string;
  initialKind?: Kind;
  onSubmit(body: ConditionBody): Promise<boolean>;
  onCancel?: () => void;
}) {
  const [kind, setKind] = useState<Kind>(props.initialKind ?? 'agenda');
  const [text, setText] = useState('');
  return (
    <Form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        void props.onSubmit({ kind, text: text.trim() }).then((ok) => ok && setText(''));
      }}
    >
      <SelectField
        label="Kind"
        value={kind}
        onChange={(v) => setKind(v as Kind)}
        choices={CONDITION_KINDS.map((k) => ({ id: k, label: words(k) }))}
      />
      <TextAreaField label="Condition" value={text} onChange={setText} isRequired rows={2} />
      <div className="actions">
        {props.onCancel && <Button onPress={props.onCancel}>Cancel</Button>}
        <Button type="submit" tone="primary" isDisabled={text.trim() === ''}>
          {props.submitLabel}
        </Button>
      </div>
    </Form>
  );
}

/** “Agreed deliverable on Syria…”, cut to a readable length for a toast. */
function quote(text: string): string {
  return `“${text.length > 60 ? `${text.slice(0, 57)}…` : text}”`;
}

/** The conditions card of the request page. */
export function ConditionsPanel(props: {
  summit: string;
  request: MeetingRequest;
  conditions: Condition[];
  names: SummitNames;
  /** The viewer's delegation when it is a party and may act, else null. */
  actingAs: string | null;
  action: Action;
}) {
  const { summit, request, conditions, actingAs, action, names } = props;
  const open = !CLOSED.has(request.status);
  const byId = new Map(conditions.map((c) => [c.id, c]));
  const answer = (c: Condition, how: 'accept' | 'reject' | 'withdraw') => {
    const verb = {
      accept: ['Accepting', 'Accepted'],
      reject: ['Rejecting', 'Rejected'],
      withdraw: ['Withdrawing', 'Withdrew'],
    }[how];
    action.defer(`${words(how)} condition`, () => requestCommands.answer(summit, c, how), c, {
      doing: `${verb[0]} the condition ${quote(c.text)}`,
      done: `${verb[1]} the condition ${quote(c.text)}.`,
    });
  };

  return (
    <section className="card" aria-labelledby="conditions-title" id="conditions">
      <h2 id="conditions-title">Conditions</h2>
      {conditions.length === 0 && <p className="muted">No conditions set.</p>}
      <ul className="plain">
        {conditions.map((c) => {
          const mine = actingAs !== null && c.by === actingAs;
          const canAnswer = actingAs !== null && !mine && c.status === 'open' && open;
          return (
            <li key={c.id} className="condition" aria-label={`Condition: ${c.text}`}>
              <div className="condition-head">
                <Badge kind={c.status}>{words(c.status)}</Badge>
                <strong>{words(c.kind)}</strong>
                <span className="muted">set by {names.delegation(c.by)}</span>
                {c.counters && (
                  <span className="muted small">
                    counters “{byId.get(c.counters)?.text ?? 'an earlier condition'}”
                  </span>
                )}
              </div>
              <p>{c.text}</p>
              {(canAnswer || (mine && c.status === 'open' && open)) && (
                <div className="actions">
                  {canAnswer && (
                    <>
                      <Button
                        tone="primary"
                        className="btn-small"
                        isDisabled={action.busy !== null}
                        onPress={() => answer(c, 'accept')}
                      >
                        Accept condition
                      </Button>
                      <Button
                        className="btn-small"
                        tone="danger"
                        isDisabled={action.busy !== null}
                        onPress={() => answer(c, 'reject')}
                      >
                        Reject
                      </Button>
                      <ModalButton label="Counter…" title="Counter this condition" small>
                        {(close) => (
                          <>
                            <p className="muted">
                              Countering rejects “{c.text}” and proposes yours in its place.
                            </p>
                            <ConditionForm
                              submitLabel="Reject and propose this"
                              initialKind={c.kind}
                              onCancel={close}
                              onSubmit={async (body) => {
                                const ok = await action.run(
                                  'Counter condition',
                                  () => requestCommands.counter(summit, c, body),
                                  c,
                                );
                                if (ok) close();
                                return ok;
                              }}
                            />
                          </>
                        )}
                      </ModalButton>
                    </>
                  )}
                  {mine && c.status === 'open' && open && (
                    <Button
                      className="btn-small"
                      isDisabled={action.busy !== null}
                      onPress={() => answer(c, 'withdraw')}
                    >
                      Withdraw condition
                    </Button>
                  )}
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {actingAs !== null && open && (
        <details className="add-condition">
          <summary>Set a condition</summary>
          <ConditionForm
            submitLabel="Propose condition"
            onSubmit={(body) =>
              action.run('Propose condition', () => requestCommands.propose(summit, request.id, body))
            }
          />
        </details>
      )}
    </section>
  );
}
