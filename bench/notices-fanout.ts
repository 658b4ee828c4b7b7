/**
 * Notice fan-out benchmark: 100,000 residents follow the villages of one county (inserted directly), one
 * county-level disclosure is published, and the real notices module fans it out and sends through the WeChat
 * emulator (a real HTTP server on loopback). Reports the time to enqueue (event → every inbox notice written
 * and every delivery batch queued), the sustained send rate at the configured rate limit and with the limit
 * lifted, and memory.
 *
 *   npx tsx bench/notices-fanout.ts                       # embedded FerretDB in a temp folder
 *   MONGODB_URI=mongodb://127.0.0.1:27017 npx tsx bench/notices-fanout.ts
 *
 * Env: BENCH_FOLLOWERS (100000), BENCH_COUNTY (330304), BENCH_RATE (20 per second, the default limit),
 * BENCH_SEND_SECONDS (30, per phase), BENCH_FAST_RATE (1000: the second phase's limit).
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { provideDatabase } from '../server/src/db/provider';
import { connectDatabase, disconnectDatabase } from '../server/src/db/connect';
import mongoose from '../server/src/db/mongoose';
import { findRepoRoot } from '../server/src/paths';
import { createApp } from '../server/src/app';
import { loadConfig } from '../server/src/config';
import { emitDisclosureEvent } from '../server/src/events';
import { JobQueue } from '../server/src/jobs/queue';
import { createLogger } from '../server/src/logger';
import { loadRegionRows } from '../server/src/modules/regions/data';
import { RegionDirectory } from '../server/src/modules/regions/directory';
import { toRegionRecords } from '../server/src/modules/regions/seed';
import { FollowModel } from '../server/src/modules/subscriptions/model';
import { events, inbox } from '../server/src/modules/notices/model';
import { RateLimiter, noticeRuntime } from '../server/src/modules/notices/runtime';
import { WechatEmulator } from '../server/src/wechat/emulator';
import { TEMPLATE_KEYS } from '../server/src/wechat';

const FOLLOWERS = Number(process.env.BENCH_FOLLOWERS ?? 100_000);
const COUNTY = process.env.BENCH_COUNTY ?? '330304';
const RATE = Number(process.env.BENCH_RATE ?? 20);
const SEND_SECONDS = Number(process.env.BENCH_SEND_SECONDS ?? 30);
const FAST_RATE = Number(process.env.BENCH_FAST_RATE ?? 1000);
const TPL = 'TPL_BENCH_LONG_TERM';

const mb = (n: number) => `${Math.round(n / 1048576)} MB`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const out: Array<[string, string]> = [];
const note = (k: string, v: string) => {
  out.push([k, v]);
  process.stdout.write(`${k}: ${v}\n`);
};

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-bench-notices-'));
  const repoRoot = findRepoRoot(__dirname);
  const db = await provideDatabase({ mongodbUri: process.env.MONGODB_URI, repoRoot, dataDir });
  await connectDatabase(db.uri, `bench_notices_${Date.now()}`);
  const emu = new WechatEmulator({ appid: 'wxbench', secret: 'bench', anyOpenid: true, templates: { [TPL]: { keys: TEMPLATE_KEYS.disclosure, longTerm: true } } });
  const emuUrl = await emu.start();
  try {
    const regions = RegionDirectory.fromRecords(toRegionRecords(loadRegionRows()));
    const villages: string[] = [];
    const walk = (code: string) => {
      for (const c of regions.children(code) ?? []) c.level === 'village' ? villages.push(c.code) : walk(c.code);
    };
    walk(COUNTY);
    note('county', `${COUNTY} ${regions.get(COUNTY)?.name} (${villages.length} villages)`);

    // 1. Followers: one follow per resident, spread over the county's villages (bulk insert, as a seed would).
    let t = Date.now();
    const now = new Date();
    for (let i = 0; i < FOLLOWERS; i += 5000) {
      const docs = Array.from({ length: Math.min(5000, FOLLOWERS - i) }, (_, k) => {
        const n = i + k;
        const residentId = n.toString(16).padStart(24, '0');
        return { _id: `f${residentId}`, residentId, openid: `o-bench-${n}`, regionCode: villages[n % villages.length], createdAt: now };
      });
      await FollowModel.collection.insertMany(docs as never[], { ordered: false });
    }
    note('insert followers', `${FOLLOWERS.toLocaleString('en')} follows in ${((Date.now() - t) / 1000).toFixed(1)} s`);

    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      WECHAT_API_BASE: emuUrl,
      WECHAT_APPID: 'wxbench',
      WECHAT_SECRET: 'bench',
      WECHAT_TEMPLATE_DISCLOSURE: TPL,
      WECHAT_TEMPLATES_LONG_TERM: TPL,
    });
    const logger = createLogger('warn', false);
    const jobs = new JobQueue(logger, { pollMs: 50, leaseMs: 60_000, concurrency: 8, batchSize: 50 });
    const deps = { config, logger, jobs, regions, notices: { settings: { ratePerSecond: RATE, concurrency: 4, digestMs: 0, batchSize: 500 } } };
    createApp(deps);
    const rt = noticeRuntime({ ...deps, jobs });

    // 2. A worker's warm-up: its follower index (one full read, then tailed).
    t = Date.now();
    const ix = await rt.followers();
    note('follower index build (once per worker process)', `${ix.size.toLocaleString('en')} follows in ${((Date.now() - t) / 1000).toFixed(1)} s; heap ${mb(process.memoryUsage().heapUsed)}, rss ${mb(process.memoryUsage().rss)}`);
    await rt.events();

    // 3. Publish one county disclosure; time until every inbox notice is written and every batch is queued.
    jobs.start();
    t = Date.now();
    await emitDisclosureEvent(jobs, {
      kind: 'published',
      disclosureId: '65f400000000000000000001',
      version: 1,
      regionCode: COUNTY,
      domain: 'land-acquisition',
      catalogueItemId: 'LA-001',
      title: '征地补偿安置方案公告',
      at: new Date().toISOString(),
    });
    let ev: Record<string, unknown> | null = null;
    while (!ev || (ev.status !== 'queued' && ev.status !== 'done')) {
      await sleep(100);
      ev = await events().findOne({ _id: '000000000001' });
      if (Date.now() - t > 600_000) throw new Error('fan-out did not finish in 10 minutes');
    }
    const enqueueS = (Date.now() - t) / 1000;
    note('time to enqueue', `${enqueueS.toFixed(1)} s for ${Number(ev.recipients).toLocaleString('en')} recipients (${ev.batches} delivery jobs of 500)`);
    note('inbox notices written', (await inbox().estimatedDocumentCount()).toLocaleString('en'));
    note('memory after fan-out', `heap ${mb(process.memoryUsage().heapUsed)}, rss ${mb(process.memoryUsage().rss)}`);

    // 4. Sustained send rate at the configured limit, then with the limit lifted (what the code itself does).
    const measure = async (label: string, seconds: number) => {
      const a0 = emu.accepted.length;
      const s0 = Date.now();
      await sleep(seconds * 1000);
      const n = emu.accepted.length - a0;
      note(label, `${n} messages in ${((Date.now() - s0) / 1000).toFixed(1)} s = ${(n / ((Date.now() - s0) / 1000)).toFixed(1)} /s`);
    };
    while (emu.accepted.length === 0) await sleep(20);
    await sleep(2000); // past the start
    await measure(`send rate, limit ${RATE}/s`, SEND_SECONDS);
    rt.limiter = new RateLimiter(FAST_RATE);
    await sleep(2000);
    await measure(`send rate, limit ${FAST_RATE}/s (code + database bound)`, SEND_SECONDS);
    note('memory while sending', `heap ${mb(process.memoryUsage().heapUsed)}, rss ${mb(process.memoryUsage().rss)}`);
    note('machine', `${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')}, ${db.kind}`);
    process.stdout.write(`\n| step | figure |\n|---|---|\n${out.map(([k, v]) => `| ${k} | ${v} |`).join('\n')}\n`);
    logger.level = 'silent'; // the send jobs still running are cut off by the teardown below
    await Promise.race([jobs.stop(), sleep(2000)]);
  } finally {
    await emu.stop();
    await mongoose.connection.dropDatabase().catch(() => undefined);
    await disconnectDatabase();
    await db.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  }
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).stack ?? err}\n`);
  process.exit(1);
});
