import type { ResolvedDeps } from '../../app';
import { DISCLOSURE_EVENT_QUEUE } from '../../events';
import { registerFeedbackNotifier } from './direct';
import { NOTICE_SEND_QUEUE, handleDisclosureEvent } from './fanout';
import { noticeRuntime } from './runtime';
import { handleSendJob } from './send';

/**
 * Registers the notices module's job handlers: disclosure events (fan-out) and delivery batches; and the
 * feedback module's notifier (answers, extensions, rejections become notices).
 */
export function registerNoticeJobs(deps: ResolvedDeps): void {
  const rt = noticeRuntime(deps);
  deps.jobs.handle(DISCLOSURE_EVENT_QUEUE, (job) => handleDisclosureEvent(rt, job.payload));
  deps.jobs.handle(NOTICE_SEND_QUEUE, (job) => handleSendJob(rt, job.payload));
  registerFeedbackNotifier(rt);
}

/** Keeps this process's follower index current between events (only where jobs run). */
export async function tailFollowerIndex(deps: ResolvedDeps): Promise<void> {
  const ix = await noticeRuntime(deps).followers();
  await ix.catchUp();
}
