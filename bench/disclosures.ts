/**
 * Disclosures benchmark: seeds ≥ 200,000 published disclosures across the 7 pilot counties
 * (bench/seed-disclosures.ts), then measures
 *   1. start-up: the disclosure index from its snapshot; the search index built cold from the published
 *      versions (time, heap, terms, postings), its snapshot (save, size) and a restore from it;
 *   2. search in-process over a query mix (index + ranking, and the full page with highlights), p50/p99;
 *   3. HTTP at 50 connections with autocannon in a child process: a bare Koa handler (reference), a static
 *      route through the whole stack, the village list, the detail and search — req/s, p50, p99;
 *   4. importing a 2,000-row xlsx list into a draft.
 *
 *   npx tsx bench/disclosures.ts                               # embedded FerretDB in a temp folder
 *   BENCH_DATA_DIR=/tmp/gk-bench npx tsx bench/disclosures.ts  # keep the seeded database for re-runs
 *   BENCH_DISCLOSURES=50000 BENCH_HTTP_SECONDS=5 BENCH_ONLY=http npx tsx bench/disclosures.ts
 *
 * Env: BENCH_DISCLOSURES (200000), BENCH_HTTP_SECONDS (10), BENCH_HTTP_ROUNDS (3), BENCH_CONNECTIONS (50), BENCH_ONLY
 * (comma list of start,restore,search,http,import; start includes the cold build), MONGODB_URI (external database), LOG_LEVEL (app log level,
 * default info, written to /dev/null like a production log pipe).
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import v8 from 'v8';
import vm from 'vm';
import ExcelJS from 'exceljs';
import pino from 'pino';
import { provideDatabase } from '../server/src/db/provider';
import { connectDatabase, disconnectDatabase } from '../server/src/db/connect';
import mongoose from '../server/src/db/mongoose';
import { findRepoRoot } from '../server/src/paths';
import { createApp } from '../server/src/app';
import { loadConfig } from '../server/src/config';
import { JobQueue } from '../server/src/jobs/queue';
import { seedRegions } from '../server/src/modules/regions/seed';
import { loadRegionDirectory, type RegionDirectory } from '../server/src/modules/regions/service';
import { seedCatalogue } from '../server/src/modules/catalogue/seed';
import { warmDisclosureIndex } from '../server/src/modules/disclosures/index-store';
import { resetSearchIndex, saveSnapshotNow, searchIndex, warmDisclosureSearch } from '../server/src/modules/disclosures/search';
import { dropSearchSnapshots } from '../server/src/modules/disclosures/search-snapshot';
import { rankedMatches, searchPublished, searchPublishedJson } from '../server/src/modules/disclosures/search-query';
import { getPublicDetailJson, listPublishedJson } from '../server/src/modules/disclosures/read';
import { createDisclosure } from '../server/src/modules/disclosures/workflow';
import { importTable } from '../server/src/modules/disclosures/table-import';
import { createOfficial } from '../test/support/fixtures';
import { householdTable } from './disclosure-texts';
import { bareKoa, bareKoaReplaying, load, serve, type LoadResult } from './http-load';
import { prng } from '../server/src/prng';
import { seedDisclosures } from './seed-disclosures';

const COUNT = Number(process.env.BENCH_DISCLOSURES ?? 200_000);
const SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const ONLY = new Set((process.env.BENCH_ONLY ?? 'start,search,http,import').split(','));

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
const mb = (b: number) => `${(b / 1048576).toFixed(1)} MB`;
/** Heap plus typed-array backing stores (the search index's posting arena lives outside the heap). */
const heap = () => {
  gc();
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const f = (n: number) => (n < 10 ? n.toFixed(2) : n.toFixed(1));

interface Seeded {
  _id: string;
  count: number;
  villages: string[];
  sampleIds: string[];
}
const benchMeta = () => mongoose.connection.collection('bench_meta') as unknown as mongoose.mongo.Collection<Seeded>;

async function seed(): Promise<Seeded> {
  const have = await benchMeta().findOne({ _id: 'disclosures' });
  if (have && (process.env.BENCH_DISCLOSURES === undefined || have.count >= COUNT)) {
    console.log(`Reusing ${have.count} seeded disclosures`);
    return have;
  }
  let t = Date.now();
  await seedRegions();
  await seedCatalogue();
  console.log(`Regions and catalogue seeded in ${Date.now() - t} ms`);
  t = Date.now();
  let last = 0;
  const s = await seedDisclosures({
    count: COUNT,
    onProgress: (done, total) => {
      if (done - last >= 20_000 || done === total) {
        last = done;
        console.log(`  ${done}/${total} disclosures (${((Date.now() - t) / 1000).toFixed(0)} s)`);
      }
    },
  });
  console.log(`Seeded ${s.count} (county ${s.byLevel.county}, township ${s.byLevel.township}, village ${s.byLevel.village}) in ${(s.ms.total / 1000).toFixed(1)} s: generate ${(s.ms.generate / 1000).toFixed(1)} s, insert ${(s.ms.insert / 1000).toFixed(1)} s, index snapshot ${(s.ms.snapshot / 1000).toFixed(1)} s`);
  const doc: Seeded = { _id: 'disclosures', count: s.count, villages: s.villages.slice(0, 2_000), sampleIds: s.sampleIds };
  await benchMeta().replaceOne({ _id: 'disclosures' }, doc, { upsert: true });
  return doc;
}

/** The search index restored from its snapshot: time and memory (the steady state after a restart). */
async function restore(docs: number) {
  await resetSearchIndex();
  const h = heap();
  const t = Date.now();
  await warmDisclosureSearch();
  const ms = Date.now() - t;
  const grown = heap() - h;
  const st = (await searchIndex())!.stats();
  console.log(`Search index restored from its snapshot (+ reconcile) in ${ms} ms: ${st.docs} documents, ${st.terms} terms, ${st.postings} postings (${mb(st.arenaBytes)} packed); memory (heap + array buffers) +${mb(grown)} = ${(grown / docs) | 0} B per disclosure; RSS ${mb(process.memoryUsage().rss)}`);
}

async function startUp() {
  const h = heap();
  let t = Date.now();
  const w = await warmDisclosureIndex();
  console.log(`\nDisclosure index: ${w.disclosures} disclosures (${w.published} published) from ${w.fromSnapshot ? 'its snapshot' : 'a full scan'} in ${Date.now() - t} ms; heap + array buffers +${mb(heap() - h)}`);
  await dropSearchSnapshots();
  await resetSearchIndex();
  t = Date.now();
  const s = await warmDisclosureSearch();
  const buildMs = Date.now() - t;
  t = Date.now();
  await saveSnapshotNow();
  const saveMs = Date.now() - t;
  const st = (await searchIndex())!.stats();
  console.log(`Search index, cold build from ${s.docs} published versions (read by _id, analysed): ${(buildMs / 1000).toFixed(1)} s`);
  console.log(`  ${st.terms} terms, ${st.postings} postings in ${mb(st.arenaBytes)} packed + ${mb(st.tailBytes)} tails`);
  const snap = await mongoose.connection.collection('disclosure_search').findOne({ _id: 'search' as never });
  console.log(`  snapshot saved in ${saveMs} ms (${mb(Number(snap?.bytes ?? 0))}, ${snap?.chunks} chunks)`);
  await restore(s.docs);
}

/** The query mix: what residents type, by kind, with the region they search in. */
function queries(seeded: Seeded, dir: RegionDirectory): Array<[string, (r: () => number) => { q: string; region?: string }]> {
  const pick = <T>(r: () => number, xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const village = (r: () => number) => pick(r, seeded.villages);
  const words = ['补偿', '征地', '危房改造', '公共租赁住房', '招标', '低保', '停水', '招生', '安置', '补助', '救灾', '中标候选人', '随迁子女', '听证'];
  const pairs = ['征地 补偿标准', '危房 补助', '招生 随迁子女', '供水 价格', '安置房 选房', '临时救助 社会保障卡'];
  return [
    ['one word, village', (r) => ({ q: pick(r, words), region: village(r) })],
    ['two words, village', (r) => ({ q: pick(r, pairs), region: village(r) })],
    ['village name, village', (r) => {
      const v = village(r);
      return { q: (dir.get(v)?.name ?? '').replace(/(村|社区)?(民|居民)?委员会$/, '').slice(0, 4), region: v };
    }],
    ['no hits, village', (r) => ({ q: pick(r, ['锦绣家园', '地铁', '机场']), region: village(r) })],
    ['one word, township', (r) => ({ q: pick(r, words), region: village(r).slice(0, 9) })],
    ['one word, whole province', (r) => ({ q: pick(r, words) })],
  ];
}

async function searchMix(seeded: Seeded, dir: RegionDirectory) {
  const kinds = queries(seeded, dir);
  const r = prng(7);
  const rounds = Number(process.env.BENCH_SEARCH_ROUNDS ?? 100);
  console.log(`\nSearch in-process, ${rounds} queries per kind (index + ranking | full first page with highlights):`);
  console.log('| query kind | hits (avg) | ranking p50 ms | p99 ms | page p50 ms | p99 ms |');
  console.log('|---|---|---|---|---|---|');
  const allRank: number[] = [];
  const allPage: number[] = [];
  for (const [name, make] of kinds) {
    const rank: number[] = [];
    const page: number[] = [];
    let hits = 0;
    for (let i = 0; i < rounds; i++) {
      const q = make(r);
      let t = process.hrtime.bigint();
      const m = await rankedMatches({ regions: dir }, q);
      rank.push(Number(process.hrtime.bigint() - t) / 1e6);
      hits += m.hits.length;
      t = process.hrtime.bigint();
      await searchPublished({ regions: dir }, { ...q, page: 1, pageSize: 20 });
      page.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    rank.sort((a, b) => a - b);
    page.sort((a, b) => a - b);
    allRank.push(...rank);
    allPage.push(...page);
    console.log(`| ${name} | ${(hits / rounds).toFixed(0)} | ${f(pct(rank, 50))} | ${f(pct(rank, 99))} | ${f(pct(page, 50))} | ${f(pct(page, 99))} |`);
  }
  allRank.sort((a, b) => a - b);
  allPage.sort((a, b) => a - b);
  console.log(`| **all** | | ${f(pct(allRank, 50))} | ${f(pct(allRank, 99))} | ${f(pct(allPage, 50))} | ${f(pct(allPage, 99))} |`);
}

async function runHttp(seeded: Seeded, dir: RegionDirectory) {
  const level = process.env.LOG_LEVEL ?? 'info';
  const config = loadConfig({ NODE_ENV: 'production', LOG_LEVEL: level, GONGKAI_JOBS: 'off' });
  const logger = pino({ level, base: undefined }, pino.destination({ dest: '/dev/null', sync: false }));
  const app = serve(createApp({ config, logger, regions: dir }).callback());
  const bare = serve(bareKoa());
  const [a, b] = await Promise.all([app, bare]);
  const village = seeded.villages[0];
  // The village list's response as the app sends it, replayed by a bare handler (second reference).
  const sample = await fetch(`${a.base}/api/v1/disclosures?region=${village}`);
  const replay = await serve(bareKoaReplaying(Object.fromEntries(sample.headers), await sample.text()));
  const r = prng(11);
  const searches = Array.from({ length: 500 }, () => ({
    region: seeded.villages[Math.floor(r() * seeded.villages.length)],
    q: ['补偿', '征地', '危房改造', '低保', '招生', '征地 补偿标准'][Math.floor(r() * 6)],
  }));
  const searchPaths = searches.map((x) => `/api/v1/disclosures?region=${x.region}&q=${encodeURIComponent(x.q)}`);
  const villages = seeded.villages.slice(0, 1_000);
  const ids = seeded.sampleIds.slice(0, 1_000);
  // Hot caches, as for the pages and disclosures residents open most: each path read once first.
  for (let i = 0; i < villages.length; i += 20) await Promise.all(villages.slice(i, i + 20).map((v) => listPublishedJson({ regions: dir }, { region: v, page: 1, pageSize: 20 })));
  for (let i = 0; i < ids.length; i += 20) await Promise.all(ids.slice(i, i + 20).map((id) => getPublicDetailJson(id)));
  for (let i = 0; i < searches.length; i += 10) await Promise.all(searches.slice(i, i + 10).map((x) => searchPublishedJson({ regions: dir }, { ...x, page: 1, pageSize: 20 })));
  const targets: Array<[string, string, string[]]> = [
    ['bare Koa handler (reference)', b.base, ['/']],
    ['bare Koa replaying the village list response (same headers, same 9 KB body)', replay.base, ['/']],
    ['GET /api/v1/domains (static, whole stack)', a.base, ['/api/v1/domains']],
    [`GET /api/v1/disclosures?region=<one village>`, a.base, [`/api/v1/disclosures?region=${village}`]],
    ['GET /api/v1/disclosures?region=<1,000 villages in turn>', a.base, villages.map((v) => `/api/v1/disclosures?region=${v}`)],
    ['GET /api/v1/disclosures/:id (1,000 ids in turn)', a.base, ids.map((id) => `/api/v1/disclosures/${id}`)],
    ['GET /api/v1/disclosures?region=<village>&q=<word> (500 in turn)', a.base, searchPaths],
  ];
  const rounds = Number(process.env.BENCH_HTTP_ROUNDS ?? 3);
  console.log(`\nHTTP: autocannon (child process), ${CONNECTIONS} connections, ${SECONDS} s per run, ${rounds} rounds of every target (medians; ratio = median of each round's ratio to the bare handler), caches warm; app log level ${level}; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  for (const [, base, paths] of targets) await load(base, paths.slice(0, 50), 10, 2); // JIT warm-up
  const runs = targets.map(() => [] as Array<LoadResult & { us: number }>);
  for (let k = 0; k < rounds; k++) {
    for (let i = 0; i < targets.length; i++) {
      const c0 = process.cpuUsage();
      const res = await load(targets[i][1], targets[i][2], CONNECTIONS, SECONDS);
      const c = process.cpuUsage(c0);
      runs[i].push({ ...res, us: (c.user + c.system) / Math.max(1, res.rps * SECONDS) });
    }
  }
  const med = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  console.log('| request | req/s | ratio to bare | p50 ms | p99 ms | max ms | CPU µs/req (this process) | bytes/resp | non-2xx |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  targets.forEach(([name], i) => {
    const rs = runs[i];
    const ratio = med(rs.map((x, k) => x.rps / runs[0][k].rps));
    console.log(
      `| ${name} | ${Math.round(med(rs.map((x) => x.rps)))} | ${ratio.toFixed(2)} | ${med(rs.map((x) => x.p50))} | ${med(rs.map((x) => x.p99))} | ${Math.max(...rs.map((x) => x.max))} | ${Math.round(med(rs.map((x) => x.us)))} | ${Math.round(rs[0].bytesPerRequest)} | ${rs.reduce((n, x) => n + x.non2xx + x.errors, 0)} |`,
    );
  });
  // A detail nobody opened yet: one read of its version by _id, then rendered and cached.
  const cold: number[] = [];
  for (const id of seeded.sampleIds.slice(1_000, 1_500)) {
    const t = process.hrtime.bigint();
    await getPublicDetailJson(id);
    cold.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  cold.sort((x, y) => x - y);
  console.log(`Detail on a cold cache (in-process, ${cold.length} unseen ids one by one): p50 ${f(pct(cold, 50))} ms, p99 ${f(pct(cold, 99))} ms`);
  await Promise.all([a.close(), b.close(), replay.close()]);
}

async function tableImport(dir: RegionDirectory) {
  const editor = await createOfficial({ role: 'editor', regionCode: '330304', username: `bench-editor-${Date.now().toString(36)}` });
  const deps = { jobs: new JobQueue(pino({ level: 'silent' })), regions: dir };
  const rec = await createDisclosure(deps, editor.caller, { catalogueItemId: 'LA-08', regionCode: '330304001002', title: '征地补偿费用支付和分配情况', body: '分户明细见下表。' });
  const table = householdTable(prng(3), 'land-acquisition', '330304', 2_000);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('分户明细');
  ws.addRow(table.columns.map((c) => c.label));
  for (const row of table.rows) ws.addRow(table.columns.map((c) => row[c.key]));
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  for (const dryRun of [true, false]) {
    const t = Date.now();
    const res = await importTable(editor.caller, String(rec._id), buf, { dryRun });
    console.log(`Table import, 2,000 rows × ${table.columns.length} columns (${mb(buf.length)} xlsx), ${dryRun ? 'dry run' : 'saved'}: ${Date.now() - t} ms (read and checked in ${res.ms} ms)`);
  }
}

async function main() {
  const keep = process.env.BENCH_DATA_DIR;
  const dataDir = keep ?? fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-bench-'));
  fs.mkdirSync(dataDir, { recursive: true });
  const db = await provideDatabase({ mongodbUri: process.env.MONGODB_URI, repoRoot: findRepoRoot(), dataDir });
  try {
    await connectDatabase(db.uri, 'bench_disclosures');
    console.log(`Database: ${db.kind}; ${os.cpus().length} CPUs (${os.cpus()[0]?.model.trim()}); load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}; Node ${process.version}`);
    const seeded = await seed();
    const dir = await loadRegionDirectory();
    if (ONLY.has('start')) await startUp();
    else if (ONLY.has('restore')) {
      const w = await warmDisclosureIndex();
      await restore(w.published);
    } else await warmDisclosureSearch();
    if (ONLY.has('search')) await searchMix(seeded, dir);
    if (ONLY.has('http')) await runHttp(seeded, dir);
    if (ONLY.has('import')) await tableImport(dir);
    console.log(`\nRSS at the end ${mb(process.memoryUsage().rss)}; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  } finally {
    await resetSearchIndex();
    await disconnectDatabase();
    await db.stop();
    if (!keep) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
