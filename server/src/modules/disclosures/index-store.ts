import mongoose from '../../db/mongoose';
import { DisclosureIndex } from './memory';
import { disclosures, meta, type DisclosureRecord } from './model';
import { changesBetween, loadSnapshot, logChange, saveSnapshot } from './snapshot';

/*
 * The process-wide DisclosureIndex (memory.ts).
 *
 * Building: from the newest snapshot plus the change log after it (snapshot.ts) — ~50 `_id` reads — or,
 * without a usable snapshot, from one scan of the `disclosures` collection (then a snapshot is saved in the
 * background once the index is large enough to be worth it).
 *
 * Keeping current: every write of this process updates the index in place (`recordWritten`), bumps the
 * generation counter `disclosure_meta { _id: 'index', gen }` and logs the changed ids under that generation.
 * Reads check the counter by `_id` at most every `checkMs` (officials' reads wait for the check, residents'
 * reads never do); when it moved beyond what this process applied, the changed disclosures are re-read by
 * `_id` from the log (other processes' writes), or the index is rebuilt if the log has a gap.
 */

const META_ID = 'index';
let checkMs = 2_000;
/** Save a snapshot after a full scan only from this many disclosures, and again every `every` writes. */
const policy = { minEntries: 5_000, every: 1_000 };
/** A snapshot this far behind the counter is ignored (replaying would cost more than a scan). */
const MAX_REPLAY = 20_000;

interface State {
  index: DisclosureIndex;
  /** The counter value this index reflects. */
  gen: number;
  checkedAt: number;
  snapshotGen: number;
}

let state: State | undefined;
let loading: Promise<State> | undefined;
let bumping: Promise<void> = Promise.resolve();
let checking: Promise<void> | undefined;
let saving: Promise<void> | undefined;

async function readGen(): Promise<number> {
  return (await meta().findOne({ _id: META_ID }))?.gen ?? 0;
}

/** Re-reads the given disclosures by `_id` into the index. */
async function refetch(index: DisclosureIndex, ids: Iterable<string>): Promise<void> {
  const list = [...ids].filter((id) => /^[0-9a-f]{24}$/.test(id));
  for (let i = 0; i < list.length; i += 50) {
    const docs = await Promise.all(list.slice(i, i + 50).map((id) => disclosures().findOne({ _id: new mongoose.Types.ObjectId(id) })));
    for (const d of docs) if (d) index.put(d);
  }
}

/** Brings `index` from generation `from` to the current counter; false when the log has a gap. */
async function catchUp(index: DisclosureIndex, from: number): Promise<number | undefined> {
  await bumping;
  const to = await readGen();
  if (to <= from) return from;
  const ids = await changesBetween(from, to);
  if (!ids) return undefined;
  await refetch(index, ids);
  return to;
}

async function build(): Promise<State> {
  const g0 = await readGen();
  const snap = await loadSnapshot().catch(() => undefined);
  if (snap && g0 - snap.gen <= MAX_REPLAY) {
    const gen = await catchUp(snap.index, snap.gen);
    if (gen !== undefined) return { index: snap.index, gen, checkedAt: Date.now(), snapshotGen: snap.gen };
  }
  const docs = await disclosures().find({}, { batchSize: 5_000 }).toArray();
  const index = DisclosureIndex.fromRecords(docs);
  // Writes during the scan are in the log after g0; a gap here only means the next check rebuilds.
  const gen = (await catchUp(index, g0)) ?? g0;
  return { index, gen, checkedAt: Date.now(), snapshotGen: -1 };
}

function load(): Promise<State> {
  loading ??= build()
    .then((s) => {
      state = s;
      if (s.snapshotGen < 0 && s.index.size >= policy.minEntries) void saveDisclosureIndexSnapshot();
      return s;
    })
    .finally(() => {
      loading = undefined;
    });
  return loading;
}

async function check(): Promise<void> {
  const s = state;
  if (!s) return;
  s.checkedAt = Date.now();
  const gen = await catchUp(s.index, s.gen);
  if (gen === undefined) {
    if (!loading) await load();
  } else if (state === s && gen > s.gen) {
    s.gen = gen;
  }
}

/**
 * The index. `fresh: true` (officials' reads, workflow checks) waits for the staleness check when one is
 * due; residents' reads never wait once the index exists.
 */
export async function disclosureIndex(opts: { fresh?: boolean } = {}): Promise<DisclosureIndex> {
  const s = state ?? (await load());
  if (Date.now() - s.checkedAt > checkMs && !checking) {
    checking = check()
      .catch(() => undefined)
      .finally(() => {
        checking = undefined;
      });
  }
  if (opts.fresh && checking) await checking;
  return (state ?? s).index;
}

/**
 * Called after every write of disclosure documents: updates the index in place, bumps the generation
 * counter and logs the changed ids under it (serialized, so a bump right after ours is recognised).
 */
export async function recordWritten(...records: DisclosureRecord[]): Promise<void> {
  for (const r of records) state?.index.put(r);
  const ids = records.map((r) => String(r._id));
  const bump = bumping.then(async () => {
    const r = await meta().findOneAndUpdate({ _id: META_ID }, { $inc: { gen: 1 } }, { upsert: true, returnDocument: 'after' });
    const gen = r?.gen ?? 0;
    await logChange(gen, ids);
    if (state && gen === state.gen + 1) state.gen = gen;
  });
  bumping = bump.catch(() => undefined);
  // The disclosure itself is stored: a failed bump must not fail the request (other processes then see
  // the change at their next rebuild instead of at their next check).
  await bumping;
  if (state && state.snapshotGen >= 0 && state.gen - state.snapshotGen >= policy.every) void saveDisclosureIndexSnapshot();
}

/**
 * Saves a snapshot of the current index (in the background after a full scan and every `policy.every`
 * writes; main.ts may call it at shutdown). Failures only cost a slower next start.
 */
export function saveDisclosureIndexSnapshot(): Promise<void> {
  const s = state;
  if (!s || saving) return saving ?? Promise.resolve();
  const entries = s.index.entries();
  const gen = s.gen;
  saving = saveSnapshot(entries, gen)
    .then(() => {
      s.snapshotGen = gen;
    })
    .catch(() => undefined)
    .finally(() => {
      saving = undefined;
    });
  return saving;
}

/** Builds the index now (main.ts may call it at start-up so the first request is fast). */
export async function warmDisclosureIndex(): Promise<{ disclosures: number; published: number; ms: number; fromSnapshot: boolean }> {
  const t = Date.now();
  const s = state ?? (await load());
  return { disclosures: s.index.size, published: s.index.publishedCount, ms: Date.now() - t, fromSnapshot: s.snapshotGen >= 0 };
}

/** Forgets the index (tests that write behind the service's back; the next read rebuilds). */
export function resetDisclosureIndex(): void {
  state = undefined;
}

/** Sets how often reads check the generation counter (tests use 0 to check on every read). */
export function setIndexCheckInterval(ms: number): void {
  checkMs = ms;
}

/** Sets when snapshots are saved (tests lower the thresholds). */
export function setSnapshotPolicy(p: Partial<typeof policy>): void {
  Object.assign(policy, p);
}
