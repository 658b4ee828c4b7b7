import {
  RegionChildrenSchema,
  RegionSchema,
  RegionSearchResultSchema,
  type Region,
  type RegionChild,
  type RegionLevel,
  type RegionRef,
  type RegionSearchItem,
} from '@gongkai/shared';
import { loadWithCache, type Loaded } from './cache';
import { request } from './request';

/**
 * The regions API (public reference data), validated against the shared schemas. Lookups by code go
 * through the weak-network cache: the drill-down of the village picker works offline where it was opened
 * before. Search is live only (what someone types next is not in any cache).
 */

/** `GET /api/v1/regions/:code`: a region with its path from the province down (cached). */
export function getRegion(code: string): Promise<Loaded<Region>> {
  return loadWithCache('regions', `region:${code}`, () => request(`/api/v1/regions/${encodeURIComponent(code)}`, { schema: RegionSchema }));
}

/** `GET /api/v1/regions/:code/children`: every direct child (cached). */
export function getChildren(code: string): Promise<Loaded<RegionChild[]>> {
  return loadWithCache('regions', `children:${code}`, async () => {
    const body = await request(`/api/v1/regions/${encodeURIComponent(code)}/children`, { schema: RegionChildrenSchema });
    return body.items;
  });
}

/** Filters of a region search. */
export interface RegionSearchOptions {
  level?: RegionLevel;
  within?: string;
  limit?: number;
}

/**
 * `GET /api/v1/regions/search`: Chinese, full pinyin or initials; best first. Not retried: a search is
 * superseded by the next keystroke, and a stale retry would only compete with it.
 */
export async function searchRegions(q: string, opts: RegionSearchOptions = {}): Promise<RegionSearchItem[]> {
  const body = await request('/api/v1/regions/search', {
    query: { q, level: opts.level, within: opts.within, limit: opts.limit },
    schema: RegionSearchResultSchema,
    retries: 0,
  });
  return body.items;
}

/**
 * The path as residents read it: below the province (the app is Zhejiang-wide, so the province adds
 * nothing), by display name: 温州市 › 瓯海区 › 娄桥街道 › 古庄村.
 */
export function pathNames(path: readonly RegionRef[]): string[] {
  return path.filter((p) => p.level !== 'province').map((p) => p.displayName || p.name);
}
