import { DisclosureIndex, NONE, intern, internActor, type Entry } from './memory';
import { changeLog, snapshots } from './model';

/*
 * Snapshots and the change log of the in-memory index.
 *
 * Reading every disclosure document from FerretDB costs ~0.1–1 ms each (200,000 documents: 30 s to
 * minutes), while a few large documents read by `_id` cost almost nothing per byte. So the index is saved as
 * ~50 chunk documents holding a JSON string of compact entries (`snap:<gen>:<k>`), and a pointer document
 * (`snapshot`) written last. Every write also appends `{ _id: gen, ids }` to a small change log; a process
 * starts from the newest snapshot and replays the log entries after its generation by `_id`, and another
 * process notices changes the same way. A gap in the log (a crash between two steps) or a very old snapshot
 * falls back to the full scan. Old chunks and log entries are deleted after a newer snapshot is saved.
 */

/** Bump when the entry encoding changes (an older snapshot is then ignored). */
const FORMAT = 1;
const PER_CHUNK = 4_000;

type Encoded = [
  string, string, string, Entry['level'], Entry['domain'], string, number, Entry['status'], Entry['stage'], string,
  number, number, number, number | null, number | null, readonly string[], readonly string[], number | null, 0 | 1,
  [number, NonNullable<Entry['working']>['state'], string, number, number | null, number | null] | null,
  string, string, number, number,
];

const orNull = (x: number | undefined) => (x === undefined ? null : x);
const orUndef = (x: number | null) => (x === null ? undefined : x);

function encode(e: Entry): Encoded {
  const w = e.working;
  return [
    e.id, e.regionCode, e.regionName, e.level, e.domain, e.catalogueItemId, e.catalogueVersion, e.status, e.stage, e.title,
    e.version, e.publishedAt, e.firstPublishedAt, orNull(e.validFrom), orNull(e.validTo), e.related, e.linkedFrom, orNull(e.dueAt), e.late ? 1 : 0,
    w ? [w.version, w.state, w.title, w.updatedAt, orNull(w.publishAt), orNull(w.dueAt)] : null,
    e.createdBy.id, e.createdBy.username, e.createdAt, e.updatedAt,
  ];
}

function decode(a: Encoded): Entry {
  const w = a[19];
  return {
    id: a[0],
    regionCode: intern(a[1]),
    regionName: intern(a[2]),
    level: a[3],
    domain: intern(a[4]) as Entry['domain'],
    catalogueItemId: intern(a[5]),
    catalogueVersion: a[6],
    status: a[7],
    stage: a[8],
    title: a[9],
    version: a[10],
    publishedAt: a[11],
    firstPublishedAt: a[12],
    validFrom: orUndef(a[13]),
    validTo: orUndef(a[14]),
    related: a[15].length ? a[15] : NONE,
    linkedFrom: a[16].length ? a[16] : NONE,
    dueAt: orUndef(a[17]),
    late: a[18] === 1,
    working: w ? { version: w[0], state: w[1], title: w[2], updatedAt: w[3], publishAt: orUndef(w[4]), dueAt: orUndef(w[5]) } : undefined,
    createdBy: internActor({ id: a[20], username: a[21] }),
    createdAt: a[22],
    updatedAt: a[23],
  };
}

const yieldToRequests = () => new Promise((r) => setImmediate(r));

/**
 * Saves the entries as the snapshot of generation `gen` (entries are immutable, so the array given is a
 * consistent picture even while requests go on). Encodes chunk by chunk, yielding in between.
 */
export async function saveSnapshot(entries: Entry[], gen: number): Promise<void> {
  const chunks = Math.ceil(entries.length / PER_CHUNK);
  for (let k = 0; k < chunks; k++) {
    const data = JSON.stringify(entries.slice(k * PER_CHUNK, (k + 1) * PER_CHUNK).map(encode));
    await snapshots().replaceOne({ _id: `snap:${gen}:${k}` }, { data }, { upsert: true });
    await yieldToRequests();
  }
  const old = await snapshots().findOne({ _id: 'snapshot' });
  await snapshots().replaceOne({ _id: 'snapshot' }, { format: FORMAT, gen, chunks, count: entries.length, at: new Date() }, { upsert: true });
  if (old && old.gen !== gen) {
    for (let k = 0; k < Number(old.chunks ?? 0); k++) await snapshots().deleteOne({ _id: `snap:${String(old.gen)}:${k}` });
  }
  await changeLog().deleteMany({ _id: { $lte: gen } });
}

/** The newest snapshot as an index and its generation, or undefined (none, another format, a chunk missing). */
export async function loadSnapshot(): Promise<{ index: DisclosureIndex; gen: number } | undefined> {
  const head = await snapshots().findOne({ _id: 'snapshot' });
  if (!head || head.format !== FORMAT) return undefined;
  const gen = Number(head.gen);
  const chunks = await Promise.all(Array.from({ length: Number(head.chunks) }, (_, k) => snapshots().findOne({ _id: `snap:${gen}:${k}` })));
  if (chunks.some((c) => !c || typeof c.data !== 'string')) return undefined;
  const entries: Entry[] = [];
  for (const c of chunks) for (const a of JSON.parse(c!.data as string) as Encoded[]) entries.push(decode(a));
  return { index: DisclosureIndex.fromEntries(entries), gen };
}

/** Appends what changed at generation `gen`. */
export async function logChange(gen: number, ids: string[]): Promise<void> {
  await changeLog().insertOne({ _id: gen, ids, at: new Date() });
}

/**
 * The ids changed after generation `from` up to `to`, read by `_id`; undefined when an entry is missing
 * (then the caller rebuilds from a full scan).
 */
export async function changesBetween(from: number, to: number): Promise<Set<string> | undefined> {
  const ids = new Set<string>();
  const read = async (g: number) => {
    const entry = await changeLog().findOne({ _id: g });
    if (entry) return entry;
    // A writer may have bumped the counter and not yet logged: give it a moment.
    await new Promise((r) => setTimeout(r, 200));
    return changeLog().findOne({ _id: g });
  };
  for (let g = from + 1; g <= to; g += 50) {
    const batch = await Promise.all(Array.from({ length: Math.min(50, to - g + 1) }, (_, i) => read(g + i)));
    for (const entry of batch) {
      if (!entry) return undefined;
      for (const id of entry.ids) ids.add(id);
    }
  }
  return ids;
}
