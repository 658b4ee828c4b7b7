import { DomainListSchema, type Domain } from '@gongkai/shared';
import { loadWithCache, type Loaded } from './cache';
import { request } from './request';

/** `GET /api/v1/domains`: the pilot disclosure domains, validated against the shared schema. */
export async function fetchDomains(): Promise<Domain[]> {
  const body = await request('/api/v1/domains', { schema: DomainListSchema });
  return body.items;
}

/**
 * The home page's data for a village, through the weak-network cache (bucket `home`). Today that is the
 * domain list; the disclosures API adds each domain's count of current disclosures and the latest
 * disclosures of the village here, under the same key, so the home page stays one cached load.
 */
export function loadHomeDomains(): Promise<Loaded<Domain[]>> {
  return loadWithCache('home', 'domains', fetchDomains);
}
