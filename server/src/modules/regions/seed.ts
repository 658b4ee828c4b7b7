import crypto from 'crypto';
import fs from 'fs';
import type mongoose from 'mongoose';
import type { Seed } from '../../seed';
import { defaultRegionsFile, parseRegionRows, type RegionRow } from './data';
import type { RegionRecord } from './directory';
import { RegionMetaModel, regionCollection, type StoredRegion } from './model';
import { invalidateRegionDirectory } from './service';

/** Bump when the stored document shape or its derivation changes: the next start then re-checks every row. */
const SEED_FORMAT = 'regions/1';
const META_ID = 'seed';
/** Documents per insertMany into an empty collection. */
const INSERT_BATCH = 5_000;
/** Operations per bulkWrite when updating an existing tree. */
const WRITE_BATCH = 1_000;

/** Where the region seed takes its data from: the committed file by default. */
export interface RegionSeedSource {
  /** TSV in the layout of docs/regions.md (default server/data/regions-zhejiang.tsv). */
  file?: string;
  /** Rows given directly (tests that need only part of the tree); wins over `file`. */
  rows?: RegionRow[];
  /** Compare every stored row with the source even when the source hash is unchanged. */
  force?: boolean;
}

/** What one run did. */
export interface RegionSeedResult {
  /** True when the source hash matched the last complete run and nothing was read or written. */
  skipped: boolean;
  inserted: number;
  updated: number;
  deleted: number;
  /** Regions in the source. */
  total: number;
  ms: number;
}

/** The stored records for rows, with each region's number of direct children. */
export function toRegionRecords(rows: RegionRow[]): RegionRecord[] {
  const childCount = new Map<string, number>();
  for (const r of rows) if (r.parentCode) childCount.set(r.parentCode, (childCount.get(r.parentCode) ?? 0) + 1);
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    displayName: r.displayName,
    level: r.level,
    parentCode: r.parentCode,
    pinyin: r.pinyin,
    initials: r.initials,
    childCount: childCount.get(r.code) ?? 0,
  }));
}

const FIELDS = ['name', 'displayName', 'level', 'parentCode', 'pinyin', 'initials', 'childCount'] as const;

function sameRecord(a: RegionRecord, b: StoredRegion): boolean {
  return FIELDS.every((f) => (a[f] ?? null) === (b[f] ?? null));
}

function sha256(...parts: string[]): string {
  const h = crypto.createHash('sha256');
  for (const p of parts) h.update(p).update('\0');
  return h.digest('hex');
}

/** Writes ops in unordered batches; returns how many documents were upserted, modified and deleted. */
async function writeInBatches(ops: mongoose.mongo.AnyBulkWriteOperation<StoredRegion>[]) {
  const n = { upserted: 0, modified: 0, deleted: 0 };
  for (let i = 0; i < ops.length; i += WRITE_BATCH) {
    const r = await regionCollection().bulkWrite(ops.slice(i, i + WRITE_BATCH), { ordered: false });
    n.upserted += r.upsertedCount;
    n.modified += r.modifiedCount;
    n.deleted += r.deletedCount;
  }
  return n;
}

/**
 * True when the first and the last region of the last run are still there: a cheap check (two `_id`
 * lookups) that the collection was not dropped or emptied behind the meta document's back. Counting
 * would read every document on FerretDB (seconds).
 */
async function sentinelsPresent(first?: string | null, last?: string | null): Promise<boolean> {
  if (!first || !last) return false;
  const found = await Promise.all([first, last].map((_id) => regionCollection().findOne({ _id }, { projection: { _id: 1 } })));
  return found.every(Boolean);
}

/**
 * Puts the region tree in the database, idempotently. When the source's hash equals the one stored by
 * the last complete run (and its first and last regions are still there) nothing else is read or written.
 * Otherwise the stored tree is read once: an empty collection is filled with unordered `insertMany`
 * batches, and an existing one is compared row by row: only new or changed regions are upserted (by
 * `_id` = code) and codes no longer in the source are deleted. The meta document is written last, so
 * an interrupted run (no transactions on FerretDB) is redone next time.
 */
export async function seedRegions(source: RegionSeedSource = {}): Promise<RegionSeedResult> {
  const started = Date.now();
  const file = source.file ?? defaultRegionsFile();
  const text = source.rows ? undefined : fs.readFileSync(file, 'utf8');
  const hash = sha256(SEED_FORMAT, text ?? JSON.stringify(source.rows));
  const meta = await RegionMetaModel.findById(META_ID).lean();
  if (!source.force && meta?.hash === hash && (await sentinelsPresent(meta.first, meta.last))) {
    return { skipped: true, inserted: 0, updated: 0, deleted: 0, total: meta.count, ms: Date.now() - started };
  }

  const records = toRegionRecords(source.rows ?? parseRegionRows(text!, file));
  // One full read (seconds on FerretDB) tells what is there; an empty collection gets the fast path.
  const existing = new Map<string, StoredRegion>();
  for await (const d of regionCollection().find({}, { batchSize: 30_000 })) existing.set(d._id, d);
  let inserted = 0;
  let updated = 0;
  let deleted = 0;
  if (existing.size === 0) {
    for (let i = 0; i < records.length; i += INSERT_BATCH) {
      const batch = records.slice(i, i + INSERT_BATCH).map((rec) => ({ _id: rec.code, ...rec }));
      inserted += (await regionCollection().insertMany(batch, { ordered: false })).insertedCount;
    }
  } else {
    const upserts: mongoose.mongo.AnyBulkWriteOperation<StoredRegion>[] = [];
    for (const rec of records) {
      const old = existing.get(rec.code);
      existing.delete(rec.code);
      if (old && old.code === rec.code && sameRecord(rec, old)) continue;
      upserts.push({ updateOne: { filter: { _id: rec.code }, update: { $set: rec }, upsert: true } });
    }
    // What is left is gone from the source, or stored under another `_id` by an older seed format; it is
    // deleted first (one by one by `_id`, pushed down on FerretDB) so the upserts cannot collide with it
    // on the unique `code` index.
    const deletes = [...existing.keys()].map((id) => ({ deleteOne: { filter: { _id: id } } }));
    deleted = (await writeInBatches(deletes)).deleted;
    const w = await writeInBatches(upserts);
    inserted = w.upserted;
    updated = w.modified;
  }
  const first = records[0]?.code ?? '';
  const last = records[records.length - 1]?.code ?? '';
  await RegionMetaModel.updateOne(
    { _id: META_ID },
    { $set: { hash, count: records.length, first, last, seededAt: new Date() } },
    { upsert: true },
  );
  if (inserted || updated || deleted) invalidateRegionDirectory();
  return { skipped: false, inserted, updated, deleted, total: records.length, ms: Date.now() - started };
}

/** Start-up seed: the Zhejiang region tree from server/data/regions-zhejiang.tsv. */
export const regionsSeed: Seed = {
  name: 'regions',
  async run({ logger }) {
    const r = await seedRegions();
    logger.info({ ...r }, r.skipped ? 'regions unchanged' : 'regions seeded');
  },
};
