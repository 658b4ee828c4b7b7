import { DISCLOSURE_STATUSES, DOMAIN_KEYS, type DisclosureStatus, type DomainKey } from '@gongkai/shared';
import type { DisclosureQuery } from './service';

/*
 * The list's filters live in the URL (`/disclosures?status=pending&overdue=true`), so the workbench and
 * officials' notices can link straight to a filtered list and the browser's back button keeps filters.
 */

const oneOf = <T extends string>(list: readonly T[], v: string | null): T | undefined => (v && (list as readonly string[]).includes(v) ? (v as T) : undefined);
const flag = (v: string | null) => (v === 'true' || v === '1' ? true : undefined);
const num = (v: string | null, d: number) => (v && /^\d+$/.test(v) && Number(v) > 0 ? Number(v) : d);

/** The list query a URL's search params describe (unknown values are dropped). */
export function queryFromParams(p: URLSearchParams): DisclosureQuery {
  return {
    status: oneOf<DisclosureStatus>(DISCLOSURE_STATUSES, p.get('status')),
    domain: oneOf<DomainKey>(DOMAIN_KEYS, p.get('domain')),
    item: p.get('item') || undefined,
    region: p.get('region') || undefined,
    q: p.get('q') || undefined,
    late: flag(p.get('late')),
    overdue: flag(p.get('overdue')),
    page: num(p.get('page'), 1),
    pageSize: Math.min(100, num(p.get('pageSize'), 20)),
  };
}

/** The search params of a list query (defaults and empty values left out). */
export function paramsFromQuery(q: DisclosureQuery): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(q)) {
    if (v === undefined || v === null || v === '' || v === false) continue;
    if ((k === 'page' && v === 1) || (k === 'pageSize' && v === 20)) continue;
    out[k] = String(v);
  }
  return out;
}
