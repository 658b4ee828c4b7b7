import {
  REGION_LEVELS,
  type Assessment,
  type AssessmentMissing,
  type AssessmentMissingQuery,
  type AssessmentNode,
  type AssessmentQuery,
  type AssessmentTrend,
  type AssessmentTrendQuery,
  type DomainKey,
  type RegionLevel,
} from '@gongkai/shared';
import type { AdminCaller } from '../../http/auth';
import { forbidden, notFound, rateLimited, validationFailed } from '../../http/errors';
import { RateLimiter } from '../../http/rate-limit';
import { toShanghaiIso } from '../../workdays';
import { assertInScope } from '../accounts/scope';
import { regionDirectory } from '../regions/service';
import type { Snapshot } from './compute';
import { issueViews, unitIssues } from './drilldown';
import { metricsOf, rank, ratio } from './metrics';
import { periodOfQuery, periodView, recentQuarters, type Period } from './period';
import { requiredWithin, rollup } from './rollup';
import { loadDisclosures, loadItems } from './sources';
import { snapshotsFor } from './store';
import { UnitIndex, slotOf, type RegionTree } from './units';

/*
 * The assessment endpoints' services: a region's metrics with its children (ranking), the quarterly trend,
 * and one unit's drill-down. Assessors and admins only, in their scope (an assessor of county A gets 403
 * for county B). Figures come from snapshots (store.ts); the drill-down is computed live for one unit.
 */

/** What the services need from the app. */
export interface AssessmentDeps {
  /** The region tree; the process-wide directory when absent. */
  regions?: RegionTree;
}

/** The region tree of the deps, or the process-wide directory. */
export async function treeOf(deps: AssessmentDeps): Promise<RegionTree> {
  return deps.regions ?? (await regionDirectory());
}

const refreshLimiter = new RateLimiter();
/** Recomputations one admin may ask for per minute. */
const REFRESH_PER_MINUTE = 2;

/** The region of a query (default the caller's), checked for scope and existence. */
function regionFor(caller: AdminCaller, tree: RegionTree, code: string | undefined) {
  const region = code ?? caller.regionCode;
  assertInScope(caller, region);
  const r = tree.get(region);
  if (!r) throw notFound(`行政区划不存在：${region}`);
  return { code: r.code, name: r.name, level: r.level };
}

/** The metrics node of one region from a snapshot. */
export function nodeOf(snap: Snapshot, units: UnitIndex, region: { code: string; name: string; level: string }, agg: ReturnType<typeof rollup>['total'], domain?: DomainKey): AssessmentNode {
  const metrics = metricsOf(agg, requiredWithin(snap.required, units, region.code, domain), units.unitsWithin(region.code));
  return { region, ...metrics };
}

/** The level children are listed at: the given one, or the next level below the region. */
function childLevelOf(level: RegionLevel, wanted: RegionLevel | undefined): RegionLevel | undefined {
  const i = REGION_LEVELS.indexOf(level);
  if (!wanted) return REGION_LEVELS[i + 1];
  if (REGION_LEVELS.indexOf(wanted) <= i) throw validationFailed('childLevel 须低于所选地区的层级', [{ path: 'query.childLevel', message: '须低于所选地区的层级' }]);
  return wanted;
}

/** Recent roll-ups by snapshot and query: a dashboard asks for the same views again and again. */
const rolled = new Map<string, ReturnType<typeof rollRegion>>();
const ROLLED_MAX = 300;

/** A region with its children from a snapshot (memoized per snapshot version, region, domain and level). */
export function assessRegion(snap: Snapshot, tree: RegionTree, region: { code: string; name: string; level: RegionLevel }, domain?: DomainKey, wantedLevel?: RegionLevel) {
  const key = `${snap.period.key}|${snap.computedAt}|${region.code}|${domain ?? ''}|${wantedLevel ?? ''}`;
  let hit = rolled.get(key);
  if (hit && rolled.delete(key)) rolled.set(key, hit);
  else {
    hit = rollRegion(snap, tree, region, domain, wantedLevel);
    rolled.set(key, hit);
    if (rolled.size > ROLLED_MAX) rolled.delete(rolled.keys().next().value as string);
  }
  return hit;
}

