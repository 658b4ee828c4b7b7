import { selfAndAncestors, type DisclosureDetail, type DisclosureSearchItem, type Page } from '@gongkai/shared';
import { notFound } from '../../http/errors';
import { regionsOf, type DisclosureDeps } from './access';
import { disclosureIndex } from './index-store';
import { listItemOf, type Entry } from './memory';
import { catalogueItemIdOf, getPublicDetail } from './read';
import { searchIndex } from './search';
import { highlightsOf } from './search-highlight';
import type { SearchIndex } from './search-index';
import { normalize, queryPhrase, queryTerms, subTerms } from './search-text';

/*
 * Answering a search (`GET /api/v1/disclosures?q=` and `/disclosures/search`): published disclosures of the
 * region and its ancestors (as the list), optionally of one domain or catalogue item, that contain every
 * query word (title, body or a visible table) or whose title contains the whole query.
 *
 * Ranking, best first: (3) the title contains the whole query; (2) the title contains every word; (1) the
 * title contains some words, the rest are in the body or tables; (0) the words are in the body or tables
 * only. Ties: newest first (as the list). A word the index does not know is tried as its parts
 * (`古岸头村` → 岸头, …); a word that matches nothing leaves only title matches of the whole query.
 *
 * Until the index is built (start-up), searches match titles only (the whole query) rather than wait.
 */

/** How long a search waits for the index build before falling back to title matching. */
const BUILD_WAIT_MS = 3_000;
const MAX_HITS = 1_000_000;

/** A search request (the list query with `q`). */
export interface SearchRequest {
  q: string;
  region?: string;
  domain?: string;
  item?: string;
  page: number;
  pageSize: number;
}

interface Hit {
  e: Entry;
  tier: number;
  bodyHit: boolean;
}

/** The words that must occur, or undefined when some query word matches nothing at all. */
function requiredTerms(index: SearchIndex, terms: string[]): string[] | undefined {
  const out: string[] = [];
  for (const t of terms) {
    if (index.hasTerm(t)) out.push(t);
    else {
      const parts = subTerms(t);
      if (!parts.length || !parts.every((p) => index.hasTerm(p))) return undefined;
      out.push(...parts);
    }
  }
  return [...new Set(out)];
}

/**
 * Normalised titles, made once per index entry (entries are immutable and replaced on every write, so a
 * WeakMap never serves a stale title): NFKC of 3,800 titles per village search would cost ~4 ms.
 */
const titles = new WeakMap<Entry, string>();
function normalizedTitle(e: Entry): string {
  let t = titles.get(e);
  if (t === undefined) {
    const n = normalize(e.title);
    t = n === e.title ? e.title : n;
    titles.set(e, t);
  }
  return t;
}

const newestFirst = (a: Entry, b: Entry) => b.publishedAt - a.publishedAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/** Ranked matches of a search (every page), with the words to highlight. */
export async function rankedMatches(deps: Pick<DisclosureDeps, 'regions'>, r: Omit<SearchRequest, 'page' | 'pageSize'>, now: number = Date.now()) {
  let codes: string[] | undefined;
  if (r.region) {
    if (!(await regionsOf(deps)).has(r.region)) throw notFound(`行政区划不存在：${r.region}`);
    codes = selfAndAncestors(r.region);
  }
  const itemId = r.item ? await catalogueItemIdOf(r.item) : undefined;
  const dIndex = await disclosureIndex();
  const sIndex = await searchIndex(BUILD_WAIT_MS);
  const phrase = queryPhrase(r.q);
  const terms = queryTerms(r.q);
  const needles = [phrase, ...terms];
  const hits = new Map<string, Hit>();
  const generation = sIndex?.generation ?? -1;
  /** Until when the set of matches holds (a match through a personal table ends with its posting period). */
  let until = Infinity;
  if (itemId === null || !phrase) return { hits: [] as Hit[], needles, generation, epoch: dIndex.epoch, until };
  const wanted = (e: Entry | undefined): e is Entry =>
    !!e && e.status === 'published' && (!r.domain || e.domain === r.domain) && (!itemId || e.catalogueItemId === itemId);

  const required = sIndex && terms.length ? requiredTerms(sIndex, terms) : undefined;
  if (sIndex && required?.length) {
    needles.push(...required.filter((t) => !needles.includes(t)));
    for (const m of sIndex.match({ terms: required, regionCodes: codes, now })) {
      const e = dIndex.get(m.id);
      // Only the version residents see now (a lagging index entry is settled by the next reconcile).
      if (!wanted(e) || e.version !== m.version) continue;
      const tier = normalizedTitle(e).includes(phrase) ? 3 : m.titleTerms >= required.length ? 2 : m.titleTerms > 0 ? 1 : 0;
      hits.set(m.id, { e, tier, bodyHit: m.bodyHit });
      if (m.expires > now && m.expires < until) until = m.expires;
    }
  }
  // Titles holding the whole query although the words did not match (a word cut differently, a single
  // character, an index still being built): scanned within a region (a few thousand titles), and
  // province-wide only when the words alone cannot find them.
  if (codes || !required?.length) {
    const inTitle = (e: Entry) => !hits.has(e.id) && wanted(e) && normalizedTitle(e).includes(phrase);
    for (const e of dIndex.published(codes, inTitle, 1, MAX_HITS).items) hits.set(e.id, { e, tier: 3, bodyHit: false });
  }
  const ranked = [...hits.values()].sort((a, b) => b.tier - a.tier || newestFirst(a.e, b.e));
  return { hits: ranked, needles, generation, epoch: dIndex.epoch, until };
}

