// "Plan": runs the scheduling engine on the server, shows its progress, then the proposal as a diff
// (placed, moved, removed, unplaced with reasons) to accept or discard.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { ProgressBar, Label } from 'react-aria-components';
import { meetingCommands, type PlanJob } from '../../api/hooks/meetings';
import type { Placement, Unplaced } from '../../api/models';
import { When } from '../../app/When';
import { Button } from '../../ui/Button';
import { NumberField } from '../../ui/fields';
import { InlineError } from '../../ui/states';

const POLL_MS = 400;

function PlacementLine({ p, roomName }: { p: Placement; roomName(id: string | null): string }) {
  return (
    <>
      <code>{p.request}</code> <When from={p.start} to={p.end} />, {roomName(p.room)}
    </>
  );
}

function WhatIf({ summit, u }: { summit: string; u: Unplaced }) {
  const [answer, setAnswer] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  if (!Array.isArray(u.blockers) || u.blockers.length === 0) return null;
  return (
    <div className="what-if">
      {u.blockers.slice(0, 3).map((b, n) => (
        <Button
          key={n}
          className="btn-small"
          tone="quiet"
          onPress={() => {
            setError(null);
            meetingCommands
              .whatIf(summit, u.request, b)
              .then(({ data }) => setAnswer(summariseWhatIf(data)), setError);
          }}
        >
          What if “{blockerLabel(b)}” were lifted?
        </Button>
      ))}
      {answer && (
        <p className="small" role="status">
          {answer}
        </p>
      )}
      <InlineError error={error} />
    </div>
  );
}

/** A short name for a blocker of an unplaced request. */
export function blockerLabel(b: unknown): string {
  const o = (b ?? {}) as Record<string, unknown>;
  const kind = String(o.kind ?? 'blocker');
  const what = o.title ?? o.label ?? o.request ?? o.reason ?? o.detail ?? o.person ?? '';
  return `${kind}${what ? `: ${String(what)}` : ''}`;
}

/** A sentence for a what-if answer, whatever its exact shape. */
export function summariseWhatIf(data: unknown): string {
  const o = (data ?? {}) as Record<string, unknown>;
  if (typeof o.detail === 'string') return o.detail;
  const suggestions = (o.suggestions ?? o.slots ?? o.items) as unknown[] | undefined;
  if (Array.isArray(suggestions)) {
    return suggestions.length === 0
      ? 'Even then, no slot would fit.'
      : `Then ${suggestions.length} slot${suggestions.length === 1 ? '' : 's'} would fit.`;
  }
  if (typeof o.ok === 'boolean')
    return o.ok ? 'Then it could be placed.' : 'Even then, it could not be placed.';
  return JSON.stringify(data);
}

/** The plan panel (host). */
export function PlanPanel(props: { summit: string; roomName(id: string | null): string }) {
  const { summit } = props;
  const client = useQueryClient();
  const [seconds, setSeconds] = useState(10);
  const [job, setJob] = useState<PlanJob | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const started = useRef(0);

  const running = job !== null && (job.status === 'queued' || job.status === 'running');
  useEffect(() => {
    if (!job || !running) return;
    const timer = setTimeout(() => {
      meetingCommands.plan(summit, job.id).then(({ data }) => setJob(data), setError);
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [job, running, summit]);

  const elapsed = job?.progress?.elapsedMs ?? 0;
  const percent = running ? Math.min(99, Math.round((elapsed / (seconds * 1000)) * 100)) : job ? 100 : 0;
  const diff = job?.status === 'done' ? job.result?.diff : null;

  const start = async () => {
    setError(null);
    setBusy(true);
    try {
      started.current = Date.now();
      const { data } = await meetingCommands.startPlan(summit, { timeLimitSeconds: seconds });
      setJob(data);
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
      if (accept) await meetingCommands.acceptPlan(summit, job.id);
      else await meetingCommands.discardPlan(summit, job.id);
      setJob(accept ? { ...job, status: 'accepted' } : null);
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
        {running && job && (
          <Button onPress={() => void finish(false)} isDisabled={busy}>
            Cancel
          </Button>
        )}
      </div>
      {job && (
        <ProgressBar value={percent} className="progress" aria-label="Planning progress">
          {({ percentage, valueText }) => (
            <>
              <Label className="small">
                {job.status === 'queued'
                  ? 'Waiting for a worker…'
                  : running
                    ? `Searching… ${valueText}`
                    : job.status === 'failed'
                      ? 'The planner failed'
                      : job.status === 'accepted'
                        ? 'Accepted: the calendar now shows the plan'
                        : 'Done'}
              </Label>
              <div className="progress-track">
                <div className="progress-fill" style={{ width: `${percentage ?? 0}%` }} />
              </div>
            </>
          )}
        </ProgressBar>
      )}
      {job?.status === 'failed' && (
        <p className="inline-error">{String(job.error ?? 'The planner stopped with an error.')}</p>
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
                    {u.reason === 'no-slot' && <WhatIf summit={summit} u={u} />}
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
