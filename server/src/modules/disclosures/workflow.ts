import { selfAndAncestors, type ApproveBody, type DisclosureContent, type DisclosureCreateBody, type DisclosureUpdateBody } from '@gongkai/shared';
import mongoose from '../../db/mongoose';
import type { AdminCaller } from '../../http/auth';
import { conflict, validationFailed } from '../../http/errors';
import { audit } from '../audit/service';
import {
  EDITORS,
  REVIEWERS,
  actorOf,
  approverOf,
  assertRole,
  findDraft,
  findRecord,
  loadForCaller,
  regionsOf,
  withAuthor,
  type DisclosureDeps,
} from './access';
import { catalogueVersion, contentFromCreate, contentWithUpdate, resolveTarget } from './content';
import { disclosureIndex, recordWritten } from './index-store';
import { withLock } from './lock';
import { clean, disclosures, drafts, versionKey, versions, type DisclosureRecord, type DraftRecord } from './model';
import { publishDraft, saveRecord, withdrawRecord } from './publish';
import { dueAtOf } from './timeliness';

/*
 * The review workflow: draft → pending → (scheduled →) published → next version … | withdrawn.
 *  - editors (and admins) in scope create, edit and submit working copies;
 *  - reviewers (and admins) in scope who did not write or submit the working copy approve it (published now
 *    or at `publishAt` by a job), return it with a comment, or withdraw a published disclosure;
 *  - editing a published disclosure makes the next version's working copy; residents keep seeing the
 *    published version until that copy is approved.
 * Every function checks role and scope itself, holds the disclosure's lock, and writes an audit entry.
 */

/** Queue of scheduled publications. */
export const PUBLISH_QUEUE = 'disclosures.publish';

/** Payload of a scheduled publication job. */
export interface PublishJob {
  id: string;
  version: number;
  /** Epoch ms the reviewer chose; a job whose time no longer matches the working copy does nothing. */
  publishAt: number;
}

const auditObject = (r: DisclosureRecord) => ({ type: 'disclosure', id: String(r._id), regionCode: r.regionCode });

/** Related ids must be published disclosures other than this one. */
async function assertLinkable(relatedIds: string[], self?: string): Promise<void> {
  const index = await disclosureIndex({ fresh: true });
  const bad = relatedIds.find((r) => r === self || !index.isPublished(r));
  if (bad) {
    const message = bad === self ? '不能关联自身' : `关联的公开信息不存在或未发布：${bad}`;
    throw validationFailed(message, [{ path: 'body.relatedIds', message }]);
  }
}

/** Creates a draft (version 1) in a region of the caller's scope, under a catalogue item's current version. */
export async function createDisclosure(deps: DisclosureDeps, caller: AdminCaller, body: DisclosureCreateBody): Promise<DisclosureRecord> {
  assertRole(caller, EDITORS, '只有编辑或管理员可以起草公开信息');
  const target = await resolveTarget(caller, body.catalogueItemId, body.regionCode, await regionsOf(deps));
  const content = contentFromCreate(body, target);
  await assertLinkable(content.relatedIds);
  const _id = new mongoose.Types.ObjectId();
  const now = new Date();
  const author = actorOf(caller);
  const dueAt = dueAtOf(target.item.timeLimit, content.eventDate);
  const draft: DraftRecord = clean({ _id, version: 1, state: 'draft' as const, content, authors: [author], dueAt, updatedAt: now });
  const rec: DisclosureRecord = clean({
    _id,
    regionCode: target.regionCode,
    regionName: target.regionName,
    level: target.level,
    scopeCodes: selfAndAncestors(target.regionCode),
    domain: target.item.domain,
    catalogueItemId: target.item.id,
    catalogueVersion: target.item.version,
    stage: content.stage,
    status: 'draft' as const,
    createdBy: author,
    createdAt: now,
    updatedAt: now,
    dueAt,
    late: false,
    working: { version: 1, state: 'draft' as const, title: content.title, dueAt, authors: [author], updatedAt: now },
    linkedFrom: [],
  });
  // The working copy first: a disclosure document never points at a missing one.
  await drafts().insertOne(draft);
  await disclosures().insertOne(rec);
  await recordWritten(rec);
  await audit(caller, 'disclosure.create', auditObject(rec), { title: content.title, catalogueItemId: rec.catalogueItemId });
  return rec;
}

