// Every use case of src/app attacked on both backends: by a third delegation, the counterpart, the
// host, a viewer, users of another summit and a user with no role. Each attack must be refused (or,
// for a read, show nothing private), and must leave every record as it was.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { BACKENDS } from '../../support/app.js';
import { USE_CASES } from './catalogue.js';
import { runAttack } from './probe.js';
import { buildWorld, type World } from './world.js';

describe.each(BACKENDS)('attacks on every use case, on %s', (backend) => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld(backend);
  });
  afterAll(() => w.t.dispose());

  for (const [useCase, list] of Object.entries(USE_CASES)) {
    describe(useCase, () => {
      for (const a of list) {
        it(`${a.who} ${a.what}: ${a.expect}`, () => runAttack(w, a));
      }
    });
  }
});
