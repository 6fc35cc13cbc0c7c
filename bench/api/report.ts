// The API benchmark's numbers, its verdicts against the targets, and its section of bench/RESULTS.md
// (between its own markers, so the file's other sections are left as they are).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Result } from 'autocannon';

/** One measured run: a mix on a backend, or the ceiling. */
export interface Measured {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  /** Connection errors and timeouts. */
  errors: number;
  non2xx: number;
  statuses: Record<string, number>;
  requests: number;
  /**
   * req/s of the ceiling run just before this one: on a shared machine the ceiling swings from run to
   * run, so each mix is compared with its neighbour rather than with one run minutes away.
   */
  ceilingRps?: number;
}

/** The req/s a run is compared with: its paired ceiling, else the overall one. */
const reference = (m: Measured, ceiling: Measured) => m.ceilingRps ?? ceiling.rps;

/** The median run of several ceiling runs (by req/s), named as the overall ceiling. */
export function medianCeiling(runs: readonly Measured[]): Measured {
  if (runs.length === 0) throw new Error('no ceiling run');
  const sorted = [...runs].sort((a, b) => a.rps - b.rps);
  const middle = sorted[Math.floor((sorted.length - 1) / 2)]!;
  const range = `${sorted[0]!.rps}–${sorted[sorted.length - 1]!.rps}`;
  return { ...middle, name: `ceiling (Fastify hello-world; median of ${runs.length}, ${range} req/s)` };
}

/** The numbers of an autocannon result. */
export function measured(name: string, r: Result): Measured {
  const statuses: Record<string, number> = {};
  for (const [code, s] of Object.entries(r.statusCodeStats ?? {})) statuses[code] = s.count ?? 0;
  return {
    name,
    rps: Math.round(r.requests.average),
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
    statuses,
    requests: r.requests.total,
  };
}

/** One read path's latency with one connection and nothing queued: what a request costs the server. */
export interface ServiceTime {
  backend: string;
  path: string;
  p50: number;
  mean: number;
}

/** A target and whether the run met it. */
export interface Verdict {
  target: string;
  actual: string;
  met: boolean;
}

/** The targets at 50 connections on SQLite: reads at 30 % of the ceiling within 50 ms p99, writes within 100 ms p99 and no error. */
export function verdicts(ceiling: Measured, read: Measured, write: Measured): Verdict[] {
  const ratio = read.rps / reference(read, ceiling);
  return [
    {
      target: 'SQLite read mix ≥ 30 % of the ceiling (req/s)',
      actual: `${(ratio * 100).toFixed(1)} %`,
      met: ratio >= 0.3,
    },
    { target: 'SQLite read mix p99 ≤ 50 ms', actual: `${read.p99} ms`, met: read.p99 <= 50 },
    { target: 'SQLite write mix p99 ≤ 100 ms', actual: `${write.p99} ms`, met: write.p99 <= 100 },
    {
      target: 'SQLite write mix without error',
      actual: `${write.errors} errors, ${write.non2xx} non-2xx`,
      met: write.errors === 0 && write.non2xx === 0,
    },
  ];
}

/** What the section says besides the numbers. */
export interface ReportContext {
  date: string;
  machine: string;
  loadAtStart: number;
  loadAtEnd: number;
  connections: number;
  seconds: number;
  warmupSeconds: number;
  readPaths: string[];
  notes: string[];
}

const cells = (m: Measured, ceiling: Measured) => [
  m.name,
  String(m.rps),
  `${m.p50}`,
  `${m.p99}`,
  `${((m.rps / reference(m, ceiling)) * 100).toFixed(1)} %`,
  String(m.requests),
  `${m.errors} / ${m.non2xx}`,
  Object.entries(m.statuses)
    .map(([code, n]) => `${code}×${n}`)
    .join(' '),
];

const HEADINGS = [
  'run',
  'req/s',
  'p50 ms',
  'p99 ms',
  'of ceiling',
  'requests',
  'errors / non-2xx',
  'statuses',
];

