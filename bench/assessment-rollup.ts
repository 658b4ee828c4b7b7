/**
 * Assessment roll-up benchmark: a fresh database with the full Zhejiang region tree, the default catalogue,
 * ≈200,000 disclosures across the 7 pilot counties, feedback with answers and ratings, residents with saved
 * villages, follows and notice events; then the assessment's costs:
 *   1. each source read once (what a snapshot computation reads),
 *   2. the cold computation of one quarter and of the job's 8 quarters, and storing them,
 *   3. loading a stored snapshot (another process, or after a restart),
 *   4. the province-wide roll-up from memory, in-process and through HTTP (the real app, autocannon).
 *
 *   npx tsx bench/assessment-rollup.ts
 *   BENCH_DISCLOSURES=50000 BENCH_HTTP_SECONDS=5 npx tsx bench/assessment-rollup.ts
 */
import fs from 'fs';
import http from 'http';
import os from 'os';
import path from 'path';
import type { AddressInfo } from 'net';
import { PILOT_COUNTIES, selfAndAncestors, type CatalogueLevel } from '@gongkai/shared';
import { provideDatabase } from '../server/src/db/provider';
import { connectDatabase, disconnectDatabase } from '../server/src/db/connect';
import mongoose from '../server/src/db/mongoose';
import { findRepoRoot } from '../server/src/paths';
import { createApp } from '../server/src/app';
import { loadConfig } from '../server/src/config';
import { createLogger } from '../server/src/logger';
import { seedRegions } from '../server/src/modules/regions/seed';
import { loadRegionDirectory } from '../server/src/modules/regions/service';
import { seedCatalogue } from '../server/src/modules/catalogue/seed';
import { disclosures, type DisclosureRecord } from '../server/src/modules/disclosures/model';
import { warmDisclosureIndex } from '../server/src/modules/disclosures/index-store';
import { feedback, type FeedbackRecord } from '../server/src/modules/feedback/model';
import { ResidentModel } from '../server/src/modules/residents/model';
import { FollowModel } from '../server/src/modules/subscriptions/model';
import { batchStats, events } from '../server/src/modules/notices/model';
import { seqId } from '../server/src/modules/notices/seq-log';
import { distinctItems, isRequired, loadDisclosures, loadFeedback, loadItems } from '../server/src/modules/assessment/sources';
import { deliveriesBetween, followersByRegion } from '../server/src/modules/assessment/reach';
import { computeSnapshots } from '../server/src/modules/assessment/compute';
import { recentQuarters } from '../server/src/modules/assessment/period';
import { refreshSnapshots, resetAssessmentMemory, snapshotsFor } from '../server/src/modules/assessment/store';
import { rollRegion } from '../server/src/modules/assessment/service';
import { createOfficial, loginAs } from '../test/support/fixtures';
import request from 'supertest';

type Cannon = (o: { url: string; connections: number; duration: number; headers?: Record<string, string> }) => Promise<{
  requests: { average: number };
  latency: { p50: number; p99: number; max: number };
  non2xx: number;
}>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon: Cannon = require('autocannon');

const N = Number(process.env.BENCH_DISCLOSURES ?? 200_000);
const FEEDBACK = Math.round(N / 10);
const RESIDENTS = Number(process.env.BENCH_RESIDENTS ?? 30_000);
const HTTP_SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 10);
const DAY = 86_400_000;

let seed = 20171;
const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
const ms = (t: number) => `${Math.round(performance.now() - t)} ms`;
const rows: Array<[string, string]> = [];
const record = (what: string, value: string) => {
  rows.push([what, value]);
  console.log(`${what}: ${value}`);
};
async function timed<T>(what: string, fn: () => Promise<T>): Promise<T> {
  const t = performance.now();
  const r = await fn();
  record(what, ms(t));
  return r;
}

