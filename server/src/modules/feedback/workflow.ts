import {
  FEEDBACK_STATUS_LABELS,
  isWithin,
  type AdminFeedbackDetail,
  type FeedbackAnswerBody,
  type FeedbackExtendBody,
  type FeedbackStatus,
} from '@gongkai/shared';
import type { AdminCaller } from '../../http/auth';
import { conflict, notFound, validationFailed } from '../../http/errors';
import { assertInScope } from '../accounts/scope';
import { audit } from '../audit/service';
import { withLock } from '../disclosures/lock';
import { extendedDueAt } from './deadlines';
import { recordWritten } from './index-store';
import { feedback, oid, type FeedbackRecord, type OfficialRef, type TimelineRecord } from './model';
import { enqueueResidentNotice, type ResidentNoticeEvent } from './notify';
import { putPublic } from './public';
import { regionsOf, scopeCodesFor, type FeedbackDeps } from './routing';
import { adminDetail, publicRecordOf, shownPublicly } from './views';

/*
 * Officials' handling of an item:
 *
 *   received ──accept──▶ accepted ──answer──▶ answered ──close──▶ closed
 *      │  ▲                  │
 *      │  └───reassign───────┤        (reassign: back to `received` at the new body)
 *      └──────reject─────────┴──▶ rejected
 *   extend: requests only, once, while received/accepted and before the deadline passes.
 *
 * Anything else is 409 CONFLICT. Every step runs under the item's lock (FerretDB: writes by `_id` alone, no
 * conditional update), is appended to the timeline with its time and official, and is audited. Officials act
 * only on items assigned inside their scope; others get 404 (they cannot see the item at all).
 */

/** Who may take each step (admins may always). Reading needs any official role. */
export const HANDLER_ROLES = ['editor', 'reviewer'] as const;

export type FeedbackAction = 'accept' | 'reassign' | 'extend' | 'answer' | 'reject' | 'close';

/** The states each action may start from. */
export const ALLOWED_FROM: Record<FeedbackAction, readonly FeedbackStatus[]> = {
  accept: ['received'],
  reassign: ['received', 'accepted'],
  extend: ['received', 'accepted'],
  answer: ['accepted'],
  reject: ['received', 'accepted'],
  close: ['answered'],
};

const ACTION_LABELS: Record<FeedbackAction, string> = { accept: '受理', reassign: '转办', extend: '延期', answer: '答复', reject: '不予受理', close: '办结' };

/** The item if it exists and is assigned within the caller's scope; 404 otherwise. */
export async function loadInScope(caller: Pick<AdminCaller, 'regionCode'>, id: string): Promise<FeedbackRecord> {
  const _id = oid(id);
  const rec = _id ? await feedback().findOne({ _id }) : null;
  if (!rec || !rec.trackingNo || !isWithin(rec.assignedRegion, caller.regionCode)) throw notFound('群众诉求不存在或不在您的管辖范围内');
  return rec;
}

const officialOf = (c: AdminCaller): OfficialRef => ({ id: c.id, username: c.username, displayName: c.displayName });

/** What one step changes. */
interface Step {
  set: Partial<FeedbackRecord>;
  entry: Omit<TimelineRecord, 'at' | 'by' | 'regionCode'>;
  notify?: ResidentNoticeEvent;
  details?: Record<string, unknown>;
}

/** Options of every step: `now` fixes the time (tests of deadlines; default the current time). */
export interface StepOptions {
  now?: Date;
}

async function run(deps: FeedbackDeps, caller: AdminCaller, id: string, action: FeedbackAction, plan: (rec: FeedbackRecord, now: Date) => Step, opts: StepOptions): Promise<AdminFeedbackDetail> {
  const regions = await regionsOf(deps);
  return withLock(`feedback:${id}`, async () => {
    const rec = await loadInScope(caller, id);
    if (!ALLOWED_FROM[action].includes(rec.status)) {
      throw conflict(`当前状态为“${FEEDBACK_STATUS_LABELS[rec.status]}”，不能${ACTION_LABELS[action]}`, { status: rec.status, action });
    }
    const now = opts.now ?? new Date();
    const step = plan(rec, now);
    const entry: TimelineRecord = { at: now, regionCode: step.set.assignedRegion ?? rec.assignedRegion, by: officialOf(caller), ...step.entry };
    if (!entry.note) delete entry.note;
    await feedback().updateOne({ _id: rec._id }, { $set: { ...step.set, updatedAt: now }, $push: { timeline: entry } });
    const after: FeedbackRecord = { ...rec, ...step.set, timeline: [...rec.timeline, entry], updatedAt: now };
    await recordWritten(after);
    await audit(caller, `feedback.${action}`, { type: 'feedback', id, regionCode: after.assignedRegion }, { trackingNo: rec.trackingNo, from: rec.status, to: after.status, ...step.details });
    if (action === 'answer' && shownPublicly(after)) await putPublic(publicRecordOf(after));
    if (step.notify) await enqueueResidentNotice(deps.jobs, id, step.notify);
    return adminDetail(after, regions, now.getTime());
  });
}

