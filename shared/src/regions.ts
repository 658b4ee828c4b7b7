/**
 * Region codes follow the 2023 NBS scheme: province 2 digits, city 4, county 6, township 9, village 12.
 * The hierarchy is encoded in the code itself, so ancestry and scope checks need no database.
 */
export const REGION_LEVELS = ['province', 'city', 'county', 'township', 'village'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

/** Code length of each level. */
export const REGION_CODE_LENGTH: Record<RegionLevel, number> = {
  province: 2,
  city: 4,
  county: 6,
  township: 9,
  village: 12,
};

/** Accepts a region code: 2, 4, 6, 9 or 12 digits. */
export const REGION_CODE_PATTERN = /^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/;

/** Zhejiang's province code. */
export const ZHEJIANG_CODE = '33';

/** The 7 pilot counties of the plan. */
export const PILOT_COUNTIES = ['330105', '330205', '330304', '330421', '330782', '330881', '331082'] as const;

/** The level of a well-formed code, or undefined for a malformed one. */
export function regionLevel(code: string): RegionLevel | undefined {
  if (!REGION_CODE_PATTERN.test(code)) return undefined;
  return REGION_LEVELS.find((l) => REGION_CODE_LENGTH[l] === code.length);
}

/** Codes of every ancestor from the province down to the parent (the region itself excluded). */
export function ancestorCodes(code: string): string[] {
  const level = regionLevel(code);
  if (!level) return [];
  const out: string[] = [];
  for (const l of REGION_LEVELS) {
    const len = REGION_CODE_LENGTH[l];
    if (len >= code.length) break;
    out.push(code.slice(0, len));
  }
  return out;
}

/** The parent's code, or null for a province. */
export function parentCode(code: string): string | null {
  const a = ancestorCodes(code);
  return a.length ? a[a.length - 1] : null;
}

/** True when `code` is `scope` itself or lies in its subtree. */
export function isWithin(code: string, scope: string): boolean {
  return code.length >= scope.length && code.startsWith(scope) && regionLevel(code) !== undefined;
}

/** The region itself followed by its ancestors up to the province: the regions whose disclosures apply to it. */
export function selfAndAncestors(code: string): string[] {
  return [...ancestorCodes(code), code];
}
