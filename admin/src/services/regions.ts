import type { Region, RegionChild, RegionLevel, RegionSearchItem } from '@gongkai/shared';
import { api } from './request';

/*
 * Region reference data (`GET /api/v1/regions/...`). Regions change only with a new data release, so
 * answers are kept for the life of the page; a failed request is not kept (the next call retries).
 */

export type { Region, RegionChild, RegionLevel, RegionSearchItem };

const regions = new Map<string, Promise<Region>>();
const children = new Map<string, Promise<RegionChild[]>>();

function remember<T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  let p = cache.get(key);
  if (!p) {
    p = load();
    cache.set(key, p);
    p.catch(() => cache.delete(key));
  }
  return p;
}

/** A region with its path from the province down (`GET /regions/:code`), cached. */
export function getRegion(code: string): Promise<Region> {
  return remember(regions, code, () => api.get<Region>(`/regions/${encodeURIComponent(code)}`, undefined, { auth: false }));
}

/** All direct children of a region (`GET /regions/:code/children`), cached. */
export function getChildren(code: string): Promise<RegionChild[]> {
  return remember(children, code, async () =>
    (await api.get<{ items: RegionChild[] }>(`/regions/${encodeURIComponent(code)}/children`, undefined, { auth: false })).items,
  );
}

/** Options of a region search. */
export interface RegionSearchOptions {
  /** Only regions in this subtree (the region itself included). */
  within?: string;
  level?: RegionLevel;
  limit?: number;
  signal?: AbortSignal;
}

/** Regions matching Chinese text, full pinyin or initials (`GET /regions/search`), best first. */
export async function searchRegions(q: string, o: RegionSearchOptions = {}): Promise<RegionSearchItem[]> {
  const res = await api.get<{ items: RegionSearchItem[] }>(
    '/regions/search',
    { q, within: o.within, level: o.level, limit: o.limit },
    { auth: false, signal: o.signal },
  );
  return res.items;
}

/** The path of a region as one label, below `from` (e.g. "瓯海区 / 景山街道 / 繁荣社区"). */
export function pathLabel(path: ReadonlyArray<{ code: string; displayName: string }>, from?: string): string {
  const start = from ? path.findIndex((p) => p.code === from) : -1;
  return path
    .slice(start >= 0 ? start : 0)
    .map((p) => p.displayName)
    .join(' / ');
}

/** Forget cached answers (tests). */
export function clearRegionCache(): void {
  regions.clear();
  children.clear();
}
