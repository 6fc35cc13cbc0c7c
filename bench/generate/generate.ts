// One entry point for every benchmark scale: the same scale, seed and factor always give the
// same summit file.
import type { SummitFile } from './file.js';
import { generateApec } from './scales/apec.js';
import { generateB2b } from './scales/b2b.js';
import { generateG20 } from './scales/g20.js';
import { generateUnga } from './scales/unga.js';

/** The benchmark scales, smallest first. */
export const SCALES = ['apec', 'g20', 'unga', 'b2b'] as const;
/** One benchmark scale. */
export type Scale = (typeof SCALES)[number];

/** True when `text` names a scale. */
export function isScale(text: string): text is Scale {
  return (SCALES as readonly string[]).includes(text);
}

/**
 * Generates the summit file of one scale. `factor` (0 < factor ≤ 1) shrinks the instance
 * (requests and, where the scale has many, parties) for quick tests.
 */
export function generate(scale: Scale, seed: number, factor = 1): SummitFile {
  if (!(factor > 0 && factor <= 1)) throw new Error(`factor must be in (0, 1], got ${factor}`);
  if (!Number.isInteger(seed)) throw new Error(`seed must be an integer, got ${seed}`);
  switch (scale) {
    case 'apec':
      return generateApec(seed, factor);
    case 'g20':
      return generateG20(seed, factor);
    case 'unga':
      return generateUnga(seed, factor);
    case 'b2b':
      return generateB2b(seed, factor);
  }
}