/** The console table. */
export function table(rows: Measured[], ceiling: Measured): string {
  const all = [HEADINGS, ...rows.map((r) => cells(r, ceiling))];
  const widths = HEADINGS.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  return all.map((r) => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ')).join('\n');
}

/** The markdown of the API section. */
export function section(
  c: ReportContext,
  rows: Measured[],
  ceiling: Measured,
  v: Verdict[],
  service: ServiceTime[] = [],
): string {
  const md = (r: string[]) => `| ${r.map((x) => x.replace(/\|/g, '\\|')).join(' | ')} |`;
  const backends = [...new Set(service.map((t) => t.backend))];
  const servicePaths = [...new Set(service.map((t) => t.path))];
  const serviceTable =
    service.length === 0
      ? []
      : [
          '### Service time per read (one connection, nothing queued)',
          '',
          'At 50 connections a request waits behind the others: latency is about 50 / (req/s) plus its own time.',
          '',
          md(['path', ...backends.map((b) => `${b} p50 / mean ms`)]),
          md(['---', ...backends.map(() => '---')]),
          ...servicePaths.map((p) =>
            md([
              `\`GET ${p}\``,
              ...backends.map((b) => {
                const t = service.find((x) => x.backend === b && x.path === p);
                return t ? `${t.p50} / ${t.mean}` : '';
              }),
            ]),
          ),
          '',
        ];
  return [
    '## API',
    '',
    `Written by \`npm run bench:api\` on ${c.date.slice(0, 10)} (${c.date}). ${c.machine}; one-minute load average`,
    `${c.loadAtStart} at the start, ${c.loadAtEnd} at the end (the machine is shared: a load above its cores means`,
    'the server, the load generator and the ceiling each got only part of a core).',
    '',
    `- ${c.connections} connections on loopback, autocannon 9 in the runner's process; each server in a process of its own.`,
    `- Each run: ${c.warmupSeconds} s of warm-up (not counted), then ${c.seconds} s measured.`,
    '- The server is what `sideline serve` runs (buildServer on the store, request logging to a file, security',
    '  headers, rate limit raised for the benchmark only), with the APEC demo; every request carries a bearer',
    '  token of the US protocol officer.',
    `- Read mix, per connection in turn: ${c.readPaths.map((p) => `\`GET ${p}\``).join(', ')}.`,
    '- Write mix, per connection on a request of its own: post to its thread, record a US position, propose a',
    '  condition, withdraw it (If-Match).',
    '- Ceiling: a bare Fastify hello-world (`GET /`), no logging, store or authentication, run just before each',
    '  mix; "of ceiling" compares each mix with that neighbouring run (the machine is shared and the ceiling',
    '  swings between runs), and the ceiling row is the median of them.',
    ...c.notes.map((n) => `- ${n}`),
    '',
    md(HEADINGS),
    md(HEADINGS.map(() => '---')),
    ...[ceiling, ...rows].map((r) => md(cells(r, ceiling))),
    '',
    ...serviceTable,
    '### Targets (50 connections, SQLite)',
    '',
    md(['target', 'actual', 'met']),
    md(['---', '---', '---']),
    ...v.map((x) => md([x.target, x.actual, x.met ? 'yes' : '**no**'])),
    '',
  ].join('\n');
}

/** Replaces one section of the results file (between its `<!-- name:start/end -->` markers; the API's by default), or appends it; nothing else changes. */
export function writeSection(path: string, markdown: string, name = 'api'): void {
  const START = `<!-- ${name}:start -->`;
  const END = `<!-- ${name}:end -->`;
  const previous = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const block = `${START}\n${markdown.trim()}\n${END}`;
  const s = previous.indexOf(START);
  const e = previous.indexOf(END);
  const next =
    s >= 0 && e > s
      ? `${previous.slice(0, s)}${block}${previous.slice(e + END.length)}`
      : `${previous.trimEnd()}${previous.trim() ? '\n\n' : ''}${block}\n`;
  writeFileSync(path, next);
}
