// What each delegation says publicly about a request, checked against the record.
import { useState } from 'react';
import { Form } from 'react-aria-components';
import { requestCommands, useDeliberation, usePublicLines, type LineBody } from '../../api/hooks/requests';
import { PUBLIC_CLAIMS, type Meeting, type MeetingRequest, type PublicLine } from '../../api/models';
import type { SummitNames } from '../../lib/names';
import { When } from '../../app/When';
import { lineProblems, type LineProblem } from '../../lib/line-check';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { useConfirm } from '../../ui/Dialog';
import { Checkbox, SelectField, TextAreaField } from '../../ui/fields';
import { QueryState } from '../../ui/states';
import { words } from './labels';
import type { Action } from './useAction';

function Consistency({ problems, what }: { problems: LineProblem[] | null; what: string }) {
  if (problems === null) return <p className="muted small">Checking against the record…</p>;
  if (problems.length === 0) {
    return (
      <p className="notice notice-ok" role="status">
        {what} is consistent with the record.
      </p>
    );
  }
  return (
    <div className="notice notice-warn" role="status">
      <strong>{what} claims more than the record shows:</strong>
      <ul className="issues">
        {problems.map((p, n) => (
          <li key={n}>{p.message}</li>
        ))}
      </ul>
    </div>
  );
}

function LineForm(props: {
  own: PublicLine | undefined;
  check(claim: string): LineProblem[] | null;
  onSave(body: LineBody, version: number | null): Promise<boolean>;
}) {
  const line = props.own;
  const [claim, setClaim] = useState<LineBody['claim']>(line?.claim ?? 'no-comment');
  const [text, setText] = useState(line?.text ?? '');
  const [published, setPublished] = useState(line?.published ?? false);
  const problems = props.check(claim);
  const [confirm, confirmDialog] = useConfirm();
  const save = async () => {
    // publishing speaks for the delegation to the whole summit: asked once before it goes out
    if (published && !line?.published) {
      const ok = await confirm({
        title: 'Publish this line?',
        body: (
          <p>
            Every participant of the summit will read “{text.trim() || words(claim)}” as your delegation’s
            line.
          </p>
        ),
        confirmLabel: 'Publish',
      });
      if (!ok) return;
    }
    await props.onSave({ claim, text, published }, line?.version ?? null);
  };
  return (
    <Form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {confirmDialog}
      <SelectField
        label="Claim"
        value={claim}
        onChange={(v) => setClaim(v as LineBody['claim'])}
        choices={PUBLIC_CLAIMS.map((c) => ({ id: c, label: words(c) }))}
        description="What the line says about the meeting; it may never claim more than the record."
      />
      <TextAreaField label="Line" value={text} onChange={setText} rows={2} />
      <Consistency problems={problems} what="This claim" />
      <Checkbox isSelected={published} onChange={setPublished}>
        Publish (everyone at the summit sees it)
      </Checkbox>
      <div className="actions">
        <Button type="submit" tone="primary" isDisabled={published && (problems?.length ?? 0) > 0}>
          {published ? 'Save and publish' : 'Save draft'}
        </Button>
      </div>
    </Form>
  );
}

/** The public-lines card: the viewer's own line (drafts private) and others' published lines. */
export function PublicLinePanel(props: {
  summit: string;
  request: MeetingRequest;
  meeting: Meeting | null;
  ownDelegation: string | null;
  canEdit: boolean;
  names: SummitNames;
  /** Whether the viewer's principal shares an encounter with another party's (null: not a party). */
  encounterLikely: boolean | null;
  action: Action;
}) {
  const { summit, request, ownDelegation, names } = props;
  const lines = usePublicLines(summit, request.id);
  const deliberation = useDeliberation(summit, request.id, ownDelegation !== null);
  const parties = [request.from, ...request.to];
  const name = names.delegation;
  const check = (claim: string): LineProblem[] | null =>
    deliberation.isPending
      ? null
      : lineProblems(claim, {
          request,
          decision: deliberation.data?.decision ?? null,
          meeting: props.meeting,
          encounterExists: props.encounterLikely ?? false,
        });

  return (
    <section className="card" aria-labelledby="lines-title" data-testid="public-lines" id="lines">
      <h2 id="lines-title">Public line</h2>
      <QueryState query={lines} what="Loading public lines">
        {(list) => {
          const own = list.find((l) => l.delegation === ownDelegation);
          const others = list.filter((l) => l.delegation !== ownDelegation);
          return (
            <>
              {ownDelegation && (
                <>
                  <h3>Ours</h3>
                  {own ? (
                    <div className="line">
                      <p>
                        <Badge kind={own.published ? 'confirmed' : 'private'}>
                          {own.published ? 'Published' : 'Draft, private'}
                        </Badge>{' '}
                        <strong>{words(own.claim)}</strong>
                      </p>
                      {own.text && <blockquote>{own.text}</blockquote>}
                      <p className="muted small">
                        by {names.user(own.by)}, <When from={own.at} />
                      </p>
                      <Consistency problems={check(own.claim)} what="Our line" />
                    </div>
                  ) : (
                    <p className="muted">No line yet.</p>
                  )}
                  {props.canEdit && (
                    <details>
                      <summary>{own ? 'Change our line' : 'Write our line'}</summary>
                      <LineForm
                        key={own?.version ?? 0}
                        own={own}
                        check={check}
                        onSave={(body, version) =>
                          props.action.run(
                            'Save public line',
                            () => requestCommands.setLine(summit, request.id, ownDelegation, body, version),
                            own ?? null,
                          )
                        }
                      />
                    </details>
                  )}
                </>
              )}
              <h3>Published by other parties</h3>
              {others.length === 0 ? (
                <p className="muted">None published.</p>
              ) : (
                <ul className="plain">
                  {others.map((l) => (
                    <li key={l.delegation}>
                      <strong>{name(l.delegation)}:</strong> {words(l.claim)}
                      {l.text && ` — “${l.text}”`}
                    </li>
                  ))}
                </ul>
              )}
              <p className="muted small">Parties: {parties.map(name).join(', ')}.</p>
            </>
          );
        }}
      </QueryState>
    </section>
  );
}
