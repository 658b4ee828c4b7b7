import { ASSESSMENT_WEIGHTS, type AssessmentMetrics, type AssessmentNode } from '@gongkai/shared';
import { histMedian } from './facts';
import type { Aggregate } from './rollup';
import type { UnitCounts } from './units';

/*
 * From summed facts to the contract's metrics: each a value in 0–1 (null when its denominator is 0) with the
 * counts it comes from. Definitions: docs/assessment.md.
 */

/** A ratio rounded to 4 decimals, or null for an empty denominator. */
export function ratio(n: number, d: number): number | null {
  return d > 0 ? Math.round((n / d) * 10_000) / 10_000 : null;
}

/** The metrics of one region from its aggregate, required pairs and unit counts. */
export function metricsOf(a: Aggregate, required: UnitCounts, units: UnitCounts): AssessmentMetrics {
  const f = a.facts;
  const level = (i: 0 | 1 | 2) => ({ units: units[i], required: required[i], covered: a.covered[i], value: ratio(a.covered[i], required[i]) });
  const req = required[0] + required[1] + required[2];
  const cov = a.covered[0] + a.covered[1] + a.covered[2];
  const due = f.tOn + f.tLate + f.tOver;
  const judged = f.rOn + f.rLate + f.rOver;
  const rated = f.s1 + f.s2 + f.s3;
  const m: Omit<AssessmentMetrics, 'score'> = {
    coverage: { value: ratio(cov, req), required: req, covered: cov, missing: Math.max(0, req - cov), byLevel: { county: level(0), township: level(1), village: level(2) } },
    timeliness: { value: ratio(f.tOn, due), due, onTime: f.tOn, late: f.tLate, overdue: f.tOver, noDeadline: f.tNone, medianDaysLate: histMedian(f.tDays) },
    responsiveness: {
      value: ratio(f.rOn, judged),
      received: f.rRecv,
      answered: f.rOn + f.rLate,
      onTime: f.rOn,
      late: f.rLate,
      overdue: f.rOver,
      pending: f.rPend,
      medianWorkingDays: histMedian(f.rDays),
    },
    satisfaction: {
      value: ratio(f.s2 * 0.5 + f.s3, rated),
      rated,
      satisfied: f.s3,
      basicallySatisfied: f.s2,
      dissatisfied: f.s1,
      satisfiedRate: ratio(f.s2 + f.s3, rated),
    },
    reach: {
      value: ratio(a.villagesReached, units[2]),
      villages: units[2],
      villagesReached: a.villagesReached,
      followers: f.fol,
      notices: { inApp: f.nApp, wechat: f.nWx, wechatFailed: f.nWxFail },
    },
  };
  return { score: scoreOf(m), ...m };
}

/** The weighted mean of the metric values present (ASSESSMENT_WEIGHTS), or null when none is. */
export function scoreOf(m: Omit<AssessmentMetrics, 'score'>): number | null {
  let sum = 0;
  let weight = 0;
  for (const [k, w] of Object.entries(ASSESSMENT_WEIGHTS) as Array<[keyof typeof ASSESSMENT_WEIGHTS, number]>) {
    const v = m[k].value;
    if (v === null) continue;
    sum += v * w;
    weight += w;
  }
  return weight > 0 ? Math.round((sum / weight) * 10_000) / 10_000 : null;
}

/** Sets `rank` by score, best first; equal scores share a rank; no score, no rank. */
export function rank<T extends Pick<AssessmentNode, 'score' | 'rank'>>(nodes: T[]): T[] {
  const scored = nodes.filter((n) => n.score !== null).sort((a, b) => b.score! - a.score!);
  scored.forEach((n, i) => {
    n.rank = i > 0 && scored[i - 1].score === n.score ? scored[i - 1].rank : i + 1;
  });
  for (const n of nodes) if (n.score === null) n.rank = null;
  return nodes;
}
