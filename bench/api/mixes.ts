// The request mixes each connection repeats: reads a delegation office makes all day, and writes that
// can repeat without conflict (each connection writes to a request of its own).
import type { Client, Options, Request } from 'autocannon';
import { benchRequestId } from './protocol.js';

const S = '/api/summits/apec-2017';

/** The calendar's path: the meetings list where the API has one, else the meetings sheet (same data, as CSV). */
export function meetingsPathIn(documentPaths: Record<string, unknown>): string {
  return '/api/summits/{summit}/meetings' in documentPaths ? `${S}/meetings` : `${S}/meetings.csv`;
}

/** The read mix's paths, in the order each connection sends them. */
export function readPaths(meetingsPath: string): string[] {
  return [
    `${S}/requests?limit=50`,
    `${S}/requests/usa-rus`,
    meetingsPath,
    `${S}/programme?limit=50`,
    `${S}/encounters?a=usa&b=rus`,
  ];
}

/** Autocannon options of the read mix, as the US protocol officer. */
export function readMix(url: string, token: string, meetingsPath: string): Options {
  return {
    url,
    headers: { authorization: `Bearer ${token}` },
    requests: readPaths(meetingsPath).map((path): Request => ({ method: 'GET', path })),
  };
}

const json = { 'content-type': 'application/json' };
let proposals = 0;

/**
 * The write mix of one request: post to its thread, record a US position, propose a condition and
 * withdraw it again (If-Match: a new condition is at version 1). Every connection gets a request of its
 * own, so no two connections write the same record.
 */
export function writeRequests(request: string): Request[] {
  const r = `${S}/requests/${request}`;
  return [
    {
      method: 'POST',
      path: `${r}/thread`,
      headers: json,
      body: JSON.stringify({ text: 'Benchmark message' }),
    },
    {
      method: 'POST',
      path: `${r}/deliberation/positions`,
      headers: json,
      body: JSON.stringify({ holder: 'Benchmark desk', stance: 'for', rationale: 'Load test' }),
    },
    {
      method: 'POST',
      path: `${r}/conditions`,
      headers: json,
      setupRequest: (req, context) => {
        const id = `b${++proposals}`;
        (context as { condition?: string }).condition = id;
        return { ...req, body: JSON.stringify({ id, kind: 'agenda', text: 'Benchmark agenda item' }) };
      },
    },
    {
      method: 'POST',
      path: `${r}/conditions/c0/withdraw`,
      headers: { 'if-match': '"1"' },
      setupRequest: (req, context) => ({
        ...req,
        path: `${r}/conditions/${(context as { condition?: string }).condition ?? 'c0'}/withdraw`,
      }),
    },
  ];
}

/** Autocannon options of the write mix, as the US protocol officer, connection n on request n (of `requests`). */
export function writeMix(url: string, token: string, requests: number): Options {
  let connection = 0;
  return {
    url,
    headers: { authorization: `Bearer ${token}` },
    requests: writeRequests(benchRequestId(0)),
    setupClient: (client: Client) => {
      // the warm-up's connections are closed before the measured run opens its own: count round
      const n = connection++ % requests;
      (client as Client & { setRequests(r: Request[]): void }).setRequests(writeRequests(benchRequestId(n)));
    },
  };
}

/** Autocannon options of the ceiling: the bare hello-world. */
export function ceilingMix(url: string): Options {
  return { url, requests: [{ method: 'GET', path: '/' }] };
}
