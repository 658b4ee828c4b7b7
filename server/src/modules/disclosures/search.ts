import { onPublicChange, type PublicChange } from './hooks';
import type { PublicVersion } from './chain';
import { disclosureIndex } from './index-store';
import { versionKey, versions } from './model';
import { SearchIndex } from './search-index';
import { loadSearchSnapshot, saveSearchSnapshot } from './search-snapshot';
import { analyze } from './search-text';

/*
 * The process-wide search index (search-index.ts) and how it stays equal to what residents can see.
 *
 *  - Built once: from the newest snapshot (search-snapshot.ts) if there is one, then RECONCILED with the
 *    published versions the disclosure index knows (`{ id, version }` of every published disclosure):
 *    documents of withdrawn or superseded versions are dropped and missing versions are read by `_id` from
 *    `disclosure_versions` (their masked `public` content) and analysed — in batches, yielding to the event
 *    loop, so requests keep being served during a build.
 *  - Kept current: `onPublicChange` (hooks.ts) hands over every publication, new version and withdrawal of
 *    this process with its masked content, applied at once. Changes made by another process show in the
 *    disclosure index's epoch; a search that sees a new epoch schedules a reconcile (at most one running).
 *  - Snapshots are saved after a build that read many versions, and after every SNAPSHOT_EVERY changes.
 *
 * Only `public` (masked) content is ever analysed: unmasked originals never enter the index.
 */

const SNAPSHOT_EVERY = 500;
/** Reads of `disclosure_versions` in flight during a build. */
const READ_BATCH = 50;

interface State {
  index: SearchIndex;
  /** The disclosure index epoch the last reconcile saw. */
  epoch: number;
  changesSinceSnapshot: number;
}

let state: State | undefined;
let building: Promise<State> | undefined;
let reconciling: Promise<void> | undefined;
let saving: Promise<unknown> | undefined;
/** Changes that arrived while a build was running (applied when it ends). */
let pending: PublicChange[] = [];
let onError: (err: unknown) => void = () => undefined;

/** End of the posting period of a version's personal tables (their text stops matching then). */
function personalUntil(pub: PublicVersion): number {
  return pub.validTo && pub.tables.some((t) => t.personal) ? Date.parse(pub.validTo) : Infinity;
}

/** Adds a published version's public content to the index. */
export function indexVersion(index: SearchIndex, pub: PublicVersion): void {
  index.add(pub.disclosureId, pub.version, pub.regionCode, analyze(pub), personalUntil(pub));
}

function apply(s: State, c: PublicChange): void {
  if (c.kind === 'withdrawn') s.index.remove(c.disclosureId);
  else if (c.public) indexVersion(s.index, c.public);
  s.index.maybeCompact();
  s.changesSinceSnapshot++;
  if (s.changesSinceSnapshot >= SNAPSHOT_EVERY) void saveSnapshotNow();
}

onPublicChange((c) => {
  if (building) pending.push(c);
  else if (state) apply(state, c);
});

const tick = () => new Promise<void>((r) => setImmediate(r));

/**
 * Makes `index` hold exactly the published versions (drops the others, reads the missing ones by `_id`).
 * Returns how many versions were read.
 */
async function reconcile(index: SearchIndex): Promise<{ read: number; dropped: number; epoch: number }> {
  const dIndex = await disclosureIndex({ fresh: true });
  const epoch = dIndex.epoch;
  const want = new Map<string, number>();
  for (const e of dIndex.filter((x) => x.status === 'published')) want.set(e.id, e.version);
  let dropped = 0;
  for (const [id, version] of [...index.docs()]) {
    if (want.get(id) !== version) {
      index.remove(id);
      dropped++;
    }
  }
  const missing = [...want].filter(([id, version]) => index.versionOf(id) !== version);
  let read = 0;
  for (let i = 0; i < missing.length; i += READ_BATCH) {
    const batch = missing.slice(i, i + READ_BATCH);
    const docs = await Promise.all(batch.map(([id, v]) => versions().findOne({ _id: versionKey(id, v) }, { projection: { public: 1 } })));
    for (const d of docs) {
      // A version published or withdrawn meanwhile is settled by the hook or the next reconcile.
      if (d?.public && dIndex.get(d.public.disclosureId)?.version === d.public.version) indexVersion(index, d.public);
    }
    read += docs.length;
    await tick();
  }
  index.maybeCompact();
  return { read, dropped, epoch };
}

async function build(): Promise<State> {
  const snap = await loadSearchSnapshot().catch((err) => {
    onError(err);
    return undefined;
  });
  const index = snap ?? new SearchIndex();
  const r = await reconcile(index);
  // Pack what was added into the arena (growable tails keep up to twice their size).
  if (r.read > 0) index.compact();
  return { index, epoch: r.epoch, changesSinceSnapshot: r.read + r.dropped };
}

function load(): Promise<State> {
  building ??= build()
    .then((s) => {
      for (const c of pending) apply(s, c);
      pending = [];
      state = s;
      // A build that read many versions is worth a snapshot (a later start reads that instead).
      if (s.changesSinceSnapshot >= SNAPSHOT_EVERY) void saveSnapshotNow();
      return s;
    })
    .finally(() => {
      building = undefined;
    });
  return building;
}

/**
 * The search index, once built. Waits for a build at most `waitMs` (undefined: until it is ready);
 * returns undefined when it is not ready by then (callers fall back to title matching).
 */
export async function searchIndex(waitMs?: number): Promise<SearchIndex | undefined> {
  const s = state;
  if (s) {
    const dIndex = await disclosureIndex();
    if (dIndex.epoch !== s.epoch && !reconciling && !building) {
      s.epoch = dIndex.epoch;
      reconciling = reconcile(s.index)
        .then((r) => {
          s.changesSinceSnapshot += r.read + r.dropped;
        })
        .catch(onError)
        .finally(() => {
          reconciling = undefined;
        });
    }
    return s.index;
  }
  const p = load();
  if (waitMs === undefined) return (await p).index;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((r) => (timer = setTimeout(() => r(undefined), waitMs)));
  try {
    return (await Promise.race([p, timeout]))?.index;
  } finally {
    clearTimeout(timer);
  }
}

/** Saves a snapshot of the index now (main.ts may call it at shutdown; failures cost only a slower start). */
export function saveSnapshotNow(): Promise<unknown> {
  const s = state;
  if (!s || saving) return saving ?? Promise.resolve();
  s.changesSinceSnapshot = 0;
  saving = saveSearchSnapshot(s.index)
    .catch((err) => {
      onError(err);
      s.changesSinceSnapshot = SNAPSHOT_EVERY;
    })
    .finally(() => {
      saving = undefined;
    });
  return saving;
}

/**
 * Builds the search index now (main.ts: after `warmDisclosureIndex()`, not awaited so the server listens
 * meanwhile; searches fall back to title matching until it is ready). Returns figures for the log.
 */
export async function warmDisclosureSearch(): Promise<{ docs: number; terms: number; postings: number; ms: number }> {
  const t = Date.now();
  const index = (await searchIndex())!;
  const st = index.stats();
  return { docs: st.docs, terms: st.terms, postings: st.postings, ms: Date.now() - t };
}

/** Where build and snapshot failures go (main.ts may route them to the logger). */
export function setSearchErrorHandler(fn: (err: unknown) => void): void {
  onError = fn;
}

/** Forgets the index (tests; the next search rebuilds it). */
export async function resetSearchIndex(): Promise<void> {
  await building?.catch(() => undefined);
  await reconciling;
  await saving;
  state = undefined;
}
