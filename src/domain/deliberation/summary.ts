// Totals over a delegation's positions, for the deliberation view: weighted benefits and risks per topic.
import type { Position, Stance } from './schema.js';

/** The weighted benefits and risks recorded on one topic. */
export interface TopicTotals {
  /** Trimmed and lower-cased, so "Optics" and "optics " count together. */
  topic: string;
  benefit: number;
  risk: number;
  /** benefit − risk. */
  net: number;
}

/** What a set of positions adds up to. */
export interface DeliberationSummary {
  positions: number;
  stances: Record<Stance, number>;
  /** One entry per topic, in alphabetical order. */
  topics: TopicTotals[];
  benefit: number;
  risk: number;
}

/** Totals weighted benefits and risks per topic and counts stances; the input is not changed. */
export function summarise(positions: readonly Position[]): DeliberationSummary {
  const stances: Record<Stance, number> = { for: 0, against: 0, undecided: 0 };
  const byTopic = new Map<string, TopicTotals>();
  for (const position of positions) {
    stances[position.stance] += 1;
    for (const c of position.considerations) {
      const topic = c.topic.trim().toLowerCase();
      const totals = byTopic.get(topic) ?? { topic, benefit: 0, risk: 0, net: 0 };
      totals[c.kind] += c.weight;
      totals.net = totals.benefit - totals.risk;
      byTopic.set(topic, totals);
    }
  }
  const topics = [...byTopic.values()].sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0));
  return {
    positions: positions.length,
    stances,
    topics,
    benefit: topics.reduce((sum, t) => sum + t.benefit, 0),
    risk: topics.reduce((sum, t) => sum + t.risk, 0),
  };
}