/** Stores a working copy and the disclosure's summary of it. */
async function saveWorking(rec: DisclosureRecord, draft: DraftRecord, now: Date): Promise<DisclosureRecord> {
  await drafts().replaceOne({ _id: rec._id }, clean(draft), { upsert: true });
  const neverPublished = !rec.pub;
  return saveRecord({
    ...rec,
    status: neverPublished ? draft.state : rec.status,
    stage: neverPublished ? draft.content.stage : rec.stage,
    dueAt: neverPublished ? draft.dueAt : rec.dueAt,
    working: clean({
      version: draft.version,
      state: draft.state,
      title: draft.content.title,
      dueAt: draft.dueAt,
      publishAt: draft.publishAt,
      authors: draft.authors,
      updatedAt: now,
    }),
    updatedAt: now,
  });
}

/**
 * Edits the working copy, or starts the next version of a published disclosure from its published
 * content. Editing a pending copy puts it back to draft (it must be submitted again); a scheduled copy
 * must be returned first (CONFLICT); a withdrawn disclosure cannot be edited.
 */
export async function updateDisclosure(deps: DisclosureDeps, caller: AdminCaller, id: string, body: DisclosureUpdateBody): Promise<DisclosureRecord> {
  assertRole(caller, EDITORS, '只有编辑或管理员可以修改公开信息');
  return withLock(id, async () => {
    const rec = await loadForCaller(caller, id);
    if (rec.status === 'withdrawn') throw conflict('已撤回的公开信息不能再修改');
    const item = await catalogueVersion(rec.catalogueItemId, rec.catalogueVersion);
    if (!item) throw conflict('该公开信息的目录事项版本已不存在');
    const existing = await findDraft(rec._id);
    if (existing?.state === 'scheduled') throw conflict('已审核并定时发布，如需修改请先退回');
    const published = rec.pub ? await versions().findOne({ _id: versionKey(id, rec.pub.version) }) : undefined;
    if (rec.pub && !published) throw conflict('当前发布版本的记录缺失，请联系管理员');
    if (!existing && !published) throw conflict('该公开信息没有可编辑的内容');
    const base: DisclosureContent = existing ? existing.content : published!.content;
    const version = existing ? existing.version : rec.pub!.version + 1;
    const content = contentWithUpdate(base, body, item);
    if (body.relatedIds) await assertLinkable(content.relatedIds, id);
    // A next version has its own due date only when its event date changed (a correction is not a new event).
    const dueAt = !published || content.eventDate !== published.content.eventDate ? dueAtOf(item.timeLimit, content.eventDate) : undefined;
    const now = new Date();
    const draft: DraftRecord = {
      _id: rec._id,
      version,
      state: 'draft',
      content,
      authors: withAuthor(existing?.authors ?? [], actorOf(caller)),
      dueAt,
      returned: existing?.returned,
      updatedAt: now,
    };
    const stored = await saveWorking(rec, draft, now);
    await audit(caller, 'disclosure.update', auditObject(rec), { version, fields: Object.keys(body), wasState: existing?.state ?? 'published' });
    return stored;
  });
}

/** Submits the working copy for review (draft → pending). */
export async function submitDisclosure(caller: AdminCaller, id: string): Promise<DisclosureRecord> {
  assertRole(caller, EDITORS, '只有编辑或管理员可以提交审核');
  return withLock(id, async () => {
    const rec = await loadForCaller(caller, id);
    const draft = await findDraft(rec._id);
    if (!draft || draft.state !== 'draft') throw conflict('只有草稿可以提交审核');
    const now = new Date();
    const stored = await saveWorking(rec, { ...draft, state: 'pending', authors: withAuthor(draft.authors, actorOf(caller)), updatedAt: now }, now);
    await audit(caller, 'disclosure.submit', auditObject(rec), { version: draft.version });
    return stored;
  });
}

/**
 * Approves a pending working copy: publishes it now, or at `publishAt` (a job publishes it then; residents
 * see nothing before). Only reviewers/admins in scope who neither wrote nor submitted it (CONFLICT).
 */
