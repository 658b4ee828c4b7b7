import {
  AUDIENCES,
  CATALOGUE_LEVELS,
  CATALOGUE_VERSION_SOURCES,
  CHANNELS,
  DISCLOSURE_MODES,
  DISCLOSURE_STAGES,
  DOMAIN_KEYS,
  TIME_LIMIT_RULE_KINDS,
} from '@gongkai/shared';
import mongoose from '../../db/mongoose';

/*
 * The catalogue is stored twice over:
 *  - `catalogue_items`: one document per item holding its CURRENT version. `_id` is the item's stable id
 *    (the contract's `id`), `code` its stable human code; `version` counts up on every content change.
 *  - `catalogue_versions`: every version ever made, immutable, keyed by (itemId, version). Disclosures store
 *    (catalogueItemId, catalogueVersion) and read the exact content back from here.
 * Only FerretDB-safe features are used: unique indexes, plain queries and single-document updates.
 */

const timeLimitSchema = new mongoose.Schema(
  {
    text: { type: String, required: true },
    workingDays: { type: Number },
    rule: {
      type: new mongoose.Schema(
        { kind: { type: String, enum: TIME_LIMIT_RULE_KINDS, required: true }, days: Number, event: String },
        { _id: false },
      ),
      default: undefined,
    },
    minPostingDays: { type: Number },
  },
  { _id: false },
);

/** The authored content of an item: what a version freezes. */
const contentFields = {
  domain: { type: String, enum: DOMAIN_KEYS, required: true },
  category: { type: String, required: true },
  name: { type: String, required: true },
  contentElements: { type: [String], required: true },
  basis: { type: [String], required: true },
  timeLimit: { type: timeLimitSchema, required: true },
  publisher: { type: String, required: true },
  channels: { type: [String], enum: CHANNELS, required: true },
  otherChannel: { type: String },
  audience: { type: String, enum: AUDIENCES, required: true },
  audienceNote: { type: String },
  mode: { type: String, enum: DISCLOSURE_MODES, required: true },
  levels: { type: [String], enum: CATALOGUE_LEVELS, required: true },
  stages: { type: [String], enum: DISCLOSURE_STAGES, required: true },
};

const itemSchema = new mongoose.Schema(
  {
    code: { type: String, required: true, unique: true },
    ...contentFields,
    version: { type: Number, required: true, min: 1 },
    /** Owner: '33' for province items, a county or township code for local items. */
    regionCode: { type: String, required: true, index: true },
    /** The owner and its ancestors: `{ scopeCodes: R }` finds the items owned in R's subtree. */
    scopeCodes: { type: [String], index: true },
    local: { type: Boolean, required: true },
    active: { type: Boolean, required: true, default: true },
    /** True for items of the authored default catalogue (managed by the seed). */
    isDefault: { type: Boolean, required: true, default: false },
    /** sha256 of the current content (see versions.ts `contentHash`). */
    contentHash: { type: String, required: true },
    /** Default items: hash of the authored content the seed last applied. */
    seedHash: { type: String },
  },
  { collection: 'catalogue_items', versionKey: false, timestamps: true },
);
itemSchema.index({ domain: 1, local: 1 });

/** The current version of every catalogue item. */
export const CatalogueItemModel = mongoose.model('CatalogueItem', itemSchema);
export type CatalogueItemDoc = mongoose.InferSchemaType<typeof itemSchema> & { _id: mongoose.Types.ObjectId };

const versionSchema = new mongoose.Schema(
  {
    itemId: { type: mongoose.Schema.Types.ObjectId, required: true },
    version: { type: Number, required: true, min: 1 },
    code: { type: String, required: true },
    regionCode: { type: String, required: true },
    local: { type: Boolean, required: true },
    ...contentFields,
    contentHash: { type: String, required: true },
    source: { type: String, enum: CATALOGUE_VERSION_SOURCES, required: true },
    author: { type: new mongoose.Schema({ id: String, username: String }, { _id: false }), default: undefined },
    createdAt: { type: Date, required: true, default: () => new Date() },
  },
  { collection: 'catalogue_versions', versionKey: false },
);
versionSchema.index({ itemId: 1, version: 1 }, { unique: true });

// Versions are immutable: once written, no code path may change or delete one.
const refuse = function () {
  throw new Error('catalogue versions cannot be modified or deleted');
};
for (const op of ['updateOne', 'updateMany', 'findOneAndUpdate', 'findOneAndReplace', 'replaceOne', 'deleteOne', 'deleteMany', 'findOneAndDelete'] as const) {
  versionSchema.pre(op, refuse);
}
versionSchema.pre('save', function () {
  if (!this.isNew) throw new Error('catalogue versions cannot be modified');
});

/** Every version of every catalogue item (append-only). */
export const CatalogueVersionModel = mongoose.model('CatalogueVersion', versionSchema);
export type CatalogueVersionDoc = mongoose.InferSchemaType<typeof versionSchema> & { _id: mongoose.Types.ObjectId };

const metaSchema = new mongoose.Schema(
  {
    _id: { type: String },
    /** sha256 of the whole default catalogue (format version + content) last applied completely. */
    hash: { type: String, required: true },
    count: { type: Number, required: true },
    seededAt: { type: Date, required: true },
  },
  { collection: 'catalogue_meta', versionKey: false },
);

/** What the last complete catalogue seed applied; written last, so an interrupted seed is redone. */
export const CatalogueMetaModel = mongoose.model('CatalogueMeta', metaSchema);
