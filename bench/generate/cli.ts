// Writes one generated summit file: `npx tsx bench/generate/cli.ts --scale unga --seed 1 --out unga.json`.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { generate, isScale, SCALES } from './generate.js';

const { values } = parseArgs({
  options: {
    scale: { type: 'string' },
    seed: { type: 'string', default: '1' },
    factor: { type: 'string', default: '1' },
    out: { type: 'string' },
  },
});

const scale = values.scale ?? '';
if (!isScale(scale)) {
  console.error(`--scale must be one of ${SCALES.join(', ')} (got "${scale}")`);
  process.exit(2);
}
const seed = Number(values.seed);
const factor = Number(values.factor);
if (!Number.isInteger(seed)) {
  console.error(`--seed must be an integer (got "${values.seed}")`);
  process.exit(2);
}
if (!(factor > 0 && factor <= 1)) {
  console.error(`--factor must be a number in (0, 1] (got "${values.factor}")`);
  process.exit(2);
}
const file = generate(scale, seed, factor);
const out = values.out;
// The extension picks the format: .yaml/.yml writes YAML, anything else JSON.
const text = out && /\.ya?ml$/.test(out) ? stringify(file) : `${JSON.stringify(file, null, 1)}\n`;
if (out) {
  writeFileSync(out, text);
  console.error(
    `${scale} seed ${seed}: ${file.delegations.length} delegations, ${file.requests.length} requests, ${file.rooms.length} rooms → ${out}`,
  );
} else {
  process.stdout.write(text);
}
