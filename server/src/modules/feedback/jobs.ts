import type { ResolvedDeps } from '../../app';
import type { RecurringJob } from '../jobs';
import { ImageStore, purgeOrphanImages } from './images';
import { FEEDBACK_NOTIFY_QUEUE, deliverResidentNotice, type ResidentNoticeEvent } from './notify';
import { runOverdueReminders } from './reminders';

/** Registers the feedback module's queue handlers (resident notices after answers, extensions, rejections). */
export function registerFeedbackJobs(deps: ResolvedDeps): void {
  deps.jobs.handle<{ feedbackId: string; event: ResidentNoticeEvent }>(FEEDBACK_NOTIFY_QUEUE, (job) => deliverResidentNotice(deps.logger, job.payload));
}

/** The module's daily jobs: the overdue reminder to officials (working days only) and the purge of unused uploads. */
export const FEEDBACK_RECURRING_JOBS: RecurringJob[] = [
  {
    name: 'feedback.reminders',
    when: { dailyAt: '08:30' },
    run: async (deps) => {
      const r = await runOverdueReminders();
      deps.logger.info(r, 'feedback reminders sent');
    },
  },
  {
    name: 'feedback.images.purge',
    when: { dailyAt: '04:10' },
    run: async (deps) => {
      await purgeOrphanImages(ImageStore.under(deps.config.dataDir));
    },
  },
];
