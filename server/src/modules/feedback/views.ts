import {
  maskText,
  type AdminFeedbackDetail,
  type AdminFeedbackSummary,
  type MyFeedbackDetail,
  type PublicFeedbackItem,
  type Region,
} from '@gongkai/shared';
import { toShanghaiIso } from '../../workdays';
import { isOverdue, remainingWorkingDays } from './deadlines';
import { entryOf, type IndexEntry } from './index-store';
import type { FeedbackRecord, PublicRecord, TimelineRecord } from './model';
import { regionName } from './routing';

/*
 * Every response shape of an item, built from the stored record with an explicit allow-list of fields:
 *  - residents see their own item (their own text as written), with no official's name or id;
 *  - officials in scope see everything, with who did what;
 *  - the public sees only `feedback_public` snapshots (public.ts): no resident id, contact, images or
 *    request details, and masked text.
 */

type Regions = { get(code: string): Region | undefined };

const iso = toShanghaiIso;
const SUMMARY_CHARS = 40;

/** The first 40 characters, on one line. */
export function summaryOf(content: string, chars = SUMMARY_CHARS): string {
  const one = content.replace(/\s+/g, ' ').trim();
  const cs = [...one];
  return cs.length > chars ? `${cs.slice(0, chars - 1).join('')}…` : one;
}

/** True when the answer is shown in the public Q&A: the resident agreed and the official did not keep it private. */
export function shownPublicly(r: Pick<FeedbackRecord, 'public' | 'answer' | 'status'>): boolean {
  return !!r.public && !!r.answer?.public && (r.status === 'answered' || r.status === 'closed');
}

/** The summary fields shared by residents' and officials' lists (from the index entry of an item). */
export function summaryView(r: IndexEntry, regions: Regions, now: number): AdminFeedbackSummary {
  const doneAt = r.answeredAt ?? r.rejectedAt;
  return {
    id: String(r._id),
    trackingNo: r.trackingNo ?? '',
    type: r.type,
    status: r.status,
    region: regionName(regions, r.regionCode),
    assignedRegion: regionName(regions, r.assignedRegion),
    ...(r.disclosureId ? { disclosureId: r.disclosureId } : {}),
    ...(r.catalogueItemId ? { catalogueItemId: r.catalogueItemId } : {}),
    summary: r.summary,
    public: r.public,
    receivedAt: iso(r.receivedAt),
    dueAt: iso(r.dueAt),
    ...optional('remainingWorkingDays', remainingWorkingDays(r, now)),
    overdue: isOverdue(r, now),
    extended: r.extended,
    ...(r.answeredAt ? { answeredAt: iso(r.answeredAt) } : {}),
    late: !!doneAt && doneAt.getTime() > r.dueAt.getTime(),
    ...(r.rating ? { rating: { score: r.rating.score, ...(r.rating.comment ? { comment: r.rating.comment } : {}), at: iso(r.rating.at) } } : {}),
  };
}

function optional<K extends string, V>(k: K, v: V | undefined): { [P in K]?: V } {
  return (v === undefined ? {} : { [k]: v }) as { [P in K]?: V };
}

/** May the resident rate it now (answered or closed with an answer, not yet rated)? */
export function canRate(r: FeedbackRecord): boolean {
  return !r.rating && !!r.answer && (r.status === 'answered' || r.status === 'closed');
}

function timelineView(t: TimelineRecord[], regions: Regions, withOfficials: boolean) {
  return t.map((e) => ({
    at: iso(e.at),
    action: e.action,
    status: e.status,
    region: regionName(regions, e.regionCode),
    ...(e.note ? { note: e.note } : {}),
    ...(withOfficials && e.by ? { by: e.by } : {}),
  }));
}

function detailFields(r: FeedbackRecord, regions: Regions, imageUrl: (imageId: string) => string, withOfficials: boolean) {
  return {
    content: r.content,
    ...(r.contact ? { contact: r.contact } : {}),
    ...(r.request ? { request: r.request } : {}),
    images: r.images.map((i) => ({ ...i, url: imageUrl(i.id) })),
    timeline: timelineView(r.timeline, regions, withOfficials),
    ...(r.extension
      ? { extension: { workingDays: r.extension.workingDays, reason: r.extension.reason, at: iso(r.extension.at), previousDueAt: iso(r.extension.previousDueAt) } }
      : {}),
    ...(r.rejection ? { rejection: { reason: r.rejection.reason, at: iso(r.rejection.at) } } : {}),
    shownPublicly: shownPublicly(r),
  };
}

/** The resident's own item in full. */
export function residentDetail(r: FeedbackRecord, regions: Regions, now: number): MyFeedbackDetail {
  const id = String(r._id);
  return {
    ...summaryView(entryOf(r), regions, now),
    canRate: canRate(r),
    ...detailFields(r, regions, (img) => `/api/v1/me/feedback/${id}/images/${img}`, false),
    ...(r.answer ? { answer: { text: r.answer.text, at: iso(r.answer.at), public: r.answer.public, region: regionName(regions, r.answer.regionCode) } } : {}),
  };
}

/** An item in full for officials in scope. */
export function adminDetail(r: FeedbackRecord, regions: Regions, now: number): AdminFeedbackDetail {
  const id = String(r._id);
  return {
    ...summaryView(entryOf(r), regions, now),
    ...detailFields(r, regions, (img) => `/api/v1/admin/feedback/${id}/images/${img}`, true),
    ...(r.answer
      ? { answer: { text: r.answer.text, at: iso(r.answer.at), public: r.answer.public, region: regionName(regions, r.answer.regionCode), by: r.answer.by } }
      : {}),
  };
}

/** The public snapshot of an answered item (stored in `feedback_public`): masked, anonymized. */
export function publicRecordOf(r: FeedbackRecord): PublicRecord {
  if (!r.answer) throw new Error('only answered items have a public record');
  return {
    _id: String(r._id),
    type: r.type,
    regionCode: r.publicRegion,
    ...(r.disclosureId ? { disclosureId: r.disclosureId } : {}),
    ...(r.catalogueItemId ? { catalogueItemId: r.catalogueItemId } : {}),
    content: maskText(r.content),
    askedAt: r.receivedAt,
    answer: { text: maskText(r.answer.text), at: r.answer.at, regionCode: r.answer.regionCode },
  };
}

/** A public snapshot as the API shows it. */
export function publicView(p: PublicRecord, regions: Regions): PublicFeedbackItem {
  return {
    id: p._id,
    type: p.type,
    region: regionName(regions, p.regionCode),
    ...(p.disclosureId ? { disclosureId: p.disclosureId } : {}),
    ...(p.catalogueItemId ? { catalogueItemId: p.catalogueItemId } : {}),
    content: p.content,
    askedAt: iso(p.askedAt),
    answer: { text: p.answer.text, at: iso(p.answer.at), region: regionName(regions, p.answer.regionCode) },
  };
}
