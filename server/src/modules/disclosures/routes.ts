import Router from '@koa/router';
import {
  DisclosureCountsQuerySchema,
  DisclosureCountsSchema,
  DisclosureDetailSchema,
  DisclosureIdParamsSchema,
  DisclosureListQuerySchema,
  DisclosureSearchListSchema,
  DisclosureVerifySchema,
} from '@gongkai/shared';
import type { AppDeps } from '../../app';
import { doc } from '../../http/openapi';
import { input, validate } from '../../http/validate';
import { publicAttachmentRoutes } from './attachments-routes';
import { utf8Body } from './body-bytes';
import { countPublished } from './counts';
import { getPublicDetailJson, verifyDisclosure } from './read';
import { listOrSearchJson, searchRoutes } from './search-routes';

const listReq = { query: DisclosureListQuerySchema };
const byId = { params: DisclosureIdParamsSchema };
const countsReq = { query: DisclosureCountsQuerySchema };

/** Public reading: `GET /api/v1/disclosures`, `/disclosures/:id`, `/disclosures/:id/verify` (no login). */
export function disclosureRoutes(deps: Pick<AppDeps, 'regions' | 'config'>): Router {
  const router = new Router({ prefix: '/api/v1/disclosures' });
  const tags = ['disclosures'];

  router.get(
    '/',
    doc({
      summary: '公开信息列表（本地区及上级地区，最新在前）',
      description: 'region 为村时包含本村、所属乡镇和县（市、区）发布的信息，不含其他村。带 q 时为全文检索（同 /disclosures/search，按相关度排序并带 highlights）。',
      tags,
      response: DisclosureSearchListSchema,
    }),
    validate(listReq),
    async (ctx) => {
      ctx.type = 'application/json';
      ctx.body = utf8Body(await listOrSearchJson(deps, input(ctx, listReq).query));
    },
  );

  router.get(
    '/counts',
    doc({
      summary: '各领域公开信息条数（本地区及上级地区）',
      description: '与 GET /disclosures?region=&domain= 的 total 一致；供小程序首页领域宫格使用。',
      tags,
      response: DisclosureCountsSchema,
    }),
    validate(countsReq),
    async (ctx) => {
      ctx.body = await countPublished(deps, input(ctx, countsReq).query.region);
    },
  );

  searchRoutes(router, deps);
  publicAttachmentRoutes(router, deps);

  router.get('/:id', doc({ summary: '公开信息详情（个人信息已脱敏）', tags, response: DisclosureDetailSchema }), validate(byId), async (ctx) => {
    ctx.type = 'application/json';
    ctx.body = utf8Body(await getPublicDetailJson(input(ctx, byId).params.id));
  });

  router.get(
    '/:id/verify',
    doc({ summary: '校验版本哈希链（防篡改）', description: '逐版重新计算哈希并核对前后衔接。', tags, response: DisclosureVerifySchema }),
    validate(byId),
    async (ctx) => {
      ctx.body = await verifyDisclosure(input(ctx, byId).params.id);
    },
  );

  return router;
}
