import mongoose from '../../db/mongoose';
import type { CatalogueItemView, CatalogueLevel, DomainKey, FeedbackRatingScore, FeedbackStatus, FeedbackType } from '@gongkai/shared';
import { catalogueItemAppliesTo } from '../catalogue/service';
import { CatalogueItemModel } from '../catalogue/model';
import { toView } from '../catalogue/versions';
import { disclosures } from '../disclosures/model';
import { listDisclosureTimeliness, type TimelinessRow } from '../disclosures/service';
import { feedback } from '../feedback/model';

/*
 * What the assessment reads, and how (FerretDB: only `_id` look-ups are fast, see .team/README):
 *  - disclosures: the disclosures module's in-memory index through `listDisclosureTimeliness` (no database
 *    read), plus the withdrawal time of withdrawn ones (read by `_id`, few);
 *  - the catalogue: every item (a small collection, one scan);
 *  - feedback: one projected scan of the `feedback` collection. The feedback module's exports
 *    (`listResponsiveness`, `listRatings`) scan it once each and leave out the disclosure and catalogue
 *    item an item is about, which the per-domain figures need; so this reads the same documents once,
 *    read-only, with the same rules (working days from receipt, the receipt day not counted).
 */

/** A catalogue item as the assessment needs it. */
export type ItemInfo = CatalogueItemView;

/** Every catalogue item by id and by code. */
export async function loadItems(): Promise<Map<string, ItemInfo>> {
  const docs = await CatalogueItemModel.find({}).lean();
  const out = new Map<string, ItemInfo>();
  for (const d of docs) {
    const v = toView(d as never);
    out.set(v.id, v);
    out.set(v.code, v);
  }
  return out;
}

/** Distinct items of a by-id-and-code map. */
export function distinctItems(items: Map<string, ItemInfo>): ItemInfo[] {
  return [...new Set(items.values())];
}

/**
 * True when an item must be disclosed by a unit of `level` at `regionCode` (the coverage denominator):
 * active, proactive (主动公开; 依申请公开 items are answered on request, not published), listing the level
 * among its 公开层级, and a province item or a local item of the region or one of its ancestors.
 */
export function isRequired(item: ItemInfo, level: CatalogueLevel, regionCode: string): boolean {
  return item.mode === 'proactive' && item.levels.includes(level) && catalogueItemAppliesTo(item, regionCode);
}

/** Disclosure rows with the withdrawal instant of withdrawn ones. */
export interface DisclosureData {
  rows: TimelinessRow[];
  /** Disclosure id → withdrawal time (epoch ms). */
  withdrawnAt: Map<string, number>;
}

/**
 * Withdrawal times read so far. A withdrawn disclosure can never change again, so each is read once per
 * process (by `_id`); later computations only read the new withdrawals.
 */
const withdrawals = new Map<string, number>();

/** The disclosures of a subtree (all when `within` is undefined), any status. */
export async function loadDisclosures(within?: string, now: number = Date.now()): Promise<DisclosureData> {
  const rows = await listDisclosureTimeliness({ within, withdrawn: true }, now);
  const withdrawnAt = new Map<string, number>();
  const unknown: string[] = [];
  for (const r of rows) {
    if (r.status !== 'withdrawn') continue;
    const at = withdrawals.get(r.id);
    if (at === undefined) unknown.push(r.id);
    else withdrawnAt.set(r.id, at);
  }
  for (let i = 0; i < unknown.length; i += 50) {
    const docs = await Promise.all(
      unknown.slice(i, i + 50).map((id) => disclosures().findOne({ _id: new mongoose.Types.ObjectId(id) }, { projection: { withdrawal: 1 } })),
    );
    for (const d of docs) {
      if (!d?.withdrawal) continue;
      const at = new Date(d.withdrawal.at).getTime();
      withdrawals.set(String(d._id), at);
      withdrawnAt.set(String(d._id), at);
    }
  }
  return { rows, withdrawnAt };
}

/**
 * True when a disclosure was visible to residents at `at`: first published by then and not withdrawn by
 * then. (A withdrawn disclosure cannot be edited again, so its withdrawal is its last change.)
 */
export function visibleAt(r: TimelinessRow, withdrawnAt: Map<string, number>, at: number): boolean {
  if (!r.firstPublishedAt || r.firstPublishedAt.getTime() > at) return false;
  if (r.status === 'published') return true;
  if (r.status !== 'withdrawn') return true; // a published disclosure with a next version in review
  const w = withdrawnAt.get(r.id);
  return w !== undefined && w > at;
}

/** One feedback item as the assessment needs it. */
export interface FeedbackRow {
  id: string;
  type: FeedbackType;
  status: FeedbackStatus;
  /** The responsible body (figures are attributed to it). */
  assignedRegion: string;
  domain: DomainKey | '-';
  receivedAt: number;
  dueAt: number;
  /** Answer or rejection time. */
  doneAt?: number;
  rating?: { score: FeedbackRatingScore; at: number };
}

const FEEDBACK_FIELDS = {
  type: 1, status: 1, trackingNo: 1, assignedRegion: 1, disclosureId: 1, catalogueItemId: 1,
  receivedAt: 1, dueAt: 1, answer: 1, rejection: 1, rating: 1,
} as const;

/**
 * Every submitted feedback item (one projected scan). The domain comes from the disclosure it is about, or
 * else its catalogue item; '-' when neither is known.
 */
export async function loadFeedback(items: Map<string, ItemInfo>, domainOfDisclosure: Map<string, DomainKey>): Promise<FeedbackRow[]> {
  const docs = await feedback().find({}, { projection: FEEDBACK_FIELDS }).toArray();
  const out: FeedbackRow[] = [];
  for (const d of docs) {
    if (!d.trackingNo || !d.receivedAt || !d.dueAt) continue;
    const domain = (d.disclosureId && domainOfDisclosure.get(d.disclosureId)) || (d.catalogueItemId && items.get(d.catalogueItemId)?.domain) || '-';
    const done = d.answer?.at ?? d.rejection?.at;
    out.push({
      id: String(d._id),
      type: d.type,
      status: d.status,
      assignedRegion: d.assignedRegion,
      domain,
      receivedAt: new Date(d.receivedAt).getTime(),
      dueAt: new Date(d.dueAt).getTime(),
      ...(done ? { doneAt: new Date(done).getTime() } : {}),
      ...(d.rating && (d.status === 'answered' || d.status === 'closed') ? { rating: { score: d.rating.score, at: new Date(d.rating.at).getTime() } } : {}),
    });
  }
  return out;
}
