import type Router from '@koa/router';
import { DisclosureSearchListSchema, DisclosureSearchQuerySchema, type DisclosureListQuery } from '@gongkai/shared';
import type { AppDeps } from '../../app';
import { doc } from '../../http/openapi';
import { input, validate } from '../../http/validate';
import { utf8Body } from './body-bytes';
import { listPublishedJson } from './read';
import { searchPublishedJson } from './search-query';

const searchReq = { query: DisclosureSearchQuerySchema };

/** The public list's JSON: full-text search results when `q` is given, else the list (read.ts). */
export function listOrSearchJson(deps: Pick<AppDeps, 'regions'>, q: DisclosureListQuery): Promise<string> {
  return q.q ? searchPublishedJson(deps, { ...q, q: q.q }) : listPublishedJson(deps, q);
}

/** `GET /api/v1/disclosures/search` on the public disclosures router (register before `/:id`). */
export function searchRoutes(router: Router, deps: Pick<AppDeps, 'regions'>): void {
  router.get(
    '/search',
    doc({
      summary: '全文检索公开信息（本地区及上级地区）',
      description:
        '中文分词检索标题、正文和表格（均为脱敏后的公开内容）。排序：标题含整个检索词、标题含全部词、标题含部分词、仅正文或表格命中；同级按发布时间从新到旧。highlights 为命中片段（<em> 标记，其余已转义）。',
      tags: ['disclosures'],
      response: DisclosureSearchListSchema,
    }),
    validate(searchReq),
    async (ctx) => {
      ctx.type = 'application/json';
      ctx.body = utf8Body(await searchPublishedJson(deps, input(ctx, searchReq).query));
    },
  );
}
