import crypto from 'crypto';
import { MAX_FOLLOWS, findDomain, type Follow, type FollowCreateBody } from '@gongkai/shared';
import { AppError, conflict, notFound, validationFailed } from '../../http/errors';
import { getCatalogueItem } from '../catalogue/service';
import { withLock } from '../disclosures/lock';
import type { RegionDirectory } from '../regions/directory';
import { ResidentModel } from '../residents/model';
import { FollowListModel, FollowModel, residentChanges, type FollowListRecord, type FollowRecord } from './model';

/** Regions kept in a resident's interest list (which events the inbox looks at). */
const MAX_INTEREST = 60; // more than MAX_FOLLOWS: every current follow's region stays in it

/** The follow id: a hash of resident and target, so following the same thing twice is the same follow. */
export function followIdOf(residentId: string, t: Pick<FollowCreateBody, 'regionCode' | 'domain' | 'catalogueItemId' | 'disclosureId'>): string {
  const key = [residentId, t.regionCode, t.domain ?? '', t.catalogueItemId ?? '', t.disclosureId ?? ''].join('|');
  return crypto.createHash('sha256').update(key).digest('hex').slice(0, 24);
}

function view(regions: RegionDirectory, f: FollowRecord): Follow {
  const r = regions.get(f.regionCode);
  return {
    id: f._id,
    regionCode: f.regionCode,
    regionName: r?.displayName ?? r?.name ?? f.regionCode,
    ...(f.domain ? { domain: f.domain, domainName: findDomain(f.domain)?.name ?? f.domain } : {}),
    ...(f.catalogueItemId ? { catalogueItemId: f.catalogueItemId } : {}),
    ...(f.disclosureId ? { disclosureId: f.disclosureId } : {}),
    createdAt: new Date(f.createdAt).toISOString(),
  };
}

async function listOf(residentId: string): Promise<FollowListRecord> {
  const l = await FollowListModel.collection.findOne({ _id: residentId as never });
  return (l as unknown as FollowListRecord | null) ?? { _id: residentId, items: [], interest: [] };
}

async function saveList(l: FollowListRecord): Promise<void> {
  await FollowListModel.collection.updateOne({ _id: l._id as never }, { $set: { items: l.items, interest: l.interest } }, { upsert: true });
}

/** `GET /me/follows`: the resident's follows in the order they were made. */
export async function listFollows(regions: RegionDirectory, residentId: string): Promise<{ items: Follow[] }> {
  return { items: (await listOf(residentId)).items.map((f) => view(regions, f)) };
}

/**
 * Regions the resident follows or ever followed (the inbox looks at events for these and their ancestors),
 * each with when it was first followed as far as the current list knows (undefined: unfollowed since).
 */
export async function interestOf(residentId: string): Promise<Array<{ regionCode: string; since?: number }>> {
  const l = await listOf(residentId);
  return l.interest.map((g) => {
    const times = l.items.filter((f) => f.regionCode === g).map((f) => new Date(f.createdAt).getTime());
    return { regionCode: g, ...(times.length ? { since: Math.min(...times) } : {}) };
  });
}

/**
 * `POST /me/follows`. Writes, in this order, (1) the resident's list, (2) the follow document, (3) a change-log
 * entry for follower indexes. A crash part-way leaves the follow listed but not yet active, never active but
 * invisible; following again finishes the job (every step is idempotent), so `created: false` still re-runs
 * steps 2 and 3.
 */
export async function follow(regions: RegionDirectory, residentId: string, body: FollowCreateBody): Promise<{ follow: Follow; created: boolean }> {
  if (!regions.has(body.regionCode)) throw validationFailed('地区不存在', [{ path: 'body.regionCode', message: `不存在的地区：${body.regionCode}` }]);
  if (body.catalogueItemId && !(await getCatalogueItem(body.catalogueItemId))) {
    throw validationFailed('目录事项不存在', [{ path: 'body.catalogueItemId', message: `不存在的目录事项：${body.catalogueItemId}` }]);
  }
  return withLock(`follows:${residentId}`, async () => {
    const resident = await ResidentModel.findById(residentId, { openid: 1 }).lean();
    if (!resident) throw new AppError(401, 'UNAUTHENTICATED', '登录已过期或无效，请重新登录');
    const id = followIdOf(residentId, body);
    const list = await listOf(residentId);
    let rec = list.items.find((f) => f._id === id);
    const created = !rec;
    if (!rec) {
      if (list.items.length >= MAX_FOLLOWS) throw conflict(`最多关注${MAX_FOLLOWS}项，请先取消一些关注`);
      rec = {
        _id: id,
        residentId,
        openid: resident.openid,
        regionCode: body.regionCode,
        ...(body.domain ? { domain: body.domain } : {}),
        ...(body.catalogueItemId ? { catalogueItemId: body.catalogueItemId } : {}),
        ...(body.disclosureId ? { disclosureId: body.disclosureId } : {}),
        createdAt: new Date(),
      };
      list.items.push(rec);
      list.interest = [...list.interest.filter((g) => g !== body.regionCode), body.regionCode].slice(-MAX_INTEREST);
      await saveList(list);
    }
    try {
      await FollowModel.collection.insertOne(rec as never);
    } catch (e) {
      if ((e as { code?: number }).code !== 11000) throw e; // already active (a repeated follow)
    }
    await residentChanges.append({ op: 'follow', follow: rec });
    return { follow: view(regions, rec), created };
  });
}

/**
 * `DELETE /me/follows/:id` (one tap). Order: (1) the follow document, (2) the change-log entry, (3) the list:
 * after a crash the follow is still listed (so deleting again completes it) but no longer notifies.
 */
export async function unfollow(residentId: string, id: string): Promise<void> {
  await withLock(`follows:${residentId}`, async () => {
    const list = await listOf(residentId);
    if (!list.items.some((f) => f._id === id)) throw notFound('关注不存在或已取消');
    await FollowModel.collection.deleteOne({ _id: id as never });
    await residentChanges.append({ op: 'unfollow', id });
    list.items = list.items.filter((f) => f._id !== id);
    await saveList(list);
  });
}
