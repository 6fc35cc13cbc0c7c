// Import and export of summit files: a whole summit as YAML or JSON, requests as CSV, meetings as CSV.
// An import is all or nothing; when it fails, every error is listed with the path of what was wrong.
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FileTrigger } from 'react-aria-components';
import { ifMatch, rawCall } from '../../api/client';
import { ApiError } from '../../api/problem';
import { useSummitScope } from '../../app/summit-context';
import { canManageLogistics } from '../../lib/roles';
import { Button } from '../../ui/Button';
import { useConfirm } from '../../ui/Dialog';
import { SelectField, TextAreaField } from '../../ui/fields';
import { IssueList } from '../../ui/states';

const TYPES: Record<string, string> = { yaml: 'application/yaml', json: 'application/json', csv: 'text/csv' };

/** The format of a file from its name. */
export function formatOfName(name: string): 'yaml' | 'json' | 'csv' | null {
  const ext = name.toLowerCase().split('.').pop();
  if (ext === 'yaml' || ext === 'yml') return 'yaml';
  if (ext === 'json') return 'json';
  if (ext === 'csv') return 'csv';
  return null;
}

type Outcome = { ok: true; summary: Record<string, unknown> } | { ok: false; error: unknown };

function Summary({ summary }: { summary: Record<string, unknown> }) {
  const rows = Object.entries(summary).filter(
    (e): e is [string, { inserted: number; updated: number; removed: number }] =>
      typeof e[1] === 'object' && e[1] !== null && 'inserted' in e[1],
  );
  return (
    <div className="notice notice-ok" role="status">
      <strong>Imported.</strong>
      {rows.length > 0 && (
        <table className="table">
          <caption className="visually-hidden">What the import changed</caption>
          <thead>
            <tr>
              <th scope="col">Records</th>
              <th scope="col">Added</th>
              <th scope="col">Changed</th>
              <th scope="col">Removed</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([kind, c]) => (
              <tr key={kind}>
                <th scope="row">{kind}</th>
                <td>{c.inserted}</td>
                <td>{c.updated}</td>
                <td>{c.removed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function Failure({ error }: { error: unknown }) {
  const issues = error instanceof ApiError ? error.issues : [];
  return (
    <div className="inline-error" role="alert" data-testid="import-errors">
      <strong>Nothing was imported.</strong> {error instanceof Error ? error.message : String(error)}
      {issues.length > 0 && (
        <>
          <p>
            {issues.length} error{issues.length === 1 ? '' : 's'}, each with the path of what was wrong:
          </p>
          <IssueList issues={issues} />
        </>
      )}
    </div>
  );
}

/** The import and export screen. */
export default function FilesPage() {
  const { summit, standing } = useSummitScope();
  const client = useQueryClient();
  const [format, setFormat] = useState<'yaml' | 'json' | 'csv'>('yaml');
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const admin = canManageLogistics(standing);
  const base = `/api/summits/${encodeURIComponent(summit.id)}`;

  const [confirm, confirmDialog] = useConfirm();
  const importNow = async () => {
    const ok = await confirm({
      title: format === 'csv' ? 'Import these requests?' : 'Make the summit equal to this file?',
      body:
        format === 'csv' ? (
          <p>
            Each row adds a request, or replaces the request with its id. Nothing changes if any row is wrong.
          </p>
        ) : (
          <p>
            Venues, rooms, delegations, persons, the programme and requests not in the file are removed; those
            in it are added or replaced. Nothing changes if anything in the file is wrong.
          </p>
        ),
      confirmLabel: 'Import',
    });
    if (!ok) return;
    setBusy(true);
    setOutcome(null);
    try {
      const { data } = await rawCall<Record<string, unknown>>('POST', `${base}/import`, {
        text: { body: text, contentType: TYPES[format]! },
        headers: ifMatch(summit.version),
      });
      setOutcome({ ok: true, summary: data });
      await client.invalidateQueries({
        predicate: (q) => q.queryKey[0] === 'summit' && q.queryKey[1] === summit.id,
      });
    } catch (e) {
      setOutcome({ ok: false, error: e });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {confirmDialog}
      <h1>Import & export</h1>
      <section className="card" aria-labelledby="export-title">
        <h2 id="export-title">Export</h2>
        <p className="muted">
          What you may see of the summit, in the summit file format; it imports back as it is.
        </p>
        <div className="actions">
          <a className="btn" href={`${base}/export?format=yaml`} download>
            Summit file (YAML)
          </a>
          <a className="btn" href={`${base}/export?format=json`} download>
            Summit file (JSON)
          </a>
          <a className="btn" href={`${base}/meetings.csv`} download>
            Meetings (CSV)
          </a>
        </div>
      </section>
      {admin ? (
        <section className="card" aria-labelledby="import-title">
          <h2 id="import-title">Import</h2>
          <p className="muted">
            A summit file makes the summit equal to the file; a CSV sheet adds and replaces requests. All or
            nothing: if anything is wrong, nothing changes and every error is listed.
          </p>
          <div className="file-drop form">
            <div className="actions">
              <FileTrigger
                acceptedFileTypes={[
                  '.yaml',
                  '.yml',
                  '.json',
                  '.csv',
                  'application/json',
                  'text/csv',
                  'application/yaml',
                ]}
                onSelect={(files) => {
                  const file = files?.[0];
                  if (!file) return;
                  const f = formatOfName(file.name);
                  if (f) setFormat(f);
                  setFileName(file.name);
                  void file.text().then(setText);
                }}
              >
                <Button>Choose a file…</Button>
              </FileTrigger>
              <span className="muted">{fileName ?? 'or paste the file below'}</span>
            </div>
            <SelectField
              label="Format"
              value={format}
              onChange={(f) => setFormat(f as typeof format)}
              choices={[
                { id: 'yaml', label: 'Summit file, YAML' },
                { id: 'json', label: 'Summit file, JSON' },
                { id: 'csv', label: 'Requests, CSV' },
              ]}
            />
            <TextAreaField label="File contents" value={text} onChange={setText} rows={10} />
            <div className="actions">
              <Button tone="primary" isDisabled={busy || text.trim() === ''} onPress={() => void importNow()}>
                {busy ? 'Importing…' : 'Import'}
              </Button>
            </div>
          </div>
          {outcome?.ok === true && <Summary summary={outcome.summary} />}
          {outcome?.ok === false && <Failure error={outcome.error} />}
        </section>
      ) : (
        <p className="notice">Only the host's administrator imports files.</p>
      )}
    </>
  );
}
