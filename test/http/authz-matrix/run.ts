// Runs the matrix: every row for every actor, each answer's status against what the row and the route's
// x-authz say, and each answer (every page of it) scanned for what its reader must never see.
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Authz } from '../../../src/http/authz.js';
import { ACTORS, type ActorInfo } from './actors.js';
import type { Entry, Sent } from './entry.js';
import type { World } from './world.js';

/** One route of the OpenAPI document and its x-authz. */
export interface DocumentRoute {
  route: string;
  authz: Authz | undefined;
}

/** Reads every operation of the OpenAPI document as `METHOD /path`. */
export function documentRoutes(doc: {
  paths: Record<string, Record<string, { 'x-authz'?: Authz }>>;
}): DocumentRoute[] {
  return Object.entries(doc.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, op]) => ({
      route: `${method.toUpperCase()} ${path}`,
      authz: op['x-authz'],
    })),
  );
}

/** The status a row expects for an actor. */
export function expectedStatus(entry: Entry, authz: Authz | undefined, actor: ActorInfo): number {
  if (authz?.access !== 'public' && actor.kind === 'anonymous') return 401;
  if (entry.may(actor)) return successOf(entry);
  const refusal = entry.refused?.find(([who]) => who(actor));
  if (refusal) return refusal[1];
  return authz?.access === 'signed-in' ? (authz.denied ?? 403) : 403;
}

function successOf(entry: Entry): number {
  if (entry.ok) return entry.ok;
  const method = entry.route.split(' ')[0];
  return method === 'POST' ? 201 : method === 'DELETE' ? 204 : 200;
}

/** What a row says that its route's x-authz contradicts: refusals it does not declare, open doors. */
export function declarationProblems(entry: Entry, authz: Authz | undefined): string[] {
  const problems: string[] = [];
  if (!authz) return [`${entry.route} declares no x-authz`];
  const refusals = new Set(
    ACTORS.filter((a) => a.kind !== 'anonymous' && !entry.may(a)).map((a) => expectedStatus(entry, authz, a)),
  );
  if (authz.access === 'public') {
    if (refusals.size > 0) problems.push(`${entry.route} is public, yet the row refuses some actors`);
    return problems;
  }
  if (entry.may({ name: 'anonymous', kind: 'anonymous' })) {
    problems.push(`${entry.route} is signed-in, yet the row lets the anonymous caller in`);
  }
  if (authz.sessionOnly && ACTORS.some((a) => a.kind !== 'anonymous' && entry.may(a))) {
    problems.push(`${entry.route} is for sessions only, yet the row lets a token in`);
  }
  if (authz.scope === 'platform') {
    // a platform grant's route (creating a summit) is the operator's, and no summit role opens it
    const inside = ACTORS.filter((a) => a.kind !== 'anonymous' && entry.may(a));
    const others = inside.filter((a) => a.kind !== 'operator').map((a) => a.name);
    if (others.length > 0)
      problems.push(`${entry.route} is the operator's, yet the row lets ${others.join(', ')} in`);
    if (!inside.some((a) => a.kind === 'operator'))
      problems.push(`${entry.route} is the operator's, yet the row refuses it`);
  }
  for (const status of refusals) {
    if (![403, 404].includes(status)) problems.push(`${entry.route} refuses with ${status}`);
  }
  if (authz.denied !== undefined && refusals.size > 0 && !refusals.has(authz.denied)) {
    problems.push(
      `${entry.route} declares denied ${authz.denied}, but the row refuses only with ${[...refusals].join(', ')}`,
    );
  }
  return problems;
}

/** Fills a route's path template and adds the query. */
function urlOf(route: string, sent: Sent): string {
  const path = route.slice(route.indexOf(' ') + 1);
  const used = new Set<string>();
  const filled = path.replace(/\{(\w+)\}/gu, (_, name: string) => {
    const value = sent.params?.[name];
    if (value === undefined) throw new Error(`${route}: the row gives no value for {${name}}`);
    used.add(name);
    return encodeURIComponent(value);
  });
  const extra = Object.keys(sent.params ?? {}).filter((k) => !used.has(k));
  if (extra.length > 0)
    throw new Error(`${route}: the row gives parameters the path lacks: ${extra.join(', ')}`);
  const query = new URLSearchParams(sent.query ?? {}).toString();
  return query ? `${filled}?${query}` : filled;
}

