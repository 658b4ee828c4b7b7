import type { JobHandler, JobQueue } from './queue';

/** When a recurring job runs: every N ms, or daily at a China Standard Time clock time. */
export type Recurrence = { everyMs: number } | { dailyAt: string };

const CST_OFFSET_MS = 8 * 3600_000; // Asia/Shanghai has no daylight saving time

/** The first run time strictly after `now`. */
export function nextRun(r: Recurrence, now: Date = new Date()): Date {
  if ('everyMs' in r) return new Date((Math.floor(now.getTime() / r.everyMs) + 1) * r.everyMs);
  const m = /^(\d{2}):(\d{2})$/.exec(r.dailyAt);
  if (!m) throw new Error(`dailyAt must be HH:MM, got ${r.dailyAt}`);
  const local = new Date(now.getTime() + CST_OFFSET_MS);
  const slot = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), Number(m[1]), Number(m[2])) - CST_OFFSET_MS;
  return new Date(slot > now.getTime() ? slot : slot + 86400_000);
}

/**
 * Registers a recurring job. Each run is a queue job keyed by its slot time (`name@ISO`), so however many
 * processes start, each slot runs once; a run schedules the next slot before doing its work.
 */
export async function recurring(queue: JobQueue, name: string, r: Recurrence, fn: () => Promise<void>): Promise<void> {
  const schedule = (after: Date) => {
    const at = nextRun(r, after);
    return queue.enqueue(name, {}, { key: `${name}@${at.toISOString()}`, runAt: at });
  };
  const handler: JobHandler = async () => {
    await schedule(new Date());
    await fn();
  };
  queue.handle(name, handler);
  await schedule(new Date());
}
