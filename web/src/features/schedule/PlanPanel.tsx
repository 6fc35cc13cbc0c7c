// "Plan": runs the scheduling engine on the server, shows its progress, then the proposal as a diff
// (placed, moved, removed, unplaced with reasons) to accept or discard.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Label, ProgressBar } from 'react-aria-components';
import { meetingCommands } from '../../api/hooks/meetings';
import type { Blocker, PlanJob, Placement, Unplaced, WhatIf } from '../../api/models';
import { When } from '../../app/When';
import { Button } from '../../ui/Button';
import { NumberField } from '../../ui/fields';
import { InlineError } from '../../ui/states';

const POLL_MS = 400;

/** A short name for a blocker of an unplaced request: "programme: Gala dinner (usa-potus)". */
export function blockerLabel(b: Blocker): string {
  const what = b.title ?? b.label ?? b.request ?? b.reason ?? b.detail ?? b.venue ?? '';
  const who = typeof b.person === 'string' ? ` (${b.person})` : '';
  return `${b.kind}${what ? `: ${String(what)}` : ''}${who}`;
}

/** A sentence for a what-if answer: the slot it would get and what would have to move. */
export function summariseWhatIf(w: WhatIf, roomName: (id: string | null) => string): string {
  if (!w.slot) return `${w.assumption} Even then, no slot would fit.`;
  const moves = w.displaces.length
    ? ` ${w.displaces.length} meeting${w.displaces.length === 1 ? '' : 's'} would have to move: ${w.displaces.join(', ')}.`
    : '';
  return `${w.assumption} Then it could be placed in ${roomName(w.slot.room)}.${moves}`;
}

function PlacementLine({ p, roomName }: { p: Placement; roomName(id: string | null): string }) {
  return (
    <>
      <code>{p.request}</code> <When from={p.start} to={p.end} />, {roomName(p.room)}
    </>
  );
}

function WhatIfButtons(props: { summit: string; u: Unplaced; roomName(id: string | null): string }) {
  const { summit, u } = props;
  const [answer, setAnswer] = useState<WhatIf | null>(null);
  const [error, setError] = useState<unknown>(null);
  if (u.blockers.length === 0) return null;
  return (
    <div className="what-if">
      {u.blockers.slice(0, 3).map((b, n) => (
        <Button
          key={n}
          className="btn-small"
          tone="quiet"
          onPress={() => {
            setError(null);
            meetingCommands.whatIf(summit, u.request, b).then(setAnswer, setError);
          }}
        >
          What if “{blockerLabel(b)}” moved?
        </Button>
      ))}
      {answer && (
        <p className="small" role="status">
          {summariseWhatIf(answer, props.roomName)}
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

function statusText(job: PlanJob, valueText: string | undefined): string {
  switch (job.status) {
    case 'queued':
      return 'Waiting for a worker…';
    case 'running':
      return `Searching… ${valueText ?? ''}`;
    case 'failed':
      return 'The planner failed';
    case 'accepted':
      return 'Accepted: the calendar now shows the plan';
    case 'discarded':
      return 'Discarded';
    default:
      return 'Done: review the proposal';
  }
}

/** The plan panel (host). */
export function PlanPanel(props: { summit: string; roomName(id: string | null): string }) {
  const { summit } = props;
  const client = useQueryClient();
  const [seconds, setSeconds] = useState(10);
  const [job, setJob] = useState<PlanJob | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const running = job !== null && (job.status === 'queued' || job.status === 'running');
  useEffect(() => {
    if (!job || !running) return;
    const timer = setTimeout(() => meetingCommands.plan(summit, job.id).then(setJob, setError), POLL_MS);
    return () => clearTimeout(timer);
  }, [job, running, summit]);

  const limitMs = (job?.timeLimitSeconds ?? seconds) * 1000;
  const percent = running
    ? Math.min(99, Math.round((job.progress.elapsedMs / limitMs) * 100))
    : job
      ? 100
      : 0;
  const diff = job?.status === 'done' ? job.result?.diff : null;

  const start = async () => {
    setError(null);
    setBusy(true);
    try {
      setJob(await meetingCommands.startPlan(summit, { timeLimitSeconds: seconds }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const finish = async (accept: boolean) => {
    if (!job) return;
    setBusy(true);
    setError(null);
    try {
      const next = accept
        ? await meetingCommands.acceptPlan(summit, job)
        : await meetingCommands.discardPlan(summit, job);
      setJob(accept ? next : null);
      await client.invalidateQueries({
        predicate: (q) => q.queryKey[0] === 'summit' && q.queryKey[1] === summit,
      });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card side-panel" aria-labelledby="plan-title">
      <h2 id="plan-title">Plan the schedule</h2>
      <p className="muted small">
        The engine places every agreed request it can around pinned and confirmed meetings. Nothing changes
        until you accept its proposal.
      </p>
      <div className="toolbar">
        <NumberField
          label="Time limit (seconds)"
          value={seconds}
          minValue={1}
          maxValue={300}
          onChange={setSeconds}
        />
        <Button tone="primary" onPress={() => void start()} isDisabled={busy || running}>
          {running ? 'Planning…' : 'Plan'}
        </Button>
        {running && (
          <Button onPress={() => void finish(false)} isDisabled={busy}>
            Cancel
          </Button>
        )}
      </div>
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
      <InlineError error={error} />
      {diff && (
        <div className="plan-diff" data-testid="plan-diff">
          <h3>Proposal</h3>
          <p>
            <strong>{diff.placed.length}</strong> placed · <strong>{diff.moved.length}</strong> moved ·{' '}
            <strong>{diff.removed.length}</strong> taken off · <strong>{diff.unplaced.length}</strong> not
            placed
          </p>
          {diff.placed.length > 0 && (
            <details>
              <summary>Placed ({diff.placed.length})</summary>
              <ul className="diff-list">
                {diff.placed.map((p) => (
                  <li key={p.request}>
                    <PlacementLine p={p} roomName={props.roomName} />
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
                    <PlacementLine p={m.from} roomName={props.roomName} /> →{' '}
                    <When from={m.to.start} to={m.to.end} />, {props.roomName(m.to.room)}
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
                    <PlacementLine p={p} roomName={props.roomName} />
                  </li>
                ))}
              </ul>
            </details>
          )}
          {diff.unplaced.length > 0 && (
            <details open>
              <summary>Not placed, and why ({diff.unplaced.length})</summary>
              <ul className="diff-list">
                {diff.unplaced.map((u) => (
                  <li key={u.request}>
                    <code>{u.request}</code> — {u.detail || u.reason}
                    {u.reason === 'no-slot' && (
                      <WhatIfButtons summit={summit} u={u} roomName={props.roomName} />
                    )}
                  </li>
                ))}
              </ul>
            </details>
          )}
          <div className="actions">
            <Button tone="primary" onPress={() => void finish(true)} isDisabled={busy}>
              Accept the plan
            </Button>
            <Button onPress={() => void finish(false)} isDisabled={busy}>
              Discard
            </Button>
          </div>
        </div>
      )}
    </section>
  );
}
