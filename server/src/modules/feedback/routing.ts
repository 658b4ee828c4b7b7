import { REGION_CODE_LENGTH, isWithin, regionLevel, selfAndAncestors, type FeedbackSubmitBody, type Region } from '@gongkai/shared';
import type { ResolvedDeps } from '../../app';
import { validationFailed } from '../../http/errors';
import { catalogueItemAppliesTo, getCatalogueItem } from '../catalogue/service';
import { getPublishedDisclosure } from '../disclosures/service';
import { regionDirectory } from '../regions/service';

/** What the feedback services need from the app. */
export type FeedbackDeps = Pick<ResolvedDeps, 'regions' | 'jobs' | 'config' | 'logger'>;

/** The region directory of the app: `deps.regions` (tests) or the shared one. */
export async function regionsOf(deps: Pick<ResolvedDeps, 'regions'>): Promise<{ get(code: string): Region | undefined }> {
  return deps.regions ?? regionDirectory();
}

/** `{ code, name }` of a region for views (the code itself when unknown). */
export function regionName(regions: { get(code: string): Region | undefined }, code: string): { code: string; name: string } {
  return { code, name: regions.get(code)?.name ?? code };
}

/** Where a submission goes. */
export interface Target {
  regionCode: string;
  publicRegion: string;
  assignedRegion: string;
  disclosureId?: string;
  catalogueItemId?: string;
}

const bad = (path: string, message: string) => validationFailed(message, [{ path: `body.${path}`, message }]);

/**
 * The responsible body by default: a village's township (乡镇人民政府/街道办事处 handle villagers' requests);
 * a township, county, city or the province itself. When the item is about a catalogue item published only
 * at county level (levels without township and village), the county.
 */
export function defaultAssignee(regionCode: string, itemLevels?: readonly string[]): string {
  const level = regionLevel(regionCode);
  const countyOnly = !!itemLevels && itemLevels.includes('county') && !itemLevels.includes('township') && !itemLevels.includes('village');
  if ((level === 'village' || level === 'township') && countyOnly) return regionCode.slice(0, REGION_CODE_LENGTH.county);
  if (level === 'village') return regionCode.slice(0, REGION_CODE_LENGTH.township);
  return regionCode;
}

/**
 * Checks what a submission is about and decides who answers it:
 *  - `regionCode` must be a known region;
 *  - `disclosureId` must be a disclosure residents can see that applies to the region (made for it or an
 *    ancestor; or, asked from a higher level, made for a region below it); it is then answered by the
 *    disclosure's publishing region, and its public Q&A belongs to that region;
 *  - `catalogueItemId` must be an active item that applies to the region.
 * Throws VALIDATION_FAILED naming the field.
 */
export async function resolveTarget(deps: FeedbackDeps, body: FeedbackSubmitBody): Promise<Target> {
  const regions = await regionsOf(deps);
  const region = regions.get(body.regionCode);
  if (!region) throw bad('regionCode', `行政区划不存在：${body.regionCode}`);
  let catalogueItemId: string | undefined;
  let itemLevels: readonly string[] | undefined;
  if (body.catalogueItemId) {
    const item = await getCatalogueItem(body.catalogueItemId);
    if (!item || !catalogueItemAppliesTo(item, body.regionCode)) throw bad('catalogueItemId', '目录事项不存在或不适用于该地区');
    catalogueItemId = item.id;
    itemLevels = item.levels;
  }
  if (body.disclosureId) {
    const d = await getPublishedDisclosure(body.disclosureId);
    if (!d || !(isWithin(body.regionCode, d.regionCode) || isWithin(d.regionCode, body.regionCode))) {
      throw bad('disclosureId', '相关公开信息不存在、已撤回或不属于该地区');
    }
    return {
      regionCode: body.regionCode,
      publicRegion: d.regionCode,
      assignedRegion: d.regionCode,
      disclosureId: d.id,
      catalogueItemId: catalogueItemId ?? d.catalogueItemId,
    };
  }
  return { regionCode: body.regionCode, publicRegion: body.regionCode, assignedRegion: defaultAssignee(body.regionCode, itemLevels), catalogueItemId };
}

/** The `scopeCodes` of an assigned region. */
export const scopeCodesFor = selfAndAncestors;
