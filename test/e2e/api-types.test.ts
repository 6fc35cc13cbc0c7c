// The web app's API types are generated from the server's OpenAPI document; this keeps the committed
// web/src/api/schema.d.ts equal to what the server describes now, so the typecheck of the web app
// (and its contract of the records it shows) is always against the real API.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { documentInProcess, SCHEMA_FILE, typesFor } from '../../web/scripts/api-types.js';

describe('the web API types', () => {
  it("match the server's OpenAPI document (run npm run web:api-types when they do not)", async () => {
    const document = await documentInProcess();
    const expected = await typesFor(document);
    const committed = await readFile(SCHEMA_FILE, 'utf8');
    expect(committed === expected, 'web/src/api/schema.d.ts is stale: run npm run web:api-types').toBe(true);
  }, 60_000);
});
