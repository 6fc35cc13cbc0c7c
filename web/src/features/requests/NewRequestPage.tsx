// Ask one or more delegations for a meeting: who, format, level, length, attendees, windows, conditions.
import { useMemo, useState } from 'react';
import {
  Checkbox as AriaCheckbox,
  CheckboxGroup,
  Form,
  Label,
  ListBox,
  ListBoxItem,
  type Selection,
} from 'react-aria-components';
import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { requestCommands, type NewRequestBody } from '../../api/hooks/requests';
import { useDelegations, usePersons } from '../../api/hooks/summit';
import { CONDITION_KINDS, FORMATS, LEVELS } from '../../api/models';
import { ApiError } from '../../api/problem';
import { useSummitScope } from '../../app/summit-context';
import { Button, ButtonLink } from '../../ui/Button';
import { Checkbox, NumberField, SelectField, TextAreaField, TextField } from '../../ui/fields';
import { InlineError, Loading } from '../../ui/states';
import { words } from './labels';
import { toInstants, WindowsEditor, type LocalWindow } from './WindowsEditor';

interface DraftCondition {
  kind: (typeof CONDITION_KINDS)[number];
  text: string;
}

/** The server's message for one field of the body, if it named one. */
function fieldError(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const hit = error.issues.find(
    (i) =>
      i.path === `body.${field}` ||
      i.path.startsWith(`body.${field}[`) ||
      i.path.startsWith(`body.${field}.`),
  );
  return hit?.message;
}

