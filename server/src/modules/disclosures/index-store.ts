import { DisclosureIndex } from './memory';
import { disclosures, meta, type DisclosureRecord } from './model';

/*
 * The process-wide DisclosureIndex: built lazily from the `disclosures` collection (one scan of small
 * documents), then kept current by the writes of this process (`recordWritten`).
 *
 * Other processes (a second server, a seeding script) are noticed through a generation counter,
 * `disclosure_meta { _id: 'index', gen }`, bumped after every write. Reads check it by `_id` at most every
 * `checkMs` (2 s) (officials' reads wait for the check, residents' reads never do); a counter that moved by more
 * than this process's own writes triggers a rebuild in the background while the old index keeps serving.
 * Writes made while a rebuild scans are replayed onto the new index, so none is lost.
 */

const META_ID = 'index';
let checkMs = 2_000;

interface State {
  index: DisclosureIndex;
  /** The counter value this index reflects. */
  gen: number;
  checkedAt: number;
}

let state: State | undefined;
let loading: Promise<State> | undefined;
/** Records written while a load is scanning (replayed onto the loaded index). */
let replay: DisclosureRecord[] | undefined;
/** Counter bumps made by this process (to tell our writes from other processes'). */
let ownBumps = 0;
let bumping: Promise<void> = Promise.resolve();
let checking: Promise<void> | undefined;

async function readGen(): Promise<number> {
  const m = await meta().findOne({ _id: META_ID });
  return m?.gen ?? 0;
}

function load(): Promise<State> {
  if (loading) return loading;
  replay = [];
  const run = async (): Promise<State> => {
    const g0 = await readGen();
    const b0 = ownBumps;
    const docs = await disclosures().find({}, { batchSize: 20_000 }).toArray();
    const index = DisclosureIndex.fromRecords(docs);
    for (const r of replay ?? []) index.put(r);
    await bumping;
    const g1 = await readGen();
    // Consistent when the counter moved only by our own writes (all replayed); else rebuild again later.
    const gen = g1 - g0 === ownBumps - b0 ? g1 : g0;
    return { index, gen, checkedAt: Date.now() };
  };
  const p = run().then(
    (s) => {
      state = s;
      return s;
    },
  ).finally(() => {
    loading = undefined;
    replay = undefined;
  });
  loading = p;
  return p;
}

async function check(): Promise<void> {
  const s = state;
  if (!s) return;
  s.checkedAt = Date.now();
  await bumping;
  const gen = await readGen();
  if (gen !== s.gen && !loading) await load();
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
 * Called after every write of a disclosure document: updates the index in place and bumps the
 * generation counter (serialized, so this process can count its own bumps).
 */
export async function recordWritten(...records: DisclosureRecord[]): Promise<void> {
  for (const r of records) {
    state?.index.put(r);
    replay?.push(r);
  }
  const bump = bumping.then(async () => {
    const r = await meta().findOneAndUpdate({ _id: META_ID }, { $inc: { gen: 1 } }, { upsert: true, returnDocument: 'after' });
    const gen = r?.gen ?? 0;
    ownBumps += 1;
    if (state && gen === state.gen + 1) state.gen = gen;
  });
  bumping = bump.catch(() => undefined);
  await bump;
}

/** Builds the index now (main.ts may call it at start-up so the first request is fast). */
export async function warmDisclosureIndex(): Promise<{ disclosures: number; published: number; ms: number }> {
  const t = Date.now();
  const { index } = state ?? (await load());
  return { disclosures: index.size, published: index.publishedCount, ms: Date.now() - t };
}

/** Forgets the index (tests that write behind the service's back; the next read rebuilds). */
export function resetDisclosureIndex(): void {
  state = undefined;
}

/** Sets how often reads check the generation counter (tests use 0 to check on every read). */
export function setIndexCheckInterval(ms: number): void {
  checkMs = ms;
}
