import { FEEDBACK_TYPE_LABELS, MINIPROGRAM_PAGES } from '@gongkai/shared';
import type { JobQueue } from '../../jobs/queue';
import type { Logger } from '../../logger';
import { answerNoticeData, type AnswerNoticeValues, type TemplateData } from '../../wechat/format';
import { shanghaiDate } from '../../workdays';
import { feedback, oid, type FeedbackRecord } from './model';
import { summaryOf } from './views';

/*
 * Telling the resident: an answer, an extension (the law requires telling the applicant) or a rejection
 * becomes an in-app notice, and an answer also a WeChat "answer" subscribe message when the resident has
 * quota. Both belong to the notices module (in-app notices, subscription quota, the WeChat client); this
 * module only says what to send, through the small FeedbackNotifier interface that the notices module
 * implements and registers with `setFeedbackNotifier` (see docs/feedback.md).
 *
 * Delivery is a durable job per item and event (`feedback.notify`, keyed so it runs once), enqueued by the
 * workflow after the state change is stored: a crash in between delays the notice, never loses the answer.
 */

export const FEEDBACK_NOTIFY_QUEUE = 'feedback.notify';

/** Mini-program page of one of the resident's items (`?id=`), as the residents' shared schemas name it. */
export const FEEDBACK_MINIAPP_PAGE = MINIPROGRAM_PAGES.feedbackDetail;

export type ResidentNoticeEvent = 'answered' | 'extended' | 'rejected';

/** An in-app notice for the resident. */
export interface ResidentFeedbackNotice {
  residentId: string;
  feedbackId: string;
  trackingNo: string;
  event: ResidentNoticeEvent;
  /** Chinese, short. */
  title: string;
  body: string;
  /** Mini-program page to open. */
  page: string;
  at: Date;
}

/**
 * The WeChat answer message: its values, and the template data built from them by the WeChat module
 * (`answerNoticeData`: `{ character_string1: tracking number, thing2: question summary, time3: answered time }`,
 * fitted to WeChat's value rules).
 */
export interface AnswerMessage {
  residentId: string;
  feedbackId: string;
  page: string;
  values: AnswerNoticeValues;
  data: TemplateData;
}

/** What the notices module provides. Both calls must be idempotent per (feedbackId, event). */
export interface FeedbackNotifier {
  createResidentNotice(n: ResidentFeedbackNotice): Promise<void>;
  /** Sends when the resident has quota for the answer template; otherwise does nothing. */
  sendAnswerMessage(m: AnswerMessage): Promise<void>;
}

let notifier: FeedbackNotifier | undefined;

/** Registers the notices module's implementation (returns the previous one, for tests). */
export function setFeedbackNotifier(n: FeedbackNotifier | undefined): FeedbackNotifier | undefined {
  const before = notifier;
  notifier = n;
  return before;
}

/** Enqueues the resident's notice about an event of an item (once per item and event). */
export async function enqueueResidentNotice(jobs: JobQueue, feedbackId: string, event: ResidentNoticeEvent): Promise<void> {
  await jobs.enqueue(FEEDBACK_NOTIFY_QUEUE, { feedbackId, event }, { key: `${FEEDBACK_NOTIFY_QUEUE}:${feedbackId}:${event}` });
}

/** The in-app notice of an event. */
export function residentNoticeOf(r: FeedbackRecord, event: ResidentNoticeEvent): ResidentFeedbackNotice {
  const label = FEEDBACK_TYPE_LABELS[r.type];
  const no = r.trackingNo ?? '';
  const texts: Record<ResidentNoticeEvent, [string, string, Date | undefined]> = {
    answered: [`您的${label}已答复`, `受理编号 ${no}：${summaryOf(r.answer?.text ?? '', 60)}`, r.answer?.at],
    extended: [
      `您的${label}答复期限已延长`,
      `受理编号 ${no}：答复期限延长${r.extension?.workingDays ?? 0}个工作日，至${shanghaiDate(r.dueAt)}。理由：${r.extension?.reason ?? ''}`,
      r.extension?.at,
    ],
    rejected: [`您的${label}未予受理`, `受理编号 ${no}：${r.rejection?.reason ?? ''}`, r.rejection?.at],
  };
  const [title, body, at] = texts[event];
  return { residentId: r.residentId, feedbackId: String(r._id), trackingNo: no, event, title, body, page: `${FEEDBACK_MINIAPP_PAGE}?id=${r._id}`, at: at ?? r.updatedAt };
}

/** The WeChat answer message of an answered item. */
export function answerMessageOf(r: FeedbackRecord): AnswerMessage {
  const values: AnswerNoticeValues = { trackingNo: r.trackingNo ?? '', summary: summaryOf(r.content, 20), answeredAt: r.answer?.at ?? r.updatedAt };
  return { residentId: r.residentId, feedbackId: String(r._id), page: `${FEEDBACK_MINIAPP_PAGE}?id=${r._id}`, values, data: answerNoticeData(values) };
}

/** Handles one `feedback.notify` job. Without a registered notifier the event stays in the item's timeline only. */
export async function deliverResidentNotice(logger: Logger, payload: { feedbackId: string; event: ResidentNoticeEvent }): Promise<void> {
  const _id = oid(payload.feedbackId);
  const rec = _id ? await feedback().findOne({ _id }) : null;
  if (!rec) return;
  if (!notifier) {
    logger.warn({ feedbackId: payload.feedbackId, event: payload.event }, 'no resident notifier registered: feedback notice not sent');
    return;
  }
  await notifier.createResidentNotice(residentNoticeOf(rec, payload.event));
  if (payload.event === 'answered') await notifier.sendAnswerMessage(answerMessageOf(rec));
}