function injectOf(route: string, sent: Sent): InjectOptions {
  const method = route.slice(0, route.indexOf(' ')) as InjectOptions['method'];
  const headers: Record<string, string> = { ...(sent.headers ?? {}) };
  const options: InjectOptions = { method, url: urlOf(route, sent), headers };
  if (sent.raw) {
    headers['content-type'] = sent.raw.type;
    options.payload = sent.raw.text;
  } else if (sent.body !== undefined) {
    options.payload = sent.body as InjectOptions['payload'];
  }
  return options;
}

/** One answer the matrix got. */
export interface Answer {
  route: string;
  actor: string;
  expected: number;
  status: number;
  /** What is wrong with it (empty when all is well). */
  findings: string[];
}

/** Sends one row's request as one actor, following pages when the row asks, and judges each answer. */
async function ask(w: World, entry: Entry, authz: Authz | undefined, actor: ActorInfo): Promise<Answer> {
  const expected = expectedStatus(entry, authz, actor);
  const sent = await entry.send(w, actor);
  const request = injectOf(entry.route, sent);
  const sentText = `${request.url} ${typeof request.payload === 'string' ? request.payload : JSON.stringify(request.payload ?? '')}`;
  const findings: string[] = [];
  const reader = ACTORS.find((a) => a.name === (entry.readsAs ?? actor.name)) ?? actor;
  const judge = (response: LightMyRequestResponse, page: string) => {
    for (const leak of w.markers.scan(reader, response.body, sentText)) {
      findings.push(
        `LEAK${page}: ${leak.marker.category} (${leak.marker.source}) shown to ${actor.name}: …${leak.excerpt}…`,
      );
    }
  };
  const first = await w.send(actor, request);
  judge(first, '');
  if (first.statusCode < 300 && entry.settle) await entry.settle(w, sent);
  if (first.statusCode !== expected) {
    const granted = first.statusCode < 300 && expected >= 400 ? ' — ACCESS GRANTED to a refused actor' : '';
    findings.push(`expected ${expected}, got ${first.statusCode}${granted}: ${first.body.slice(0, 300)}`);
  }
  let next = entry.pages && first.statusCode === 200 ? (first.json() as { next?: string | null }).next : null;
  for (let page = 2; next; page++) {
    const url = new URL(request.url as string, 'http://matrix');
    url.searchParams.set('cursor', next);
    const response = await w.send(actor, { ...request, url: `${url.pathname}${url.search}` });
    judge(response, ` on page ${page}`);
    if (response.statusCode !== 200) findings.push(`page ${page}: got ${response.statusCode}`);
    next = response.statusCode === 200 ? (response.json() as { next?: string | null }).next : null;
  }
  return { route: entry.route, actor: actor.name, expected, status: first.statusCode, findings };
}

/**
 * Runs one row for every actor: the refused ones first, all at once (they must change nothing), then
 * those who may, one after the other, each on its own fresh target or current ETag.
 */
export async function runEntry(w: World, entry: Entry, authz: Authz | undefined): Promise<Answer[]> {
  const refused = ACTORS.filter((a) => expectedStatus(entry, authz, a) >= 400);
  const allowed = ACTORS.filter((a) => expectedStatus(entry, authz, a) < 400);
  const answers = await Promise.all(refused.map((a) => ask(w, entry, authz, a)));
  for (const a of allowed) answers.push(await ask(w, entry, authz, a));
  return answers;
}

/** Runs `tasks` with at most `limit` at a time, in order of start. */
export async function inPool<T>(tasks: readonly (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array<T>(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await (tasks[i] as () => Promise<T>)();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}