/** The roll-up itself (one pass over the snapshot's facts), without the memo. */
export function rollRegion(snap: Snapshot, tree: RegionTree, region: { code: string; name: string; level: RegionLevel }, domain?: DomainKey, wantedLevel?: RegionLevel) {
  const units = UnitIndex.of(tree);
  const level = childLevelOf(region.level, wantedLevel);
  const listed = level ? units.listAt(region.code, level) : [];
  const { total, children } = rollup(snap, region.code, listed.map((c) => c.code), domain);
  const node = nodeOf(snap, units, region, total, domain);
  const kids = rank(listed.map((c) => nodeOf(snap, units, c, children.get(c.code)!, domain)));
  return { node, childLevel: level, children: kids };
}

/** `GET /api/v1/admin/assessment` */
export async function getAssessment(deps: AssessmentDeps, caller: AdminCaller, q: AssessmentQuery, now: number = Date.now()): Promise<Assessment> {
  const tree = await treeOf(deps);
  const region = regionFor(caller, tree, q.region);
  if (q.refresh) {
    if (caller.role !== 'admin') throw forbidden('只有管理员可以要求立即重新计算');
    const wait = refreshLimiter.hit(`assessment-refresh:${caller.id}`, REFRESH_PER_MINUTE, 60_000);
    if (wait > 0) throw rateLimited(`重新计算过于频繁，请${wait}秒后再试`, { retryAfterSeconds: wait });
  }
  const period = periodOfQuery(q, now);
  const [snap] = await snapshotsFor([period], { refresh: q.refresh, now });
  const { node, childLevel, children } = assessRegion(snap, tree, region, q.domain, q.childLevel);
  return {
    ...node,
    period: periodView(period, snap.computedAt),
    ...(q.domain ? { domain: q.domain } : {}),
    computedAt: toShanghaiIso(new Date(snap.computedAt)),
    ...(childLevel ? { childLevel } : {}),
    children,
  };
}

/** `GET /api/v1/admin/assessment/trend` — the last `quarters` quarters, oldest first. */
export async function getTrend(deps: AssessmentDeps, caller: AdminCaller, q: AssessmentTrendQuery, now: number = Date.now()): Promise<AssessmentTrend> {
  const tree = await treeOf(deps);
  const region = regionFor(caller, tree, q.region);
  const periods = recentQuarters(q.quarters, q.until ? periodOfQuery({ quarter: q.until }).from : now);
  const snaps = await snapshotsFor(periods, { now });
  const units = UnitIndex.of(tree);
  return {
    region,
    ...(q.domain ? { domain: q.domain } : {}),
    items: snaps.map((snap) => {
      const { region: _r, ...metrics } = nodeOf(snap, units, region, rollup(snap, region.code, [], q.domain).total, q.domain);
      return { ...metrics, period: periodView(snap.period, snap.computedAt), computedAt: toShanghaiIso(new Date(snap.computedAt)) };
    }),
  };
}

/** `GET /api/v1/admin/assessment/missing` — one unit's missing, late and overdue items (computed live). */
export async function getMissing(deps: AssessmentDeps, caller: AdminCaller, q: AssessmentMissingQuery, now: number = Date.now()): Promise<AssessmentMissing> {
  const tree = await treeOf(deps);
  const region = regionFor(caller, tree, q.region);
  if (slotOf(region.level) === undefined) {
    throw validationFailed('请选择县（市、区）、乡镇（街道）或村（社区）', [{ path: 'query.region', message: '须为县级、乡级或村级地区' }]);
  }
  const period = periodOfQuery(q, now);
  return unitReport(region, period, now, q.domain);
}

/** One unit's drill-down for a period. */
export async function unitReport(region: { code: string; name: string; level: string }, period: Period, now: number, domain?: DomainKey): Promise<AssessmentMissing> {
  const [items, data] = await Promise.all([loadItems(), loadDisclosures(region.code, now)]);
  const [u] = unitIssues([region.code], data, items, period, now, domain);
  return {
    region,
    period: periodView(period, now),
    ...(domain ? { domain } : {}),
    computedAt: toShanghaiIso(new Date(now)),
    coverage: { required: u.required, covered: u.covered, value: ratio(u.covered, u.required) },
    ...(await issueViews(u)),
  };
}
