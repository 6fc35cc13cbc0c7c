// The engine's targets and how a measured run compares with them.

/** Time limits per scale (engine target, MILP), in milliseconds. */
export interface ScaleLimits {
  engineMs: number;
  milpMs: number;
}

/** The limits of a full run; the engine's are its targets. */
export const FULL_LIMITS: Record<string, ScaleLimits> = {
  apec: { engineMs: 2_000, milpMs: 60_000 },
  g20: { engineMs: 5_000, milpMs: 120_000 },
  unga: { engineMs: 30_000, milpMs: 60_000 },
  b2b: { engineMs: 60_000, milpMs: 60_000 },
};

/** Shorter limits for trying the benchmark out (`--quick`). */
export const QUICK_LIMITS: Record<string, ScaleLimits> = {
  apec: { engineMs: 1_000, milpMs: 8_000 },
  g20: { engineMs: 2_000, milpMs: 8_000 },
  unga: { engineMs: 8_000, milpMs: 15_000 },
  b2b: { engineMs: 15_000, milpMs: 15_000 },
};

/** What the engine must reach on one scale. */
export interface QualityTarget {
  /** Least engine weight / reference. */
  ratio: number;
  /** `optimum`: the proven optimum; `bound`: the best proven bound. */
  against: 'optimum' | 'bound';
  maxMillis: number;
  maxRssMb?: number;
}

/** The targets, per scale. */
export const TARGETS: Record<string, QualityTarget> = {
  apec: { ratio: 0.99, against: 'optimum', maxMillis: 2_000 },
  g20: { ratio: 0.98, against: 'bound', maxMillis: 5_000 },
  unga: { ratio: 0.98, against: 'bound', maxMillis: 30_000 },
  b2b: { ratio: 0.97, against: 'bound', maxMillis: 60_000, maxRssMb: 1536 },
};

/** Re-planning: latency and meetings moved for one change. */
export const REPLAN_TARGET = { maxMillis: 300, maxMoved: 5 };

/** A verdict on one target. */
export interface Verdict {
  what: string;
  status: 'met' | 'missed' | 'unproven';
  measured: string;
  target: string;
  /** For a missed or unproven target: by how much. */
  gap: string;
}

/** What is known of one scale's run, for judging it. */
export interface ScaleFacts {
  scale: string;
  engineWeight: number | null;
  engineMillis: number | null;
  engineRssMb: number | null;
  bestBound: number | null;
  /** The best plan any solver found. */
  bestKnown: number | null;
  /** A proven optimum, when some solver reached the best bound. */
  optimum: number | null;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** Judges one scale against its targets: quality, time and (where set) memory. */
export function judgeScale(f: ScaleFacts): Verdict[] {
  const t = TARGETS[f.scale];
  if (!t) return [];
  const out: Verdict[] = [];
  const name = f.scale.toUpperCase();
  if (f.engineWeight === null) {
    out.push({
      what: `${name} quality`,
      status: 'missed',
      measured: 'no plan',
      target: '',
      gap: 'the engine failed',
    });
  } else if (t.against === 'optimum') {
    const target = `within ${pct(1 - t.ratio)} of the proven optimum`;
    if (f.optimum !== null) {
      const r = f.engineWeight / f.optimum;
      out.push({
        what: `${name} quality`,
        status: r >= t.ratio ? 'met' : 'missed',
        measured: `${f.engineWeight} of optimum ${f.optimum} (${pct(r)})`,
        target,
        gap:
          r >= t.ratio
            ? ''
            : `${pct(t.ratio - r)} short (${Math.ceil(t.ratio * f.optimum) - f.engineWeight} priority points)`,
      });
    } else if (f.bestBound !== null) {
      const r = f.engineWeight / f.bestBound;
      const known =
        f.bestKnown !== null && f.bestKnown > f.engineWeight ? `; another solver found ${f.bestKnown}` : '';
      out.push({
        what: `${name} quality`,
        status:
          r >= t.ratio
            ? 'met'
            : f.bestKnown !== null && f.engineWeight < t.ratio * f.bestKnown
              ? 'missed'
              : 'unproven',
        // At the target share of a bound, the plan is within the target of the optimum, whatever it is.
        measured: `${f.engineWeight} of bound ${f.bestBound} (${pct(r)}); optimum not proven${
          r >= t.ratio ? ', but the bound puts the plan within the target of it' : ''
        }${known}`,
        target,
        gap: r >= t.ratio ? '' : `up to ${pct(t.ratio - r)} short against the bound`,
      });
    }
  } else if (f.bestBound !== null) {
    const r = f.engineWeight / f.bestBound;
    out.push({
      what: `${name} quality`,
      status: r >= t.ratio ? 'met' : 'missed',
      measured: `${f.engineWeight} of bound ${f.bestBound} (${pct(r)})`,
      target: `at least ${pct(t.ratio)} of the best bound`,
      gap:
        r >= t.ratio
          ? ''
          : `${pct(t.ratio - r)} short (${Math.ceil(t.ratio * f.bestBound) - f.engineWeight} priority points)`,
    });
  }
  if (f.engineMillis !== null) {
    out.push({
      what: `${name} time`,
      status: f.engineMillis <= t.maxMillis ? 'met' : 'missed',
      measured: `${(f.engineMillis / 1000).toFixed(3)} s`,
      target: `at most ${t.maxMillis / 1000} s`,
      gap: f.engineMillis <= t.maxMillis ? '' : `${f.engineMillis - t.maxMillis} ms over`,
    });
  }
  if (t.maxRssMb !== undefined && f.engineRssMb !== null) {
    out.push({
      what: `${name} memory`,
      status: f.engineRssMb <= t.maxRssMb ? 'met' : 'missed',
      measured: `${f.engineRssMb} MiB peak`,
      target: `under ${(t.maxRssMb / 1024).toFixed(1)} GiB`,
      gap: f.engineRssMb <= t.maxRssMb ? '' : `${f.engineRssMb - t.maxRssMb} MiB over`,
    });
  }
  return out;
}

/** Judges one re-plan. */
export function judgeReplan(change: string, millis: number, moved: number, dropped: number): Verdict[] {
  const ok = millis <= REPLAN_TARGET.maxMillis;
  const disturbed = moved + dropped;
  return [
    {
      what: `re-plan ${change}: latency`,
      status: ok ? 'met' : 'missed',
      measured: `${millis} ms`,
      target: `at most ${REPLAN_TARGET.maxMillis} ms`,
      gap: ok ? '' : `${millis - REPLAN_TARGET.maxMillis} ms over`,
    },
    {
      what: `re-plan ${change}: meetings moved`,
      status: disturbed <= REPLAN_TARGET.maxMoved ? 'met' : 'missed',
      measured: `${moved} moved, ${dropped} dropped`,
      target: `at most ${REPLAN_TARGET.maxMoved} moved (or dropped)`,
      gap: disturbed <= REPLAN_TARGET.maxMoved ? '' : `${disturbed - REPLAN_TARGET.maxMoved} over`,
    },
  ];
}
