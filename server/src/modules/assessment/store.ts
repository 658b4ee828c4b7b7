import mongoose from '../../db/mongoose';
import { computeSnapshots, type RequiredTable, type Snapshot } from './compute';
import { decodeFacts, encodeFacts, type EncodedFacts } from './facts';
import { type Period } from './period';

/*
 * Snapshots of the assessment, one per period, stored in `assessment_snapshots` and kept in memory.
 *
 * Why: the figures need one scan of the feedback collection and of the residents (on FerretDB a scan costs
 * ~0.1–0.3 ms per document: seconds at the benchmark's size), so requests never compute; they roll up a
 * snapshot in memory (milliseconds, see docs/benchmarks.md). A snapshot is computed when first asked for,
 * by the recurring job for the recent quarters, and on demand (`?refresh=1`, admins). One older than
 * STALE_MS is served as is while a fresh one is computed in the background.
 *
 * Storage, FerretDB-shaped (only `_id` reads are fast): a head `{ _id: 'head:<key>', computedAt, … }` and
 * chunks `{ _id: 'chunk:<key>:<computedAt>:<k>', data }` (JSON strings of encoded facts), written chunks
 * first, head last; old chunks are deleted after the head moved. Other processes notice a newer head by
 * reading it (by `_id`) at most every CHECK_MS.
 */

const PER_CHUNK = 5_000;
let STALE_MS = 60 * 60_000;
const CHECK_MS = 30_000;

interface Head {
  _id: string;
  key: string;
  computedAt: number;
  asOf: number;
  ms: number;
  chunks: number;
  required: RequiredTable;
}

type Doc = { _id: string; [k: string]: unknown };
const coll = () => mongoose.connection.collection('assessment_snapshots') as unknown as mongoose.mongo.Collection<Doc>;

const memory = new Map<string, { snap: Snapshot; checkedAt: number }>();
const inflight = new Map<string, Promise<Snapshot>>();
let background: Promise<void> | undefined;

/** Stores a snapshot (chunks, then the head, then the old chunks go). */
export async function saveSnapshot(s: Snapshot): Promise<void> {
  const key = s.period.key;
  const rows = encodeFacts(s.facts);
  const chunks = Math.ceil(rows.length / PER_CHUNK);
  for (let k = 0; k < chunks; k++) {
    const data = JSON.stringify(rows.slice(k * PER_CHUNK, (k + 1) * PER_CHUNK));
    await coll().replaceOne({ _id: `chunk:${key}:${s.computedAt}:${k}` }, { data }, { upsert: true });
  }
  const old = (await coll().findOne({ _id: `head:${key}` })) as Head | null;
  const head: Omit<Head, '_id'> = { key, computedAt: s.computedAt, asOf: s.asOf, ms: s.ms, chunks, required: s.required };
  await coll().replaceOne({ _id: `head:${key}` }, head, { upsert: true });
  if (old && old.computedAt !== s.computedAt) {
    for (let k = 0; k < old.chunks; k++) await coll().deleteOne({ _id: `chunk:${key}:${old.computedAt}:${k}` });
  }
  memory.set(key, { snap: s, checkedAt: Date.now() });
}

async function readHead(key: string): Promise<Head | undefined> {
  return ((await coll().findOne({ _id: `head:${key}` })) as Head | null) ?? undefined;
}

async function loadStored(p: Period, head: Head): Promise<Snapshot | undefined> {
  const docs = await Promise.all(Array.from({ length: head.chunks }, (_, k) => coll().findOne({ _id: `chunk:${p.key}:${head.computedAt}:${k}` })));
  if (docs.some((d) => !d || typeof d.data !== 'string')) return undefined;
  const facts = new Map();
  for (const d of docs) decodeFacts(JSON.parse(d!.data as string) as EncodedFacts[], facts);
  return { period: p, asOf: head.asOf, computedAt: head.computedAt, ms: head.ms, required: head.required, facts };
}

/** The newest snapshot of a period known here or stored, without computing; undefined when none. */
async function cached(p: Period): Promise<Snapshot | undefined> {
  const m = memory.get(p.key);
  if (m && Date.now() - m.checkedAt < CHECK_MS) return m.snap;
  const head = await readHead(p.key);
  if (!head) return m?.snap;
  if (m && m.snap.computedAt >= head.computedAt) {
    m.checkedAt = Date.now();
    return m.snap;
  }
  const loaded = await loadStored(p, head);
  if (loaded) memory.set(p.key, { snap: loaded, checkedAt: Date.now() });
  return loaded ?? m?.snap;
}

/** Computes and stores the snapshots of `periods` together (one read of every source). */
export function refreshSnapshots(periods: Period[], now: number = Date.now()): Promise<Snapshot[]> {
  const todo = periods.filter((p) => !inflight.has(p.key));
  if (todo.length) {
    const batch = computeSnapshots(todo, now).then(async (snaps) => {
      for (const s of snaps) await saveSnapshot(s);
      return snaps;
    });
    todo.forEach((p, i) => {
      const one = batch.then((snaps) => snaps[i]);
      inflight.set(p.key, one);
      void one.then(
        () => inflight.delete(p.key),
        () => inflight.delete(p.key),
      );
    });
  }
  return Promise.all(periods.map((p) => inflight.get(p.key)!));
}

/**
 * The snapshots of `periods` (in order): from memory or the database, computing the missing ones together.
 * With `refresh`, all are recomputed now. Stale ones are served and refreshed in the background.
 */
export async function snapshotsFor(periods: Period[], opts: { refresh?: boolean; now?: number } = {}): Promise<Snapshot[]> {
  if (opts.refresh) return refreshSnapshots(periods, opts.now);
  const found = await Promise.all(periods.map((p) => inflight.get(p.key) ?? cached(p)));
  const missing = periods.filter((_, i) => !found[i]);
  const computed = missing.length ? await refreshSnapshots(missing, opts.now) : [];
  const out = found.map((s) => s ?? computed.shift()!);
  const stale = periods.filter((p, i) => Date.now() - out[i].computedAt > STALE_MS && !inflight.has(p.key));
  if (stale.length && !background) {
    background = refreshSnapshots(stale)
      .then(() => undefined, () => undefined)
      .finally(() => {
        background = undefined;
      });
  }
  return out;
}

/** Forgets the snapshots held in memory (tests; the stored ones stay). */
export function resetAssessmentMemory(): void {
  memory.clear();
}

/** Sets the age after which a served snapshot is refreshed in the background (tests). */
export function setStaleAfter(ms: number): void {
  STALE_MS = ms;
}

/** Waits for a background refresh, if one runs (tests). */
export async function settleBackgroundRefresh(): Promise<void> {
  await background;
}
