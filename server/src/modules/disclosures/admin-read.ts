import {
  isWithin,
  type AdminDisclosureDetail,
  type AdminDisclosureListQuery,
  type AdminDisclosureSummary,
  type DisclosureContent,
  type DisclosureDetail,
  type Page,
} from '@gongkai/shared';
import type { AdminCaller } from '../../http/auth';
import { notFound } from '../../http/errors';
import { toShanghaiIso } from '../../workdays';
import { assertInScope } from '../accounts/scope';
import { findDraft, loadForCaller } from './access';
import { GENESIS, publicContentOf, versionHash } from './chain';
import { catalogueVersion } from './content';
import { disclosureIndex } from './index-store';
import { entryOf, type Entry } from './memory';
import { versionKey, versions, type DisclosureRecord, type VersionRecord } from './model';
import { metaOf, publishableLinks } from './publish';
import { catalogueItemIdOf, listFilter } from './read';
import { liveLinks, renderPublic } from './render';
import { matchingPublishedIds } from './search-query';
import { isOverdue } from './timeliness';

/*
 * What officials read, always within their subtree and unmasked: the list with workflow and timeliness
 * filters, a disclosure with its working copy, published content and version history, one past version,
 * and the preview (the public rendering, masked, exactly as residents would see it).
 */

const iso = (ms: number | undefined) => (ms ? toShanghaiIso(new Date(ms)) : undefined);

/** The officials' summary of a disclosure (with `late` and a live `overdue`). */
export function summaryOf(e: Entry, now: number = Date.now()): AdminDisclosureSummary {
  const w = e.working;
  const s: AdminDisclosureSummary = {
    id: e.id,
    title: e.title,
    domain: e.domain,
    catalogueItemId: e.catalogueItemId,
    catalogueVersion: e.catalogueVersion,
    regionCode: e.regionCode,
    regionName: e.regionName,
    level: e.level,
    status: e.status,
    version: e.version,
    late: e.late,
    overdue: e.status !== 'withdrawn' && isOverdue(w, now),
    createdBy: e.createdBy,
    createdAt: iso(e.createdAt)!,
    updatedAt: iso(e.updatedAt)!,
  };
  if (e.publishedAt) s.publishedAt = iso(e.publishedAt);
  if (e.firstPublishedAt) s.firstPublishedAt = iso(e.firstPublishedAt);
  if (e.dueAt) s.dueAt = iso(e.dueAt);
  if (w) {
    s.working = { version: w.version, state: w.state, title: w.title, updatedAt: iso(w.updatedAt)! };
    if (w.publishAt) s.working.publishAt = iso(w.publishAt);
    if (w.dueAt) s.working.dueAt = iso(w.dueAt);
  }
  return s;
}

/** The summary of a stored record (what the write endpoints answer). */
export const summaryOfRecord = (r: DisclosureRecord) => summaryOf(entryOf(r));

/**
 * `GET /api/v1/admin/disclosures`: disclosures in the caller's subtree (or in `region`, which must be in
 * it), most recently changed first. `status` draft/pending/scheduled matches the working copy (also of a
 * published disclosure's next version); `late` and `overdue` filter on timeliness. `q` matches the id, the
 * published or working title, or words of the published (masked) text through the search index.
 */
export async function listForAdmin(caller: AdminCaller, q: AdminDisclosureListQuery, now: number = Date.now()): Promise<Page<AdminDisclosureSummary>> {
  const scope = q.region ?? caller.regionCode;
  if (q.region) assertInScope(caller, q.region);
  const itemId = q.item ? await catalogueItemIdOf(q.item) : undefined;
  const index = await disclosureIndex({ fresh: true });
  const basic = listFilter(q.domain, itemId ?? undefined, undefined);
  // `q`: the id, a title (published or working copy), or words of the published text (full-text index).
  const titled = listFilter(undefined, undefined, q.q, (e) => `${e.title}\u0000${e.working?.title ?? ''}`);
  const fullText = q.q ? await matchingPublishedIds(q.q, now) : undefined;
  const wanted = (e: Entry) => {
    if (!isWithin(e.regionCode, scope)) return false;
    if (itemId === null) return false;
    if (basic && !basic(e)) return false;
    if (titled && !titled(e) && e.id !== q.q && !fullText?.has(e.id)) return false;
    if (q.status) {
      const working = q.status === 'draft' || q.status === 'pending' || q.status === 'scheduled';
      if (working ? e.working?.state !== q.status : e.status !== q.status) return false;
    }
    if (q.late !== undefined && e.late !== q.late) return false;
    if (q.overdue !== undefined && (e.status !== 'withdrawn' && isOverdue(e.working, now)) !== q.overdue) return false;
    return true;
  };
  const hits = index.filter(wanted).sort((a, b) => b.updatedAt - a.updatedAt || (a.id < b.id ? 1 : -1));
  const from = (q.page - 1) * q.pageSize;
  return { items: hits.slice(from, from + q.pageSize).map((e) => summaryOf(e, now)), total: hits.length, page: q.page, pageSize: q.pageSize };
}

