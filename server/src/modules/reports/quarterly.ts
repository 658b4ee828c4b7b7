import { FEEDBACK_TYPE_LABELS, findDomain, isWithin, type AssessmentNode, type FeedbackType } from '@gongkai/shared';
import type { AdminCaller } from '../../http/auth';
import { notFound, validationFailed } from '../../http/errors';
import { runLimited } from '../../jobs/queue';
import { shanghaiDate } from '../../workdays';
import { assertInScope } from '../accounts/scope';
import { unitIssues, type UnitIssues } from '../assessment/drilldown';
import { quarterPeriod, type Period } from '../assessment/period';
import { assessRegion, treeOf, type AssessmentDeps } from '../assessment/service';
import { loadDisclosures, loadItems } from '../assessment/sources';
import { snapshotsFor } from '../assessment/store';
import { UnitIndex, type RegionTree } from '../assessment/units';
import { getPublishedDisclosure } from '../disclosures/service';
import { findPublic } from '../feedback/service';

/*
 * The content of a county's quarterly report (季度报送) to the province: the county's metrics and its
 * townships' (from the same snapshot as the dashboard), every unit's late, overdue and missing items
 * (computed live, as the drill-down), and the answered public questions of the quarter (回应关切).
 */

/** A late or overdue item as a report row. */
export interface IssueRow {
  unit: string;
  level: string;
  domain: string;
  item: string;
  title: string;
  dueDate: string;
  publishedDate: string;
  days: number;
  status: string;
}

/** A unit with required items not disclosed. */
export interface MissingRow {
  unit: string;
  level: string;
  required: number;
  covered: number;
  items: string[];
}

/** One catalogue item at one level across the county's units. */
export interface ItemCoverageRow {
  item: string;
  domain: string;
  level: string;
  /** Units that must disclose it, and those that have. */
  units: number;
  covered: number;
}

/** An answered public question. */
export interface QaRow {
  type: string;
  region: string;
  question: string;
  answer: string;
  askedDate: string;
  answeredDate: string;
}

/** Everything a quarterly report shows. */
export interface QuarterlyData {
  county: { code: string; name: string };
  period: Period;
  /** When the report was made, and when its metrics were computed. */
  generatedAt: number;
  computedAt: number;
  node: AssessmentNode;
  townships: AssessmentNode[];
  units: { townships: number; villages: number };
  late: IssueRow[];
  overdue: IssueRow[];
  missing: MissingRow[];
  byItem: ItemCoverageRow[];
  qa: QaRow[];
}

const LEVEL_NAMES: Record<string, string> = { county: '县级', township: '乡级', village: '村级' };
const STATUS_NAMES: Record<string, string> = { draft: '草稿', pending: '待审核', scheduled: '待定时发布', published: '已发布（下一期逾期）', withdrawn: '已撤回' };
const date = (d: Date | number | undefined) => (d === undefined ? '' : shanghaiDate(new Date(d)));

function issueRows(issues: UnitIssues[], tree: RegionTree, titles: Map<string, string>) {
  const late: IssueRow[] = [];
  const overdue: IssueRow[] = [];
  const missing: MissingRow[] = [];
  const items = new Map<string, ItemCoverageRow>();
  for (const u of issues) {
    const missed = new Set(u.missing.map((m) => m.id));
    for (const it of u.requiredItems) {
      const k = `${it.id}|${u.level}`;
      let row = items.get(k);
      if (!row) items.set(k, (row = { item: it.name, domain: findDomain(it.domain)?.name ?? it.domain, level: LEVEL_NAMES[u.level] ?? u.level, units: 0, covered: 0 }));
      row.units += 1;
      if (!missed.has(it.id)) row.covered += 1;
    }
    const unit = tree.get(u.code)?.name ?? u.code;
    const level = LEVEL_NAMES[u.level] ?? u.level;
    const base = (r: UnitIssues['late'][number]['row'], item?: { name: string }) => ({
      unit,
      level,
      domain: findDomain(r.domain)?.name ?? r.domain,
      item: item?.name ?? '',
      title: titles.get(r.id) ?? '',
      dueDate: date(r.dueAt),
    });
    for (const x of u.late) late.push({ ...base(x.row, x.item), publishedDate: date(x.row.firstPublishedAt), days: x.daysLate, status: '逾期发布' });
    for (const x of u.overdue) overdue.push({ ...base(x.row, x.item), publishedDate: date(x.row.firstPublishedAt), days: x.daysOverdue, status: STATUS_NAMES[x.row.status] ?? x.row.status });
    if (u.missing.length) missing.push({ unit, level, required: u.required, covered: u.covered, items: u.missing.map((m) => m.name) });
  }
  late.sort((a, b) => b.days - a.days);
  overdue.sort((a, b) => b.days - a.days);
  missing.sort((a, b) => a.covered / Math.max(1, a.required) - b.covered / Math.max(1, b.required) || b.required - a.required);
  const byItem = [...items.values()].sort((a, b) => a.covered / a.units - b.covered / b.units || b.units - a.units);
  return { late, overdue, missing, byItem };
}

async function answeredQuestions(county: string, p: Period, tree: RegionTree): Promise<QaRow[]> {
  const all = await findPublic({});
  return all
    .filter((q) => isWithin(q.regionCode, county) && q.answer.at.getTime() >= p.from && q.answer.at.getTime() <= p.to)
    .slice(0, 200)
    .map((q) => ({
      type: FEEDBACK_TYPE_LABELS[q.type as FeedbackType] ?? q.type,
      region: tree.get(q.regionCode)?.name ?? q.regionCode,
      question: q.content,
      answer: q.answer.text,
      askedDate: date(q.askedAt),
      answeredDate: date(q.answer.at),
    }));
}

/** Gathers a county's report for a quarter (assessors and admins in scope; the caller's role is checked by the route). */
export async function quarterlyData(deps: AssessmentDeps, caller: AdminCaller, code: string, year: number, quarter: number, now: number = Date.now()): Promise<QuarterlyData> {
  assertInScope(caller, code);
  const tree = await treeOf(deps);
  const county = tree.get(code);
  if (!county) throw notFound(`行政区划不存在：${code}`);
  if (county.level !== 'county') throw validationFailed('季度报送以县（市、区）为单位', [{ path: 'query.region', message: '须为县级地区' }]);
  const period = quarterPeriod(year, quarter);
  if (period.from > now) throw validationFailed('该季度尚未开始', [{ path: 'query.quarter', message: '该季度尚未开始' }]);
  const [snap] = await snapshotsFor([period], { now });
  const { node, children } = assessRegion(snap, tree, county, undefined, 'township');
  const units = UnitIndex.of(tree);
  const codes = [code, ...units.listAt(code, 'township').map((t) => t.code), ...units.listAt(code, 'village').map((v) => v.code)];
  const [items, data] = await Promise.all([loadItems(), loadDisclosures(code, now)]);
  const issues = unitIssues(codes, data, items, period, now);
  const titles = new Map<string, string>();
  const lateIds = issues.flatMap((u) => u.late.map((x) => x.row.id)).slice(0, 2_000);
  await runLimited(lateIds, 8, async (id) => {
    const t = (await getPublishedDisclosure(id))?.title;
    if (t) titles.set(id, t);
  });
  const [, t, v] = units.unitsWithin(code);
  return {
    county: { code, name: county.name },
    period,
    generatedAt: now,
    computedAt: snap.computedAt,
    node,
    townships: children,
    units: { townships: t, villages: v },
    ...issueRows(issues, tree, titles),
    qa: await answeredQuestions(code, period, tree),
  };
}
