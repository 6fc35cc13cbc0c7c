// Shows a refused stale write: what the user tried, who changed the record meanwhile and how.
import type { LogEvent } from '../../api/models';
import { describeEvent } from '../../../../src/domain/words/event-words.js';
import type { SummitNames } from '../../lib/names';
import { momentLabel } from '../../lib/time';
import { Button } from '../../ui/Button';
import type { StaleWrite } from './useAction';

/** One field that differs between the record the user saw and the record now. */
export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

/** The fields of the records a stale write may be about, as people call them. */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  status: 'State',
  acceptedBy: 'Accepted by',
  confirmedBy: 'Slot accepted by',
  by: 'By',
  text: 'Text',
  claim: 'Claim',
  published: 'Published',
  outcome: 'Decision',
  note: 'Note',
  start: 'Starts',
  end: 'Ends',
  room: 'Room',
  pinned: 'Pinned',
  announced: 'Announced',
  minutes: 'Length (minutes)',
  attendees: 'Attendees',
  topics: 'Topics',
  priority: 'Priority',
  kind: 'Kind',
};

/** A value in words: delegations, users, persons and rooms by name, times in summit time. */
function show(field: string, value: unknown, names: SummitNames | null): string {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) {
    return value.length === 0 ? '(none)' : value.map((v) => show(field, v, names)).join(', ');
  }
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'object') return JSON.stringify(value);
  const text = String(value);
  if (!names) return text;
  switch (field) {
    case 'acceptedBy':
    case 'confirmedBy':
    case 'from':
    case 'to':
    case 'delegation':
      return names.delegation(text);
    case 'by':
    case 'author':
      return names.user(text);
    case 'attendees':
      return names.person(text);
    case 'room':
      return names.room(text);
    case 'start':
    case 'end':
    case 'at':
      return momentLabel(text, names.zone);
    case 'status':
    case 'claim':
    case 'outcome':
    case 'kind':
      return text.replace(/-/g, ' ');
    default:
      return text;
  }
}

/** The fields that changed between two versions of a record (the version itself left out), in words. */
export function changedFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  names: SummitNames | null = null,
): FieldChange[] {
  const fields = new Set([...Object.keys(before), ...Object.keys(after)]);
  fields.delete('version');
  const out: FieldChange[] = [];
  for (const field of fields) {
    const a = show(field, before[field], names);
    const b = show(field, after[field], names);
    if (a !== b) out.push({ field: FIELD_LABELS[field] ?? field, before: a, after: b });
  }
  return out;
}

/** The conflict panel: nothing was overwritten; here is the other change; act again on the new version. */
export function StaleNotice(props: {
  stale: StaleWrite;
  lastEvent: LogEvent | undefined;
  names: SummitNames;
  onDismiss(): void;
}) {
  const { stale } = props;
  const last = props.lastEvent ? describeEvent(props.lastEvent, props.names) : null;
  const changes = stale.before && stale.after ? changedFields(stale.before, stale.after, props.names) : [];
  return (
    <div className="conflict" role="alert" aria-labelledby="stale-title">
      <h2 id="stale-title">Someone else changed this first</h2>
      <p>
        Your action “{stale.action}” was not applied, so nothing of theirs was overwritten.{' '}
        {stale.error.message}
      </p>
      {last && (
        <p>
          Latest change: <strong>{last.text}</strong> — {last.by}.
        </p>
      )}
      {changes.length > 0 ? (
        <table className="table">
          <caption>What changed</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">You saw</th>
              <th scope="col">Now</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((c) => (
              <tr key={c.field}>
                <th scope="row">{c.field}</th>
                <td>{c.before}</td>
                <td>{c.after}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>The page now shows the latest version.</p>
      )}
      <p>Review the latest version below, then act again if it still makes sense.</p>
      <Button onPress={props.onDismiss}>Dismiss</Button>
    </div>
  );
}