/**
 * Ids of the published disclosures whose current public text holds every word of `q` (any region), for
 * the officials' list; undefined while the index is being built or when `q` has no searchable word.
 */
export async function matchingPublishedIds(q: string, now: number = Date.now()): Promise<Set<string> | undefined> {
  const sIndex = await searchIndex(BUILD_WAIT_MS);
  const terms = queryTerms(q);
  const required = sIndex && terms.length ? requiredTerms(sIndex, terms) : undefined;
  if (!sIndex || !terms.length) return undefined;
  const ids = new Set<string>();
  if (!required) return ids;
  const dIndex = await disclosureIndex();
  for (const m of sIndex.match({ terms: required, now })) {
    const e = dIndex.get(m.id);
    if (e?.status === 'published' && e.version === m.version) ids.add(m.id);
  }
  return ids;
}

/** One page of search results with highlights (masked public content only). */
export async function searchPublished(deps: Pick<DisclosureDeps, 'regions'>, r: SearchRequest, now: number = Date.now()): Promise<Page<DisclosureSearchItem>> {
  return (await searchPage(deps, r, now)).page;
}

async function searchPage(deps: Pick<DisclosureDeps, 'regions'>, r: SearchRequest, now: number) {
  const { hits, needles, generation, epoch, until: matchesUntil } = await rankedMatches(deps, r, now);
  const from = (r.page - 1) * r.pageSize;
  const slice = hits.slice(from, from + r.pageSize);
  const details = await Promise.all(slice.map((h) => (h.bodyHit ? getPublicDetail(h.e.id, now).catch(() => undefined) : undefined)));
  const items = slice.map((h, i): DisclosureSearchItem => {
    const item: DisclosureSearchItem = listItemOf(h.e);
    const hl = highlightsOf(h.e.title, details[i], needles);
    if (hl) item.highlights = hl;
    return item;
  });
  // A snippet may come from a table with personal data: valid only until its posting period ends.
  const until = details.reduce((m, d) => Math.min(m, personalUntil(d, now)), matchesUntil);
  return { page: { items, total: hits.length, page: r.page, pageSize: r.pageSize }, generation, epoch, until };
}

function personalUntil(d: DisclosureDetail | undefined, now: number): number {
  if (!d?.validTo) return Infinity;
  const end = Date.parse(d.validTo);
  return end > now && d.tables.some((t) => !('hidden' in t) && t.personal) ? end : Infinity;
}

/**
 * Rendered result pages, keyed by the query, valid while neither index changed and no posting period that
 * gave a match or a snippet has ended (CACHE_MS at most, a safety net).
 */
const cache = new Map<string, { json: string; generation: number; epoch: number; until: number }>();
const CACHE_MS = 10 * 60_000;
const MAX_CACHED = 1_000;

/** `searchPublished` as the JSON text of the response, from a small cache of rendered pages. */
export async function searchPublishedJson(deps: Pick<DisclosureDeps, 'regions'>, r: SearchRequest, now: number = Date.now()): Promise<string> {
  const key = `${r.region ?? ''}|${r.domain ?? ''}|${r.item ?? ''}|${r.q}|${r.page}|${r.pageSize}`;
  const hit = cache.get(key);
  if (hit && now < hit.until) {
    const [dIndex, sIndex] = await Promise.all([disclosureIndex(), searchIndex(0)]);
    if (hit.epoch === dIndex.epoch && hit.generation === (sIndex?.generation ?? -1)) return hit.json;
  }
  const p = await searchPage(deps, r, now);
  const json = JSON.stringify(p.page);
  cache.delete(key);
  if (p.generation >= 0) {
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
    cache.set(key, { json, generation: p.generation, epoch: p.epoch, until: Math.min(p.until, now + CACHE_MS) });
  }
  return json;
}

/** Forgets cached result pages (tests). */
export function clearSearchCache(): void {
  cache.clear();
}
