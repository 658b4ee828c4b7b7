import { FEEDBACK_OPEN_STATUSES, isWithin, type AdminFeedbackDetail, type AdminFeedbackQuery, type AdminFeedbackSummary, type Page } from '@gongkai/shared';
import type { AdminCaller } from '../../http/auth';
import { assertInScope } from '../accounts/scope';
import { isOverdue } from './deadlines';
import { feedbackEntries, type IndexEntry } from './index-store';
import { regionsOf, type FeedbackDeps } from './routing';
import { loadInScope } from './workflow';
import { adminDetail, summaryView } from './views';

/*
 * The officials' inbox: items assigned to a region in the caller's subtree, any role including assessors.
 * Read from the in-memory index (index-store.ts), never by scanning `feedback`; one item's detail is one
 * `_id` read.
 */

/** Items assigned within the caller's scope that match the query (unpaged), in list order. */
export async function findForAdmin(caller: Pick<AdminCaller, 'regionCode'>, q: Omit<AdminFeedbackQuery, 'page' | 'pageSize'>, now: number): Promise<IndexEntry[]> {
  if (q.region) assertInScope(caller, q.region);
  // Only open items can be overdue.
  if (q.overdue && q.state && !FEEDBACK_OPEN_STATUSES.includes(q.state)) return [];
  const kept: IndexEntry[] = [];
  for (const e of await feedbackEntries()) {
    if (!isWithin(e.assignedRegion, caller.regionCode)) continue;
    if ((q.state && e.status !== q.state) || (q.type && e.type !== q.type) || (q.trackingNo && e.trackingNo !== q.trackingNo)) continue;
    if (q.region && !isWithin(e.assignedRegion, q.region) && !isWithin(e.regionCode, q.region)) continue;
    if (q.overdue !== undefined && isOverdue(e, now) !== q.overdue) continue;
    kept.push(e);
  }
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
  return { items: rows.slice(start, start + q.pageSize).map((e) => summaryView(e, regions, now)), total: rows.length, page: q.page, pageSize: q.pageSize };
}

/** `GET /api/v1/admin/feedback/:id`: everything, for officials in scope (404 otherwise). */
export async function getForAdmin(deps: Pick<FeedbackDeps, 'regions'>, caller: AdminCaller, id: string, now = Date.now()): Promise<AdminFeedbackDetail> {
  const regions = await regionsOf(deps);
  return adminDetail(await loadInScope(caller, id), regions, now);
}
