// "Plan": runs the scheduling engine on the server and shows its progress; the proposal is drawn on
// the grid as ghost blocks (placed, moved, taken off) and summed up here: its value against the
// proven bound, what it changes, late meetings, and every request left out, grouped by what would
// have to happen for it to be placed. Accepting and discarding ask first.
import { useState } from 'react';
import { Label, ProgressBar } from 'react-aria-components';
import { meetingCommands } from '../../api/hooks/meetings';
import type {
  Blocker,
  MeetingRequest,
  PlanJob,
  PlanMode,
  Placement,
  Unplaced,
  WhatIf,
} from '../../api/models';
import { When } from '../../app/When';
import {
  blockerWords,
  UNPLACED_GROUPS,
  unplacedGroup,
  unplacedWords,
  type UnplacedGroup,
} from '../../../../src/domain/words/unplaced-words.js';
import type { SummitNames } from '../../lib/names';
import { Button } from '../../ui/Button';
import { useConfirm } from '../../ui/Dialog';
import { NumberField, SelectField } from '../../ui/fields';
import { InlineError } from '../../ui/states';
import { useToasts } from '../../ui/toasts';
import type { Proposal } from './useProposal';

/** The plan's value against the engine's proven bound: how far from the best possible it may be. */
export interface PlanQuality {
  /** The sum of priorities the plan places. */
  value: number;
  /** No plan can place more than this (null when none was proven or it is withheld). */
  bound: number | null;
  /** (bound − value) / bound, or null without a bound. */
  gap: number | null;
}

/** The quality of a finished job's plan. */
export function planQuality(job: PlanJob): PlanQuality | null {
  const plan = job.result?.plan as { objective?: { weight?: unknown }; bound?: unknown } | undefined;
  const value = typeof plan?.objective?.weight === 'number' ? plan.objective.weight : null;
  if (value === null) return null;
  const bound = typeof plan?.bound === 'number' ? plan.bound : null;
  return { value, bound, gap: bound && bound > 0 ? Math.max(0, (bound - value) / bound) : null };
}

/** "1.0 %" — a gap as people read it. */
export function gapLabel(gap: number): string {
  return `${(gap * 100).toFixed(gap < 0.1 ? 1 : 0)} %`;
}

/** What a plan does to the meetings already on the calendar (the engine's `moves` and `policy`). */
export interface PlanMoves {
  /** Meetings that still fitted where they were and are moved or taken off: what the limit counts. */
  counted: number;
  /** Meetings that no longer fitted where they were, repaired (not counted). */
  repaired: number;
  /** The limit the plan was made under, or null for none (re-optimise). */
  limit: number | null;
  /** Each move and the request whose meeting takes its old place, where there is one. */
  list: { request: string; for: string | null; off: boolean }[];
}

/** The moves of a finished job's plan, or null when it does not say. */
export function planMoves(job: PlanJob): PlanMoves | null {
  const plan = job.result?.plan as
    | {
        moves?: { request: string; for?: string; fits: boolean; to: unknown }[];
        policy?: { maxMoves: number | null };
      }
    | undefined;
  if (!plan?.moves) return null;
  return {
    counted: plan.moves.filter((m) => m.fits).length,
    repaired: plan.moves.filter((m) => !m.fits).length,
    limit: plan.policy?.maxMoves ?? null,
    list: plan.moves.map((m) => ({ request: m.request, for: m.for ?? null, off: m.to === null })),
  };
}

/** "3 meetings" */
function meetingsWord(n: number): string {
  return `${n} meeting${n === 1 ? '' : 's'}`;
}

const MODES = [
  { id: 'keep-schedule', label: 'Keep the schedule' },
  { id: 're-optimise', label: 'Re-optimise' },
] as const;

function statusText(job: PlanJob, valueText: string | undefined): string {
  switch (job.status) {
    case 'queued':
      return 'Waiting for a worker…';
    case 'running': {
      const best = job.progress.objective as { weight?: number } | null;
      const sofar =
        typeof best?.weight === 'number' ? `; best so far places ${best.weight} priority points` : '';
      const bound = job.progress.bound !== null ? `, at most ${job.progress.bound} possible` : '';
      return `Searching… ${valueText ?? ''}${sofar}${bound}`;
    }
    case 'failed':
      return 'The planner failed';
    case 'accepted':
      return 'Accepted: the calendar now shows the plan';
    case 'discarded':
      return 'Discarded';
    default:
      return 'Done: the proposal is drawn on the grid';
  }
}

