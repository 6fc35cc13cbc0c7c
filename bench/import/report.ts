// The import drill's measurements and what they say, as the import section of bench/RESULTS.md.

/** One backend's large import. */
export interface ImportRun {
  name: string;
  /** The file's size in bytes. */
  bytes: number;
  /** Requests the import inserted. */
  inserted: number;
  /** How long the import's answer took. */
  seconds: number;
  /** Each /api/health answer's time during the import, in ms. */
  health: number[];
  /** Each /api/health answer's time in the same polling before the import, with no import. */
  baseline: number[];
  /** The server's resident memory (MiB) before the import, at its peak, and after it settled. */
  rssBefore: number;
  rssPeak: number;
  rssAfter: number;
}

/** The value at fraction `q` (0 to 1) of `values` sorted. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/** The import section: the setting, then a row per backend with its verdicts. */
export function importSection(
  runs: readonly ImportRun[],
  setting: {
    requests: number;
    cores: number;
    loadBefore: number;
    loadAfter: number;
    settleSeconds: number;
    targetMs: number;
    date: string;
  },
): string {
  const rows = runs.map((r) => {
    const worst = Math.max(...r.health);
    const growth = ((r.rssAfter - r.rssBefore) / r.rssBefore) * 100;
    const cells = [
      r.name,
      `${(r.bytes / 1024 / 1024).toFixed(1)} MiB, ${r.inserted}`,
      `${r.seconds.toFixed(1)} s`,
      `${r.health.length}`,
      `${quantile(r.health, 0.5).toFixed(0)} / ${quantile(r.health, 0.99).toFixed(0)} / ${worst.toFixed(0)} ms`,
      `${quantile(r.baseline, 0.5).toFixed(0)} / ${quantile(r.baseline, 0.99).toFixed(0)} / ${Math.max(...r.baseline).toFixed(0)} ms`,
      worst <= setting.targetMs ? 'met' : '**missed**',
      `${r.rssBefore.toFixed(0)} → ${r.rssPeak.toFixed(0)} → ${r.rssAfter.toFixed(0)}`,
      `${growth.toFixed(1)} %`,
      growth <= 20 ? 'met' : '**missed**',
    ];
    return `| ${cells.join(' | ')} |`;
  });
  return [
    '## A 100,000-request import over the API (`npm run drill:import`)',
    '',
    `${setting.date}: the demo's summit file with ${setting.requests} requests added, and imported as a new summit` +
      ` with POST /api/summits/import while a client asked /api/health every 20 ms; ${setting.cores} cores,` +
      ` load average ${setting.loadBefore.toFixed(1)} before and ${setting.loadAfter.toFixed(1)} after (the machine` +
      ` is shared). Targets: every health answer within ${setting.targetMs} ms; resident memory ${setting.settleSeconds} s` +
      ' after the import within 20 % of where it started.',
    '',
    '| backend | file, requests | import took | health answers | p50 / p99 / worst | same, no import | ≤ ' +
      `${setting.targetMs} ms | RSS before → peak → after (MiB) | after vs before | ≤ 20 % |`,
    '| --- | --- | ---: | ---: | --- | --- | --- | --- | ---: | --- |',
    ...rows,
  ].join('\n');
}