/** All published versions of a disclosure, oldest first (missing ones skipped). */
async function versionsOf(id: string, count: number): Promise<VersionRecord[]> {
  const all = await Promise.all(Array.from({ length: count }, (_, i) => versions().findOne({ _id: versionKey(id, i + 1) })));
  return all.filter((v): v is VersionRecord => !!v);
}

const contentOut = (c: DisclosureContent): DisclosureContent => ({ ...c, relatedIds: [...c.relatedIds] });

/**
 * `GET /api/v1/admin/disclosures/:id`: the full disclosure, unmasked — its working copy (with review
 * state), the current published content (what a diff compares with), the version history and withdrawal.
 */
export async function getForAdmin(caller: AdminCaller, id: string): Promise<AdminDisclosureDetail> {
  const rec = await loadForCaller(caller, id);
  const [draft, history] = await Promise.all([findDraft(rec._id), versionsOf(id, rec.pub?.version ?? 0)]);
  const out: AdminDisclosureDetail = {
    ...summaryOfRecord(rec),
    versions: history.map((v) => ({
      version: v.version,
      title: v.content.title,
      publishedAt: toShanghaiIso(v.publishedAt),
      hash: v.hash,
      prevHash: v.prevHash,
      approvedBy: { id: v.approvedBy.id, username: v.approvedBy.username },
      authors: v.authors,
      ...(v.dueAt ? { dueAt: toShanghaiIso(v.dueAt) } : {}),
      late: v.late,
    })),
    linkedFrom: rec.linkedFrom ?? [],
  };
  if (draft) {
    out.workingCopy = { ...contentOut(draft.content), version: draft.version, state: draft.state, authors: draft.authors };
    if (draft.publishAt) out.workingCopy.publishAt = toShanghaiIso(draft.publishAt);
    if (draft.dueAt) out.workingCopy.dueAt = toShanghaiIso(draft.dueAt);
    if (draft.returned) out.workingCopy.returned = { ...draft.returned, at: toShanghaiIso(draft.returned.at) };
  }
  const current = history.find((v) => v.version === rec.pub?.version);
  if (current) out.published = { ...contentOut(current.content), version: current.version, publishedAt: toShanghaiIso(current.publishedAt), hash: current.hash };
  if (rec.withdrawal) out.withdrawal = { ...rec.withdrawal, at: toShanghaiIso(rec.withdrawal.at) };
  return out;
}

/** `GET /api/v1/admin/disclosures/:id/versions/:version`: one published version, as authored and as shown. */
export async function getVersionForAdmin(caller: AdminCaller, id: string, version: number) {
  const rec = await loadForCaller(caller, id);
  const v = await versions().findOne({ _id: versionKey(id, version) });
  if (!v) throw notFound(`第${version}版不存在`);
  return {
    version: v.version,
    publishedAt: toShanghaiIso(v.publishedAt),
    hash: v.hash,
    prevHash: v.prevHash,
    content: contentOut(v.content),
    public: v.public,
    approvedBy: { id: v.approvedBy.id, username: v.approvedBy.username },
    authors: v.authors,
    regionCode: rec.regionCode,
  };
}

/**
 * `GET /api/v1/admin/disclosures/:id/preview`: the public rendering — masked, tables hidden as they would
 * be — of the working copy if there is one (hash provisional, `preview: true`), else of the published version.
 */
export async function previewForAdmin(caller: AdminCaller, id: string, now: number = Date.now()): Promise<DisclosureDetail> {
  const rec = await loadForCaller(caller, id);
  const catalogueItem = await catalogueVersion(rec.catalogueItemId, rec.catalogueVersion);
  if (!catalogueItem) throw notFound('目录事项版本不存在');
  const index = await disclosureIndex();
  const entry = entryOf(rec);
  const draft = await findDraft(rec._id);
  const firstPublishedAt = toShanghaiIso(rec.firstPublishedAt ?? new Date(now));
  if (draft) {
    const content = { ...draft.content, relatedIds: await publishableLinks(id, draft.content) };
    const pub = publicContentOf(metaOf(rec), content, draft.version, new Date(now));
    const prevHash = rec.pub?.hash ?? GENESIS;
    const relatedIds = liveLinks({ ...entry, related: content.relatedIds }, (x) => index.isPublished(x));
    return renderPublic(pub, { catalogueItem, relatedIds, firstPublishedAt, hash: versionHash(pub, prevHash), prevHash, preview: true }, now);
  }
  const v = rec.pub && (await versions().findOne({ _id: versionKey(id, rec.pub.version) }));
  if (!v) throw notFound('没有可预览的内容');
  const relatedIds = liveLinks(entry, (x) => index.isPublished(x));
  return renderPublic(v.public, { catalogueItem, relatedIds, firstPublishedAt, hash: v.hash, prevHash: v.prevHash }, now);
}
