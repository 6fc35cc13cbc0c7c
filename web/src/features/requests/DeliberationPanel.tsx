// One delegation's private deliberation on a request: positions, their weights, and the decision.
import { useState } from 'react';
import { Form } from 'react-aria-components';
import {
  requestCommands,
  useDeliberation,
  type DecisionBody,
  type PositionBody,
} from '../../api/hooks/requests';
import { DECISION_OUTCOMES, type Consideration, type Deliberation } from '../../api/models';
import { When } from '../../app/When';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { NumberField, SelectField, TextAreaField, TextField } from '../../ui/fields';
import { QueryState } from '../../ui/states';
import type { SummitNames } from '../../lib/names';
import { words } from './labels';
import type { Action } from './useAction';

const STANCES = ['for', 'against', 'undecided'] as const;

function Summary({ d }: { d: Deliberation }) {
  const s = d.summary;
  return (
    <div>
      <p className="totals">
        <span>
          <strong>{s.stances.for ?? 0}</strong> for
        </span>
        <span>
          <strong>{s.stances.against ?? 0}</strong> against
        </span>
        <span>
          <strong>{s.stances.undecided ?? 0}</strong> undecided
        </span>
        <span>
          benefit <strong>{s.benefit}</strong> · risk <strong>{s.risk}</strong>
        </span>
      </p>
      {s.topics.length > 0 && (
        <table className="table">
          <caption className="visually-hidden">Weighted benefits and risks by topic</caption>
          <thead>
            <tr>
              <th scope="col">Topic</th>
              <th scope="col">Benefit</th>
              <th scope="col">Risk</th>
              <th scope="col">Net</th>
            </tr>
          </thead>
          <tbody>
            {s.topics.map((t) => (
              <tr key={t.topic}>
                <th scope="row">{t.topic}</th>
                <td>{t.benefit}</td>
                <td>{t.risk}</td>
                <td>{t.net > 0 ? `+${t.net}` : t.net}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function ConsiderationRow(props: {
  value: Consideration;
  onChange(c: Consideration): void;
  onRemove(): void;
  n: number;
}) {
  const c = props.value;
  return (
    <fieldset className="consideration-row">
      <legend>Consideration {props.n}</legend>
      <div className="form-row">
        <SelectField
          label="Kind"
          value={c.kind}
          onChange={(kind) => props.onChange({ ...c, kind: kind as Consideration['kind'] })}
          choices={[
            { id: 'benefit', label: 'Benefit' },
            { id: 'risk', label: 'Risk' },
          ]}
        />
        <NumberField
          label="Weight (1–5)"
          value={c.weight}
          minValue={1}
          maxValue={5}
          onChange={(weight) => props.onChange({ ...c, weight: Number.isFinite(weight) ? weight : 1 })}
        />
        <TextField
          label="Topic"
          value={c.topic}
          onChange={(topic) => props.onChange({ ...c, topic })}
          isRequired
        />
      </div>
      <TextField
        label="Note"
        value={c.note ?? ''}
        onChange={(note) => props.onChange({ ...c, note: note || null })}
      />
      <Button tone="quiet" className="btn-small" onPress={props.onRemove}>
        Remove consideration {props.n}
      </Button>
    </fieldset>
  );
}

function PositionForm(props: { onSubmit(body: PositionBody): Promise<boolean> }) {
  const [holder, setHolder] = useState('');
  const [stance, setStance] = useState<PositionBody['stance']>('undecided');
  const [rationale, setRationale] = useState('');
  const [considerations, setConsiderations] = useState<Consideration[]>([]);
  return (
    <Form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        void props.onSubmit({ holder: holder.trim(), stance, rationale, considerations }).then((ok) => {
          if (!ok) return;
          setHolder('');
          setRationale('');
          setConsiderations([]);
        });
      }}
    >
      <div className="form-row">
        <TextField
          label="Held by"
          value={holder}
          onChange={setHolder}
          isRequired
          description="e.g. Secretary of State"
        />
        <SelectField
          label="Stance"
          value={stance}
          onChange={(v) => setStance(v as PositionBody['stance'])}
          choices={STANCES.map((s) => ({ id: s, label: words(s) }))}
        />
      </div>
      <TextAreaField label="Rationale" value={rationale} onChange={setRationale} rows={3} />
      {considerations.map((c, n) => (
        <ConsiderationRow
          key={n}
          n={n + 1}
          value={c}
          onChange={(next) => setConsiderations(considerations.map((x, i) => (i === n ? next : x)))}
          onRemove={() => setConsiderations(considerations.filter((_, i) => i !== n))}
        />
      ))}
      <div className="actions">
        <Button
          onPress={() =>
            setConsiderations([...considerations, { kind: 'benefit', weight: 3, topic: '', note: null }])
          }
        >
          Add a consideration
        </Button>
        <Button type="submit" tone="primary" isDisabled={holder.trim() === ''}>
          Record position
        </Button>
      </div>
    </Form>
  );
}

function DecisionForm(props: { d: Deliberation; onSubmit(body: DecisionBody): Promise<boolean> }) {
  const [outcome, setOutcome] = useState<DecisionBody['outcome']>(props.d.decision?.outcome ?? 'pursue');
  const [note, setNote] = useState(props.d.decision?.note ?? '');
  return (
    <Form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        void props.onSubmit({ outcome, note: note.trim() || null });
      }}
    >
      <SelectField
        label="Decision"
        value={outcome}
        onChange={(v) => setOutcome(v as DecisionBody['outcome'])}
        choices={DECISION_OUTCOMES.map((o) => ({ id: o, label: words(o) }))}
      />
      <TextAreaField label="Note" value={note} onChange={setNote} rows={2} />
      <div className="actions">
        <Button type="submit" tone="primary">
          {props.d.decision ? 'Change decision' : 'Record decision'}
        </Button>
      </div>
    </Form>
  );
}

/** The private panel; shown only to members of a party delegation, about their own deliberation. */
export function DeliberationPanel(props: {
  summit: string;
  request: string;
  names: SummitNames;
  delegationName: string;
  canRecord: boolean;
  canDecide: boolean;
  action: Action;
}) {
  const { summit, request, action, names } = props;
  const deliberation = useDeliberation(summit, request, true);
  return (
    <section
      className="card private-panel"
      aria-labelledby="deliberation-title"
      data-testid="deliberation"
      id="deliberation"
    >
      <h2 id="deliberation-title">
        Deliberation <Badge kind="private">Private to {props.delegationName}</Badge>
      </h2>
      <p className="muted small">No other delegation and not the host can read this.</p>
      <QueryState query={deliberation} what="Loading the deliberation">
        {(d) =>
          d === null ? (
            <p className="muted">Your delegation deliberates on this request only as one of its parties.</p>
          ) : (
            <>
              <Summary d={d} />
              <h3>Decision</h3>
              {d.decision ? (
                <p>
                  <Badge kind={d.decision.outcome === 'decline' ? 'declined' : 'agreed'}>
                    {words(d.decision.outcome)}
                  </Badge>{' '}
                  by {names.user(d.decision.by)}, <When from={d.decision.at} />
                  {d.decision.note && <span className="block">{d.decision.note}</span>}
                </p>
              ) : (
                <p className="muted">Not decided yet.</p>
              )}
              {props.canDecide && (
                <details>
                  <summary>{d.decision ? 'Change the decision' : 'Decide'}</summary>
                  <DecisionForm
                    d={d}
                    onSubmit={(body) =>
                      action.run(
                        'Record decision',
                        () => requestCommands.decide(summit, request, body, d.decision?.version ?? null),
                        d.decision,
                      )
                    }
                  />
                </details>
              )}
              <h3>Positions ({d.positions.length})</h3>
              {d.positions.length === 0 && <p className="muted">No positions recorded.</p>}
              {d.positions.map((p) => (
                <article key={p.id} className="position" aria-label={`Position of ${p.holder}`}>
                  <p>
                    <strong>{p.holder}</strong> <Badge kind={p.stance}>{words(p.stance)}</Badge>{' '}
                    <span className="muted small">
                      recorded by {names.user(p.author)}, <When from={p.at} />
                    </span>
                  </p>
                  {p.rationale && <p>{p.rationale}</p>}
                  {p.considerations.length > 0 && (
                    <ul className="considerations">
                      {p.considerations.map((c, n) => (
                        <li key={n}>
                          {c.kind === 'benefit' ? 'Benefit' : 'Risk'} {c.weight}/5 on{' '}
                          <strong>{c.topic}</strong>
                          {c.note && ` — ${c.note}`}
                        </li>
                      ))}
                    </ul>
                  )}
                </article>
              ))}
              {props.canRecord && (
                <details>
                  <summary>Record a position</summary>
                  <PositionForm
                    onSubmit={(body) =>
                      action.run('Record position', () =>
                        requestCommands.recordPosition(summit, request, body),
                      )
                    }
                  />
                </details>
              )}
            </>
          )
        }
      </QueryState>
    </section>
  );
}
