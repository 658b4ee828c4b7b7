import type { Logger } from '../../logger';
import type { RecurringJob } from '../jobs';
import { recentQuarters } from './period';
import { refreshSnapshots, snapshotsFor } from './store';

/** Quarters kept fresh: the current one and the seven before it (two years of trend). */
export const REFRESHED_QUARTERS = 8;
/** A recent quarter's snapshot older than this is recomputed by the job. */
export const REFRESH_AFTER_MS = 55 * 60_000;

/**
 * Makes sure the recent quarters have snapshots no older than REFRESH_AFTER_MS: stored ones are loaded
 * (by `_id`), missing and old ones are computed together (one read of every source).
 */
export async function ensureRecentSnapshots(now: number = Date.now()): Promise<{ refreshed: string[]; ms: number }> {
  const t = Date.now();
  const periods = recentQuarters(REFRESHED_QUARTERS, now);
  const snaps = await snapshotsFor(periods, { now });
  const old = periods.filter((p, i) => snaps[i].computedAt < now && now - snaps[i].computedAt > REFRESH_AFTER_MS);
  if (old.length) await refreshSnapshots(old, now);
  const computed = periods.filter((_, i) => snaps[i].computedAt >= now);
  return { refreshed: [...computed, ...old].map((p) => p.key), ms: Date.now() - t };
}

/** Warms the snapshots shortly after start-up, so the first dashboard request does not wait for a computation. */
export function warmSnapshotsSoon(logger: Logger, delayMs = 10_000): void {
  setTimeout(() => {
    ensureRecentSnapshots().then(
      (r) => logger.info(r, 'assessment snapshots ready'),
      (err) => logger.warn({ err: (err as Error).message }, 'assessment snapshots not warmed'),
    );
  }, delayMs).unref();
}

/** The assessment's recurring job: every 10 minutes, recent quarters' snapshots computed when missing or older than 55 minutes. */
export const ASSESSMENT_RECURRING_JOBS: RecurringJob[] = [
  {
    name: 'assessment.snapshots',
    when: { everyMs: 10 * 60_000 },
    run: async (deps) => {
      const r = await ensureRecentSnapshots();
      if (r.refreshed.length) deps.logger.info(r, 'assessment snapshots refreshed');
    },
  },
];
