// The web client's retries of a write, against a real HTTP server on loopback: the first try's
// connection drops, the second is told the database is away; the third succeeds. Every try carries
// the same Idempotency-Key and body; reads and keyless writes are sent once.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchRetryingWrites, WRITE_RETRIES } from '../../../web/src/api/retry.js';

interface Seen {
  method: string;
  key: string | undefined;
  body: string;
}

let server: Server;
let url = '';
const seen: Seen[] = [];
/** What the server does to each try, in order: drop the connection, or answer with a status. */
let script: ('drop' | { status: number; retryAfter?: string })[] = [];

const bodyOf = (request: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    request.on('end', () => resolve(text));
  });

beforeAll(async () => {
  server = createServer((request, response) => {
    void bodyOf(request).then((body) => {
      const key = request.headers['idempotency-key'];
      seen.push({ method: request.method ?? '', key: typeof key === 'string' ? key : undefined, body });
      const step = script.shift() ?? { status: 201 };
      if (step === 'drop') {
        request.socket.destroy();
        return;
      }
      response.writeHead(step.status, step.retryAfter ? { 'retry-after': step.retryAfter } : {});
      response.end(JSON.stringify({ try: seen.length }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/thing`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const noWait = () => Promise.resolve();
const post = (headers: Record<string, string>) =>
  new Request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: '{"text":"hello"}',
  });

describe('fetchRetryingWrites', () => {
  it('sends a keyed POST again with the same key and body after a dropped answer and a 503', async () => {
    seen.length = 0;
    script = ['drop', { status: 503, retryAfter: '0' }, { status: 201 }];
    const response = await fetchRetryingWrites(post({ 'idempotency-key': 'action-1' }), undefined, noWait);
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ try: 3 });
    expect(seen).toEqual([
      { method: 'POST', key: 'action-1', body: '{"text":"hello"}' },
      { method: 'POST', key: 'action-1', body: '{"text":"hello"}' },
      { method: 'POST', key: 'action-1', body: '{"text":"hello"}' },
    ]);
  });

  it('waits out a 409 with Retry-After (the first try still running), then gets the answer', async () => {
    seen.length = 0;
    const waits: number[] = [];
    script = [{ status: 409, retryAfter: '2' }, { status: 201 }];
    const response = await fetchRetryingWrites(post({ 'idempotency-key': 'action-2' }), undefined, (ms) => {
      waits.push(ms);
      return Promise.resolve();
    });
    expect(response.status).toBe(201);
    expect(waits).toEqual([2000]);
    expect(seen.map((s) => s.key)).toEqual(['action-2', 'action-2']);
  });

  it('gives up after its retries and hands back the last answer', async () => {
    seen.length = 0;
    script = Array.from({ length: WRITE_RETRIES + 1 }, () => ({ status: 503, retryAfter: '0' }));
    const response = await fetchRetryingWrites(post({ 'idempotency-key': 'action-3' }), undefined, noWait);
    expect(response.status).toBe(503);
    expect(seen).toHaveLength(WRITE_RETRIES + 1);
  });

  it('sends a refusal, a keyless POST and a GET once', async () => {
    seen.length = 0;
    script = [{ status: 409 }, { status: 503 }, { status: 503 }];
    expect(
      (await fetchRetryingWrites(post({ 'idempotency-key': 'action-4' }), undefined, noWait)).status,
    ).toBe(409);
    expect((await fetchRetryingWrites(post({}), undefined, noWait)).status).toBe(503);
    expect((await fetchRetryingWrites(new Request(url), undefined, noWait)).status).toBe(503);
    expect(seen.map((s) => s.method)).toEqual(['POST', 'POST', 'GET']);
  });
});