/** A sentence for a what-if answer: the slot it would get and what would have to move. */
export function summariseWhatIf(w: WhatIf, names: SummitNames): string {
  if (!w.slot) return `${w.assumption} Even then, no slot would fit.`;
  const moves = w.displaces.length
    ? ` ${w.displaces.length} meeting${w.displaces.length === 1 ? '' : 's'} would have to move: ${w.displaces.map(names.meeting).join('; ')}.`
    : '';
  return `${w.assumption} Then it could be placed in ${names.roomAt(w.slot.room)}.${moves}`;
}

function WhatIfButtons(props: { summit: string; u: Unplaced; names: SummitNames }) {
  const { summit, u, names } = props;
  const [answer, setAnswer] = useState<WhatIf | null>(null);
  const [error, setError] = useState<unknown>(null);
  if (u.blockers.length === 0) return null;
  return (
    <div className="what-if">
      {u.blockers.slice(0, 3).map((b: Blocker, n) => (
        <Button
          key={n}
          className="btn-small"
          tone="quiet"
          onPress={() => {
            setError(null);
            meetingCommands.whatIf(summit, u.request, b).then(setAnswer, setError);
          }}
        >
          Try without “{blockerWords(b, names)}”
        </Button>
      ))}
      {answer && (
        <p className="small" role="status">
          {summariseWhatIf(answer, names)}
          {answer.slot && (
            <>
              {' '}
              (<When from={answer.slot.start} to={answer.slot.end} />)
            </>
          )}
        </p>
      )}
      <InlineError error={error} />
    </div>
  );
}

function PlacementLine({ p, names, late }: { p: Placement; names: SummitNames; late: string | null }) {
  return (
    <>
      <strong>{names.meeting(p.request)}</strong> — <When from={p.start} to={p.end} />, {names.room(p.room)}
      {late && <span className="late-note"> · late: {late}</span>}
    </>
  );
}

