import { DOMAIN_KEYS, selfAndAncestors, type DisclosureCounts, type DomainKey } from '@gongkai/shared';
import { notFound } from '../../http/errors';
import { regionsOf, type DisclosureDeps } from './access';
import { disclosureIndex } from './index-store';

/*
 * `GET /api/v1/disclosures/counts?region=`: per domain, how many published disclosures residents of a region
 * can read (its own and its ancestors' — the `total` of the list for that region and domain). Read from the
 * in-memory index, cached per region while nothing public changed (the index's epoch), so the mini-program's
 * home grid costs one Map lookup instead of eight list requests.
 */

const cache = new Map<string, DisclosureCounts>();
let cacheFor: { index: object; epoch: number } | undefined;
const MAX_REGIONS = 5_000;

/** The counts for `region` (NOT_FOUND for an unknown region). */
export async function countPublished(deps: Pick<DisclosureDeps, 'regions'>, region: string): Promise<DisclosureCounts> {
  if (!(await regionsOf(deps)).has(region)) throw notFound(`行政区划不存在：${region}`);
  const index = await disclosureIndex();
  if (cacheFor?.index !== index || cacheFor.epoch !== index.epoch) {
    cache.clear();
    cacheFor = { index, epoch: index.epoch };
  }
  const hit = cache.get(region);
  if (hit) return hit;
  const codes = selfAndAncestors(region);
  const counts = {} as Record<DomainKey, number>;
  let total = 0;
  for (const d of DOMAIN_KEYS) {
    counts[d] = index.published(codes, (e) => e.domain === d, 1, 0).total;
    total += counts[d];
  }
  const out: DisclosureCounts = { region, counts, total };
  if (cache.size >= MAX_REGIONS) cache.delete(cache.keys().next().value as string);
  cache.set(region, out);
  return out;
}
