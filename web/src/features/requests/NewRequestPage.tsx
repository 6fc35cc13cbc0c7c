// Ask one or more delegations for a meeting: whom (a searchable multi-select), format, level,
// length, attendees by delegation, windows, conditions. "Send" says what it still needs, and before
// it goes the sender sees what may be wrong: an attendee away during a chosen window, an open
// request with the same parties (and, with the summit's rules, a rank mismatch).
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  Checkbox as AriaCheckbox,
  CheckboxGroup,
  ComboBox,
  Form,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Tag,
  TagGroup,
  TagList,
  Button as AriaButton,
  type Key,
} from 'react-aria-components';
import { Link, useNavigate } from 'react-router';
import { requestCommands, useRequests, type NewRequestBody } from '../../api/hooks/requests';
import { byId, useDelegations, usePersons } from '../../api/hooks/summit';
import { CONDITION_KINDS, FORMATS, LEVELS, type Delegation } from '../../api/models';
import { ApiError } from '../../api/problem';
import { useSummitScope } from '../../app/summit-context';
import { useSummitNames } from '../../lib/names';
import { Button, ButtonLink } from '../../ui/Button';
import { useConfirm } from '../../ui/Dialog';
import { Checkbox, NumberField, SelectField, TextAreaField, TextField } from '../../ui/fields';
import { InlineError, Loading } from '../../ui/states';
import { useToasts } from '../../ui/toasts';
import { words } from './labels';
import {
  absenceWarnings,
  duplicateWarnings,
  missingForSend,
  type DraftRequest,
  type RequestWarning,
} from './request-warnings';
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

/**
 * Warnings the summit's rules add to a draft (rank parity, quotas): none yet. The rules that the
 * summit file's version 2 brings plug in here, so the form shows them with the others.
 */
export function useRuleWarnings(draft: DraftRequest): RequestWarning[] {
  void draft;
  return [];
}

/** The new-request screen. */
export default function NewRequestPage() {
  const { summit, standing } = useSummitScope();
  const navigate = useNavigate();
  const client = useQueryClient();
  const toasts = useToasts();
  const delegations = useDelegations(summit.id);
  const persons = usePersons(summit.id);
  const own = standing.delegation;
  const mine = useRequests(summit.id, own ? { party: own } : {});
  const { names, ready } = useSummitNames({ requests: mine.data });
  const [confirm, confirmDialog] = useConfirm();

  const [to, setTo] = useState<string[]>([]);
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

  const personById = useMemo(() => byId(persons.data), [persons.data]);
  const delegationById = useMemo(() => byId(delegations.data), [delegations.data]);
  const draft: DraftRequest = {
    from: own ?? '',
    to,
    format,
    level,
    minutes,
    attendees,
    allowed: toInstants(summit, allowed),
    preferred: toInstants(summit, preferred),
  };
  const ruleWarnings = useRuleWarnings(draft);

  if (!own) {
    return <p className="notice">Only a delegation asks for meetings; the host places them.</p>;
  }
  if (delegations.isPending || persons.isPending || mine.isPending || !ready) {
    return <Loading what="Loading delegations" />;
  }

  const missing = missingForSend(draft, summit.grainMinutes, (p) => personById.get(p)?.delegation);
  const warnings = [
    ...duplicateWarnings(draft, mine.data ?? [], names),
    ...absenceWarnings(draft, personById, delegationById, names),
    ...ruleWarnings,
  ];
  const involved = [own, ...to];

  async function submit(asDraft: boolean) {
    if (!asDraft && warnings.length > 0) {
      const ok = await confirm({
        title: 'Send despite these warnings?',
        body: (
          <ul>
            {warnings.map((w, n) => (
              <li key={n}>{w.text}</li>
            ))}
          </ul>
        ),
        confirmLabel: 'Send anyway',
      });
      if (!ok) return;
    }
    setBusy(true);
    setError(null);
    try {
      const body: NewRequestBody = {
        to,
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
      toasts.show({
        text: asDraft
          ? 'Saved as a draft: only your delegation sees it until you send it.'
          : `Sent to ${to.map(names.delegation).join(', ')}. You can withdraw it from its page.`,
        tone: 'ok',
      });
      void navigate(`/s/${summit.id}/requests/${data.request.id}`);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  }

  return (
    <div className="narrow-form">
      {confirmDialog}
      <h1>New request</h1>
      <Form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          if (missing.length === 0) void submit(false);
        }}
      >
        <CounterpartPicker
          delegations={(delegations.data ?? []).filter((d) => d.id !== own)}
          value={to}
          error={fieldError(error, 'to')}
          onChange={(next) => {
            setTo(next);
            setAttendees(
              attendees.filter((a) => [own, ...next].includes(personById.get(a)?.delegation ?? '')),
            );
            if (next.length > 1) setFormat('multilateral');
            else if (format === 'multilateral') setFormat('bilateral');
          }}
        />
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
            minValue={summit.grainMinutes}
            maxValue={600}
            description={`In steps of ${summit.grainMinutes} minutes`}
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
          {involved.map((d) => {
            const people = (persons.data ?? []).filter((p) => p.delegation === d);
            if (people.length === 0) return null;
            return (
              <fieldset key={d} className="attendee-group">
                <legend>{names.delegation(d)}</legend>
                <div className="attendee-grid">
                  {people.map((p) => (
                    <AriaCheckbox key={p.id} value={p.id} className="checkbox">
                      <span className="checkbox-box" aria-hidden="true">
                        <svg viewBox="0 0 18 18">
                          <polyline points="2 9 7 14 16 4" />
                        </svg>
                      </span>
                      {p.name}
                      {p.title && <span className="muted small"> {p.title}</span>}
                    </AriaCheckbox>
                  ))}
                </div>
              </fieldset>
            );
          })}
          {to.length === 0 && <p className="muted small">Choose whom to ask to add their attendees.</p>}
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
        {warnings.length > 0 && (
          <div className="notice notice-warn" role="status" data-testid="request-warnings">
            <strong>Before you send:</strong>
            <ul className="issues">
              {warnings.map((w, n) => (
                <li key={n}>
                  {w.text}
                  {w.request && (
                    <>
                      {' '}
                      <Link to={`/s/${summit.id}/requests/${w.request}`}>Open it</Link>
                    </>
                  )}
                </li>
              ))}
            </ul>
          </div>
        )}
        <InlineError error={error} />
        <div className="actions">
          <Button
            type="submit"
            tone="primary"
            isDisabled={busy || missing.length > 0}
            aria-describedby={missing.length ? 'send-needs' : undefined}
          >
            {busy ? 'Sending…' : 'Send request'}
          </Button>
          <Button isDisabled={busy || to.length === 0} onPress={() => void submit(true)}>
            Save as draft
          </Button>
          <ButtonLink href={`/s/${summit.id}/requests`} tone="quiet">
            Cancel
          </ButtonLink>
        </div>
        {missing.length > 0 && (
          <p id="send-needs" className="send-needs small" data-testid="send-needs">
            To send it, {missing.join('; ')}.
          </p>
        )}
      </Form>
    </div>
  );
}

