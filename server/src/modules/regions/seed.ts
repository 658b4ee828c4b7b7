import crypto from 'crypto';
import fs from 'fs';
import type { AnyBulkWriteOperation } from 'mongoose';
import type { Seed } from '../../seed';
import { defaultRegionsFile, parseRegionRows, type RegionRow } from './data';
import type { RegionRecord } from './directory';
import { RegionMetaModel, RegionModel } from './model';
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
  /** Compare every row even when the source hash is unchanged. */
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

function sameRecord(a: RegionRecord, b: Record<string, unknown>): boolean {
  return FIELDS.every((f) => (a[f] ?? null) === (b[f] ?? null));
}

function sha256(...parts: string[]): string {
  const h = crypto.createHash('sha256');
  for (const p of parts) h.update(p).update('\0');
  return h.digest('hex');
}

/** Writes ops in batches; returns how many documents were inserted (upserted) and modified. */
async function writeInBatches(ops: AnyBulkWriteOperation[]): Promise<{ upserted: number; modified: number }> {
  let upserted = 0;
  let modified = 0;
  for (let i = 0; i < ops.length; i += WRITE_BATCH) {
    const r = await RegionModel.bulkWrite(ops.slice(i, i + WRITE_BATCH), { ordered: false });
    upserted += r.upsertedCount;
    modified += r.modifiedCount;
  }
  return { upserted, modified };
}

/**
 * Puts the region tree in the database, idempotently. When the source's hash equals the one stored by
 * the last complete run (and the document count agrees) nothing is read or written. Otherwise an empty
 * collection is filled with unordered `insertMany` batches, and an existing one is compared row by row:
 * only new or changed regions are upserted and codes no longer in the source are deleted. The meta
 * document is written last, so an interrupted run (no transactions on FerretDB) is redone next time.
 */
export async function seedRegions(source: RegionSeedSource = {}): Promise<RegionSeedResult> {
  const started = Date.now();
  const file = source.file ?? defaultRegionsFile();
  const text = source.rows ? undefined : fs.readFileSync(file, 'utf8');
  const hash = sha256(SEED_FORMAT, text ?? JSON.stringify(source.rows));
  const [meta, count] = await Promise.all([
    RegionMetaModel.findById(META_ID).lean(),
    RegionModel.collection.countDocuments({}),
  ]);
  if (!source.force && meta?.hash === hash && meta.count === count) {
    return { skipped: true, inserted: 0, updated: 0, deleted: 0, total: count, ms: Date.now() - started };
  }

  const records = toRegionRecords(source.rows ?? parseRegionRows(text!, file));
  let inserted = 0;
  let updated = 0;
  let deleted = 0;
  if (count === 0) {
    for (let i = 0; i < records.length; i += INSERT_BATCH) {
      const r = await RegionModel.collection.insertMany(
        records.slice(i, i + INSERT_BATCH).map((rec) => ({ ...rec })),
        { ordered: false },
      );
      inserted += r.insertedCount;
    }
  } else {
    const existing = new Map<string, Record<string, unknown>>();
    const cursor = RegionModel.collection.find({}, { projection: { _id: 0 }, batchSize: 10_000 });
    for await (const d of cursor) existing.set(String(d.code), d);
    const ops: AnyBulkWriteOperation[] = [];
    for (const rec of records) {
      const old = existing.get(rec.code);
      existing.delete(rec.code);
      if (old && sameRecord(rec, old)) continue;
      const { code, ...fields } = rec;
      ops.push({ updateOne: { filter: { code }, update: { $set: fields }, upsert: true } });
    }
    const w = await writeInBatches(ops);
    inserted = w.upserted;
    updated = w.modified;
    const gone = [...existing.keys()];
    for (let i = 0; i < gone.length; i += WRITE_BATCH) {
      deleted += (await RegionModel.collection.deleteMany({ code: { $in: gone.slice(i, i + WRITE_BATCH) } })).deletedCount;
    }
  }
  await RegionMetaModel.updateOne(
    { _id: META_ID },
    { $set: { hash, count: records.length, seededAt: new Date() } },
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
