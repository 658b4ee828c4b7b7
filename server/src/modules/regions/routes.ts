import Router from '@koa/router';
import {
  RegionChildrenSchema,
  RegionCodeParamsSchema,
  RegionSchema,
  RegionSearchQuerySchema,
  RegionSearchResultSchema,
} from '@gongkai/shared';
import type { AppDeps } from '../../app';
import { doc } from '../../http/openapi';
import { notFound } from '../../http/errors';
import { input, validate } from '../../http/validate';
import { regionDirectory, type RegionDirectory } from './service';

/** Region data changes only with a new seed at start-up: let clients and proxies keep it an hour. */
const CACHE_CONTROL = 'public, max-age=3600';
const byCode = { params: RegionCodeParamsSchema };
const search = { query: RegionSearchQuerySchema };
const REGION_NOT_FOUND = '行政区划不存在';

/**
 * `GET /api/v1/regions/search`, `/regions/:code` and `/regions/:code/children` (public reference data),
 * answered from the in-memory directory: `deps.regions` when given, else the shared one loaded lazily.
 */
export function regionRoutes(deps: Pick<AppDeps, 'regions'>): Router {
  const directory = (): Promise<RegionDirectory> => (deps.regions ? Promise.resolve(deps.regions) : regionDirectory());
  const router = new Router({ prefix: '/api/v1/regions' });

  // Declared before '/:code' so that "search" is never read as a code.
  router.get(
    '/search',
    doc({
      summary: '搜索行政区划（中文、全拼、首字母）',
      description: '精确匹配优先，其次前缀、包含；同等匹配时层级高者在前。within 限定子树，level 限定层级。',
      tags: ['reference'],
      response: RegionSearchResultSchema,
    }),
    validate(search),
    async (ctx) => {
      const { q, level, within, limit } = input(ctx, search).query;
      const dir = await directory();
      if (within && !dir.has(within)) throw notFound(`${REGION_NOT_FOUND}：${within}`);
      ctx.set('Cache-Control', CACHE_CONTROL);
      ctx.body = { items: dir.search(q, { level, within, limit }) };
    },
  );

  router.get(
    '/:code',
    doc({ summary: '行政区划及其路径（省→本级）', tags: ['reference'], response: RegionSchema }),
    validate(byCode),
    async (ctx) => {
      const { code } = input(ctx, byCode).params;
      const region = (await directory()).get(code);
      if (!region) throw notFound(`${REGION_NOT_FOUND}：${code}`);
      ctx.set('Cache-Control', CACHE_CONTROL);
      ctx.body = region;
    },
  );

  router.get(
    '/:code/children',
    doc({ summary: '下级行政区划（全部，不分页）', tags: ['reference'], response: RegionChildrenSchema }),
    validate(byCode),
    async (ctx) => {
      const { code } = input(ctx, byCode).params;
      const items = (await directory()).children(code);
      if (!items) throw notFound(`${REGION_NOT_FOUND}：${code}`);
      ctx.set('Cache-Control', CACHE_CONTROL);
      ctx.body = { items };
    },
  );
  return router;
}
