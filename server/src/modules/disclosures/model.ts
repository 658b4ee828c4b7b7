import {
  CATALOGUE_LEVELS,
  DISCLOSURE_STATUSES,
  DOMAIN_KEYS,
  WORKING_STATES,
  type AdminRole,
  type CatalogueLevel,
  type DisclosureContent,
  type DisclosureStatus,
  type DomainKey,
  type WorkingState,
} from '@gongkai/shared';
import mongoose from '../../db/mongoose';
import type { PublicVersion } from './chain';

/*
 * Three collections, shaped for FerretDB (only `{ _id }` lookups are fast; see .team/README):
 *
 *  - `disclosures`: one SMALL document per disclosure (no body, no tables): where it belongs, its status, a
 *    pointer to the current published version (`pub`, with the list fields residents see), the working
 *    copy's summary (`working`), timeliness (`dueAt`, `late`) and back-links. The in-memory index
 *    (memory.ts) is built from this collection alone, so rebuilding it reads no content.
 *  - `disclosure_drafts`: the working copy's full content, `_id` = the disclosure's id (at most one).
 *  - `disclosure_versions`: every published version, immutable, `_id` = `<disclosureId>:<version>`, holding
 *    the content as authored (`content`, for officials) and the masked public snapshot that is hashed
 *    (`public`, see chain.ts), with `prevHash`/`hash`.
 *
 * The service writes with the driver (exact JSON, no casting of user-keyed table rows) and always by `_id`
 * alone; the mongoose schemas below document the shapes and declare the indexes a real MongoDB would use.
 */

/** Who did something. */
export interface Actor {
  id: string;
  username: string;
}

/** An approving official, with what the audit log needs. */
export interface Approver extends Actor {
  role: AdminRole;
  regionCode: string;
}

/** The current published version as the list shows it (on `disclosures.pub`). */
export interface PublishedPointer {
  version: number;
  title: string;
  stage: DisclosureRecord['stage'];
  publishedAt: Date;
  validFrom?: Date;
  validTo?: Date;
  hash: string;
  /** relatedIds declared by this version. */
  relatedIds: string[];
}

/** Summary of the working copy (full content in `disclosure_drafts`). */
export interface WorkingSummary {
  version: number;
  state: WorkingState;
  title: string;
  /** Due date of this copy; set before the first publication, or when a next version changes the event date. */
  dueAt?: Date;
  publishAt?: Date;
  authors: Actor[];
  updatedAt: Date;
}

/** A document of `disclosures`. */
export interface DisclosureRecord {
  _id: mongoose.Types.ObjectId;
  regionCode: string;
  regionName: string;
  level: CatalogueLevel;
  /** The region and its ancestors (scope queries on a real MongoDB). */
  scopeCodes: string[];
  domain: DomainKey;
  catalogueItemId: string;
  catalogueVersion: number;
  /** Stage of the version residents see (or of the working copy before publication). */
  stage: DisclosureContent['stage'];
  status: DisclosureStatus;
  createdBy: Actor;
  createdAt: Date;
  updatedAt: Date;
  pub?: PublishedPointer;
  firstPublishedAt?: Date;
  /** Due date of the first publication (working days from the event date; see timeliness.ts). */
  dueAt?: Date;
  /** First published after `dueAt`. */
  late: boolean;
  working?: WorkingSummary;
  /** Published disclosures that declared a link to this one. */
  linkedFrom: string[];
  withdrawal?: { reason: string; at: Date; by: Actor; version: number };
}

/** A document of `disclosure_drafts`. */
export interface DraftRecord {
  _id: mongoose.Types.ObjectId;
  version: number;
  state: WorkingState;
  content: DisclosureContent;
  authors: Actor[];
  dueAt?: Date;
  publishAt?: Date;
  /** The reviewer who approved a scheduled publication (audited as the publisher when the job runs). */
  approvedBy?: Approver;
  returned?: { comment: string; at: Date; by: Actor };
  updatedAt: Date;
}

/** A document of `disclosure_versions`. */
export interface VersionRecord {
  _id: string;
  disclosureId: string;
  version: number;
  content: DisclosureContent;
  public: PublicVersion;
  prevHash: string;
  hash: string;
  publishedAt: Date;
  approvedBy: Approver;
  authors: Actor[];
  dueAt?: Date;
  late: boolean;
}

const actor = new mongoose.Schema({ id: String, username: String }, { _id: false });

