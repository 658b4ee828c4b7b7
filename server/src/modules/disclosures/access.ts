import type { AdminRole } from '@gongkai/shared';
import mongoose from '../../db/mongoose';
import type { AdminCaller } from '../../http/auth';
import { forbidden, notFound, validationFailed } from '../../http/errors';
import type { JobQueue } from '../../jobs/queue';
import { assertInScope } from '../accounts/scope';
import { regionDirectory } from '../regions/service';
import type { RegionLookup } from './content';
import { disclosures, drafts, type Actor, type Approver, type DisclosureRecord, type DraftRecord } from './model';

/** What the disclosure services need from the app (ResolvedDeps satisfies it). */
export interface DisclosureDeps {
  jobs: JobQueue;
  /** The region tree; the shared directory (loaded from the database) when absent. */
  regions?: RegionLookup;
}

/** The region lookup of the deps, or the process-wide directory. */
export async function regionsOf(deps: Pick<DisclosureDeps, 'regions'>): Promise<RegionLookup> {
  return deps.regions ?? (await regionDirectory());
}

/** The audit/author identity of a caller. */
export const actorOf = (c: AdminCaller): Actor => ({ id: c.id, username: c.username });
export const approverOf = (c: AdminCaller): Approver => ({ id: c.id, username: c.username, role: c.role, regionCode: c.regionCode });

/** Roles that write drafts, and roles that review (publish, return, withdraw); `admin` may do both. */
export const EDITORS: AdminRole[] = ['admin', 'editor'];
export const REVIEWERS: AdminRole[] = ['admin', 'reviewer'];

/** Throws FORBIDDEN unless the caller's role is one of `roles` (checked in the service, not only routes). */
export function assertRole(caller: AdminCaller, roles: AdminRole[], message: string): void {
  if (!roles.includes(caller.role)) throw forbidden(message);
}

/** A disclosure id as an ObjectId (VALIDATION_FAILED for a malformed one). */
export function objectIdOf(id: string): mongoose.Types.ObjectId {
  if (!/^[0-9a-f]{24}$/i.test(id)) throw validationFailed('无效的编号', [{ path: 'params.id', message: '无效的编号' }]);
  return new mongoose.Types.ObjectId(id);
}

/** The stored disclosure, or undefined. */
export async function findRecord(id: string): Promise<DisclosureRecord | undefined> {
  return (await disclosures().findOne({ _id: objectIdOf(id) })) ?? undefined;
}

/** The working copy of a disclosure, or undefined. */
export async function findDraft(id: mongoose.Types.ObjectId): Promise<DraftRecord | undefined> {
  return (await drafts().findOne({ _id: id })) ?? undefined;
}

/**
 * The disclosure for an official: NOT_FOUND when unknown, FORBIDDEN when its region lies outside the
 * caller's subtree (whatever id was sent).
 */
export async function loadForCaller(caller: AdminCaller, id: string): Promise<DisclosureRecord> {
  const rec = await findRecord(id);
  if (!rec) throw notFound('公开信息不存在');
  assertInScope(caller, rec.regionCode, '该公开信息');
  return rec;
}

/** `authors` with `a` added once. */
export function withAuthor(authors: Actor[], a: Actor): Actor[] {
  return authors.some((x) => x.id === a.id) ? authors : [...authors, a];
}
