import type { NoticeKind } from '@gongkai/shared';
import type { ResolvedDeps } from '../../app';
import { answerNoticeData, type TemplateData } from '../../wechat/format';
import { setFeedbackNotifier, type FeedbackNotifier } from '../feedback/notify';
import { ResidentModel } from '../residents/model';
import { quotaOf } from '../subscriptions/quota';
import { fanOut } from './fanout';
import { noticeRuntime, type NoticeRuntime } from './runtime';

/** A notice for one resident (an answer, an extension, a reminder …). */
export interface ResidentNoticeInput {
  residentId: string;
  /** Idempotency key: the same key again creates nothing new (e.g. `feedback:<id>:answered`). */
  key: string;
  kind: NoticeKind;
  title: string;
  body?: string;
  /** Mini-program page the notice opens. */
  page: string;
  /** When it happened (default now). */
  at?: Date;
  /** Also send this WeChat message (when the resident has quota for the template, or it is long-term). */
  push?: { templateId: string; data: TemplateData };
  /** WeChat only: no inbox notice (the inbox notice is another call's). */
  noInbox?: boolean;
}

/**
 * Creates a notice for one resident: an inbox notice (unless `noInbox`) and, with `push`, one WeChat message
 * delivered like every other notice (durable job, exactly-once rules, quota used only on success). Idempotent
 * per `key`. Returns the notice's seq (its inbox id).
 */
export async function createResidentNotice(rt: NoticeRuntime, n: ResidentNoticeInput): Promise<number> {
  const log = await rt.events();
  const e = await log.allocate(n.key, () => ({
    kind: n.kind,
    title: n.title,
    ...(n.body ? { body: n.body } : {}),
    page: n.page,
    at: (n.at ?? new Date()).toISOString(),
    createdAt: new Date(),
    target: n.residentId,
    ...(n.noInbox ? { noInbox: true } : {}),
    ...(n.push ? { push: n.push } : {}),
  }));
  await fanOut(rt, e, async () => {
    const r = await ResidentModel.findById(n.residentId, { openid: 1 }).lean();
    if (!r) return { inApp: [], push: [] };
    const me = [{ residentId: n.residentId, openid: r.openid }];
    const t = n.push?.templateId;
    const pushable = !!t && !!rt.wechat && (rt.templates.longTerm.has(t) || (await quotaOf(n.residentId, t)) > 0);
    return { inApp: me, push: pushable ? me : [] };
  });
  return e.seq;
}

/** What the answer message says (contract keys: tracking number, question summary, answered time). */
export interface AnswerNoticeInput {
  residentId: string;
  feedbackId: string;
  trackingNo: string;
  summary: string;
  answeredAt: Date;
  page: string;
}

/**
 * Sends the "your question was answered" WeChat message (answer template) when the resident has quota or the
 * template is long-term; otherwise nothing. Once per feedback item. For the feedback module.
 */
export async function sendAnswerNotice(deps: ResolvedDeps, a: AnswerNoticeInput): Promise<void> {
  const rt = noticeRuntime(deps);
  const tpl = rt.templates.answer;
  if (!tpl) return;
  await createResidentNotice(rt, {
    residentId: a.residentId,
    key: `answer-push:${a.feedbackId}`,
    kind: 'answered',
    title: '您的问题已答复',
    page: a.page,
    noInbox: true,
    push: { templateId: tpl, data: answerNoticeData({ trackingNo: a.trackingNo, summary: a.summary, answeredAt: a.answeredAt }) },
  });
}

/** The notices module's side of the feedback module's FeedbackNotifier (registered by registerNoticeJobs). */
export function feedbackNotifier(rt: NoticeRuntime): FeedbackNotifier {
  return {
    async createResidentNotice(n) {
      await createResidentNotice(rt, {
        residentId: n.residentId,
        key: `feedback:${n.feedbackId}:${n.event}`,
        kind: n.event,
        title: n.title,
        body: n.body,
        page: n.page,
        at: n.at,
      });
    },
    async sendAnswerMessage(m) {
      const tpl = rt.templates.answer;
      if (!tpl) return;
      await createResidentNotice(rt, {
        residentId: m.residentId,
        key: `answer-push:${m.feedbackId}`,
        kind: 'answered',
        title: '您的问题已答复',
        page: m.page,
        noInbox: true,
        push: { templateId: tpl, data: m.data },
      });
    },
  };
}

/** Registers the feedback notifier of this runtime (the last app created wins, as with any module singleton). */
export function registerFeedbackNotifier(rt: NoticeRuntime): void {
  setFeedbackNotifier(feedbackNotifier(rt));
}
