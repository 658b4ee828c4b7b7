/**
 * Region search benchmark: seeds the full Zhejiang tree through the real seed into a fresh database,
 * builds the in-memory directory from it, runs a realistic query mix in-process, then measures one
 * representative query through HTTP (the real app, autocannon).
 *
 *   npx tsx bench/regions-search.ts                 # embedded FerretDB in a temp folder
 *   MONGODB_URI=mongodb://127.0.0.1:27017 npx tsx bench/regions-search.ts
 *
 * Env: BENCH_ROUNDS (query-mix rounds, default 300 → 300 × 12 kinds = 3,600 queries),
 * BENCH_HTTP_SECONDS (default 10), BENCH_HTTP_CONNECTIONS (default 10).
 */
import fs from 'fs';
import http from 'http';
import os from 'os';
import path from 'path';
import v8 from 'v8';
import vm from 'vm';
import type { AddressInfo } from 'net';
import { provideDatabase } from '../server/src/db/provider';
import { connectDatabase, disconnectDatabase } from '../server/src/db/connect';
import mongoose from '../server/src/db/mongoose';
import { findRepoRoot } from '../server/src/paths';
import { createApp } from '../server/src/app';
import { loadConfig } from '../server/src/config';
import { createLogger } from '../server/src/logger';
import { seedRegions, toRegionRecords } from '../server/src/modules/regions/seed';
import { loadRegionDirectory, RegionDirectory, type RegionSearchOptions } from '../server/src/modules/regions/service';
import { loadRegionRows, type RegionRow } from '../server/src/modules/regions/data';
import { prng } from '../server/src/prng';

interface CannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; max: number; average: number };
  non2xx: number;
  errors: number;
}
type Cannon = (opts: { url: string; connections: number; duration: number }) => Promise<CannonResult>;
// autocannon ships no types; only the fields above are read.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon: Cannon = require('autocannon');

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 300);
const HTTP_SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 10);
const HTTP_CONNECTIONS = Number(process.env.BENCH_HTTP_CONNECTIONS ?? 10);

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;


const ms = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e6;
const fmt = (n: number) => (n < 10 ? n.toFixed(3) : n.toFixed(1));
const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

type Query = { q: string; opts?: RegionSearchOptions };

/** The query mix: what residents and officials type, drawn from the real data. */
function queryKinds(rows: RegionRow[]): Array<[string, (r: () => number) => Query]> {
  const of = (level: string) => rows.filter((x) => x.level === level);
  const villages = of('village');
  const townships = of('township');
  const counties = of('county');
  const pick = <T>(list: T[], r: () => number) => list[Math.floor(r() * list.length)];
  const chars = (s: string) => Array.from(s);
  /** A 2–3 character piece of a village's display name (what someone remembers of it). */
  const villagePiece = (r: () => number) => {
    const c = chars(pick(villages, r).displayName);
    const len = Math.min(c.length, 2 + Math.floor(r() * 2));
    const at = Math.floor(r() * (c.length - len + 1));
    return c.slice(at, at + len).join('');
  };
  /** The first n syllables of a region's pinyin, recovered from the initials' positions. */
  const syllables = (row: RegionRow, n: number) => {
    const parts: string[] = [];
    let rest = row.pinyin;
    for (let i = 0; i < row.initials.length && rest; i++) {
      const next = row.initials[i + 1];
      let end = rest.length;
      if (next) for (end = 1; end < rest.length && rest[end] !== next; end++);
      parts.push(rest.slice(0, end));
      rest = rest.slice(end);
    }
    return parts.slice(0, n).join('');
  };
  return [
    ['中文 village piece', (r) => ({ q: villagePiece(r) })],
    ['中文 single char (村/新/山…)', (r) => ({ q: pick(['村', '新', '山', '社区', '街道', '镇'], r) })],
    ['中文 county name', (r) => ({ q: chars(pick(counties, r).name).slice(0, 2).join('') })],
    ['中文 full village name', (r) => ({ q: pick(villages, r).displayName })],
    ['pinyin full (village)', (r) => ({ q: pick(villages, r).pinyin })],
    ['pinyin prefix 2 syllables', (r) => ({ q: syllables(pick([...villages, ...townships], r), 2) })],
    ['pinyin 1 syllable', (r) => ({ q: syllables(pick(villages, r), 1) })],
    ['initials (county/township)', (r) => ({ q: pick([...counties, ...townships], r).initials })],
    ['initials 2 letters', (r) => ({ q: pick(villages, r).initials.slice(0, 2) })],
    ['中文 + within county', (r) => ({ q: pick(['村', '新', '山', '东', '大'], r), opts: { within: pick(counties, r).code } })],
    ['pinyin + within township', (r) => ({ q: syllables(pick(villages, r), 1), opts: { within: pick(townships, r).code } })],
    ['pinyin + level=village', (r) => ({ q: syllables(pick(villages, r), 2), opts: { level: 'village' } })],
  ];
}

