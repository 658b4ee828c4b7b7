import Router from '@koa/router';
import {
  CatalogueIdParamsSchema,
  CatalogueItemQuerySchema,
  CatalogueItemViewSchema,
  CatalogueQuerySchema,
  CatalogueViewListSchema,
} from '@gongkai/shared';
import type { AppDeps } from '../../app';
import { doc } from '../../http/openapi';
import { input, validate } from '../../http/validate';
import { regionDirectory } from '../regions/service';
import type { RegionLookup } from './service';
import * as catalogue from './service';

/** The catalogue changes only through officials' edits: a short shared cache is safe. */
const CACHE_CONTROL = 'public, max-age=60';
const listReq = { query: CatalogueQuerySchema };
const itemReq = { params: CatalogueIdParamsSchema, query: CatalogueItemQuerySchema };

/** The region lookup of the app: `deps.regions` when given (tests), else the shared directory. */
export function regionLookup(deps: Pick<AppDeps, 'regions'>): () => Promise<RegionLookup> {
  return () => (deps.regions ? Promise.resolve(deps.regions) : regionDirectory());
}

/** `GET /api/v1/catalogue` and `GET /api/v1/catalogue/:id` (public reference data). */
export function catalogueRoutes(deps: Pick<AppDeps, 'regions'>): Router {
  const regions = regionLookup(deps);
  const router = new Router({ prefix: '/api/v1' });
  const tags = ['reference'];

  router.get(
    '/catalogue',
    doc({
      summary: '标准目录（省级事项；带 region 时另含该地区及其上级的本地事项）',
      tags,
      response: CatalogueViewListSchema,
    }),
    validate(listReq),
    async (ctx) => {
      const items = await catalogue.listPublic(input(ctx, listReq).query, await regions());
      ctx.set('Cache-Control', CACHE_CONTROL);
      ctx.body = { items };
    },
  );

  router.get(
    '/catalogue/:id',
    doc({
      summary: '目录事项（当前版本；带 version 时为该历史版本）',
      description: 'id 可为事项编号或事项编码（如 LA-03）。已停用的事项仍可查询（active 为 false）。',
      tags,
      response: CatalogueItemViewSchema,
    }),
    validate(itemReq),
    async (ctx) => {
      const { params, query } = input(ctx, itemReq);
      ctx.body = await catalogue.getItemOrThrow(params.id, query.version);
      ctx.set('Cache-Control', CACHE_CONTROL);
    },
  );
  return router;
}
