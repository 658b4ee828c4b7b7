import {
  CatalogueItemViewSchema,
  CatalogueViewListSchema,
  DisclosureCountsSchema,
  DisclosureDetailSchema,
  DisclosureListSchema,
  DisclosureSearchListSchema,
  DisclosureVerifySchema,
  DomainListSchema,
  PublicFeedbackListSchema,
  type CatalogueItemView,
  type DisclosureCounts,
  type DisclosureDetail,
  type DisclosureListItem,
  type DisclosureSearchItem,
  type DisclosureVerify,
  type Domain,
  type DomainKey,
  type Page,
  type PublicFeedbackItem,
} from '@gongkai/shared';
import { loadWithCache, type Loaded } from './cache';
import { apiUrl, request } from './request';

/**
 * The disclosures API as the pages use it, validated against the shared schemas. Reads residents come
 * back to (home, list pages, opened details) go through the weak-network cache; search is live only.
 */

/** How many latest disclosures the home page shows. */
export const HOME_LATEST = 5;
/** Page size of the domain list's infinite scroll. */
export const LIST_PAGE_SIZE = 20;

/** Everything the home page shows for a village, loaded and cached as one. */
export interface HomeData {
  domains: Domain[];
  counts: DisclosureCounts['counts'];
  latest: DisclosureListItem[];
}

/** The home page's data for a village (cache bucket `home`, keyed by the village). */
export function loadHome(village: string): Promise<Loaded<HomeData>> {
  return loadWithCache('home', `village:${village}`, async () => {
    const [domains, counts, latest] = await Promise.all([
      request('/api/v1/domains', { schema: DomainListSchema }),
      request('/api/v1/disclosures/counts', { query: { region: village }, schema: DisclosureCountsSchema }),
      request('/api/v1/disclosures', { query: { region: village, pageSize: HOME_LATEST }, schema: DisclosureListSchema }),
    ]);
    return { domains: domains.items, counts: counts.counts, latest: latest.items };
  });
}

/** One page of a village's disclosures in a domain, newest first (cache bucket `lists`). */
export function loadDomainPage(village: string, domain: DomainKey, page: number): Promise<Loaded<Page<DisclosureListItem>>> {
  return loadWithCache('lists', `${village}:${domain}:${page}`, () =>
    request('/api/v1/disclosures', { query: { region: village, domain, page, pageSize: LIST_PAGE_SIZE }, schema: DisclosureListSchema }),
  );
}

/** The catalogue items of a domain that apply to a village (names of the list's groups; cached). */
export function loadCatalogue(village: string, domain: DomainKey): Promise<Loaded<CatalogueItemView[]>> {
  return loadWithCache('lists', `catalogue:${village}:${domain}`, async () => {
    const body = await request('/api/v1/catalogue', { query: { domain, region: village }, schema: CatalogueViewListSchema });
    return body.items;
  });
}

/** One catalogue item by id or code (its name for 我的关注; cached). */
export function loadCatalogueItem(id: string): Promise<Loaded<CatalogueItemView>> {
  return loadWithCache('lists', `catalogue-item:${id}`, () => request(`/api/v1/catalogue/${encodeURIComponent(id)}`, { schema: CatalogueItemViewSchema }));
}

/** A disclosure as residents see it (masked), cached for offline reading (bucket `details`). */
export function loadDisclosure(id: string): Promise<Loaded<DisclosureDetail>> {
  return loadWithCache('details', id, () => request(`/api/v1/disclosures/${encodeURIComponent(id)}`, { schema: DisclosureDetailSchema }));
}

/** The version chain check (the 已核验 badge). Not cached: a stale "verified" would mean nothing. */
export function verifyDisclosure(id: string): Promise<DisclosureVerify> {
  return request(`/api/v1/disclosures/${encodeURIComponent(id)}/verify`, { schema: DisclosureVerifySchema });
}

/** Titles of related disclosures (解读 ↔ policy), each through the detail cache; unreadable ones left out. */
export async function loadRelated(ids: readonly string[], max = 5): Promise<{ id: string; title: string }[]> {
  const out = await Promise.all(
    ids.slice(0, max).map(async (id) => {
      try {
        const d = (await loadDisclosure(id)).data;
        return { id, title: d.title };
      } catch {
        return null;
      }
    }),
  );
  return out.filter((x): x is { id: string; title: string } => x !== null);
}

/** The public, answered questions about a disclosure (its 回应). */
export function loadPublicQa(disclosureId: string): Promise<Loaded<PublicFeedbackItem[]>> {
  return loadWithCache('details', `qa:${disclosureId}`, async () => {
    const body = await request('/api/v1/feedback/public', { query: { disclosureId, pageSize: 20 }, schema: PublicFeedbackListSchema });
    return body.items;
  });
}

/** Full-text search within what a village can read (its own, township's and county's disclosures). */
export function searchDisclosures(village: string, q: string, page = 1): Promise<Page<DisclosureSearchItem>> {
  return request('/api/v1/disclosures', { query: { region: village, q, page, pageSize: LIST_PAGE_SIZE }, schema: DisclosureSearchListSchema, retries: 0 });
}

/** The URL of an attachment of the current published version. */
export function attachmentUrl(disclosureId: string, attachmentId: string): string {
  return apiUrl(`/api/v1/disclosures/${encodeURIComponent(disclosureId)}/attachments/${encodeURIComponent(attachmentId)}`);
}