function runMix(dir: RegionDirectory, rows: RegionRow[]) {
  const kinds = queryKinds(rows);
  const r = prng(20260601);
  const plan: Array<[number, Query]> = [];
  for (let i = 0; i < ROUNDS; i++) kinds.forEach(([, make], k) => plan.push([k, make(r)]));
  for (const [, q] of plan.slice(0, 500)) dir.search(q.q, q.opts); // warm-up (JIT)
  const times: number[][] = kinds.map(() => []);
  const hits: number[] = kinds.map(() => 0);
  for (const [k, q] of plan) {
    const t = process.hrtime.bigint();
    const res = dir.search(q.q, q.opts);
    times[k].push(ms(t));
    hits[k] += res.length;
  }
  console.log(`\nIn-process search, ${plan.length} queries (${ROUNDS} per kind, limit 20):`);
  console.log('| query kind | p50 ms | p99 ms | max ms | avg hits |');
  console.log('|---|---|---|---|---|');
  const all: number[] = [];
  kinds.forEach(([name], k) => {
    const s = times[k].sort((a, b) => a - b);
    all.push(...s);
    console.log(`| ${name} | ${fmt(percentile(s, 50))} | ${fmt(percentile(s, 99))} | ${fmt(s[s.length - 1])} | ${(hits[k] / s.length).toFixed(1)} |`);
  });
  all.sort((a, b) => a - b);
  console.log(`| **all** | ${fmt(percentile(all, 50))} | ${fmt(percentile(all, 99))} | ${fmt(all[all.length - 1])} | |`);
}

async function runHttp(dir: RegionDirectory) {
  const config = loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent', GONGKAI_JOBS: 'off' });
  const app = createApp({ config, logger: createLogger('silent', false), regions: dir });
  const server = http.createServer(app.callback());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const targets = [
    `/api/v1/regions/search?q=${encodeURIComponent('jiangshan')}`,
    `/api/v1/regions/search?q=${encodeURIComponent('新')}&within=330782`,
    '/api/v1/regions/330304001',
  ];
  console.log(`\nHTTP (real app, autocannon ${HTTP_CONNECTIONS} connections, ${HTTP_SECONDS} s each):`);
  console.log('| request | req/s | p50 ms | p99 ms | max ms | non-2xx |');
  console.log('|---|---|---|---|---|---|');
  for (const target of targets) {
    const res = await autocannon({ url: `http://127.0.0.1:${port}${target}`, connections: HTTP_CONNECTIONS, duration: HTTP_SECONDS });
    console.log(`| GET ${decodeURIComponent(target)} | ${Math.round(res.requests.average)} | ${res.latency.p50} | ${res.latency.p99} | ${res.latency.max} | ${res.non2xx + res.errors} |`);
  }
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-bench-'));
  const db = await provideDatabase({ mongodbUri: process.env.MONGODB_URI, repoRoot: findRepoRoot(), dataDir });
  const dbName = `bench_regions_${process.pid}`;
  try {
    await connectDatabase(db.uri, dbName);
    console.log(`Database: ${db.kind}; ${os.cpus().length} CPUs (${os.cpus()[0]?.model.trim()}), load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}; Node ${process.version}`);

    const first = await seedRegions();
    console.log(`Seed, empty database: ${first.inserted} regions inserted in ${first.ms} ms`);
    const again = await seedRegions();
    console.log(`Seed, re-run (unchanged): skipped=${again.skipped} in ${again.ms} ms`);
    const forced = await seedRegions({ force: true });
    console.log(`Seed, forced comparison of every row: ${forced.inserted + forced.updated + forced.deleted} writes in ${forced.ms} ms`);

    gc();
    const heapBefore = process.memoryUsage().heapUsed;
    let t = process.hrtime.bigint();
    const dir = await loadRegionDirectory();
    const loadMs = ms(t);
    gc();
    const heapAfter = process.memoryUsage().heapUsed;
    const rows = loadRegionRows();
    const records = toRegionRecords(rows);
    t = process.hrtime.bigint();
    RegionDirectory.fromRecords(records);
    const buildMs = ms(t);
    console.log(`Directory from the database: ${dir.size} regions in ${loadMs.toFixed(0)} ms (of which building the index in memory ≈ ${buildMs.toFixed(0)} ms); heap +${mb(heapAfter - heapBefore)}; RSS ${mb(process.memoryUsage().rss)}`);

    runMix(dir, rows);
    await runHttp(dir);
    await mongoose.connection.dropDatabase();
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
