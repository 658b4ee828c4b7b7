import { FEEDBACK_OPEN_STATUSES, isWithin, type AdminFeedbackDetail, type AdminFeedbackQuery, type AdminFeedbackSummary, type Page } from '@gongkai/shared';
import type { AdminCaller } from '../../http/auth';
import { assertInScope } from '../accounts/scope';
import { isOverdue } from './deadlines';
import { feedback, type FeedbackRecord } from './model';
import { regionsOf, type FeedbackDeps } from './routing';
import { loadInScope } from './workflow';
import { adminDetail, summaryView } from './views';

/*
 * The officials' inbox: items assigned to a region in the caller's subtree (`scopeCodes` holds the assigned
 * region and its ancestors), any role including assessors. On FerretDB this filter scans `feedback` once per
 * request (the module's only scanning read path besides the daily job); the heavy fields are left out by
 * projection, and filtering by region and overdue happens on the rows read.
 */

/** Fields the list does not need. */
const LIST_PROJECTION = { timeline: 0, contact: 0, request: 0, images: 0, requestHash: 0, idempotencyKey: 0 } as const;

/** Items assigned within the caller's scope that match the query (unpaged), in list order. */
export async function findForAdmin(caller: Pick<AdminCaller, 'regionCode'>, q: Omit<AdminFeedbackQuery, 'page' | 'pageSize'>, now: number): Promise<FeedbackRecord[]> {
  if (q.region) assertInScope(caller, q.region);
  const filter: Record<string, unknown> = { scopeCodes: caller.regionCode };
  if (q.state) filter.status = q.state;
  if (q.type) filter.type = q.type;
  if (q.trackingNo) filter.trackingNo = q.trackingNo;
  if (q.overdue) {
    // Only open items can be overdue.
    if (q.state && !FEEDBACK_OPEN_STATUSES.includes(q.state)) return [];
    if (!q.state) filter.status = { $in: [...FEEDBACK_OPEN_STATUSES] };
    filter.dueAt = { $lt: new Date(now) };
  }
  const rows = (await feedback().find(filter, { projection: LIST_PROJECTION }).toArray()) as FeedbackRecord[];
  const kept = rows.filter(
    (r) =>
      !!r.trackingNo &&
      (!q.region || isWithin(r.assignedRegion, q.region) || isWithin(r.regionCode, q.region)) &&
      (q.overdue === undefined || isOverdue(r, now) === q.overdue),
  );
  // Overdue lists: the longest overdue first; otherwise the newest first.
  return q.overdue
    ? kept.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())
    : kept.sort((a, b) => b.receivedAt.getTime() - a.receivedAt.getTime());
}

/** `GET /api/v1/admin/feedback`. */
export async function listForAdmin(deps: Pick<FeedbackDeps, 'regions'>, caller: AdminCaller, q: AdminFeedbackQuery, now = Date.now()): Promise<Page<AdminFeedbackSummary>> {
  const regions = await regionsOf(deps);
  const rows = await findForAdmin(caller, q, now);
  const start = (q.page - 1) * q.pageSize;
  return { items: rows.slice(start, start + q.pageSize).map((r) => summaryView({ ...r, timeline: [], images: [] }, regions, now)), total: rows.length, page: q.page, pageSize: q.pageSize };
}

/** `GET /api/v1/admin/feedback/:id`: everything, for officials in scope (404 otherwise). */
export async function getForAdmin(deps: Pick<FeedbackDeps, 'regions'>, caller: AdminCaller, id: string, now = Date.now()): Promise<AdminFeedbackDetail> {
  const regions = await regionsOf(deps);
  return adminDetail(await loadInScope(caller, id), regions, now);
}
