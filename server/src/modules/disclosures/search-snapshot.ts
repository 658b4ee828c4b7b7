import v8 from 'v8';
import mongoose from '../../db/mongoose';
import { SearchIndex, type SearchIndexData } from './search-index';
import { BODY_CHARS, TABLE_CHARS } from './search-text';

/*
 * Snapshots of the search index in `disclosure_search`, so a restart reads a few large documents by `_id`
 * instead of every published version (200,000 `_id` reads and ~1 min of segmentation). The index is
 * serialized with v8 (typed arrays stay binary), cut into chunks of CHUNK_BYTES
 * (`{ _id: 'search:<stamp>:<k>', data: Binary }`), and a pointer `{ _id: 'search', stamp, chunks, format }`
 * is written last. A snapshot says which version of each disclosure it holds, so after loading one the
 * index is reconciled with what is published now (search.ts) — no change log is needed. A snapshot made
 * with other analysis settings (FORMAT) is ignored.
 */

/** Changes whenever the snapshot encoding or the text analysis changes. */
export const FORMAT = `1:jieba-2.0.3:${BODY_CHARS}:${TABLE_CHARS}`;
const CHUNK_BYTES = 4 * 1024 * 1024;
const POINTER = 'search';

interface Pointer {
  _id: string;
  stamp: string;
  chunks: number;
  format: string;
  docs: number;
  bytes: number;
  at: Date;
}

type Doc = { _id: string; data?: unknown; [k: string]: unknown };
const collection = () => mongoose.connection.collection('disclosure_search') as unknown as mongoose.mongo.Collection<Doc>;

function bytesOf(v: unknown): Uint8Array {
  if (v instanceof Uint8Array) return v;
  if (v instanceof mongoose.mongo.Binary) return v.buffer;
  throw new Error('search snapshot: chunk without data');
}

/** Saves `index` (compacting it first); returns the number of bytes written. */
export async function saveSearchSnapshot(index: SearchIndex): Promise<{ bytes: number; chunks: number; docs: number }> {
  const data = index.toData();
  const buf = v8.serialize(data);
  const old = (await collection().findOne({ _id: POINTER })) as unknown as Pointer | null;
  const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const chunks = Math.max(1, Math.ceil(buf.length / CHUNK_BYTES));
  for (let k = 0; k < chunks; k++) {
    const part = buf.subarray(k * CHUNK_BYTES, (k + 1) * CHUNK_BYTES);
    await collection().insertOne({ _id: `${POINTER}:${stamp}:${k}`, data: new mongoose.mongo.Binary(part) });
  }
  const pointer: Pointer = { _id: POINTER, stamp, chunks, format: FORMAT, docs: data.versions.length, bytes: buf.length, at: new Date() };
  await collection().replaceOne({ _id: POINTER }, pointer as unknown as Doc, { upsert: true });
  if (old?.stamp) for (let k = 0; k < old.chunks; k++) await collection().deleteOne({ _id: `${POINTER}:${old.stamp}:${k}` });
  return { bytes: buf.length, chunks, docs: pointer.docs };
}

/** The saved index, or undefined when there is none (or it was made with other settings, or is damaged). */
export async function loadSearchSnapshot(): Promise<SearchIndex | undefined> {
  const p = (await collection().findOne({ _id: POINTER })) as unknown as Pointer | null;
  if (!p || p.format !== FORMAT) return undefined;
  const parts = await Promise.all(Array.from({ length: p.chunks }, (_, k) => collection().findOne({ _id: `${POINTER}:${p.stamp}:${k}` })));
  if (parts.some((x) => !x)) return undefined;
  const buf = Buffer.concat(parts.map((x) => bytesOf(x!.data)));
  if (buf.length !== p.bytes) return undefined;
  return SearchIndex.fromData(v8.deserialize(buf) as SearchIndexData);
}

/** Deletes every snapshot (tests). */
export async function dropSearchSnapshots(): Promise<void> {
  await collection().deleteMany({});
}