async function seedData(dir: Awaited<ReturnType<typeof loadRegionDirectory>>) {
  const items = distinctItems(await loadItems());
  const units = (level: CatalogueLevel) => {
    const out: string[] = [];
    const walk = (code: string) => {
      for (const k of dir.children(code) ?? []) {
        if (k.level === level) out.push(k.code);
        else walk(k.code);
      }
    };
    for (const c of PILOT_COUNTIES) level === 'county' ? out.push(c) : walk(c);
    return out;
  };
  const byLevel = { county: units('county'), township: units('township'), village: units('village') };
  console.log('pilot units', Object.fromEntries(Object.entries(byLevel).map(([k, v]) => [k, v.length])));
  const itemsFor = { county: items.filter((i) => isRequired(i, 'county', '33')), township: items.filter((i) => isRequired(i, 'township', '33')), village: items.filter((i) => isRequired(i, 'village', '33')) };
  const start = Date.UTC(2024, 0, 1);
  const span = Date.now() - start;
  const ids: string[] = [];
  const t = performance.now();
  let batch: DisclosureRecord[] = [];
  for (let i = 0; i < N; i++) {
    const x = rnd();
    const level: CatalogueLevel = x < 0.1 ? 'county' : x < 0.35 ? 'township' : 'village';
    const region = pick(byLevel[level]);
    const item = pick(itemsFor[level]);
    const at = new Date(start + Math.floor(rnd() * span));
    const fate = rnd();
    const dueAt = fate < 0.8 ? new Date(at.getTime() + Math.floor(rnd() * 20) * DAY) : fate < 0.95 ? new Date(at.getTime() - (1 + Math.floor(rnd() * 30)) * DAY) : undefined;
    const draft = rnd() < 0.03;
    const withdrawn = !draft && rnd() < 0.01;
    const _id = new mongoose.Types.ObjectId();
    ids.push(String(_id));
    const rec: DisclosureRecord = {
      _id, regionCode: region, regionName: dir.get(region)!.name, level, scopeCodes: selfAndAncestors(region), domain: item.domain,
      catalogueItemId: item.id, catalogueVersion: item.version, stage: item.stages[0], status: draft ? 'draft' : withdrawn ? 'withdrawn' : 'published',
      createdBy: { id: 'bench', username: 'bench' }, createdAt: at, updatedAt: withdrawn ? new Date(at.getTime() + 5 * DAY) : at, late: !draft && !!dueAt && at > dueAt, linkedFrom: [],
      ...(dueAt ? { dueAt } : {}),
      ...(draft
        ? { working: { version: 1, state: 'draft' as const, title: `草稿${i}`, authors: [], updatedAt: at, ...(dueAt ? { dueAt } : {}) } }
        : { pub: { version: 1, title: `${item.name}（${i}）`, stage: item.stages[0], publishedAt: at, hash: 'f'.repeat(64), relatedIds: [] }, firstPublishedAt: at }),
      ...(withdrawn ? { withdrawal: { reason: 'bench', at: new Date(at.getTime() + 5 * DAY), by: { id: 'b', username: 'b' }, version: 1 } } : {}),
    };
    batch.push(rec);
    if (batch.length === 5_000) {
      await disclosures().insertMany(batch);
      batch = [];
    }
  }
  if (batch.length) await disclosures().insertMany(batch);
  record(`insert ${N.toLocaleString('en')} disclosures (insertMany, 5,000 per batch)`, ms(t));

  const t2 = performance.now();
  const allUnits = [...byLevel.county, ...byLevel.township, ...byLevel.village];
  const fb: FeedbackRecord[] = [];
  for (let i = 0; i < FEEDBACK; i++) {
    const region = pick(allUnits);
    const receivedAt = new Date(start + Math.floor(rnd() * span));
    const dueAt = new Date(receivedAt.getTime() + 14 * DAY);
    const fate = rnd();
    const doneAt = fate < 0.8 ? new Date(receivedAt.getTime() + Math.floor(rnd() * 13) * DAY) : fate < 0.9 ? new Date(receivedAt.getTime() + (15 + Math.floor(rnd() * 20)) * DAY) : undefined;
    const status = doneAt ? 'answered' : 'accepted';
    const by = { id: 'b', username: 'b', displayName: 'b' };
    fb.push({
      _id: new mongoose.Types.ObjectId(), trackingNo: `ZX-B-${i}`, type: pick(['question', 'suggestion', 'request'] as const), status, residentId: `r${i % RESIDENTS}`,
      idempotencyKey: `auto:${i}`, requestHash: 'x', regionCode: region, publicRegion: region, assignedRegion: region, scopeCodes: selfAndAncestors(region),
      ...(rnd() < 0.5 ? { disclosureId: pick(ids) } : {}), content: '请问补偿标准是多少？'.repeat(3), summary: '请问补偿标准是多少？', images: [], public: rnd() < 0.5,
      receivedAt, dueAt, timeline: [], updatedAt: receivedAt,
      ...(doneAt ? { answer: { text: '已答复：按区片综合地价执行。'.repeat(4), public: true, at: doneAt, by, regionCode: region } } : {}),
      ...(doneAt && rnd() < 0.5 ? { rating: { score: pick([1, 2, 3, 3, 3] as const), at: new Date(doneAt.getTime() + DAY) } } : {}),
    } as FeedbackRecord);
  }
  for (let i = 0; i < fb.length; i += 5_000) await feedback().insertMany(fb.slice(i, i + 5_000));
  record(`insert ${FEEDBACK.toLocaleString('en')} feedback items (80% on time, 10% late, 10% open; half rated)`, ms(t2));

  const t3 = performance.now();
  const residents = Array.from({ length: RESIDENTS }, (_, i) => ({ openid: `bench-${i}`, villages: [pick(byLevel.village)], createdAt: new Date(), updatedAt: new Date() }));
  for (let i = 0; i < residents.length; i += 5_000) await ResidentModel.collection.insertMany(residents.slice(i, i + 5_000));
  const follows = Array.from({ length: RESIDENTS / 2 }, (_, i) => ({ _id: `bf${i}`, residentId: `r${i}`, openid: `o${i}`, regionCode: pick(allUnits), createdAt: new Date() }));
  for (let i = 0; i < follows.length; i += 5_000) await FollowModel.collection.insertMany(follows.slice(i, i + 5_000) as never[]);
  const evs = Array.from({ length: 2_000 }, (_, i) => ({ _id: seqId(i + 1), key: `b${i}`, kind: 'published', title: 't', page: 'p', disclosureId: ids[i], regionCode: pick(allUnits), domain: 'poverty-relief', at: new Date(start + Math.floor(rnd() * span)).toISOString(), createdAt: new Date(), status: 'queued', recipients: 20, pushable: 10, batches: 1 }));
  await events().insertMany(evs as never[]);
  await batchStats().insertMany(evs.map((_, i) => ({ _id: `${i + 1}:0`, states: Object.fromEntries(Array.from({ length: 10 }, (_, k) => [`r${k}`, k < 9 ? 'sent' : 'f:refused']) as Array<[string, string]>), updatedAt: new Date() })));
  record(`insert ${RESIDENTS.toLocaleString('en')} residents, ${follows.length.toLocaleString('en')} follows, 2,000 notice events`, ms(t3));
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-bench-assess-'));
  const db = await provideDatabase({ mongodbUri: process.env.MONGODB_URI, repoRoot: findRepoRoot(), dataDir, log: () => undefined });
  await connectDatabase(db.uri, `bench_assess_${Date.now()}`);
  try {
    await timed('seed regions (27,036) and the catalogue', async () => {
      await seedRegions();
      await seedCatalogue();
    });
    const dir = await timed('region directory from the database', () => loadRegionDirectory());
    await seedData(dir);
    const warm = await warmDisclosureIndex();
    record('disclosure index (disclosures module, at start-up; full scan, no snapshot yet)', `${warm.ms} ms for ${warm.disclosures.toLocaleString('en')}`);

    const now = Date.now();
    const items = await timed('source: catalogue items (scan, 67 items)', () => loadItems());
    const data = await timed('source: disclosure rows from the in-memory index (+ withdrawal times by _id, first time)', () => loadDisclosures(undefined, now));
    await timed('source: disclosure rows again (withdrawal times remembered)', () => loadDisclosures(undefined, now));
    await timed(`source: feedback (one projected scan of ${FEEDBACK.toLocaleString('en')})`, () => loadFeedback(items, new Map(data.rows.map((r) => [r.id, r.domain]))));
    await timed(`source: followers (scans of ${RESIDENTS.toLocaleString('en')} residents + follows)`, () => followersByRegion());
    await timed('source: notice deliveries (scans of events + batch stats)', () => deliveriesBetween(0, now));

    const [current] = recentQuarters(1, now);
    await timed(`cold computation, one quarter (${current.key})`, () => computeSnapshots([current], now));
    await timed('cold computation, the job\'s 8 quarters together', () => computeSnapshots(recentQuarters(8, now), now));
    await timed('computation + storing 8 snapshots (what the hourly job does)', () => refreshSnapshots(recentQuarters(8, now), now));
    resetAssessmentMemory();
    const [snap] = await timed('load one stored snapshot by _id (another process / after a restart)', () => snapshotsFor([current]));
    let facts = 0;
    for (const m of snap.facts.values()) facts += m.size;
    record('snapshot size', `${facts.toLocaleString('en')} (region, domain) facts`);

    const province = dir.get('33')!;
    rollRegion(snap, dir, province); // builds the unit counts of the tree once (cached per tree)
    for (const [label, level] of [['cities', 'city'], ['90 counties', 'county'], ['1,387 townships', 'township']] as const) {
      const t = performance.now();
      const reps = 20;
      for (let i = 0; i < reps; i++) rollRegion(snap, dir, province, undefined, level);
      record(`province roll-up from memory, ranking ${label} (in-process, mean of ${reps})`, `${((performance.now() - t) / reps).toFixed(1)} ms`);
    }

    const config = loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent', GONGKAI_JOBS: 'off' });
    const app = createApp({ config, logger: createLogger('silent', false), regions: dir });
    const server = http.createServer(app.callback());
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const official = await createOfficial({ role: 'assessor', regionCode: '33' });
    const auth = await loginAs(() => request(base), official.username);
    const village = dir.children(dir.children('330304')![0].code)![0].code;
    for (const q of [`?region=33&quarter=${current.key}`, `?region=33&quarter=${current.key}&childLevel=county`, '/trend?region=33&quarters=4', `/missing?region=${village}`]) {
      const t = performance.now();
      const res = await request(base).get(`/api/v1/admin/assessment${q}`).set('Authorization', auth);
      record(`HTTP first request ${q} (${res.status})`, ms(t));
    }
    for (const q of [`?region=33&quarter=${current.key}`, `?region=33&quarter=${current.key}&childLevel=county`]) {
      const r = await autocannon({ url: `${base}/api/v1/admin/assessment${q}`, connections: 10, duration: HTTP_SECONDS, headers: { authorization: auth } });
      record(`HTTP ${q}, 10 connections, ${HTTP_SECONDS} s`, `${Math.round(r.requests.average)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, max ${r.latency.max} ms, non-2xx ${r.non2xx}`);
    }
    server.close();
    console.log('\n| step | figure |\n|---|---|');
    for (const [a, b] of rows) console.log(`| ${a} | ${b} |`);
    console.log(`\nload average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}, rss ${Math.round(process.memoryUsage().rss / 1048576)} MB`);
  } finally {
    await disconnectDatabase();
    await db.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
