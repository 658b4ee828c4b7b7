import mongoose from '../../db/mongoose';
import { feedback, type FeedbackRecord } from './model';

/*
 * The in-memory index of every item's small summary, for the reads that would otherwise scan `feedback` on
 * FerretDB (measured: a projected scan of 10,000 items takes seconds there): the officials' inbox, the daily
 * reminder and the assessment exports. Built by one projected scan on first use, then kept current by this
 * process's writes (`recordWritten`).
 *
 * Other processes (a second server, a script) are noticed through a generation counter,
 * `feedback_meta { _id: 'index', gen }`, bumped after every write; reads check it by `_id` at most every
 * CHECK_MS and rebuild when it moved by more than this process's own writes. Writes made while a rebuild scans
 * are replayed onto the new index. (The same scheme as the disclosures index.)
 */

/** What the index keeps per item. */
export type IndexEntry = Pick<
  FeedbackRecord,
  '_id' | 'trackingNo' | 'type' | 'status' | 'regionCode' | 'assignedRegion' | 'disclosureId' | 'catalogueItemId' | 'public' | 'receivedAt' | 'dueAt' | 'rating' | 'summary'
> & { extended: boolean; answeredAt?: Date; rejectedAt?: Date };

const PROJECTION = {
  trackingNo: 1, type: 1, status: 1, regionCode: 1, assignedRegion: 1, disclosureId: 1, catalogueItemId: 1, public: 1,
  receivedAt: 1, dueAt: 1, rating: 1, summary: 1, 'extension.workingDays': 1, 'answer.at': 1, 'rejection.at': 1,
} as const;

const metaSchema = new mongoose.Schema({ _id: String, gen: Number }, { collection: 'feedback_meta', versionKey: false });
const FeedbackMetaModel = mongoose.model('FeedbackMeta', metaSchema);
const meta = () => FeedbackMetaModel.collection as unknown as mongoose.mongo.Collection<{ _id: string; gen: number }>;
const META_ID = 'index';
let checkMs = 2_000;

/** The index entry of a stored item. */
export function entryOf(r: FeedbackRecord): IndexEntry {
  return {
    _id: r._id,
    trackingNo: r.trackingNo,
    type: r.type,
    status: r.status,
    regionCode: r.regionCode,
    assignedRegion: r.assignedRegion,
    ...(r.disclosureId ? { disclosureId: r.disclosureId } : {}),
    ...(r.catalogueItemId ? { catalogueItemId: r.catalogueItemId } : {}),
    public: r.public,
    receivedAt: r.receivedAt,
    dueAt: r.dueAt,
    ...(r.rating ? { rating: r.rating } : {}),
    summary: r.summary,
    extended: !!r.extension,
    ...(r.answer ? { answeredAt: r.answer.at } : {}),
    ...(r.rejection ? { rejectedAt: r.rejection.at } : {}),
  };
}

interface State {
  entries: Map<string, IndexEntry>;
  gen: number;
  checkedAt: number;
}

let state: State | undefined;
let loading: Promise<State> | undefined;
let replay: IndexEntry[] | undefined;
let ownBumps = 0;
let bumping: Promise<void> = Promise.resolve();
let checking: Promise<void> | undefined;

async function readGen(): Promise<number> {
  return (await meta().findOne({ _id: META_ID }))?.gen ?? 0;
}

function load(): Promise<State> {
  if (loading) return loading;
  replay = [];
  const run = async (): Promise<State> => {
    const g0 = await readGen();
    const b0 = ownBumps;
    const docs = await feedback().find({}, { projection: PROJECTION, batchSize: 20_000 }).toArray();
    const entries = new Map<string, IndexEntry>();
    for (const d of docs) if (d.trackingNo) entries.set(String(d._id), entryOf(d as FeedbackRecord));
    for (const e of replay ?? []) entries.set(String(e._id), e);
    await bumping;
    const g1 = await readGen();
    // Consistent when the counter moved only by our own (replayed) writes; otherwise rebuild on the next check.
    return { entries, gen: g1 - g0 === ownBumps - b0 ? g1 : g0, checkedAt: Date.now() };
  };
  loading = run()
    .then((s) => (state = s))
    .finally(() => {
      loading = undefined;
      replay = undefined;
    });
  return loading;
}

async function check(): Promise<void> {
  const s = state;
  if (!s) return;
  s.checkedAt = Date.now();
  await bumping;
  if ((await readGen()) !== s.gen && !loading) await load();
}

/** Every indexed item (complete items only: those with a tracking number). */
export async function feedbackEntries(): Promise<Iterable<IndexEntry>> {
  const s = state ?? (await load());
  if (Date.now() - s.checkedAt > checkMs) {
    checking ??= check()
      .catch(() => undefined)
      .finally(() => {
        checking = undefined;
      });
    await checking;
  }
  return (state ?? s).entries.values();
}

/** Called after every write of an item (with its tracking number): updates the index and bumps the counter. */
export async function recordWritten(rec: FeedbackRecord): Promise<void> {
  if (!rec.trackingNo) return;
  const e = entryOf(rec);
  state?.entries.set(String(rec._id), e);
  replay?.push(e);
  const bump = bumping.then(async () => {
    const r = await meta().findOneAndUpdate({ _id: META_ID }, { $inc: { gen: 1 } }, { upsert: true, returnDocument: 'after' });
    ownBumps += 1;
    if (state && r?.gen === state.gen + 1) state.gen = r.gen;
  });
  bumping = bump.catch(() => undefined);
  await bump;
}

/** Builds the index now (main.ts may call it at start-up so the first officials' read is fast). */
export async function warmFeedbackIndex(): Promise<{ items: number; ms: number }> {
  const t = Date.now();
  const s = state ?? (await load());
  return { items: s.entries.size, ms: Date.now() - t };
}

/** Forgets the index (tests that write behind the service's back). */
export function resetFeedbackIndex(): void {
  state = undefined;
}

/** Sets how often reads check the generation counter (tests). */
export function setFeedbackIndexCheckInterval(ms: number): void {
  checkMs = ms;
}
