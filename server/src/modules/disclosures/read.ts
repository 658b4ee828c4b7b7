import {
  selfAndAncestors,
  type DisclosureDetail,
  type DisclosureListItem,
  type DisclosureListQuery,
  type DisclosureVerify,
  type Page,
} from '@gongkai/shared';
import { notFound } from '../../http/errors';
import { toShanghaiIso } from '../../workdays';
import { getCatalogueItem } from '../catalogue/service';
import { findRecord, objectIdOf, regionsOf, type DisclosureDeps } from './access';
import { verifyChain } from './chain';
import { catalogueVersion } from './content';
import { disclosureIndex } from './index-store';
import { listItemOf, type Entry } from './memory';
import { versionKey, versions } from './model';
import { DetailCache, liveLinks, renderPublic, renderValidUntil } from './render';

/*
 * What residents read: the list for a region (its own disclosures and its ancestors'), the detail and the
 * chain verification. The list and "is it public?" come from the in-memory index; a detail is one `_id`
 * read of the version (then cached). Nothing here ever returns unmasked content.
 */

const GONE = '公开信息不存在或已撤回';
const details = new DetailCache();
const itemIds = new Map<string, string | null>();

/**
 * The id of a catalogue item given by id or code (codes resolved once and remembered; null when unknown).
 */
export async function catalogueItemIdOf(ref: string): Promise<string | null> {
  if (/^[0-9a-f]{24}$/.test(ref)) return ref;
  let id = itemIds.get(ref);
  if (id === undefined) {
    id = (await getCatalogueItem(ref))?.id ?? null;
    if (id) itemIds.set(ref, id);
  }
  return id;
}

/**
 * The filter of a list's `domain`, `item` and `q`; undefined when there is none. Here `q` is a plain title
 * substring match (the officials' list and internal callers); the public endpoints answer `q` with the
 * full-text search (search-query.ts, wired in routes.ts).
 */
export function listFilter(domain: string | undefined, itemId: string | undefined, q: string | undefined, title: (e: Entry) => string = (e) => e.title): ((e: Entry) => boolean) | undefined {
  const needle = q?.toLowerCase();
  if (!domain && !itemId && !needle) return undefined;
  return (e) =>
    (!domain || e.domain === domain) &&
    (!itemId || e.catalogueItemId === itemId) &&
    (!needle || title(e).toLowerCase().includes(needle));
}

/**
 * `GET /api/v1/disclosures`: published disclosures that apply to `region` — made for the region itself or
 * one of its ancestors (a village sees its township's and county's, never a neighbouring village's) —
 * newest first. An unknown region is NOT_FOUND; without a region, every published disclosure.
 */
export async function listPublished(deps: Pick<DisclosureDeps, 'regions'>, q: DisclosureListQuery): Promise<Page<DisclosureListItem>> {
  let codes: string[] | undefined;
  if (q.region) {
    if (!(await regionsOf(deps)).has(q.region)) throw notFound(`行政区划不存在：${q.region}`);
    codes = selfAndAncestors(q.region);
  }
  const itemId = q.item ? await catalogueItemIdOf(q.item) : undefined;
  const index = await disclosureIndex();
  if (itemId === null) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
  const { items, total } = index.published(codes, listFilter(q.domain, itemId, q.q), q.page, q.pageSize);
  return { items: items.map(listItemOf), total, page: q.page, pageSize: q.pageSize };
}

const pages = new Map<string, string>();
let pagesFor: { index: object; epoch: number } | undefined;
const MAX_PAGES = 2_000;

/**
 * `listPublished` as the JSON text of the response, from a cache of rendered pages keyed by the query and
 * valid while nothing residents can see has changed (the index's epoch): a popular village's first page
 * costs a Map lookup. Bounded to MAX_PAGES bodies (~10 KB each), oldest dropped first.
 */
export async function listPublishedJson(deps: Pick<DisclosureDeps, 'regions'>, q: DisclosureListQuery): Promise<string> {
  const index = await disclosureIndex();
  if (pagesFor?.index !== index || pagesFor.epoch !== index.epoch) {
    pages.clear();
    pagesFor = { index, epoch: index.epoch };
  }
  const key = `${q.region ?? ''}|${q.domain ?? ''}|${q.item ?? ''}|${q.q ?? ''}|${q.page}|${q.pageSize}`;
  const hit = pages.get(key);
  if (hit !== undefined) return hit;
  const body = JSON.stringify(await listPublished(deps, q));
  if (pages.size >= MAX_PAGES) pages.delete(pages.keys().next().value as string);
  pages.set(key, body);
  return body;
}

/**
 * `GET /api/v1/disclosures/:id`: the current published version as residents see it (masked; personal
 * tables hidden after the posting period). Drafts, withdrawn and unknown ids are NOT_FOUND.
 */
export async function getPublicDetail(id: string, now: number = Date.now()): Promise<DisclosureDetail> {
  return (await renderedDetail(id, now)).detail;
}

/** `getPublicDetail` as the JSON text of the response (cached with the rendering). */
export async function getPublicDetailJson(id: string, now: number = Date.now()): Promise<string> {
  return (await renderedDetail(id, now)).json;
}

async function renderedDetail(id: string, now: number): Promise<{ detail: DisclosureDetail; json: string }> {
  objectIdOf(id);
  const index = await disclosureIndex();
  const e = index.get(id);
  if (!e || e.status !== 'published') throw notFound(GONE);
  // Links change without a new version (the other side published or withdrawn): patched in when they differ.
  const relatedIds = liveLinks(e, (x) => index.isPublished(x));
  const cached = details.get(id, e.version, now);
  if (cached) {
    if (cached.detail.relatedIds.join() === relatedIds.join()) return cached;
    const detail = { ...cached.detail, relatedIds };
    return { detail, json: details.set(id, e.version, renderValidUntil(cached.detail, now), detail) };
  }
  const v = await versions().findOne({ _id: versionKey(id, e.version) });
  const catalogueItem = await catalogueVersion(e.catalogueItemId, e.catalogueVersion);
  if (!v || !catalogueItem) throw notFound(GONE);
  const detail = renderPublic(v.public, { catalogueItem, relatedIds, firstPublishedAt: toShanghaiIso(new Date(e.firstPublishedAt)), hash: v.hash, prevHash: v.prevHash }, now);
  return { detail, json: details.set(id, e.version, renderValidUntil(v.public, now), detail) };
}

/**
 * `GET /api/v1/disclosures/:id/verify`: recomputes every published version's hash from its stored public
 * content and checks the links between them and the disclosure's current hash. Withdrawn disclosures stay
 * verifiable (the chain keeps them); never-published ones are NOT_FOUND.
 */
export async function verifyDisclosure(id: string): Promise<DisclosureVerify> {
  const rec = await findRecord(id);
  if (!rec?.pub) throw notFound(GONE);
  const n = rec.pub.version;
  const stored = await Promise.all(Array.from({ length: n }, (_, i) => versions().findOne({ _id: versionKey(id, i + 1) })));
  return verifyChain(stored, n, rec.pub.hash, rec.status === 'withdrawn');
}

/** Forgets rendered details and pages (tests that change stored versions behind the service's back). */
export function clearDetailCache(): void {
  details.clear();
  pages.clear();
}
