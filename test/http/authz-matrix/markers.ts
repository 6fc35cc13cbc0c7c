// What an answer must never show its reader: another delegation's deliberation and draft line, busy-block
// labels, confidential request ids, and credentials. Each marker knows who may see it; the scan counts
// where a permitted reader did see one, so a scan that could never find anything is noticed.
import { readFile } from 'node:fs/promises';
import { DEMO_FILE, DEMO_SUMMIT } from '../../../src/app/demo/apec-2017.js';
import { partiesOf } from '../../../src/domain/request/agreement.js';
import { readSummitFile } from '../../../src/io/summit-file/read.js';
import type { Store } from '../../../src/store/store.js';
import type { ActorInfo } from './actors.js';

/** The kinds of private text the scan looks for. */
export type Category =
  'us-deliberation' | 'us-draft-line' | 'busy-label' | 'busy-place' | 'confidential-request' | 'credential';

/** One private text and who may read it. */
export interface Marker {
  category: Category;
  text: string;
  /** Where it comes from, for the failure message. */
  source: string;
  /** A shape of text to look for instead of `text` (which then only describes it). */
  pattern?: RegExp;
  visibleTo(actor: ActorInfo): boolean;
}

/** A leak: a marker found in an answer to someone who may not see it. */
export interface Leak {
  marker: Marker;
  excerpt: string;
}

const memberOf =
  (...delegations: string[]) =>
  (a: ActorInfo): boolean =>
    a.kind === 'delegation' && delegations.includes(a.delegation);
const noOne = (): boolean => false;

/** Collapses runs of white space, so a folded YAML line still matches. */
const flat = (text: string): string => text.replace(/\s+/gu, ' ');

/** The private texts of the demo and of the run, and the scan of answers for them. */
export class Markers {
  private readonly all: Marker[] = [];
  /** How often a permitted reader's answer held a marker of each category. */
  readonly seenByPermitted = new Map<Category, number>();
  private issued = 0;

  /** Adds a marker. */
  add(marker: Marker): void {
    if (marker.text.trim() === '') return;
    this.all.push({ ...marker, text: flat(marker.text) });
  }

  /** Every marker, for the report. */
  get list(): readonly Marker[] {
    return this.all;
  }

  /** A new private text of the US delegation for a write the test sends (a position, a draft, a busy label). */
  usSecret(category: 'us-deliberation' | 'us-draft-line' | 'busy-label'): string {
    this.issued += 1;
    const text = `MX-USA-PRIVATE-${this.issued}-${category}`;
    this.add({ category, text, source: 'written by the matrix', visibleTo: memberOf('usa') });
    return text;
  }

  /**
   * The leaks in `body` for `actor`. A marker the request itself carried is the caller's own words,
   * not a leak; nor is one that is part of a text the actor may read (a shorter label of another
   * delegation inside a longer one of its own: the two cannot be told apart).
   */
  scan(actor: ActorInfo, body: string, sent: string): Leak[] {
    const text = flat(body);
    const own = this.all.filter((m) => m.visibleTo(actor)).map((m) => m.text);
    const leaks: Leak[] = [];
    for (const m of this.all) {
      const at = m.pattern ? text.search(m.pattern) : text.indexOf(m.text);
      if (at < 0) continue;
      if (m.visibleTo(actor)) {
        this.seenByPermitted.set(m.category, (this.seenByPermitted.get(m.category) ?? 0) + 1);
        continue;
      }
      if (!m.pattern && (sent.includes(m.text) || own.some((t) => t.includes(m.text)))) continue;
      leaks.push({ marker: m, excerpt: text.slice(Math.max(0, at - 60), at + m.text.length + 60) });
    }
    return leaks;
  }
}

/**
 * The demo's markers: the US deliberation on usa-rus (positions' rationales and notes, the decision's
 * note) and the US draft line, as the demo loader stored them; every busy label and confidential
 * request of the example file; and the password hashes of `users`.
 */
