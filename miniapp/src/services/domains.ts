import { DomainListSchema, type Domain } from '@gongkai/shared';
import { request } from './request';

/** `GET /api/v1/domains`: the pilot disclosure domains, validated against the shared schema. */
export async function fetchDomains(): Promise<Domain[]> {
  const body = await request('/api/v1/domains', { schema: DomainListSchema });
  return body.items;
}
