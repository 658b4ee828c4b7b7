import {
  FEEDBACK_DELIVERY_METHODS,
  FEEDBACK_STATUSES,
  FEEDBACK_TYPES,
  type FeedbackDelivery,
  type FeedbackImageType,
  type FeedbackRatingScore,
  type FeedbackStatus,
  type FeedbackType,
} from '@gongkai/shared';
import mongoose from '../../db/mongoose';

/*
 * Collections of the feedback module, shaped for FerretDB (only `{ _id }` filters use an index; see
 * .team/README and docs/feedback.md):
 *
 *  - `feedback`: one document per submission. `_id` is derived from (resident, Idempotency-Key) when a key is
 *    sent, so a retried submission collides on `_id` and the loser reads the winner (no scan, no duplicate).
 *    Every write is by `_id` alone, under the item's in-process lock (lock.ts of disclosures).
 *  - `feedback_counters`: `{ _id: 'ZX-20261129', seq }`, the per-type, per-day tracking number counter ($inc).
 *  - `feedback_residents`: `{ _id: residentId, ids }`, a resident's items in submission order, so "my
 *    feedback" reads one document by `_id` and then each item by `_id`.
 *  - `feedback_public`: the anonymized, masked snapshot of every answered public item (what the public Q&A
 *    shows, nothing else); small, read whole into memory by public.ts.
 *  - `feedback_images`: uploaded images' metadata (the bytes are files under the data folder).
 * The mongoose schemas document the shapes and declare the indexes a real MongoDB would use; the service
 * reads and writes through the typed driver collections at the bottom.
 */

/** An official as recorded on an item. */
export interface OfficialRef {
  id: string;
  username: string;
  displayName: string;
}

/** One step of an item's history. */
export interface TimelineRecord {
  at: Date;
  action: 'received' | 'accepted' | 'reassigned' | 'extended' | 'answered' | 'rejected' | 'closed' | 'rated';
  status: FeedbackStatus;
  /** The responsible body (assignedRegion) after the step. */
  regionCode: string;
  note?: string;
  by?: OfficialRef;
}

/** An image attached to an item. */
export interface ImageRef {
  id: string;
  mime: FeedbackImageType;
  size: number;
}

/** A document of `feedback`. */
export interface FeedbackRecord {
  _id: mongoose.Types.ObjectId;
  /** Set right after the insert (see submit.ts); absent only for an instant. */
  trackingNo?: string;
  type: FeedbackType;
  status: FeedbackStatus;
  residentId: string;
  /** The client's Idempotency-Key, or `auto#<id>` when none was sent (`#` cannot occur in a client key). */
  idempotencyKey: string;
  /** sha256 of the submitted fields: the same key with different content is refused. */
  requestHash: string;
  /** The region the item is about (the resident's village, normally). */
  regionCode: string;
  /** The region its public Q&A belongs to: the disclosure's region when about a disclosure, else regionCode. */
  publicRegion: string;
  /** The responsible body (see routing.ts). */
  assignedRegion: string;
  /** assignedRegion and its ancestors: `{ scopeCodes: callerRegion }` is the inbox of a scope. */
  scopeCodes: string[];
  disclosureId?: string;
  catalogueItemId?: string;
  content: string;
  /** The first 40 characters of `content` on one line (lists and the in-memory index use it). */
  summary: string;
  request?: { purpose: string; delivery: FeedbackDelivery; address?: string };
  images: ImageRef[];
  contact?: string;
  public: boolean;
  receivedAt: Date;
  /** The current deadline (with an extension). */
  dueAt: Date;
  extension?: { workingDays: number; reason: string; at: Date; previousDueAt: Date; by: OfficialRef };
  acceptedAt?: Date;
  answer?: { text: string; public: boolean; at: Date; by: OfficialRef; regionCode: string };
  rejection?: { reason: string; at: Date; by: OfficialRef };
  closedAt?: Date;
  rating?: { score: FeedbackRatingScore; comment?: string; at: Date };
  timeline: TimelineRecord[];
  updatedAt: Date;
}

/** A document of `feedback_public`: exactly what the public may see. */
export interface PublicRecord {
  _id: string;
  type: FeedbackType;
  regionCode: string;
  disclosureId?: string;
  catalogueItemId?: string;
  /** Masked. */
  content: string;
  askedAt: Date;
  answer: { text: string; at: Date; regionCode: string };
}