/** The new-request screen. */
export default function NewRequestPage() {
  const { summit, standing } = useSummitScope();
  const navigate = useNavigate();
  const client = useQueryClient();
  const delegations = useDelegations(summit.id);
  const persons = usePersons(summit.id);
  const own = standing.delegation;

  const [to, setTo] = useState<Set<string>>(new Set());
  const [format, setFormat] = useState<NewRequestBody['format']>('bilateral');
  const [level, setLevel] = useState<NewRequestBody['level']>('leaders');
  const [minutes, setMinutes] = useState(30);
  const [priority, setPriority] = useState('3');
  const [topics, setTopics] = useState('');
  const [attendees, setAttendees] = useState<string[]>([]);
  const [allowed, setAllowed] = useState<LocalWindow[]>([]);
  const [preferred, setPreferred] = useState<LocalWindow[]>([]);
  const [confidential, setConfidential] = useState(false);
  const [conditions, setConditions] = useState<DraftCondition[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const involved = useMemo(() => new Set([own ?? '', ...to]), [own, to]);
  const candidates = (persons.data ?? []).filter((p) => involved.has(p.delegation));

  if (!own) {
    return <p className="notice">Only a delegation asks for meetings; the host places them.</p>;
  }
  if (delegations.isPending || persons.isPending) return <Loading what="Loading delegations" />;

  async function submit(asDraft: boolean) {
    setBusy(true);
    setError(null);
    try {
      const body: NewRequestBody = {
        to: [...to],
        format,
        level,
        minutes,
        priority: Number(priority),
        topics: topics
          .split(',')
          .map((t) => t.trim().toLowerCase())
          .filter(Boolean),
        attendees,
        allowed: allowed.length ? toInstants(summit, allowed) : null,
        preferred: toInstants(summit, preferred),
        confidential,
        conditions: conditions
          .filter((c) => c.text.trim())
          .map((c) => ({ kind: c.kind, text: c.text.trim() })),
        submit: !asDraft,
      };
      const data = await requestCommands.create(summit.id, body);
      await client.invalidateQueries({ queryKey: ['summit', summit.id, 'requests'] });
      void navigate(`/s/${summit.id}/requests/${data.request.id}`);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  }

  return (
    <div className="narrow-form">
      <h1>New request</h1>
      <Form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit(false);
        }}
      >
        <div className="field">
          <ListBoxLabelled
            label="Ask"
            description="The delegations you ask to meet; several make it multilateral."
            error={fieldError(error, 'to')}
            items={(delegations.data ?? [])
              .filter((d) => d.id !== own)
              .map((d) => ({ id: d.id, label: d.name }))}
            selected={to}
            onChange={(next) => {
              setTo(next);
              if (next.size > 1) setFormat('multilateral');
            }}
          />
        </div>
        <div className="form-row">
          <SelectField
            label="Format"
            value={format}
            onChange={(v) => setFormat(v as NewRequestBody['format'])}
            choices={FORMATS.map((f) => ({ id: f, label: words(f) }))}
          />
          <SelectField
            label="Level"
            value={level}
            onChange={(v) => setLevel(v as NewRequestBody['level'])}
            choices={LEVELS.map((l) => ({ id: l, label: words(l) }))}
          />
          <NumberField
            label="Length (minutes)"
            value={minutes}
            onChange={setMinutes}
            minValue={5}
            maxValue={600}
            error={fieldError(error, 'minutes')}
          />
          <SelectField
            label="Priority"
            value={priority}
            onChange={setPriority}
            choices={[5, 4, 3, 2, 1].map((p) => ({
              id: String(p),
              label: `P${p}${p === 5 ? ' (highest)' : p === 1 ? ' (lowest)' : ''}`,
            }))}
          />
        </div>
        <TextField
          label="Topics"
          value={topics}
          onChange={setTopics}
          description="Separated by commas, e.g. syria, trade"
          error={fieldError(error, 'topics')}
        />
        <CheckboxGroup
          className="field attendees"
          value={attendees}
          onChange={setAttendees}
          isInvalid={Boolean(fieldError(error, 'attendees'))}
        >
          <Label>Attendees</Label>
          {candidates.length === 0 && <p className="muted small">Choose whom to ask first.</p>}
          <div className="attendee-grid">
            {candidates.map((p) => (
              <AriaCheckbox key={p.id} value={p.id} className="checkbox">
                <span className="checkbox-box" aria-hidden="true">
                  <svg viewBox="0 0 18 18">
                    <polyline points="2 9 7 14 16 4" />
                  </svg>
                </span>
                {p.name}
                <span className="muted small">
                  {' '}
                  {p.title ? `${p.title}, ` : ''}
                  {p.delegation.toUpperCase()}
                </span>
              </AriaCheckbox>
            ))}
          </div>
          {fieldError(error, 'attendees') && (
            <p className="react-aria-FieldError">{fieldError(error, 'attendees')}</p>
          )}
        </CheckboxGroup>
        <WindowsEditor
          label="Allowed windows"
          summit={summit}
          value={allowed}
          onChange={setAllowed}
          emptyText="Any time during the summit."
        />
        <WindowsEditor
          label="Preferred windows"
          summit={summit}
          value={preferred}
          onChange={setPreferred}
          emptyText="No preference."
        />
        <fieldset>
          <legend>Conditions</legend>
          {conditions.length === 0 && (
            <p className="muted small">None: the counterpart may accept as it stands.</p>
          )}
          {conditions.map((c, n) => (
            <div key={n} className="form-row">
              <SelectField
                label={`Kind of condition ${n + 1}`}
                value={c.kind}
                onChange={(kind) =>
                  setConditions(
                    conditions.map((x, i) => (i === n ? { ...x, kind: kind as DraftCondition['kind'] } : x)),
                  )
                }
                choices={CONDITION_KINDS.map((k) => ({ id: k, label: words(k) }))}
              />
              <TextAreaField
                label={`Condition ${n + 1}`}
                value={c.text}
                onChange={(text) => setConditions(conditions.map((x, i) => (i === n ? { ...x, text } : x)))}
                rows={2}
              />
              <Button
                tone="quiet"
                className="btn-small"
                onPress={() => setConditions(conditions.filter((_, i) => i !== n))}
              >
                Remove condition {n + 1}
              </Button>
            </div>
          ))}
          <Button
            className="btn-small"
            onPress={() => setConditions([...conditions, { kind: 'agenda', text: '' }])}
          >
            Add a condition
          </Button>
        </fieldset>
        <Checkbox isSelected={confidential} onChange={setConfidential}>
          Confidential: hidden from the host and everyone but the parties
        </Checkbox>
        <InlineError error={error} />
        <div className="actions">
          <Button type="submit" tone="primary" isDisabled={busy || to.size === 0}>
            {busy ? 'Sending…' : 'Send request'}
          </Button>
          <Button isDisabled={busy || to.size === 0} onPress={() => void submit(true)}>
            Save as draft
          </Button>
          <ButtonLink href={`/s/${summit.id}/requests`} tone="quiet">
            Cancel
          </ButtonLink>
        </div>
      </Form>
    </div>
  );
}

/** A labelled multi-select list (react-aria ListBox), scrolling when long. */
function ListBoxLabelled(props: {
  label: string;
  description: string;
  error: string | undefined;
  items: { id: string; label: string }[];
  selected: Set<string>;
  onChange(next: Set<string>): void;
}) {
  return (
    <>
      <span className="field-label" id="ask-label">
        {props.label}
      </span>
      <span className="muted small" id="ask-desc">
        {props.description}
      </span>
      <ListBox
        aria-labelledby="ask-label"
        aria-describedby="ask-desc"
        className="listbox pick-list"
        selectionMode="multiple"
        items={props.items}
        selectedKeys={props.selected}
        onSelectionChange={(keys: Selection) =>
          props.onChange(
            keys === 'all' ? new Set(props.items.map((i) => i.id)) : new Set([...keys].map(String)),
          )
        }
      >
        {(item) => (
          <ListBoxItem id={item.id} className="listbox-item" textValue={item.label}>
            {({ isSelected }) => (
              <>
                <span aria-hidden="true" className="tick">
                  {isSelected ? '☑' : '☐'}
                </span>{' '}
                {item.label}
              </>
            )}
          </ListBoxItem>
        )}
      </ListBox>
      {props.error && <p className="react-aria-FieldError">{props.error}</p>}
    </>
  );
}
