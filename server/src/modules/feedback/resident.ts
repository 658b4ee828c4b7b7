import type { FeedbackRatingBody, MyFeedbackDetail, MyFeedbackSummary, Page } from '@gongkai/shared';
import type { ResidentCaller } from '../../http/auth';
import { conflict, notFound } from '../../http/errors';
import { withLock } from '../disclosures/lock';
import { entryOf, recordWritten } from './index-store';
import { feedback, oid, residentIndex, type FeedbackRecord, type TimelineRecord } from './model';
import { regionsOf, type FeedbackDeps } from './routing';
import { canRate, residentDetail, summaryView } from './views';

/*
 * A resident's own items: the list reads the resident's index document and then each item by `_id` (both
 * fast on FerretDB), the detail one item by `_id`. Another resident's item is 404, as if it did not exist.
 */

/** The resident's item, or 404. */
export async function loadOwn(residentId: string, id: string): Promise<FeedbackRecord> {
  const _id = oid(id);
  const rec = _id ? await feedback().findOne({ _id }) : null;
  if (!rec || rec.residentId !== residentId || !rec.trackingNo) throw notFound('未找到该诉求');
  return rec;
}

/** `GET /api/v1/me/feedback`: newest first. */
export async function listMine(deps: Pick<FeedbackDeps, 'regions'>, resident: Pick<ResidentCaller, 'id'>, q: { page: number; pageSize: number }, now = Date.now()): Promise<Page<MyFeedbackSummary>> {
  const regions = await regionsOf(deps);
  const idx = await residentIndex().findOne({ _id: resident.id });
  const ids = [...(idx?.ids ?? [])].reverse();
  const start = (q.page - 1) * q.pageSize;
  const recs = await Promise.all(ids.slice(start, start + q.pageSize).map((id) => feedback().findOne({ _id: oid(id) })));
  const items = recs
    .filter((r): r is FeedbackRecord => !!r && r.residentId === resident.id)
    .map((r) => ({ ...summaryView(entryOf(r), regions, now), canRate: canRate(r) }));
  return { items, total: ids.length, page: q.page, pageSize: q.pageSize };
}

/** `GET /api/v1/me/feedback/:id`: with timeline, answer, deadline, remaining working days and extension. */
export async function getMine(deps: Pick<FeedbackDeps, 'regions'>, resident: Pick<ResidentCaller, 'id'>, id: string, now = Date.now()): Promise<MyFeedbackDetail> {
  const regions = await regionsOf(deps);
  return residentDetail(await loadOwn(resident.id, id), regions, now);
}

/**
 * `POST /api/v1/me/feedback/:id/rating`: once, after an answer (answered or closed). Rating again, or
 * before an answer, is 409. Stored on the item (`rating: { score, comment?, at }`) for assessment.
 */
export async function rateFeedback(deps: Pick<FeedbackDeps, 'regions'>, resident: Pick<ResidentCaller, 'id'>, id: string, body: FeedbackRatingBody, now = new Date()): Promise<MyFeedbackDetail> {
  const regions = await regionsOf(deps);
  return withLock(`feedback:${id}`, async () => {
    const rec = await loadOwn(resident.id, id);
    if (rec.rating) throw conflict('您已经评价过了，每条诉求只能评价一次');
    if (!canRate(rec)) throw conflict('答复之后才能评价');
    const rating = { score: body.score, ...(body.comment ? { comment: body.comment } : {}), at: now };
    const entry: TimelineRecord = { at: now, action: 'rated', status: rec.status, regionCode: rec.assignedRegion };
    await feedback().updateOne({ _id: rec._id }, { $set: { rating, updatedAt: now }, $push: { timeline: entry } });
    const after: FeedbackRecord = { ...rec, rating, timeline: [...rec.timeline, entry], updatedAt: now };
    await recordWritten(after);
    return residentDetail(after, regions, now.getTime());
  });
}
