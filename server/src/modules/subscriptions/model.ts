import mongoose from '../../db/mongoose';
import { SeqLog } from '../notices/seq-log';

/*
 * Follows and subscribe-message quotas. Every read on a request path is by `_id` (FerretDB scans for any
 * other filter), and documents that several writers touch are avoided (FerretDB updates are not atomic):
 *  - `follows`: one document per follow, `_id` = the follow id (a hash of resident + target, so following the
 *    same thing twice is the same document). Read in full only when a worker builds its follower index.
 *  - `follow_lists`: `_id` = resident id → the resident's follows in order (what GET /me/follows shows) and
 *    every region they ever followed (which events the inbox looks at). Written only by that resident.
 *  - `push_quotas`: `_id` = resident id → one-time quota per template and the last consent result.
 *  - `resident_changes`: an append-only log (SeqLog) of follow/unfollow and quota on/off, which follower
 *    indexes in worker processes tail to stay current without scanning.
 */

const followSchema = new mongoose.Schema(
  {
    _id: { type: String },
    residentId: { type: String, required: true },
    openid: { type: String, required: true },
    regionCode: { type: String, required: true },
    domain: { type: String },
    catalogueItemId: { type: String },
    disclosureId: { type: String },
    createdAt: { type: Date, required: true },
  },
  { collection: 'follows', versionKey: false },
);
followSchema.index({ residentId: 1 });
followSchema.index({ regionCode: 1 });
export const FollowModel = mongoose.model('Follow', followSchema);

/** A follow as stored (and as it travels in the change log). */
export interface FollowRecord {
  _id: string;
  residentId: string;
  openid: string;
  regionCode: string;
  domain?: string;
  catalogueItemId?: string;
  disclosureId?: string;
  createdAt: Date;
}

const followListSchema = new mongoose.Schema(
  {
    _id: { type: String },
    items: { type: mongoose.Schema.Types.Mixed, default: [] },
    interest: { type: [String], default: [] },
  },
  { collection: 'follow_lists', versionKey: false },
);
export const FollowListModel = mongoose.model('FollowList', followListSchema);

/** The follow list document of a resident. */
export interface FollowListRecord {
  _id: string;
  items: FollowRecord[];
  /** Every region the resident ever followed (newest last, capped). */
  interest: string[];
}

const quotaSchema = new mongoose.Schema(
  {
    _id: { type: String },
    /** Remaining one-time messages per template id. */
    quotas: { type: mongoose.Schema.Types.Mixed, default: {} },
    /** Last consent result per template id. */
    last: { type: mongoose.Schema.Types.Mixed, default: {} },
    updatedAt: { type: Date },
  },
  { collection: 'push_quotas', versionKey: false },
);
export const PushQuotaModel = mongoose.model('PushQuota', quotaSchema);

export interface PushQuotaRecord {
  _id: string;
  quotas: Record<string, number>;
  last: Record<string, string>;
  updatedAt?: Date;
}

/** An entry of the resident change log. */
export type ResidentChange =
  | { op: 'follow'; follow: FollowRecord }
  | { op: 'unfollow'; id: string }
  | { op: 'pushable'; residentId: string; templateId: string; on: boolean };

const changeSchema = new mongoose.Schema({ _id: String }, { collection: 'resident_changes', versionKey: false, strict: false });
export const ResidentChangeModel = mongoose.model('ResidentChange', changeSchema);

/** The change log of follows and quotas (tailed by follower indexes). */
export const residentChanges = new SeqLog<ResidentChange>('resident_changes', () => ResidentChangeModel.collection);