/** The delegations to ask: chosen ones as removable tags, more added by typing their name. */
function CounterpartPicker(props: {
  delegations: readonly Delegation[];
  value: readonly string[];
  error: string | undefined;
  onChange(next: string[]): void;
}) {
  const [text, setText] = useState('');
  // a new box after each choice: the list closes, the words typed go, the cursor stays
  const [round, setRound] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (round > 0) input.current?.focus();
  }, [round]);
  const chosen = props.value
    .map((id) => props.delegations.find((d) => d.id === id))
    .filter((d): d is Delegation => d !== undefined);
  const left = props.delegations.filter(
    (d) => !props.value.includes(d.id) && d.name.toLowerCase().includes(text.trim().toLowerCase()),
  );
  return (
    <div className="field counterparts">
      <ComboBox
        key={round}
        className="field"
        inputValue={text}
        onInputChange={setText}
        selectedKey={null}
        items={left}
        menuTrigger="input"
        isInvalid={Boolean(props.error)}
        onSelectionChange={(key: Key | null) => {
          if (key === null) return;
          props.onChange([...props.value, String(key)]);
          setText('');
          setRound(round + 1);
        }}
      >
        <Label>Ask</Label>
        <div className="combo">
          <Input
            ref={input}
            placeholder={chosen.length ? 'Add another delegation…' : 'Type a delegation’s name…'}
          />
          <AriaButton className="combo-button" aria-label="Show delegations">
            ▾
          </AriaButton>
        </div>
        <span slot="description" className="muted small">
          The delegations you ask to meet; two or more make it multilateral.
        </span>
        <Popover className="popover">
          <ListBox
            className="listbox"
            renderEmptyState={() => <p className="search-empty">No other delegation by that name</p>}
          >
            {(d: Delegation) => (
              <ListBoxItem id={d.id} className="listbox-item" textValue={d.name}>
                {d.name}
              </ListBoxItem>
            )}
          </ListBox>
        </Popover>
      </ComboBox>
      {chosen.length > 0 && (
        <TagGroup
          aria-label="Delegations asked"
          onRemove={(keys) => props.onChange(props.value.filter((id) => !keys.has(id)))}
          className="tag-group"
        >
          <TagList items={chosen} className="tag-list">
            {(d: Delegation) => (
              <Tag id={d.id} className="tag" textValue={d.name}>
                {d.name}
                <AriaButton slot="remove" className="tag-remove" aria-label={`Remove ${d.name}`}>
                  ×
                </AriaButton>
              </Tag>
            )}
          </TagList>
        </TagGroup>
      )}
      {props.error && <p className="react-aria-FieldError">{props.error}</p>}
    </div>
  );
}