const disclosureSchema = new mongoose.Schema(
  {
    regionCode: { type: String, required: true, index: true },
    regionName: { type: String, required: true },
    level: { type: String, enum: CATALOGUE_LEVELS, required: true },
    scopeCodes: { type: [String], index: true },
    domain: { type: String, enum: DOMAIN_KEYS, required: true },
    catalogueItemId: { type: String, required: true, index: true },
    catalogueVersion: { type: Number, required: true },
    stage: { type: String, required: true },
    status: { type: String, enum: DISCLOSURE_STATUSES, required: true, index: true },
    createdBy: { type: actor, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    pub: { type: mongoose.Schema.Types.Mixed, default: undefined },
    firstPublishedAt: Date,
    dueAt: Date,
    late: { type: Boolean, default: false },
    working: { type: mongoose.Schema.Types.Mixed, default: undefined },
    linkedFrom: { type: [String], default: [] },
    withdrawal: { type: mongoose.Schema.Types.Mixed, default: undefined },
  },
  { collection: 'disclosures', versionKey: false },
);

/** One small document per disclosure. */
export const DisclosureModel = mongoose.model('Disclosure', disclosureSchema);

const draftSchema = new mongoose.Schema(
  {
    version: Number,
    state: { type: String, enum: WORKING_STATES },
    content: mongoose.Schema.Types.Mixed,
    authors: [actor],
    dueAt: Date,
    publishAt: Date,
    approvedBy: mongoose.Schema.Types.Mixed,
    returned: mongoose.Schema.Types.Mixed,
    updatedAt: Date,
  },
  { collection: 'disclosure_drafts', versionKey: false },
);

/** The working copy of a disclosure (`_id` = the disclosure's id). */
export const DisclosureDraftModel = mongoose.model('DisclosureDraft', draftSchema);

const versionSchema = new mongoose.Schema(
  {
    _id: String,
    disclosureId: { type: String, required: true },
    version: { type: Number, required: true },
    content: mongoose.Schema.Types.Mixed,
    public: mongoose.Schema.Types.Mixed,
    prevHash: { type: String, required: true },
    hash: { type: String, required: true },
    publishedAt: { type: Date, required: true },
    approvedBy: mongoose.Schema.Types.Mixed,
    authors: [actor],
    dueAt: Date,
    late: Boolean,
  },
  { collection: 'disclosure_versions', versionKey: false },
);
versionSchema.index({ disclosureId: 1, version: 1 }, { unique: true });
// Published versions are immutable: no code path may change or delete one (verify would catch it anyway).
const refuse = function () {
  throw new Error('published disclosure versions cannot be modified or deleted');
};
for (const op of ['updateOne', 'updateMany', 'findOneAndUpdate', 'findOneAndReplace', 'replaceOne', 'deleteOne', 'deleteMany', 'findOneAndDelete'] as const) {
  versionSchema.pre(op, refuse);
}

/** Every published version (append-only). */
export const DisclosureVersionModel = mongoose.model('DisclosureVersion', versionSchema);

const metaSchema = new mongoose.Schema({ _id: String, gen: Number }, { collection: 'disclosure_meta', versionKey: false });

/** `{ _id: 'index', gen }`: bumped on every disclosure write so other processes notice their index is stale. */
export const DisclosureMetaModel = mongoose.model('DisclosureMeta', metaSchema);

/**
 * Snapshots of the in-memory index (snapshot.ts): `{ _id: 'snapshot', gen, chunks, count, at }` and chunks
 * `{ _id: 'snap:<gen>:<k>', data }` (a JSON string of encoded entries), so a restart reads ~50 documents by
 * `_id` instead of scanning every disclosure.
 */
export const snapshots = () => mongoose.connection.collection('disclosure_index') as unknown as mongoose.mongo.Collection<{ _id: string; [k: string]: unknown }>;
/** One document per write, `{ _id: gen, ids }`: what changed at each generation (pruned after a snapshot). */
export const changeLog = () => mongoose.connection.collection('disclosure_index_log') as unknown as mongoose.mongo.Collection<{ _id: number; ids: string[]; at: Date }>;

/** The `_id` of a version document. */
export const versionKey = (disclosureId: string, version: number) => `${disclosureId}:${version}`;

/* Typed driver collections (the service's only way to read and write). */
export const disclosures = () => DisclosureModel.collection as unknown as mongoose.mongo.Collection<DisclosureRecord>;
export const drafts = () => DisclosureDraftModel.collection as unknown as mongoose.mongo.Collection<DraftRecord>;
export const versions = () => DisclosureVersionModel.collection as unknown as mongoose.mongo.Collection<VersionRecord>;
export const meta = () => DisclosureMetaModel.collection as unknown as mongoose.mongo.Collection<{ _id: string; gen: number }>;

/** Drops `undefined` members recursively, so stored documents and hashed JSON agree (the driver would write null). */
export function clean<T>(v: T): T {
  if (Array.isArray(v)) return v.map(clean) as T;
  if (v && typeof v === 'object' && !(v instanceof Date) && !(v instanceof mongoose.Types.ObjectId)) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = clean(x);
    return out as T;
  }
  return v;
}
