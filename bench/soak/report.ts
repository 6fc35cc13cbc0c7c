// The soak's samples and what they say: memory growth after the warm-up, and the curve as markdown.

/** One sample of the server's memory, in MiB, `seconds` after the soak started. */
export interface Sample {
  seconds: number;
  phase: 'start' | 'load' | 'end' | 'idle';
  rss: number;
  heap: number;
}

/** One backend's soak. */
export interface SoakRun {
  name: string;
  samples: Sample[];
  requests: number;
  errors: number;
  warmupSeconds: number;
}

const MIB = 1024 * 1024;

/** Reads the server's resident memory and used V8 heap (MiB) from its Prometheus metrics. */
export async function memoryOf(url: string): Promise<{ rss: number; heap: number }> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const value = (name: string) => {
    const line = text.split('\n').find((l) => l.startsWith(`${name} `));
    if (!line) throw new Error(`/metrics has no ${name}`);
    return Number(line.split(' ')[1]) / MIB;
  };
  return { rss: value('process_resident_memory_bytes'), heap: value('nodejs_heap_size_used_bytes') };
}

function mean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
}

/**
 * Growth after the warm-up: the mean of the first tenth of the samples after it against the mean
 * of the last tenth under load (means, since the heap saws up and down between collections).
 */
export function growth(run: SoakRun): {
  rssFrom: number;
  rssTo: number;
  rssPercent: number;
  heapFrom: number;
  heapTo: number;
  heapPercent: number;
  idleRss: number;
  idleHeap: number;
} {
  const loaded = run.samples.filter((s) => s.phase === 'load' && s.seconds >= run.warmupSeconds);
  const tenth = Math.max(1, Math.floor(loaded.length / 10));
  const first = loaded.slice(0, tenth);
  const last = loaded.slice(-tenth);
  const rssFrom = mean(first.map((s) => s.rss));
  const rssTo = mean(last.map((s) => s.rss));
  const heapFrom = mean(first.map((s) => s.heap));
  const heapTo = mean(last.map((s) => s.heap));
  const idle = run.samples.find((s) => s.phase === 'idle');
  return {
    rssFrom,
    rssTo,
    rssPercent: ((rssTo - rssFrom) / rssFrom) * 100,
    heapFrom,
    heapTo,
    heapPercent: ((heapTo - heapFrom) / heapFrom) * 100,
    idleRss: idle?.rss ?? Number.NaN,
    idleHeap: idle?.heap ?? Number.NaN,
  };
}

/** The curve at about one point per `step` seconds (the mean of the samples in each step). */
function curve(samples: Sample[], step: number): Sample[] {
  const points: Sample[] = [];
  const load = samples.filter((s) => s.phase === 'load');
  for (let from = 0; from <= (load.at(-1)?.seconds ?? 0); from += step) {
    const inStep = load.filter((s) => s.seconds >= from && s.seconds < from + step);
    if (inStep.length === 0) continue;
    points.push({
      seconds: from,
      phase: 'load',
      rss: mean(inStep.map((s) => s.rss)),
      heap: mean(inStep.map((s) => s.heap)),
    });
  }
  return points;
}

/** The soak section of bench/RESULTS.md. */
export function soakSection(
  runs: SoakRun[],
  context: {
    minutes: number;
    readRate: number;
    writeRate: number;
    cores: number;
    loadBefore: number;
    loadAfter: number;
    idleSeconds: number;
    date: string;
  },
): string {
  const lines: string[] = [
    '## Soak: memory under a steady load (`npm run soak`)',
    '',
    `${context.date}: ${context.minutes} minutes per backend, both at once, each at ${context.readRate} reads/s ` +
      `(the read mix of bench:api) and ${context.writeRate} writes/s (its write mix); ${context.cores} cores, load ` +
      `average ${context.loadBefore.toFixed(1)} before and ${context.loadAfter.toFixed(1)} after (the machine is shared). ` +
      'Memory is sampled from the server’s own /metrics (process_resident_memory_bytes, nodejs_heap_size_used_bytes). ' +
      'Growth compares the mean of the first tenth of the samples after the warm-up with the last tenth; the target is under 5 %.',
    '',
    `| backend | requests | errors | RSS after warm-up (MiB) | RSS growth | heap after warm-up (MiB) | heap growth | after ${context.idleSeconds} s idle: RSS / heap (MiB) |`,
    '| --- | ---: | ---: | --- | ---: | --- | ---: | --- |',
  ];
  for (const run of runs) {
    const g = growth(run);
    lines.push(
      `| ${run.name} | ${run.requests} | ${run.errors} | ${g.rssFrom.toFixed(0)} → ${g.rssTo.toFixed(0)} | ${g.rssPercent.toFixed(1)} % | ` +
        `${g.heapFrom.toFixed(1)} → ${g.heapTo.toFixed(1)} | ${g.heapPercent.toFixed(1)} % | ${g.idleRss.toFixed(0)} / ${g.idleHeap.toFixed(1)} |`,
    );
  }
  const step = Math.max(60, Math.round((context.minutes * 60) / 15));
  lines.push('', `The curve (mean of each ${step / 60}-minute step; RSS / heap in MiB):`, '');
  lines.push(`| minute | ${runs.map((r) => `${r.name} RSS / heap`).join(' | ')} |`);
  lines.push(`| ---: | ${runs.map(() => '---').join(' | ')} |`);
  const curves = runs.map((r) => curve(r.samples, step));
  const rows = Math.max(...curves.map((c) => c.length));
  for (let i = 0; i < rows; i++) {
    const at = curves.find((c) => c[i])?.[i]?.seconds ?? 0;
    const cells = curves.map((c) => {
      const p = c[i];
      return p ? `${p.rss.toFixed(0)} / ${p.heap.toFixed(1)}` : '';
    });
    lines.push(`| ${(at / 60).toFixed(0)} | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}
