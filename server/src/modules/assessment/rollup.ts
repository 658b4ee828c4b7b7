import { isWithin, type DomainKey } from '@gongkai/shared';
import type { RequiredTable, Snapshot } from './compute';
import { Facts, type CountField } from './facts';
import { slotOfCode, type UnitCounts, type UnitIndex } from './units';

/*
 * Roll-up: a region's figures are the sum of the facts of every code in its subtree (the region itself
 * included), so a county adds up its own disclosures, its townships' and its villages'. Coverage's
 * denominator is computed from the catalogue and the unit counts (every unit counts, with or without data).
 * One pass over the snapshot's codes gives the region and each of the units listed as its children.
 */

/** The summed facts of one region. */
export interface Aggregate {
  facts: Facts;
  /** Covered items by the level of the unit: county, township, village. */
  covered: UnitCounts;
  /** Village-level units with at least one follower. */
  villagesReached: number;
}

const newAggregate = (): Aggregate => ({ facts: new Facts(), covered: [0, 0, 0], villagesReached: 0 });
const FOLLOWERS_ONLY: readonly CountField[] = ['fol'];

function addCode(a: Aggregate, code: string, byDomain: Map<string, Facts>, domain: DomainKey | undefined): void {
  const slot = slotOfCode(code);
  const own = byDomain.get('-');
  if (domain) {
    const f = byDomain.get(domain);
    if (f) {
      a.facts.add(f);
      if (slot !== undefined) a.covered[slot] += f.cov;
    }
    if (own) a.facts.add(own, FOLLOWERS_ONLY);
  } else {
    for (const f of byDomain.values()) {
      a.facts.add(f);
      if (slot !== undefined) a.covered[slot] += f.cov;
    }
  }
  if (slot === 2 && own && own.fol > 0) a.villagesReached += 1;
}

/**
 * Sums the snapshot's facts for `region` and for each of `childCodes` (codes of one length, all under
 * `region`), filtered by domain (followers count whatever the domain).
 */
export function rollup(snap: Snapshot, region: string, childCodes: string[], domain?: DomainKey): { total: Aggregate; children: Map<string, Aggregate> } {
  const total = newAggregate();
  const children = new Map(childCodes.map((c) => [c, newAggregate()]));
  const childLen = childCodes[0]?.length ?? 0;
  for (const [code, byDomain] of snap.facts) {
    if (!isWithin(code, region)) continue;
    addCode(total, code, byDomain, domain);
    if (childLen && code.length >= childLen) {
      const child = children.get(code.slice(0, childLen));
      if (child) addCode(child, code, byDomain, domain);
    }
  }
  return { total, children };
}

/**
 * The required (unit, item) pairs within `region` per level: each unit needs the province items of its
 * level, plus the local items of its level owned by the unit or an ancestor.
 */
export function requiredWithin(req: RequiredTable, units: UnitIndex, region: string, domain?: DomainKey): UnitCounts {
  const mine = units.unitsWithin(region);
  const out: UnitCounts = [0, 0, 0];
  const levels = ['county', 'township', 'village'] as const;
  levels.forEach((level, i) => {
    const perUnit = req.province[level];
    const n = domain ? (perUnit[domain] ?? 0) : Object.values(perUnit).reduce((s, x) => s + (x ?? 0), 0);
    out[i] += mine[i] * n;
  });
  for (const [owner, level, d, n] of req.local) {
    if (domain && d !== domain) continue;
    const i = levels.indexOf(level);
    // Units under both the owner and the region: the smaller of the two subtrees, or none.
    const shared = isWithin(region, owner) ? mine : isWithin(owner, region) ? units.unitsWithin(owner) : undefined;
    if (shared) out[i] += shared[i] * n;
  }
  return out;
}
