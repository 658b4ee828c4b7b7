import type { RecurringJob } from '../jobs';
import { recentQuarters } from './period';
import { refreshSnapshots } from './store';

/** Quarters the recurring job keeps fresh: the current one and the seven before it (two years of trend). */
export const REFRESHED_QUARTERS = 8;

/** Recomputes the snapshots of the recent quarters (one read of every source for all of them). */
export async function refreshRecentSnapshots(now: number = Date.now()): Promise<{ periods: string[]; ms: number }> {
  const periods = recentQuarters(REFRESHED_QUARTERS, now);
  const snaps = await refreshSnapshots(periods, now);
  return { periods: periods.map((p) => p.key), ms: snaps[0]?.ms ?? 0 };
}

/** The assessment's recurring job: hourly snapshots of the recent quarters. */
export const ASSESSMENT_RECURRING_JOBS: RecurringJob[] = [
  {
    name: 'assessment.snapshots',
    when: { everyMs: 60 * 60_000 },
    run: async (deps) => {
      const r = await refreshRecentSnapshots();
      deps.logger.info(r, 'assessment snapshots refreshed');
    },
  },
];
