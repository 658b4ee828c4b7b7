import { z } from 'zod';
import { REGION_LEVELS } from '../regions';
import { itemsOf, RegionCodeSchema } from './common';

/*
 * Regions (reference data): `GET /api/v1/regions/:code`, `/regions/:code/children`, `/regions/search`.
 * Every region object carries `displayName` beside the contract's `name`: `name` is the name as NBS
 * publishes it (古庄村委会), `displayName` the one residents use (古庄村); both are searchable.
 */

/** province | city | county | township | village */
export const RegionLevelSchema = z.enum(REGION_LEVELS);

/** Longest accepted search text, in characters. */
export const REGION_QUERY_MAX = 40;
/** Default and largest `limit` of a region search. */
export const REGION_SEARCH_LIMIT_DEFAULT = 20;
export const REGION_SEARCH_LIMIT_MAX = 50;

/** `:code` of the region routes. */
export const RegionCodeParamsSchema = z.object({ code: RegionCodeSchema });

/** `?q=&level=&within=&limit=` of `GET /api/v1/regions/search`. */
export const RegionSearchQuerySchema = z.object({
  q: z
    .string({ error: '请输入要搜索的地名' })
    .trim()
    .min(1, '请输入要搜索的地名')
    .max(REGION_QUERY_MAX, `搜索内容不能超过 ${REGION_QUERY_MAX} 个字`),
  level: RegionLevelSchema.optional(),
  within: RegionCodeSchema.optional(),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(REGION_SEARCH_LIMIT_MAX, `最多返回 ${REGION_SEARCH_LIMIT_MAX} 条`)
    .default(REGION_SEARCH_LIMIT_DEFAULT),
});
export type RegionSearchQuery = z.infer<typeof RegionSearchQuerySchema>;

/** A region as a step of a path (province first). */
export const RegionRefSchema = z.object({
  code: z.string(),
  name: z.string(),
  displayName: z.string(),
  level: RegionLevelSchema,
});
export type RegionRef = z.infer<typeof RegionRefSchema>;

/** `GET /api/v1/regions/:code`: the region and its path from the province down to itself. */
export const RegionSchema = RegionRefSchema.extend({
  parentCode: z.string().nullable(),
  childCount: z.number().int(),
  path: z.array(RegionRefSchema),
});
export type Region = z.infer<typeof RegionSchema>;

/** One child in `GET /api/v1/regions/:code/children`. */
export const RegionChildSchema = RegionRefSchema.extend({ childCount: z.number().int() });
export type RegionChild = z.infer<typeof RegionChildSchema>;
export const RegionChildrenSchema = itemsOf(RegionChildSchema);

/** One hit of `GET /api/v1/regions/search`, best first. */
export const RegionSearchItemSchema = RegionRefSchema.extend({ path: z.array(RegionRefSchema) });
export type RegionSearchItem = z.infer<typeof RegionSearchItemSchema>;
export const RegionSearchResultSchema = itemsOf(RegionSearchItemSchema);
