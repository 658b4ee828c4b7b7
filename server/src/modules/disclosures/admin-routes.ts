import Router from '@koa/router';
import {
  AdminDisclosureDetailSchema,
  AdminDisclosureListQuerySchema,
  AdminDisclosureListSchema,
  AdminDisclosureSummarySchema,
  ApproveBodySchema,
  DisclosureCreateBodySchema,
  DisclosureDetailSchema,
  DisclosureIdParamsSchema,
  DisclosureUpdateBodySchema,
  DisclosureVersionParamsSchema,
  ReturnBodySchema,
  WithdrawBodySchema,
} from '@gongkai/shared';
import type { ResolvedDeps } from '../../app';
import { adminOf, requireAdmin } from '../../http/auth';
import { doc } from '../../http/openapi';
import { input, validate } from '../../http/validate';
import { adminAttachmentRoutes } from './attachments-routes';
import { getForAdmin, getVersionForAdmin, listForAdmin, previewForAdmin, summaryOfRecord } from './admin-read';
import { tableImportRoutes } from './table-import-routes';
import * as workflow from './workflow';

const createReq = { body: DisclosureCreateBodySchema };
const listReq = { query: AdminDisclosureListQuerySchema };
const byId = { params: DisclosureIdParamsSchema };
const updateReq = { params: DisclosureIdParamsSchema, body: DisclosureUpdateBodySchema };
const approveReq = { params: DisclosureIdParamsSchema, body: ApproveBodySchema };
const returnReq = { params: DisclosureIdParamsSchema, body: ReturnBodySchema };
const withdrawReq = { params: DisclosureIdParamsSchema, body: WithdrawBodySchema };
const versionReq = { params: DisclosureVersionParamsSchema };

/**
 * Officials: `/api/v1/admin/disclosures` — draft, edit, submit, approve (now or scheduled), return,
 * withdraw, and the in-scope list, detail, version and preview. Roles are checked here and again, with the
 * region scope, in the services.
 */
export function disclosureAdminRoutes(deps: ResolvedDeps): Router {
  const router = new Router({ prefix: '/api/v1/admin/disclosures' });
  const tags = ['admin-disclosures'];
  const summary = AdminDisclosureSummarySchema;

  router.get('/', doc({ summary: '本辖区公开信息（状态、时效筛选）', tags, response: AdminDisclosureListSchema }), requireAdmin(), validate(listReq), async (ctx) => {
    ctx.body = await listForAdmin(adminOf(ctx), input(ctx, listReq).query);
  });

  router.post('/', doc({ summary: '起草公开信息', tags, response: summary, status: 201 }), requireAdmin('editor'), validate(createReq), async (ctx) => {
    ctx.body = summaryOfRecord(await workflow.createDisclosure(deps, adminOf(ctx), input(ctx, createReq).body));
    ctx.status = 201;
  });

  router.get('/:id', doc({ summary: '公开信息全文（未脱敏，含待审版本与历史版本）', tags, response: AdminDisclosureDetailSchema }), requireAdmin(), validate(byId), async (ctx) => {
    ctx.body = await getForAdmin(adminOf(ctx), input(ctx, byId).params.id);
  });

  router.get('/:id/preview', doc({ summary: '公众视图预览（脱敏后）', tags, response: DisclosureDetailSchema }), requireAdmin(), validate(byId), async (ctx) => {
    ctx.body = await previewForAdmin(adminOf(ctx), input(ctx, byId).params.id);
  });

  router.get('/:id/versions/:version', doc({ summary: '某一已发布版本（原文与公众视图）', tags }), requireAdmin(), validate(versionReq), async (ctx) => {
    const { id, version } = input(ctx, versionReq).params;
    ctx.body = await getVersionForAdmin(adminOf(ctx), id, version);
  });

  router.patch('/:id', doc({ summary: '修改草稿，或为已发布信息起草新版本', tags, response: summary }), requireAdmin('editor'), validate(updateReq), async (ctx) => {
    const { params, body } = input(ctx, updateReq);
    ctx.body = summaryOfRecord(await workflow.updateDisclosure(deps, adminOf(ctx), params.id, body));
  });

  router.post('/:id/submit', doc({ summary: '提交审核', tags, response: summary }), requireAdmin('editor'), validate(byId), async (ctx) => {
    ctx.body = summaryOfRecord(await workflow.submitDisclosure(adminOf(ctx), input(ctx, byId).params.id));
  });

  router.post(
    '/:id/approve',
    doc({ summary: '审核通过并发布（可定时）', description: '编写或提交者本人不能审核（409）。publishAt 为将来时间时定时发布。', tags, response: summary }),
    requireAdmin('reviewer'),
    validate(approveReq),
    async (ctx) => {
      const { params, body } = input(ctx, approveReq);
      ctx.body = summaryOfRecord(await workflow.approveDisclosure(deps, adminOf(ctx), params.id, body));
    },
  );

  router.post('/:id/return', doc({ summary: '退回修改（附意见）', tags, response: summary }), requireAdmin('reviewer'), validate(returnReq), async (ctx) => {
    const { params, body } = input(ctx, returnReq);
    ctx.body = summaryOfRecord(await workflow.returnDisclosure(adminOf(ctx), params.id, body.comment));
  });

  router.post('/:id/withdraw', doc({ summary: '撤回已发布信息（附原因）', tags, response: summary }), requireAdmin('reviewer'), validate(withdrawReq), async (ctx) => {
    const { params, body } = input(ctx, withdrawReq);
    ctx.body = summaryOfRecord(await workflow.withdrawDisclosure(deps, adminOf(ctx), params.id, body.reason));
  });

  adminAttachmentRoutes(router, deps);
  tableImportRoutes(router, deps);

  return router;
}