export async function approveDisclosure(deps: DisclosureDeps, caller: AdminCaller, id: string, body: ApproveBody): Promise<DisclosureRecord> {
  assertRole(caller, REVIEWERS, '只有审核员或管理员可以审核发布');
  return withLock(id, async () => {
    const rec = await loadForCaller(caller, id);
    const draft = await findDraft(rec._id);
    if (!draft || draft.state !== 'pending') throw conflict('只有待审核的内容可以审核发布');
    if (draft.authors.some((a) => a.id === caller.id)) throw conflict('不能审核自己编写或提交的内容，请由其他审核员审核');
    const now = new Date();
    const at = body.publishAt ? new Date(body.publishAt) : undefined;
    if (at && at.getTime() > now.getTime()) {
      const stored = await saveWorking(rec, { ...draft, state: 'scheduled', publishAt: at, approvedBy: approverOf(caller), updatedAt: now }, now);
      const job: PublishJob = { id, version: draft.version, publishAt: at.getTime() };
      await deps.jobs.enqueue(PUBLISH_QUEUE, { ...job }, { key: `${PUBLISH_QUEUE}:${id}:${draft.version}:${at.getTime()}`, runAt: at });
      await audit(caller, 'disclosure.schedule', auditObject(rec), { version: draft.version, publishAt: at.toISOString(), comment: body.comment });
      return stored;
    }
    const stored = await publishDraft(deps.jobs, rec, draft, approverOf(caller), now);
    await audit(caller, 'disclosure.publish', auditObject(rec), { version: draft.version, comment: body.comment });
    return stored;
  });
}

/**
 * Runs a scheduled publication (the job handler). Does nothing when the working copy was returned, edited
 * or re-scheduled since (its version or time no longer match the job).
 */
export async function publishScheduled(deps: DisclosureDeps, job: PublishJob): Promise<boolean> {
  return withLock(job.id, async () => {
    const rec = await findRecord(job.id);
    const draft = rec && (await findDraft(rec._id));
    if (!rec || !draft || draft.state !== 'scheduled' || draft.version !== job.version || draft.publishAt?.getTime() !== job.publishAt || !draft.approvedBy) {
      return false;
    }
    // Never early, even when a job is claimed ahead of its time: retried with backoff until then.
    if (Date.now() < job.publishAt) throw new Error(`scheduled for ${new Date(job.publishAt).toISOString()}`);
    await publishDraft(deps.jobs, rec, draft, draft.approvedBy, new Date());
    await audit(draft.approvedBy, 'disclosure.publish', auditObject(rec), { version: draft.version, scheduled: true, publishAt: new Date(job.publishAt).toISOString() });
    return true;
  });
}

/** Returns a pending or scheduled working copy to draft with a comment for its authors. */
export async function returnDisclosure(caller: AdminCaller, id: string, comment: string): Promise<DisclosureRecord> {
  assertRole(caller, REVIEWERS, '只有审核员或管理员可以退回');
  return withLock(id, async () => {
    const rec = await loadForCaller(caller, id);
    const draft = await findDraft(rec._id);
    if (!draft || (draft.state !== 'pending' && draft.state !== 'scheduled')) throw conflict('只有待审核或待定时发布的内容可以退回');
    const now = new Date();
    const { publishAt: _p, approvedBy: _a, ...rest } = draft;
    const stored = await saveWorking(rec, { ...rest, state: 'draft', returned: { comment, at: now, by: actorOf(caller) }, updatedAt: now }, now);
    await audit(caller, 'disclosure.return', auditObject(rec), { version: draft.version, comment });
    return stored;
  });
}

/** Withdraws a published disclosure with a reason (public 404 from now on; the chain keeps every version). */
export async function withdrawDisclosure(deps: DisclosureDeps, caller: AdminCaller, id: string, reason: string): Promise<DisclosureRecord> {
  assertRole(caller, REVIEWERS, '只有审核员或管理员可以撤回');
  return withLock(id, async () => {
    const rec = await loadForCaller(caller, id);
    if (rec.status !== 'published') throw conflict('只有已发布的公开信息可以撤回');
    const stored = await withdrawRecord(deps.jobs, rec, approverOf(caller), reason);
    await audit(caller, 'disclosure.withdraw', auditObject(rec), { version: rec.pub?.version, reason });
    return stored;
  });
}
