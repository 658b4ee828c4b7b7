import crypto from 'crypto';
import type { FeedbackCreated, FeedbackSubmitBody } from '@gongkai/shared';
import mongoose from '../../db/mongoose';
import type { ResidentCaller } from '../../http/auth';
import { conflict } from '../../http/errors';
import { toShanghaiIso } from '../../workdays';
import { withLock } from '../disclosures/lock';
import { initialDueAt } from './deadlines';
import { attachImages, claimableImages } from './images';
import { recordWritten } from './index-store';
import { clean, feedback, residentIndex, type FeedbackRecord } from './model';
import { resolveTarget, scopeCodesFor, type FeedbackDeps } from './routing';
import { nextTrackingNo } from './tracking';
import { summaryOf } from './views';

/*
 * Submission with idempotency. With an Idempotency-Key the item's `_id` is derived from (resident, key), so
 * retries — sequential or 100 at once — all address one document: the first insert wins, every other request
 * gets a duplicate-key error and reads the winner by `_id`. Without a key each submission gets a fresh id.
 *
 * The tracking number is taken only by the winner, after its insert, so retries never burn numbers; the
 * winner finishes the item (number, image attachment, the resident's list) under the item's lock, and a
 * loser waits on the same lock, so it answers with the number too. If a process died between the insert and
 * the number, the next retry finishes the item.
 */

/** Options of a submission. */
export interface SubmitOptions {
  idempotencyKey?: string;
  /** Receipt time (tests); default now. */
  now?: Date;
  /** Called once it is certain a new item will be created (rate limits count here, never on replays). */
  beforeCreate?: () => void;
}

/** The result: `created` false when the key was seen before (HTTP 200 instead of 201). */
export interface SubmitResult {
  created: boolean;
  item: FeedbackCreated;
}

/** JSON with object keys sorted, so equal submissions hash equally. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

/** The `_id` of the submission a resident makes under an Idempotency-Key. */
export function idForKey(residentId: string, key: string): mongoose.Types.ObjectId {
  const hex = crypto.createHash('sha256').update(`feedback\0${residentId}\0${key}`).digest('hex').slice(0, 24);
  return new mongoose.Types.ObjectId(hex);
}

const createdView = (r: FeedbackRecord): FeedbackCreated => ({
  id: String(r._id),
  trackingNo: r.trackingNo ?? '',
  status: r.status,
  dueAt: toShanghaiIso(r.dueAt),
});

/** Gives a stored item its tracking number, attaches its images and lists it for its resident (once). */
async function finish(id: mongoose.Types.ObjectId): Promise<FeedbackRecord> {
  return withLock(`feedback:${id}`, async () => {
    const rec = await feedback().findOne({ _id: id });
    if (!rec) throw new Error(`feedback ${id} vanished`);
    if (rec.trackingNo) return rec;
    const trackingNo = await nextTrackingNo(rec.type, rec.receivedAt);
    await attachImages(rec.images, String(id));
    await residentIndex().updateOne({ _id: rec.residentId }, { $addToSet: { ids: String(id) } }, { upsert: true });
    // Last: a stored number means the item is complete.
    await feedback().updateOne({ _id: id }, { $set: { trackingNo } });
    const done = { ...rec, trackingNo };
    await recordWritten(done);
    return done;
  });
}

/** The stored item for a replayed key: the same submission, or 409 when the key was used for other content. */
async function replay(rec: FeedbackRecord, residentId: string, hash: string): Promise<SubmitResult> {
  if (rec.residentId !== residentId || rec.requestHash !== hash) {
    throw conflict('该 Idempotency-Key 已用于另一条内容不同的提交，请为新的提交生成新的 Idempotency-Key');
  }
  const done = rec.trackingNo ? rec : await finish(rec._id);
  return { created: false, item: createdView(done) };
}

/**
 * Submits a question, suggestion or request for a resident: validates what it is about, routes it, stores
 * it as `received` with its deadline and returns `{ id, trackingNo, status, dueAt }`. The same key again
 * returns the same submission (`created: false`).
 */
export async function submitFeedback(deps: FeedbackDeps, resident: Pick<ResidentCaller, 'id'>, body: FeedbackSubmitBody, opts: SubmitOptions = {}): Promise<SubmitResult> {
  const hash = crypto.createHash('sha256').update(canonical(body)).digest('hex');
  const key = opts.idempotencyKey;
  const _id = key ? idForKey(resident.id, key) : new mongoose.Types.ObjectId();
  if (key) {
    const seen = await feedback().findOne({ _id });
    if (seen) return replay(seen, resident.id, hash);
  }
  const target = await resolveTarget(deps, body);
  const imgs = await claimableImages(resident.id, body.images ?? [], String(_id));
  opts.beforeCreate?.();
  const now = opts.now ?? new Date();
  const rec: FeedbackRecord = {
    _id,
    type: body.type,
    status: 'received',
    residentId: resident.id,
    idempotencyKey: key ?? `auto#${_id}`, // `#` is not allowed in client keys
    requestHash: hash,
    ...target,
    scopeCodes: scopeCodesFor(target.assignedRegion),
    content: body.content,
    summary: summaryOf(body.content),
    request: body.request,
    images: imgs,
    contact: body.contact,
    public: body.public,
    receivedAt: now,
    dueAt: initialDueAt(body.type, now),
    timeline: [{ at: now, action: 'received', status: 'received', regionCode: target.assignedRegion }],
    updatedAt: now,
  };
  try {
    await feedback().insertOne(clean(rec));
  } catch (err) {
    if ((err as { code?: number }).code !== 11000) throw err;
    const winner = await feedback().findOne({ _id });
    if (!winner) throw err;
    return replay(winner, resident.id, hash);
  }
  return { created: true, item: createdView(await finish(_id)) };
}
