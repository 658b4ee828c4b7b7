import mongoose from '../../db/mongoose';
import { REGION_LEVELS } from '@gongkai/shared';
import type { RegionRecord } from './directory';

/*
 * Regions are reference data written only by the seed (see seed.ts) and read once at start-up into the
 * in-memory RegionDirectory. Only plain features FerretDB 1.x has are used: a unique index on `code`,
 * a plain index on `parentCode`, upserts and deletes (no transactions, $lookup or $text). Reading the
 * whole collection takes seconds on FerretDB, so requests never query it: they use the directory.
 */
const regionSchema = new mongoose.Schema(
  {
    /**
     * The code again: FerretDB 1.x (SQLite) uses an index only for `_id` equality, so a look-up by `_id`
     * takes milliseconds where one by `code` scans the collection (close to a second for 27k rows).
     */
    _id: { type: String },
    /** NBS 2023 code (2/4/6/9/12 digits). */
    code: { type: String, required: true, unique: true },
    /** Name as published by NBS (e.g. 古庄村委会). */
    name: { type: String, required: true },
    /** Name without committee noise (e.g. 古庄村); equals `name` above village level. */
    displayName: { type: String, required: true },
    level: { type: String, enum: REGION_LEVELS, required: true },
    /** Null for the province. */
    parentCode: { type: String, default: null, index: true },
    /** Toneless pinyin of `displayName`, lowercase, no separators (ouhaiqu). */
    pinyin: { type: String, required: true },
    /** First letters of the pinyin syllables (ohq). */
    initials: { type: String, required: true },
    /** Number of direct children. */
    childCount: { type: Number, required: true, default: 0 },
  },
  { collection: 'regions', versionKey: false },
);

/** The Zhejiang region tree, one document per region. */
export const RegionModel = mongoose.model('Region', regionSchema);
export type RegionDoc = mongoose.InferSchemaType<typeof regionSchema>;

/** A region document as stored: the record plus `_id` (= code). */
export type StoredRegion = RegionRecord & { _id: string };

/** The regions collection through the driver, typed (bulk reads and writes skip mongoose hydration). */
export function regionCollection(): mongoose.mongo.Collection<StoredRegion> {
  return RegionModel.collection as unknown as mongoose.mongo.Collection<StoredRegion>;
}

const regionMetaSchema = new mongoose.Schema(
  {
    _id: { type: String },
    /** sha256 of the seed's source (format version + data) last written completely. */
    hash: { type: String, required: true },
    count: { type: Number, required: true },
    /** First and last code written: looked up by `_id` to notice a dropped collection cheaply. */
    first: { type: String },
    last: { type: String },
    seededAt: { type: Date, required: true },
  },
  { collection: 'region_meta', versionKey: false },
);

/**
 * One small document recording what the last complete region seed wrote. It is written last, so a seed
 * interrupted half-way (FerretDB has no transactions) leaves the old hash and is redone on the next start.
 */
export const RegionMetaModel = mongoose.model('RegionMeta', regionMetaSchema);
