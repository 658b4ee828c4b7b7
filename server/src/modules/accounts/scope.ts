import { isWithin, selfAndAncestors } from '@gongkai/shared';
import { forbidden } from '../../http/errors';
import type { AdminCaller } from '../../http/auth';

/** True when the region lies in the caller's subtree. */
export function inScope(caller: Pick<AdminCaller, 'regionCode'>, regionCode: string): boolean {
  return isWithin(regionCode, caller.regionCode);
}

/** Throws FORBIDDEN unless the region lies in the caller's subtree. */
export function assertInScope(caller: Pick<AdminCaller, 'regionCode'>, regionCode: string, what = '该地区'): void {
  if (!inScope(caller, regionCode)) throw forbidden(`无权操作${what}：不在您的管辖范围内`);
}

/**
 * A filter for documents carrying `scopeCodes` (their region and its ancestors) that keeps those in the
 * caller's subtree; narrowed to `region` when given (which must itself be in scope).
 */
export function scopeFilter(caller: Pick<AdminCaller, 'regionCode'>, region?: string): { scopeCodes: string } {
  if (region) {
    assertInScope(caller, region);
    return { scopeCodes: region };
  }
  return { scopeCodes: caller.regionCode };
}

/** The value to store in `scopeCodes` for a region. */
export const scopeCodesOf = selfAndAncestors;
