import type { AssessmentUnitLevel, DomainKey } from '@gongkai/shared';
import { workingDaysBetween } from '../../workdays';
import { bump, factsOf, type FactsTable } from './facts';
import { asOfOf, calendarDaysBetween, type Period } from './period';
import { deliveriesBetween, followersByRegion } from './reach';
import { distinctItems, isRequired, loadDisclosures, loadFeedback, loadItems, visibleAt, type DisclosureData, type FeedbackRow, type ItemInfo } from './sources';

/*
 * Computing a snapshot: the facts of every region code for one period, in one pass over each source (the
 * disclosure index in memory, the catalogue, one scan of feedback, the residents' saved villages). Several
 * periods are computed from the same reads (the recurring job does the recent quarters together).
 * The definitions implemented here are written out in docs/assessment.md.
 */

/** How many catalogue items each unit must disclose: province items per level and domain, plus local items. */
export interface RequiredTable {
  province: Record<AssessmentUnitLevel, Partial<Record<DomainKey, number>>>;
  /** Local items: [owner code, level, domain, count]; they apply to the owner and everything under it. */
  local: Array<[string, AssessmentUnitLevel, DomainKey, number]>;
}

/** The facts of one period. */
export interface Snapshot {
  period: Period;
  /** State metrics (coverage, followers) are taken at this instant. */
  asOf: number;
  computedAt: number;
  /** Milliseconds the computation took (all periods of the batch). */
  ms: number;
  required: RequiredTable;
  facts: FactsTable;
}

/** The required-items table of the current catalogue. */
export function requiredTable(items: ItemInfo[]): RequiredTable {
  const province: RequiredTable['province'] = { county: {}, township: {}, village: {} };
  const local = new Map<string, number>();
  for (const it of items) {
    if (!it.active || it.mode !== 'proactive') continue;
    for (const level of it.levels) {
      if (!it.local) province[level][it.domain] = (province[level][it.domain] ?? 0) + 1;
      else {
        const k = `${it.regionCode}|${level}|${it.domain}`;
        local.set(k, (local.get(k) ?? 0) + 1);
      }
    }
  }
  return {
    province,
    local: [...local].map(([k, n]) => {
      const [owner, level, domain] = k.split('|');
      return [owner, level as AssessmentUnitLevel, domain as DomainKey, n];
    }),
  };
}

/** Coverage intervals [visible from, visible until) per (unit, required item). */
interface Pair {
  code: string;
  domain: DomainKey;
  spans: Array<[number, number]>;
}

function coveragePairs(d: DisclosureData, items: Map<string, ItemInfo>): Pair[] {
  const pairs = new Map<string, Pair>();
  for (const r of d.rows) {
    if (!r.firstPublishedAt) continue;
    const item = items.get(r.catalogueItemId);
    if (!item || !isRequired(item, r.level, r.regionCode)) continue;
    const start = r.firstPublishedAt.getTime();
    const end = r.status === 'withdrawn' ? (d.withdrawnAt.get(r.id) ?? start) : Infinity;
    const k = `${r.regionCode}|${item.id}`;
    const p = pairs.get(k);
    if (p) p.spans.push([start, end]);
    else pairs.set(k, { code: r.regionCode, domain: item.domain, spans: [[start, end]] });
  }
  return [...pairs.values()];
}

function addDisclosureFacts(t: FactsTable, p: Period, asOf: number, d: DisclosureData, pairs: Pair[]): void {
  for (const pair of pairs) {
    if (pair.spans.some(([s, e]) => s <= asOf && asOf < e)) factsOf(t, pair.code, pair.domain).cov += 1;
  }
  for (const r of d.rows) {
    const fp = r.firstPublishedAt?.getTime();
    const due = r.dueAt?.getTime();
    if (fp !== undefined && fp >= p.from && fp <= p.to) {
      const f = factsOf(t, r.regionCode, r.domain);
      if (due === undefined) f.tNone += 1;
      else if (r.late) {
        f.tLate += 1;
        bump(f.tDays, calendarDaysBetween(due, fp));
      } else f.tOn += 1;
    } else if (due !== undefined && due >= p.from && due <= p.to && due < asOf && (fp === undefined || fp > asOf) && r.status !== 'withdrawn') {
      factsOf(t, r.regionCode, r.domain).tOver += 1;
    }
  }
}

function addFeedbackFacts(t: FactsTable, p: Period, rows: FeedbackRow[], now: number): void {
  for (const fb of rows) {
    if (fb.receivedAt >= p.from && fb.receivedAt <= p.to) {
      const f = factsOf(t, fb.assignedRegion, fb.domain);
      f.rRecv += 1;
      if (fb.doneAt !== undefined) {
        if (fb.doneAt <= fb.dueAt) f.rOn += 1;
        else f.rLate += 1;
        bump(f.rDays, Math.max(0, workingDaysBetween(new Date(fb.receivedAt), new Date(fb.doneAt))));
      } else if (now > fb.dueAt) f.rOver += 1;
      else f.rPend += 1;
    }
    if (fb.rating && fb.rating.at >= p.from && fb.rating.at <= p.to) {
      const f = factsOf(t, fb.assignedRegion, fb.domain);
      f[`s${fb.rating.score}`] += 1;
    }
  }
}

/**
 * Computes the snapshots of `periods` from one read of every source. `now` is the computation time:
 * state metrics of a running period are taken at `now`, open feedback is judged at `now`.
 */
export async function computeSnapshots(periods: Period[], now: number = Date.now()): Promise<Snapshot[]> {
  const t0 = Date.now();
  const items = await loadItems();
  const required = requiredTable(distinctItems(items));
  const d = await loadDisclosures(undefined, now);
  const domainOf = new Map(d.rows.map((r) => [r.id, r.domain]));
  const fb = await loadFeedback(items, domainOf);
  const followers = await followersByRegion();
  const from = Math.min(...periods.map((p) => p.from));
  const to = Math.max(...periods.map((p) => p.to));
  const deliveries = await deliveriesBetween(from, to);
  const pairs = coveragePairs(d, items);
  const tables = periods.map((p) => {
    const t: FactsTable = new Map();
    const asOf = asOfOf(p, now);
    addDisclosureFacts(t, p, asOf, d, pairs);
    addFeedbackFacts(t, p, fb, now);
    for (const [code, n] of followers) factsOf(t, code, '-').fol += n;
    for (const x of deliveries) {
      const at = x.at.getTime();
      if (at < p.from || at > p.to) continue;
      const f = factsOf(t, x.regionCode, x.domain);
      f.nApp += x.inApp;
      f.nWx += x.wechat;
      f.nWxFail += x.wechatFailed;
    }
    return t;
  });
  const ms = Date.now() - t0;
  return periods.map((p, i) => ({ period: p, asOf: asOfOf(p, now), computedAt: now, ms, required, facts: tables[i] }));
}
