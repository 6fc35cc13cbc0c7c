import { describe, expect, it } from 'vitest';
import { checkRankParity, type RankedPerson } from '../../../src/domain/request/rank-parity.js';
import type { Rank } from '../../../src/domain/summit/practice.js';

const people = (list: [string, string, Rank | null][]): ((id: string) => RankedPerson | undefined) => {
  const byId = new Map(list.map(([id, delegation, rank]) => [id, { delegation, rank }]));
  return (id) => byId.get(id);
};

const persons = people([
  ['usa-potus', 'usa', 'head-of-state'],
  ['usa-sos', 'usa', 'minister'],
  ['chn-president', 'chn', 'head-of-state'],
  ['chn-commerce', 'chn', 'minister'],
  ['jpn-pm', 'jpn', 'head-of-government'],
  ['jpn-aide', 'jpn', 'official'],
  ['vnm-x', 'vnm', null],
]);

describe('rank parity', () => {
  it('names the ranks when a head of state meets a minister', () => {
    const m = checkRankParity(
      { from: 'usa', to: ['chn'], attendees: ['usa-potus', 'chn-commerce'] },
      persons,
    );
    expect(m?.message).toBe('usa-potus (head of state) with chn-commerce (minister)');
  });

  it('compares the highest rank of each party, heads of state and of government alike', () => {
    expect(
      checkRankParity(
        { from: 'usa', to: ['jpn'], attendees: ['usa-potus', 'usa-sos', 'jpn-pm', 'jpn-aide'] },
        persons,
      ),
    ).toBeNull();
    expect(
      checkRankParity({ from: 'usa', to: ['chn'], attendees: ['usa-sos', 'chn-commerce'] }, persons),
    ).toBeNull();
  });

  it('names the higher party first, whoever asked, and every lower party', () => {
    const m = checkRankParity(
      { from: 'chn', to: ['usa', 'jpn'], attendees: ['chn-commerce', 'usa-potus', 'jpn-aide'] },
      persons,
    );
    expect(m?.message).toBe('usa-potus (head of state) with chn-commerce (minister) and jpn-aide (official)');
    expect(m?.lower.map((t) => t.delegation)).toEqual(['chn', 'jpn']);
  });

  it('does not judge a party whose attendees have no rank, nor attendees of no party', () => {
    expect(
      checkRankParity({ from: 'usa', to: ['vnm'], attendees: ['usa-potus', 'vnm-x'] }, persons),
    ).toBeNull();
    expect(
      checkRankParity({ from: 'usa', to: ['vnm'], attendees: ['usa-potus', 'jpn-aide'] }, persons),
    ).toBeNull();
  });
});
