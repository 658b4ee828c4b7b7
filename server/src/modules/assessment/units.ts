import { REGION_CODE_LENGTH, ZHEJIANG_CODE, type RegionLevel } from '@gongkai/shared';
import { validationFailed } from '../../http/errors';

/*
 * Counting and listing the assessed units (county, township, village) under any region, from the region
 * tree in memory. Built once per tree (27k regions: one walk, a few milliseconds).
 */

/** What the assessment needs from the region tree (the RegionDirectory satisfies it). */
export interface RegionTree {
  get(code: string): { code: string; name: string; level: RegionLevel } | undefined;
  children(code: string): Array<{ code: string; name: string; level: RegionLevel }> | undefined;
}

/** Units of each assessed level within a region (the region itself included). */
export type UnitCounts = [county: number, township: number, village: number];

const LEVEL_SLOT: Partial<Record<RegionLevel, 0 | 1 | 2>> = { county: 0, township: 1, village: 2 };

/** The slot of an assessed level in UnitCounts (undefined for province and city). */
export const slotOf = (level: RegionLevel | string): 0 | 1 | 2 | undefined => LEVEL_SLOT[level as RegionLevel];

/** The slot of a code by its length (6 county, 9 township, 12 village). */
export function slotOfCode(code: string): 0 | 1 | 2 | undefined {
  return code.length === 6 ? 0 : code.length === 9 ? 1 : code.length === 12 ? 2 : undefined;
}

/** Most units a ranking may list at once. */
export const MAX_LISTED_UNITS = 5_000;

/** Unit counts per region, and listings by level. */
export class UnitIndex {
  private readonly counts = new Map<string, UnitCounts>();

  private constructor(private readonly tree: RegionTree) {
    const walk = (code: string, level: RegionLevel): UnitCounts => {
      const c: UnitCounts = [0, 0, 0];
      const slot = slotOf(level);
      if (slot !== undefined) c[slot] += 1;
      for (const k of tree.children(code) ?? []) {
        const sub = walk(k.code, k.level);
        c[0] += sub[0];
        c[1] += sub[1];
        c[2] += sub[2];
      }
      this.counts.set(code, c);
      return c;
    };
    const root = tree.get(ZHEJIANG_CODE);
    if (root) walk(root.code, root.level);
  }

  private static cache = new WeakMap<RegionTree, UnitIndex>();

  /** The index of a tree (built on first use, then cached for the tree object). */
  static of(tree: RegionTree): UnitIndex {
    let ix = UnitIndex.cache.get(tree);
    if (!ix) UnitIndex.cache.set(tree, (ix = new UnitIndex(tree)));
    return ix;
  }

  /** Units of each level within `code` (zeros for an unknown code). */
  unitsWithin(code: string): UnitCounts {
    return this.counts.get(code) ?? [0, 0, 0];
  }

  /** The regions of `level` within `code`, in code order (VALIDATION_FAILED past MAX_LISTED_UNITS). */
  listAt(code: string, level: RegionLevel): Array<{ code: string; name: string; level: RegionLevel }> {
    const len = REGION_CODE_LENGTH[level];
    const out: Array<{ code: string; name: string; level: RegionLevel }> = [];
    const walk = (c: string) => {
      for (const k of this.tree.children(c) ?? []) {
        if (k.code.length === len) {
          out.push({ code: k.code, name: k.name, level: k.level });
          if (out.length > MAX_LISTED_UNITS) throw validationFailed(`下级单位超过${MAX_LISTED_UNITS}个，请缩小地区范围`, [{ path: 'query.childLevel', message: '范围过大' }]);
        } else if (k.code.length < len) walk(k.code);
      }
    };
    walk(code);
    return out;
  }
}