/** The plan panel (host). */
export function PlanPanel(props: {
  summit: string;
  proposal: Proposal;
  names: SummitNames;
  requests: ReadonlyMap<string, MeetingRequest>;
  /** Why a placement is late in the day, or null. */
  lateOf(p: Placement): string | null;
}) {
  const { summit, proposal, names } = props;
  const { job, running } = proposal;
  const [seconds, setSeconds] = useState(10);
  const [mode, setMode] = useState<PlanMode | ''>('');
  // null: the summit's own limit (planning.maxMoves), else the server's 5
  const [maxMoves, setMaxMoves] = useState<number | null>(null);
  const [confirm, confirmDialog] = useConfirm();
  const toasts = useToasts();

  const limitMs = (job?.timeLimitSeconds ?? seconds) * 1000;
  const percent =
    running && job ? Math.min(99, Math.round((job.progress.elapsedMs / limitMs) * 100)) : job ? 100 : 0;
  const diff = job?.status === 'done' ? job.result?.diff : null;
  const quality = job?.status === 'done' ? planQuality(job) : null;
  const moves = job?.status === 'done' ? planMoves(job) : null;

  const grouped = new Map<UnplacedGroup, Unplaced[]>();
  for (const u of diff?.unplaced ?? []) {
    const g = unplacedGroup(u);
    grouped.set(g, [...(grouped.get(g) ?? []), u]);
  }
  const lateOnes = diff
    ? [...diff.placed, ...diff.moved.map((m) => m.to)].filter((p) => props.lateOf(p))
    : [];

  const accept = async () => {
    if (!diff) return;
    const ok = await confirm({
      title: 'Accept this plan?',
      body: (
        <ul>
          <li>
            {diff.placed.length} meetings placed, {diff.moved.length} moved, {diff.removed.length} taken off
            the calendar.
          </li>
          <li>
            The parties of every changed meeting are told; a moved meeting needs their confirmation again.
          </li>
          {lateOnes.length > 0 && <li>{lateOnes.length} of them are late in the day.</li>}
        </ul>
      ),
      confirmLabel: 'Accept the plan',
    });
    if (!ok) return;
    if (await proposal.accept()) {
      toasts.show({
        text: `Plan accepted: ${diff.placed.length} placed, ${diff.moved.length} moved, ${diff.removed.length} taken off.`,
        tone: 'ok',
      });
    }
  };

  const discard = async () => {
    const ok = running
      ? true
      : await confirm({
          title: 'Discard this proposal?',
          body: <p>Nothing on the calendar changes. Planning again takes another search.</p>,
          confirmLabel: 'Discard',
          tone: 'danger',
        });
    if (ok) await proposal.discard();
  };

  return (
    <section className="card side-panel plan-panel" aria-labelledby="plan-title" id="plan">
      {confirmDialog}
      <h2 id="plan-title">Plan the schedule</h2>
      <p className="muted small">
        The engine places every agreed request it can around pinned and confirmed meetings. Nothing changes
        until you accept its proposal, which stays here (and on the grid) until you do or discard it.
      </p>
      <div className="toolbar">
        <NumberField
          label="Time limit (seconds)"
          value={seconds}
          minValue={1}
          maxValue={300}
          onChange={setSeconds}
        />
        <SelectField
          label="Meetings on the calendar"
          value={mode}
          onChange={(v) => setMode(v === '' ? '' : (v as PlanMode))}
          choices={MODES}
          anyLabel="Keep the schedule if there is one"
          description={
            mode === 're-optimise'
              ? 'Moves as many meetings as it gains from; the proposal says how many.'
              : 'Moves few meetings that still fit, and answers at once.'
          }
        />
        <NumberField
          label="Most meetings to move"
          value={maxMoves ?? Number.NaN}
          minValue={0}
          maxValue={500}
          onChange={(v) => setMaxMoves(Number.isNaN(v) ? null : v)}
          isDisabled={mode === 're-optimise'}
          description="Empty: the summit's own limit, else 5."
        />
        <Button
          tone="primary"
          onPress={() =>
            void proposal.start({
              timeLimitSeconds: seconds,
              ...(mode === '' ? {} : { mode }),
              ...(mode === 're-optimise' || maxMoves === null ? {} : { maxMoves }),
            })
          }
          isDisabled={proposal.busy || running || diff != null}
        >
          {running ? 'Planning…' : 'Plan'}
        </Button>
        {running && (
          <Button onPress={() => void proposal.discard()} isDisabled={proposal.busy}>
            Cancel
          </Button>
        )}
      </div>
      {proposal.restoring && <p className="muted small">Reading back the proposal you left open…</p>}
      {job && (
        <ProgressBar value={percent} className="progress" aria-label="Planning progress">
          {({ percentage, valueText }) => (
            <>
              <Label className="small">{statusText(job, valueText)}</Label>
              <div className="progress-track">
                <div className="progress-fill" style={{ width: `${percentage ?? 0}%` }} />
              </div>
            </>
          )}
        </ProgressBar>
      )}
      {job?.status === 'failed' && (
        <p className="inline-error">{job.error ?? 'The planner stopped with an error.'}</p>
      )}
      <InlineError error={proposal.error} />
      {diff && (
        <div className="plan-diff" data-testid="plan-diff">
          <h3>Proposal</h3>
          <p>
            <strong>{diff.placed.length}</strong> placed · <strong>{diff.moved.length}</strong> moved ·{' '}
            <strong>{diff.removed.length}</strong> taken off · <strong>{diff.unplaced.length}</strong> not
            placed
          </p>
          {quality && (
            <p className="plan-quality" data-testid="plan-quality">
              It places <strong>{quality.value}</strong> priority points
              {quality.bound !== null && quality.gap !== null ? (
                <>
                  {' '}
                  of at most <strong>{quality.bound}</strong> possible: within{' '}
                  <strong>{gapLabel(quality.gap)}</strong> of the best plan there can be.
                </>
              ) : (
                '; no bound on the best possible was proven.'
              )}
            </p>
          )}
          {moves && (
            <div className="plan-moves" data-testid="plan-moves">
              <p>
                It moves <strong>{meetingsWord(moves.counted)}</strong> already on the calendar
                {moves.limit !== null
                  ? ` (at most ${moves.limit}: the schedule is kept)`
                  : ' (no limit: re-optimised)'}
                {moves.repaired > 0 &&
                  `, and repairs ${meetingsWord(moves.repaired)} that no longer fitted where they were`}
                .
              </p>
              {moves.list.length > 0 && (
                <details>
                  <summary>Why each moves ({moves.list.length})</summary>
                  <ul className="diff-list">
                    {moves.list.map((m) => (
                      <li key={m.request}>
                        <strong>{names.meeting(m.request)}</strong>{' '}
                        {m.off ? 'comes off the calendar' : 'moves'}
                        {m.for !== null && names.knowsRequest(m.for)
                          ? ` to make room for ${names.meeting(m.for)}`
                          : ''}
                      </li>
                    ))}
                  </ul>
                </details>
              )}
            </div>
          )}
          {lateOnes.length > 0 && (
            <div className="notice notice-warn" data-testid="plan-late">
              <strong>{lateOnes.length} late in the day:</strong>
              <ul className="issues">
                {lateOnes.map((p) => (
                  <li key={p.request}>
                    <PlacementLine p={p} names={names} late={props.lateOf(p)} />
                  </li>
                ))}
              </ul>
            </div>
          )}
          {diff.placed.length > 0 && (
            <details>
              <summary>Placed ({diff.placed.length})</summary>
              <ul className="diff-list">
                {diff.placed.map((p) => (
                  <li key={p.request}>
                    <PlacementLine p={p} names={names} late={props.lateOf(p)} />
                  </li>
                ))}
              </ul>
            </details>
          )}
          {diff.moved.length > 0 && (
            <details>
              <summary>Moved ({diff.moved.length})</summary>
              <ul className="diff-list">
                {diff.moved.map((m) => (
                  <li key={m.to.request}>
                    <strong>{names.meeting(m.to.request)}</strong> — from{' '}
                    <When from={m.from.start} to={m.from.end} />, {names.room(m.from.room)} to{' '}
                    <When from={m.to.start} to={m.to.end} />, {names.room(m.to.room)}
                  </li>
                ))}
              </ul>
            </details>
          )}
          {diff.removed.length > 0 && (
            <details>
              <summary>Taken off ({diff.removed.length})</summary>
              <ul className="diff-list">
                {diff.removed.map((p) => (
                  <li key={p.request}>
                    <PlacementLine p={p} names={names} late={null} />
                  </li>
                ))}
              </ul>
            </details>
          )}
          {diff.unplaced.length > 0 && (
            <div className="unplaced-groups" data-testid="unplaced-groups">
              <h3>Not placed, and what it would take</h3>
              {UNPLACED_GROUPS.filter((g) => grouped.has(g.id)).map((g) => {
                const items = grouped.get(g.id)!;
                return (
                  <details key={g.id} open={g.actionable} data-group={g.id}>
                    <summary>
                      {g.title} ({items.length})
                    </summary>
                    <ul className="diff-list">
                      {items.map((u) => (
                        <li key={u.request}>
                          <strong>
                            {names.knowsRequest(u.request) ? names.ask(u.request) : 'A request'}
                          </strong>{' '}
                          — {unplacedWords(u, names, props.requests.get(u.request))}
                          {(u.reason === 'no-slot' || u.reason === 'displaced') && (
                            <WhatIfButtons summit={summit} u={u} names={names} />
                          )}
                        </li>
                      ))}
                    </ul>
                  </details>
                );
              })}
            </div>
          )}
          <div className="actions">
            <Button tone="primary" onPress={() => void accept()} isDisabled={proposal.busy}>
              Accept the plan
            </Button>
            <Button onPress={() => void discard()} isDisabled={proposal.busy}>
              Discard
            </Button>
          </div>
        </div>
      )}
      {job?.status === 'accepted' && (
        <div className="actions">
          <Button tone="quiet" onPress={proposal.clear}>
            Plan again
          </Button>
        </div>
      )}
    </section>
  );
}