export async function demoMarkers(store: Store, users: readonly string[]): Promise<Markers> {
  const markers = new Markers();
  const usa = memberOf('usa');
  const { positions, decision, line, hashes } = await store.read(async (tx) => ({
    positions: await tx.positions.listFor(DEMO_SUMMIT, 'usa-rus', 'usa'),
    decision: await tx.decisions.get(DEMO_SUMMIT, { request: 'usa-rus', delegation: 'usa' }),
    line: await tx.publicLines.get(DEMO_SUMMIT, { request: 'usa-rus', delegation: 'usa' }),
    hashes: await Promise.all(users.map((u) => tx.users.passwordHash(u as never))),
  }));
  if (positions.length === 0 || !decision || !line || line.published) {
    throw new Error('the demo should hold the US deliberation on usa-rus and a US draft line');
  }
  for (const p of positions) {
    markers.add({
      category: 'us-deliberation',
      text: p.rationale,
      source: `position ${p.id}`,
      visibleTo: usa,
    });
    for (const c of p.considerations) {
      if (c.note)
        markers.add({
          category: 'us-deliberation',
          text: c.note,
          source: `position ${p.id}`,
          visibleTo: usa,
        });
    }
  }
  if (decision.note) {
    markers.add({ category: 'us-deliberation', text: decision.note, source: 'US decision', visibleTo: usa });
  }
  markers.add({ category: 'us-draft-line', text: line.text, source: 'US draft line', visibleTo: usa });

  const read = readSummitFile(await readFile(DEMO_FILE, 'utf8'), 'yaml');
  if (!read.ok) throw new Error('the example summit file should read');
  const delegationOf = new Map(read.data.persons.map((p) => [p.id as string, p.delegation as string]));
  for (const b of read.data.busy) {
    const owner = delegationOf.get(b.person) ?? '';
    if (b.label) {
      markers.add({
        category: 'busy-label',
        text: b.label,
        source: `busy ${b.id} (${owner})`,
        visibleTo: memberOf(owner),
      });
    }
  }
  for (const r of read.data.requests.filter((x) => x.confidential)) {
    markers.add({
      category: 'confidential-request',
      text: r.id,
      source: `confidential request ${r.id}`,
      visibleTo: memberOf(...partiesOf(r)),
    });
  }
  // where a rule check names another delegation's commitment only as "a private commitment", its
  // place is as private as its label (the agenda shows others nothing but the time)
  markers.add({
    category: 'busy-place',
    text: 'a private commitment (…) at <venue>',
    pattern: /a private commitment \([^)]*\bat [a-z0-9]/u,
    source: "the place of another delegation's busy block",
    visibleTo: noOne,
  });
  // …and the travel minutes to it would name the place by its distance from a known venue
  markers.add({
    category: 'busy-place',
    text: 'a private commitment … needs <n> travel',
    pattern: /a private (?:commitment|engagement) [^"]*needs \d+ travel/u,
    source: "the distance to another delegation's private commitment",
    visibleTo: noOne,
  });
  if (markers.list.filter((m) => m.category === 'confidential-request').length === 0) {
    throw new Error('the example summit file should hold confidential requests');
  }

  hashes.forEach((hash, i) => {
    if (!hash) throw new Error(`user ${users[i]} should have a password hash`);
    markers.add({
      category: 'credential',
      text: hash,
      source: `password hash of ${users[i]}`,
      visibleTo: noOne,
    });
  });
  markers.add({ category: 'credential', text: '$argon2', source: 'any argon2 hash', visibleTo: noOne });
  return markers;
}

/** Adds a user's API token: its secret and id for its owner only, its stored hash for no one. */
export function addTokenMarkers(
  markers: Markers,
  owner: string,
  token: { secret: string; id: string; hash: string },
): void {
  const self = (a: ActorInfo) => a.name === owner;
  markers.add({ category: 'credential', text: token.secret, source: `token of ${owner}`, visibleTo: self });
  markers.add({ category: 'credential', text: token.id, source: `token id of ${owner}`, visibleTo: self });
  markers.add({
    category: 'credential',
    text: token.hash,
    source: `token hash of ${owner}`,
    visibleTo: noOne,
  });
}
