import { regionLevel, type CatalogueLevel, type DomainKey } from '@gongkai/shared';
import { toShanghaiIso } from '../../workdays';
import { getPublishedDisclosure } from '../disclosures/service';
import { asOfOf, calendarDaysBetween, type Period } from './period';
import { distinctItems, isRequired, visibleAt, type DisclosureData, type ItemInfo } from './sources';
import type { TimelinessRow } from '../disclosures/service';

/*
 * The gaps of units, computed live from the same sources and rules as the snapshot (compute.ts): the
 * required items without a visible disclosure at the period's end (`missing`), the disclosures first
 * published late in the period (`late`) and those due in the period and still unpublished at its end
 * (`overdue`). Used by the drill-down endpoint (one unit) and the quarterly report (every unit of a county).
 */

/** One unit's gaps. */
export interface UnitIssues {
  code: string;
  level: CatalogueLevel;
  required: number;
  covered: number;
  /** The items the unit must disclose, and those of them without a visible disclosure. */
  requiredItems: ItemInfo[];
  missing: ItemInfo[];
  late: Array<{ row: TimelinessRow; item?: ItemInfo; daysLate: number }>;
  overdue: Array<{ row: TimelinessRow; item?: ItemInfo; daysOverdue: number }>;
}

/**
 * The gaps of each unit in `codes` (county, township or village codes) from disclosure data that covers
 * them. `now` is when the figures are taken for a running period.
 */
export function unitIssues(codes: string[], d: DisclosureData, items: Map<string, ItemInfo>, p: Period, now: number, domain?: DomainKey): UnitIssues[] {
  const asOf = asOfOf(p, now);
  const byUnit = new Map<string, TimelinessRow[]>();
  for (const r of d.rows) {
    if (domain && r.domain !== domain) continue;
    const list = byUnit.get(r.regionCode);
    if (list) list.push(r);
    else byUnit.set(r.regionCode, [r]);
  }
  const all = distinctItems(items).filter((it) => !domain || it.domain === domain);
  return codes.map((code) => {
    const level = regionLevel(code) as CatalogueLevel;
    const rows = byUnit.get(code) ?? [];
    const required = all.filter((it) => isRequired(it, level, code));
    const visible = new Set(rows.filter((r) => visibleAt(r, d.withdrawnAt, asOf)).map((r) => items.get(r.catalogueItemId)?.id ?? r.catalogueItemId));
    const missing = required.filter((it) => !visible.has(it.id));
    const late: UnitIssues['late'] = [];
    const overdue: UnitIssues['overdue'] = [];
    for (const r of rows) {
      const fp = r.firstPublishedAt?.getTime();
      const due = r.dueAt?.getTime();
      if (due === undefined) continue;
      if (fp !== undefined && fp >= p.from && fp <= p.to) {
        if (r.late) late.push({ row: r, item: items.get(r.catalogueItemId), daysLate: calendarDaysBetween(due, fp) });
      } else if (due >= p.from && due <= p.to && due < asOf && (fp === undefined || fp > asOf) && r.status !== 'withdrawn') {
        overdue.push({ row: r, item: items.get(r.catalogueItemId), daysOverdue: calendarDaysBetween(due, asOf) });
      }
    }
    late.sort((a, b) => b.daysLate - a.daysLate);
    overdue.sort((a, b) => b.daysOverdue - a.daysOverdue);
    return { code, level, required: required.length, covered: required.length - missing.length, requiredItems: required, missing, late, overdue };
  });
}

/** The contract's views of a unit's gaps (titles of published disclosures from the public detail). */
export async function issueViews(u: UnitIssues) {
  const titleOf = async (id: string) => (await getPublishedDisclosure(id))?.title;
  const iso = (d: Date | undefined) => (d ? toShanghaiIso(d) : '');
  return {
    missing: u.missing.map((it) => ({
      catalogueItemId: it.id,
      code: it.code,
      domain: it.domain,
      category: it.category,
      name: it.name,
      timeLimit: it.timeLimit.text,
      publisher: it.publisher,
    })),
    late: await Promise.all(
      u.late.map(async (x) => ({
        disclosureId: x.row.id,
        ...(await titleOf(x.row.id).then((t) => (t ? { title: t } : {}))),
        catalogueItemId: x.row.catalogueItemId,
        itemName: x.item?.name ?? '',
        domain: x.row.domain,
        dueAt: iso(x.row.dueAt),
        publishedAt: iso(x.row.firstPublishedAt),
        daysLate: x.daysLate,
      })),
    ),
    overdue: u.overdue.map((x) => ({
      disclosureId: x.row.id,
      catalogueItemId: x.row.catalogueItemId,
      itemName: x.item?.name ?? '',
      domain: x.row.domain,
      dueAt: iso(x.row.dueAt),
      status: x.row.status,
      daysOverdue: x.daysOverdue,
    })),
  };
}