/** received → accepted. */
export function acceptFeedback(deps: FeedbackDeps, caller: AdminCaller, id: string, note?: string, opts: StepOptions = {}) {
  return run(deps, caller, id, 'accept', (_r, now) => ({ set: { status: 'accepted', acceptedAt: now }, entry: { action: 'accepted', status: 'accepted', note } }), opts);
}

/**
 * Hands the item to another body within the caller's scope (admins): it starts again at `received` there;
 * the deadline keeps running from the original receipt.
 */
export async function reassignFeedback(deps: FeedbackDeps, caller: AdminCaller, id: string, regionCode: string, note?: string, opts: StepOptions = {}) {
  const regions = await regionsOf(deps);
  if (!regions.get(regionCode)) throw validationFailed(`行政区划不存在：${regionCode}`, [{ path: 'body.regionCode', message: '行政区划不存在' }]);
  assertInScope(caller, regionCode, '转办的目标地区');
  return run(deps, caller, id, 'reassign', (rec) => {
    if (rec.assignedRegion === regionCode) throw conflict('已由该地区办理，无需转办');
    return {
      set: { status: 'received', assignedRegion: regionCode, scopeCodes: scopeCodesFor(regionCode) },
      entry: { action: 'reassigned', status: 'received', note },
      details: { fromRegion: rec.assignedRegion, toRegion: regionCode },
    };
  }, opts);
}

/** Extends a request's deadline once (条例第三十三条), before it passes, with the reason the applicant sees. */
export function extendFeedback(deps: FeedbackDeps, caller: AdminCaller, id: string, body: FeedbackExtendBody, opts: StepOptions = {}) {
  return run(deps, caller, id, 'extend', (rec, now) => {
    if (rec.type !== 'request') throw conflict('只有依申请公开可以延长答复期限');
    if (rec.extension) throw conflict('答复期限只能延长一次，已经延长过');
    if (now.getTime() > rec.dueAt.getTime()) throw conflict('答复期限已过，不能再延长');
    const dueAt = extendedDueAt(rec.dueAt, body.workingDays);
    return {
      set: { dueAt, extension: { workingDays: body.workingDays, reason: body.reason, at: now, previousDueAt: rec.dueAt, by: officialOf(caller) } },
      entry: { action: 'extended', status: rec.status, note: body.reason },
      notify: 'extended',
      details: { workingDays: body.workingDays, previousDueAt: rec.dueAt, dueAt },
    };
  }, opts);
}

/**
 * Answers an accepted item. `public` (default: the resident's choice) lets the official keep the answer out of
 * the public Q&A; it is shown publicly only when the resident agreed too.
 */
export function answerFeedback(deps: FeedbackDeps, caller: AdminCaller, id: string, body: FeedbackAnswerBody, opts: StepOptions = {}) {
  return run(deps, caller, id, 'answer', (rec, now) => {
    const isPublic = body.public ?? rec.public;
    return {
      set: { status: 'answered', answer: { text: body.text, public: isPublic, at: now, by: officialOf(caller), regionCode: rec.assignedRegion } },
      entry: { action: 'answered', status: 'answered' },
      notify: 'answered',
      details: { public: isPublic },
    };
  }, opts);
}

/** Rejects a received or accepted item with the reason the resident sees. */
export function rejectFeedback(deps: FeedbackDeps, caller: AdminCaller, id: string, reason: string, opts: StepOptions = {}) {
  return run(deps, caller, id, 'reject', (_r, now) => ({
    set: { status: 'rejected', rejection: { reason, at: now, by: officialOf(caller) } },
    entry: { action: 'rejected', status: 'rejected', note: reason },
    notify: 'rejected',
  }), opts);
}

/** answered → closed (办结). */
export function closeFeedback(deps: FeedbackDeps, caller: AdminCaller, id: string, note?: string, opts: StepOptions = {}) {
  return run(deps, caller, id, 'close', (_r, now) => ({ set: { status: 'closed', closedAt: now }, entry: { action: 'closed', status: 'closed', note } }), opts);
}
