import type { ResolvedDeps } from '../../app';
import { PUBLISH_QUEUE, publishScheduled, type PublishJob } from './workflow';

/** Registers the scheduled-publication handler (called from modules/jobs.ts). */
export function registerDisclosureJobs(deps: ResolvedDeps): void {
  deps.jobs.handle<PublishJob>(PUBLISH_QUEUE, async (job) => {
    await publishScheduled(deps, job.payload);
  });
}
