/**
 * A notice worker as its own process, for tests that kill it: connects to the database named by
 * GONGKAI_WORKER_MONGODB_URI, builds the real app (which registers every job handler) pointed at the WeChat
 * emulator given by the WECHAT_* variables, and runs the job queue until it is killed.
 *
 *   node --import tsx test/wechat-emulator/worker.ts
 *
 * GONGKAI_WORKER_LEASE_MS sets the job lease (short, so a killed worker's jobs are taken again soon) and
 * GONGKAI_WORKER_SETTINGS (JSON) overrides notice settings. GONGKAI_WORKER_CRASH_AT=<collection>:<n> makes the
 * worker SIGKILL itself just before its n-th insertMany into that collection (a crash at an exact point, e.g.
 * `notice_batches:2`: after an event's inbox notices were written, before its delivery batches).
 * GONGKAI_WORKER_QUEUES (comma-separated) limits the queues it works on (e.g. fan-out only).
 * Prints "worker ready <pid>" once polling.
 */
import { createApp } from '../../server/src/app';
import { loadConfig } from '../../server/src/config';
import { connectDatabase } from '../../server/src/db/connect';
import mongoose from '../../server/src/db/mongoose';
import { JobQueue } from '../../server/src/jobs/queue';
import { createLogger } from '../../server/src/logger';
import { FAST, noticeTestRegions } from '../../server/src/modules/notices/testing';

async function main(): Promise<void> {
  const uri = process.env.GONGKAI_WORKER_MONGODB_URI;
  if (!uri) throw new Error('GONGKAI_WORKER_MONGODB_URI is required');
  await connectDatabase(uri);
  const config = loadConfig({ ...process.env, NODE_ENV: 'test', LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', GONGKAI_JOBS: 'on' });
  const logger = createLogger(config.logLevel, false);
  const leaseMs = Number(process.env.GONGKAI_WORKER_LEASE_MS ?? 3000);
  const jobs = new JobQueue(logger, { leaseMs, pollMs: 20, backoffMs: () => 50, concurrency: 8, batchSize: 50 });
  const settings = { ...FAST, ...(JSON.parse(process.env.GONGKAI_WORKER_SETTINGS ?? '{}') as object) };
  const only = (process.env.GONGKAI_WORKER_QUEUES ?? '').split(',').filter(Boolean);
  if (only.length) {
    const handle = jobs.handle.bind(jobs);
    jobs.handle = ((queue: string, fn: never) => (only.includes(queue) ? handle(queue, fn) : undefined)) as typeof jobs.handle;
  }
  createApp({ config, logger, jobs, regions: noticeTestRegions(), notices: { settings } });
  const crash = /^(\w+):(\d+)$/.exec(process.env.GONGKAI_WORKER_CRASH_AT ?? '');
  if (crash) {
    const coll = mongoose.connection.collection(crash[1]);
    const insertMany = coll.insertMany.bind(coll);
    let calls = 0;
    coll.insertMany = ((...args: Parameters<typeof insertMany>) => {
      calls += 1;
      if (calls >= Number(crash[2])) process.kill(process.pid, 'SIGKILL');
      return insertMany(...args);
    }) as typeof coll.insertMany;
  }
  jobs.start();
  process.stdout.write(`worker ready ${process.pid}\n`);
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).stack ?? err}\n`);
  process.exit(1);
});
