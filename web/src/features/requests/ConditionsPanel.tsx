// The conditions parties set before they will meet: propose, accept, reject, counter, withdraw.
import { useState } from 'react';
import { Form } from 'react-aria-components';
import { requestCommands, type ConditionBody } from '../../api/hooks/requests';
import { CONDITION_KINDS, type Condition, type Delegation, type MeetingRequest } from '../../api/models';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { ModalButton } from '../../ui/Dialog';
import { SelectField, TextAreaField } from '../../ui/fields';
import { words } from './labels';
import type { Action } from './useAction';

const CLOSED = new Set(['declined', 'withdrawn', 'downgraded', 'lapsed', 'held', 'not-held']);

function ConditionForm(props: { submitLabel: string; onSubmit(body: ConditionBody): Promise<boolean> }) {
  const [kind, setKind] = useState<(typeof CONDITION_KINDS)[number]>('agenda');
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
        onChange={(v) => setKind(v as (typeof CONDITION_KINDS)[number])}
        choices={CONDITION_KINDS.map((k) => ({ id: k, label: words(k) }))}
      />
      <TextAreaField label="Condition" value={text} onChange={setText} isRequired rows={2} />
      <div className="actions">
        <Button type="submit" tone="primary" isDisabled={text.trim() === ''}>
          {props.submitLabel}
        </Button>
      </div>
    </Form>
  );
}

/** The conditions card of the request page. */
export function ConditionsPanel(props: {
  summit: string;
  request: MeetingRequest;
  conditions: Condition[];
  delegations: ReadonlyMap<string, Delegation>;
  /** The viewer's delegation when it is a party and may act, else null. */
  actingAs: string | null;
  action: Action;
}) {
  const { summit, request, conditions, actingAs, action } = props;
  const name = (id: string) => props.delegations.get(id)?.name ?? id.toUpperCase();
  const open = !CLOSED.has(request.status);
  const byId = new Map(conditions.map((c) => [c.id, c]));

  return (
    <section className="card" aria-labelledby="conditions-title">
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
                <span className="muted">set by {name(c.by)}</span>
                {c.counters && (
                  <span className="muted small">counters “{byId.get(c.counters)?.text ?? c.counters}”</span>
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
                        onPress={() =>
                          void action.run(
                            'Accept condition',
                            () => requestCommands.answer(summit, c, 'accept'),
                            c,
                          )
                        }
                      >
                        Accept condition
                      </Button>
                      <Button
                        className="btn-small"
                        tone="danger"
                        isDisabled={action.busy !== null}
                        onPress={() =>
                          void action.run(
                            'Reject condition',
                            () => requestCommands.answer(summit, c, 'reject'),
                            c,
                          )
                        }
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
                      onPress={() =>
                        void action.run(
                          'Withdraw condition',
                          () => requestCommands.answer(summit, c, 'withdraw'),
                          c,
                        )
                      }
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
