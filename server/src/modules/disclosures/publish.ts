import type { DisclosureContent } from '@gongkai/shared';
import mongoose from '../../db/mongoose';
import { emitDisclosureEvent } from '../../events';
import type { JobQueue } from '../../jobs/queue';
import { toShanghaiIso } from '../../workdays';
import { GENESIS, publicContentOf, versionHash, type DisclosureMeta } from './chain';
import { notifyPublicChange } from './hooks';
import { disclosureIndex, recordWritten } from './index-store';
import {
  clean,
  disclosures,
  drafts,
  versionKey,
  versions,
  type Approver,
  type DisclosureRecord,
  type DraftRecord,
  type VersionRecord,
} from './model';
import { isLate } from './timeliness';

/*
 * The steps that change what residents see: publishing a working copy as the next version, and
 * withdrawing. FerretDB has no transactions, so each step is ordered to be safe if the process dies in
 * between: the immutable version is written first (a retry finds it by `_id` and goes on), then the
 * disclosure's pointer, then the working copy is removed, then links, the index and the event follow.
 * Callers hold the disclosure's lock (lock.ts).
 */

/** The optional members of a disclosure document (unset when absent). */
const OPTIONAL: Array<keyof DisclosureRecord> = ['pub', 'firstPublishedAt', 'dueAt', 'working', 'withdrawal'];

/**
 * Stores a disclosure document by `_id` alone: every field but `linkedFrom` (changed only atomically by
 * `relink`), optional members unset when absent. Returns the stored document and updates the index.
 */
export async function saveRecord(next: DisclosureRecord): Promise<DisclosureRecord> {
  const { _id, linkedFrom: _links, ...rest } = next;
  const $unset: Record<string, 1> = Object.fromEntries(OPTIONAL.filter((k) => next[k] === undefined).map((k) => [k, 1 as const]));
  const stored = await disclosures().findOneAndUpdate(
    { _id },
    { $set: clean(rest), ...(Object.keys($unset).length ? { $unset } : {}) },
    { returnDocument: 'after' },
  );
  if (!stored) throw new Error(`disclosure ${String(_id)} vanished while being written`);
  await recordWritten(stored);
  return stored;
}

/** Adds or removes back-links (`linkedFrom`) on the targets of a disclosure's declared links. */
async function relink(id: string, before: readonly string[], after: readonly string[]): Promise<void> {
  const added = after.filter((x) => !before.includes(x));
  const removed = before.filter((x) => !after.includes(x));
  const changes = [
    ...added.map((t) => [t, { $addToSet: { linkedFrom: id } }] as const),
    ...removed.map((t) => [t, { $pull: { linkedFrom: id } }] as const),
  ];
  for (const [target, update] of changes) {
    if (!/^[0-9a-f]{24}$/.test(target)) continue;
    const doc = await disclosures().findOneAndUpdate({ _id: new mongoose.Types.ObjectId(target) }, update, { returnDocument: 'after' });
    if (doc) await recordWritten(doc);
  }
}

/** The fixed part of a disclosure's public content. */
export function metaOf(rec: DisclosureRecord): DisclosureMeta {
  return {
    disclosureId: String(rec._id),
    regionCode: rec.regionCode,
    regionName: rec.regionName,
    level: rec.level,
    domain: rec.domain,
    catalogueItemId: rec.catalogueItemId,
    catalogueVersion: rec.catalogueVersion,
  };
}

/** Links of a working copy that can be published: other disclosures residents can currently see. */
export async function publishableLinks(id: string, content: DisclosureContent): Promise<string[]> {
  const index = await disclosureIndex();
  return content.relatedIds.filter((r) => r !== id && index.isPublished(r));
}

/**
 * Publishes the working copy `draft` of `rec` as its next version at `now`: stores the immutable version
 * (public content, hash chained to the previous version), points the disclosure at it, removes the working
 * copy, links related disclosures both ways, updates the index and emits the `published` (first version)
 * or `updated` event. Returns the stored disclosure.
 */
export async function publishDraft(
  jobs: JobQueue,
  rec: DisclosureRecord,
  draft: DraftRecord,
  approvedBy: Approver,
  now: Date = new Date(),
): Promise<DisclosureRecord> {
  const id = String(rec._id);
  const version = draft.version;
  const key = versionKey(id, version);
  let v = await versions().findOne({ _id: key });
  if (!v) {
    const content = clean({ ...draft.content, relatedIds: await publishableLinks(id, draft.content) });
    const pub = clean(publicContentOf(metaOf(rec), content, version, now));
    const prevHash = rec.pub?.hash ?? GENESIS;
    const record: VersionRecord = clean({
      _id: key,
      disclosureId: id,
      version,
      content,
      public: pub,
      prevHash,
      hash: versionHash(pub, prevHash),
      publishedAt: now,
      approvedBy,
      authors: draft.authors,
      dueAt: draft.dueAt,
      late: isLate(draft.dueAt, now),
    });
    await versions().insertOne(record);
    v = record;
  }
  const first = version === 1;
  const content = v.content;
  const next: DisclosureRecord = {
    ...rec,
    status: 'published',
    stage: content.stage,
    pub: clean({
      version,
      title: v.public.title,
      stage: content.stage,
      publishedAt: v.publishedAt,
      validFrom: content.validFrom ? new Date(content.validFrom) : undefined,
      validTo: content.validTo ? new Date(content.validTo) : undefined,
      hash: v.hash,
      relatedIds: content.relatedIds,
    }),
    firstPublishedAt: rec.firstPublishedAt ?? v.publishedAt,
    dueAt: first ? draft.dueAt : rec.dueAt,
    late: first ? v.late : rec.late,
    working: undefined,
    updatedAt: now,
  };
  const stored = await saveRecord(next);
  await drafts().deleteOne({ _id: rec._id });
  await relink(id, rec.pub?.relatedIds ?? [], content.relatedIds);
  await notifyPublicChange({ kind: first ? 'published' : 'updated', disclosureId: id, version, regionCode: rec.regionCode, public: v.public });
  await emitDisclosureEvent(jobs, {
    kind: first ? 'published' : 'updated',
    disclosureId: id,
    version,
    regionCode: rec.regionCode,
    domain: rec.domain,
    catalogueItemId: rec.catalogueItemId,
    title: v.public.title,
    at: toShanghaiIso(v.publishedAt),
  });
  return stored;
}

/**
 * Withdraws a published disclosure: residents get 404 from now on, every published version stays in the
 * chain, a working copy is discarded, its links are removed and the `withdrawn` event is emitted.
 */
export async function withdrawRecord(jobs: JobQueue, rec: DisclosureRecord, by: Approver, reason: string, now: Date = new Date()): Promise<DisclosureRecord> {
  const version = rec.pub?.version ?? 0;
  const stored = await saveRecord({
    ...rec,
    status: 'withdrawn',
    withdrawal: { reason, at: now, by: { id: by.id, username: by.username }, version },
    working: undefined,
    updatedAt: now,
  });
  await drafts().deleteOne({ _id: rec._id });
  await relink(String(rec._id), rec.pub?.relatedIds ?? [], []);
  await notifyPublicChange({ kind: 'withdrawn', disclosureId: String(rec._id), version, regionCode: rec.regionCode });
  await emitDisclosureEvent(jobs, {
    kind: 'withdrawn',
    disclosureId: String(rec._id),
    version,
    regionCode: rec.regionCode,
    domain: rec.domain,
    catalogueItemId: rec.catalogueItemId,
    title: rec.pub?.title ?? '',
    at: toShanghaiIso(now),
  });
  return stored;
}