/** A document of `feedback_images`. */
export interface ImageRecord {
  _id: mongoose.Types.ObjectId;
  residentId: string;
  mime: FeedbackImageType;
  size: number;
  sha256: string;
  /** The item it is attached to; '' until submitted (explicit value: FerretDB and null filters don't mix). */
  feedbackId: string;
  createdAt: Date;
}

const Mixed = mongoose.Schema.Types.Mixed;

const feedbackSchema = new mongoose.Schema(
  {
    trackingNo: { type: String, index: true },
    type: { type: String, enum: FEEDBACK_TYPES, required: true },
    status: { type: String, enum: FEEDBACK_STATUSES, required: true, index: true },
    residentId: { type: String, required: true },
    idempotencyKey: { type: String, required: true },
    requestHash: { type: String, required: true },
    regionCode: { type: String, required: true },
    publicRegion: { type: String, required: true },
    assignedRegion: { type: String, required: true },
    scopeCodes: { type: [String], index: true },
    disclosureId: { type: String, index: true },
    catalogueItemId: String,
    content: { type: String, required: true },
    summary: { type: String, required: true },
    request: Mixed,
    images: Mixed,
    contact: String,
    public: { type: Boolean, required: true },
    receivedAt: { type: Date, required: true },
    dueAt: { type: Date, required: true, index: true },
    extension: Mixed,
    acceptedAt: Date,
    answer: Mixed,
    rejection: Mixed,
    closedAt: Date,
    rating: Mixed,
    timeline: Mixed,
    updatedAt: Date,
  },
  { collection: 'feedback', versionKey: false },
);
// One submission per (resident, Idempotency-Key). The derived `_id` enforces it on FerretDB (which answers
// only `_id` look-ups quickly); this index states it for a real MongoDB and catches a mismatch.
feedbackSchema.index({ residentId: 1, idempotencyKey: 1 }, { unique: true });

export const FeedbackModel = mongoose.model('Feedback', feedbackSchema);

const counterSchema = new mongoose.Schema({ _id: String, seq: Number }, { collection: 'feedback_counters', versionKey: false });
export const FeedbackCounterModel = mongoose.model('FeedbackCounter', counterSchema);

const residentIndexSchema = new mongoose.Schema({ _id: String, ids: [String] }, { collection: 'feedback_residents', versionKey: false });
export const FeedbackResidentIndexModel = mongoose.model('FeedbackResidentIndex', residentIndexSchema);

const publicSchema = new mongoose.Schema(
  {
    _id: String,
    type: String,
    regionCode: { type: String, index: true },
    disclosureId: { type: String, index: true },
    catalogueItemId: String,
    content: String,
    askedAt: Date,
    answer: Mixed,
  },
  { collection: 'feedback_public', versionKey: false },
);
export const FeedbackPublicModel = mongoose.model('FeedbackPublic', publicSchema);

const imageSchema = new mongoose.Schema(
  {
    residentId: { type: String, required: true },
    mime: { type: String, required: true },
    size: { type: Number, required: true },
    sha256: { type: String, required: true },
    feedbackId: { type: String, default: '', index: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'feedback_images', versionKey: false },
);
export const FeedbackImageModel = mongoose.model('FeedbackImage', imageSchema);

/* Typed driver collections (the service's only way to read and write). */
type Coll<T extends mongoose.mongo.Document> = mongoose.mongo.Collection<T>;
export const feedback = () => FeedbackModel.collection as unknown as Coll<FeedbackRecord>;
export const counters = () => FeedbackCounterModel.collection as unknown as Coll<{ _id: string; seq: number }>;
export const residentIndex = () => FeedbackResidentIndexModel.collection as unknown as Coll<{ _id: string; ids: string[] }>;
export const publicItems = () => FeedbackPublicModel.collection as unknown as Coll<PublicRecord>;
export const images = () => FeedbackImageModel.collection as unknown as Coll<ImageRecord>;

/** Drops `undefined` members recursively (the driver would store them as null). */
export function clean<T>(v: T): T {
  if (Array.isArray(v)) return v.map(clean) as T;
  if (v && typeof v === 'object' && !(v instanceof Date) && !(v instanceof mongoose.Types.ObjectId)) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = clean(x);
    return out as T;
  }
  return v;
}

/** The ObjectId of a 24-hex id, or undefined for anything else. */
export function oid(id: string): mongoose.Types.ObjectId | undefined {
  return /^[0-9a-f]{24}$/i.test(id) ? new mongoose.Types.ObjectId(id) : undefined;
}
