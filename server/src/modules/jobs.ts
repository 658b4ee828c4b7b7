import type { ResolvedDeps } from '../app';
import type { Recurrence } from '../jobs/schedule';
import { purgeSessions } from './accounts/session.model';
import { ASSESSMENT_RECURRING_JOBS } from './assessment/jobs';
import { registerDisclosureJobs } from './disclosures/jobs';
import { FEEDBACK_RECURRING_JOBS, registerFeedbackJobs } from './feedback/jobs';
import { registerNoticeJobs, tailFollowerIndex } from './notices/jobs';

/**
 * Registers every module's job handlers on the queue (called by createApp). Modules that enqueue work
 * add their handler here, next to the recurring jobs below.
 */
export function registerJobHandlers(deps: ResolvedDeps): void {
  // e.g. deps.jobs.handle('notices.fanout', (job) => fanOut(deps, job.payload));
  registerDisclosureJobs(deps);
  registerFeedbackJobs(deps);
  registerNoticeJobs(deps);
}

/** A job that runs on a schedule (started by main.ts when jobs are on). */
export interface RecurringJob {
  name: string;
  when: Recurrence;
  run(deps: ResolvedDeps): Promise<void>;
}

export const RECURRING_JOBS: RecurringJob[] = [
  {
    name: 'sessions.purge',
    when: { dailyAt: '03:30' },
    run: async () => {
      await purgeSessions();
    },
  },
  ...FEEDBACK_RECURRING_JOBS,
  // Builds the follower index at start-up and keeps it current, so a fan-out finds it warm.
  { name: 'notices.follower-index', when: { everyMs: 10_000 }, run: tailFollowerIndex },
  ...ASSESSMENT_RECURRING_JOBS,
];
