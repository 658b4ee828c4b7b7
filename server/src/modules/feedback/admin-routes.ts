import Router from '@koa/router';
import { z } from 'zod';
import {
  AdminFeedbackDetailSchema,
  AdminFeedbackListSchema,
  AdminFeedbackQuerySchema,
  AdminNoticeListSchema,
  AdminNoticeQuerySchema,
  AdminNoticeReadBodySchema,
  FeedbackAnswerBodySchema,
  FeedbackExtendBodySchema,
  FeedbackIdParamsSchema,
  FeedbackImageParamsSchema,
  FeedbackNoteBodySchema,
  FeedbackReassignBodySchema,
  FeedbackRejectBodySchema,
} from '@gongkai/shared';
import type { ResolvedDeps } from '../../app';
import { adminOf, requireAdmin } from '../../http/auth';
import { doc } from '../../http/openapi';
import { input, validate } from '../../http/validate';
import { getForAdmin, listForAdmin } from './admin-read';
import { listAdminNotices, markAdminNoticesRead } from './admin-notices';
import { ImageStore } from './images';
import { sendImage } from './routes';
import { HANDLER_ROLES, acceptFeedback, answerFeedback, closeFeedback, extendFeedback, loadInScope, reassignFeedback, rejectFeedback } from './workflow';

const listReq = { query: AdminFeedbackQuerySchema };
const byId = { params: FeedbackIdParamsSchema };
const imageReq = { params: FeedbackImageParamsSchema };
const noteReq = { params: FeedbackIdParamsSchema, body: FeedbackNoteBodySchema };
const reassignReq = { params: FeedbackIdParamsSchema, body: FeedbackReassignBodySchema };
const extendReq = { params: FeedbackIdParamsSchema, body: FeedbackExtendBodySchema };
const answerReq = { params: FeedbackIdParamsSchema, body: FeedbackAnswerBodySchema };
const rejectReq = { params: FeedbackIdParamsSchema, body: FeedbackRejectBodySchema };
const noticesReq = { query: AdminNoticeQuerySchema };
const readReq = { body: AdminNoticeReadBodySchema };

/**
 * Officials' endpoints: the inbox of their scope (any role; assessors read), one item with its history, and
 * the workflow steps (editors, reviewers and admins in scope; reassign: admins). Items outside the caller's
 * scope are 404. Also the officials' own notices (`/admin/notices`).
 */
export function feedbackAdminRoutes(deps: ResolvedDeps): Router {
  const router = new Router({ prefix: '/api/v1/admin' });
  const tags = ['admin-feedback'];
  const store = ImageStore.under(deps.config.dataDir);
  const detail = AdminFeedbackDetailSchema;

  router.get(
    '/feedback',
    doc({
      summary: '本辖区的群众诉求（咨询、建议、依申请公开）',
      description: 'state、type、overdue（超期未答复）、region（本辖区内某地区，按承办地区或诉求所属地区）、trackingNo 筛选；overdue=true 时超期最久的在前，否则最新在前。',
      tags,
      response: AdminFeedbackListSchema,
    }),
    requireAdmin(),
    validate(listReq),
    async (ctx) => {
      ctx.body = await listForAdmin(deps, adminOf(ctx), input(ctx, listReq).query);
    },
  );

  router.get('/feedback/:id', doc({ summary: '群众诉求详情（含办理过程）', tags, response: detail }), requireAdmin(), validate(byId), async (ctx) => {
    ctx.body = await getForAdmin(deps, adminOf(ctx), input(ctx, byId).params.id);
  });

  router.get('/feedback/:id/images/:imageId', doc({ summary: '诉求图片', tags, produces: 'image/*' }), requireAdmin(), validate(imageReq), async (ctx) => {
    const { id, imageId } = input(ctx, imageReq).params;
    await sendImage(ctx, store, await loadInScope(adminOf(ctx), id), imageId);
  });

  router.post('/feedback/:id/accept', doc({ summary: '受理（已接收 → 已受理）', tags, response: detail }), requireAdmin(...HANDLER_ROLES), validate(noteReq), async (ctx) => {
    const { params, body } = input(ctx, noteReq);
    ctx.body = await acceptFeedback(deps, adminOf(ctx), params.id, body.note);
  });

  router.post(
    '/feedback/:id/reassign',
    doc({ summary: '转办给本辖区内的其他地区（管理员；重新进入“已接收”，期限不变）', tags, response: detail }),
    requireAdmin('admin'),
    validate(reassignReq),
    async (ctx) => {
      const { params, body } = input(ctx, reassignReq);
      ctx.body = await reassignFeedback(deps, adminOf(ctx), params.id, body.regionCode, body.note);
    },
  );

  router.post(
    '/feedback/:id/extend',
    doc({
      summary: '延长答复期限（仅依申请公开，仅一次，最长20个工作日，须说明理由）',
      description: '政府信息公开条例第三十三条。理由会告知申请人。已过期限或已延长过为 409。',
      tags,
      response: detail,
    }),
    requireAdmin(...HANDLER_ROLES),
    validate(extendReq),
    async (ctx) => {
      const { params, body } = input(ctx, extendReq);
      ctx.body = await extendFeedback(deps, adminOf(ctx), params.id, body);
    },
  );

  router.post(
    '/feedback/:id/answer',
    doc({ summary: '答复（已受理 → 已答复）；public=false 时答复不公开', tags, response: detail }),
    requireAdmin(...HANDLER_ROLES),
    validate(answerReq),
    async (ctx) => {
      const { params, body } = input(ctx, answerReq);
      ctx.body = await answerFeedback(deps, adminOf(ctx), params.id, body);
    },
  );

  router.post('/feedback/:id/reject', doc({ summary: '不予受理（须说明理由）', tags, response: detail }), requireAdmin(...HANDLER_ROLES), validate(rejectReq), async (ctx) => {
    const { params, body } = input(ctx, rejectReq);
    ctx.body = await rejectFeedback(deps, adminOf(ctx), params.id, body.reason);
  });

  router.post('/feedback/:id/close', doc({ summary: '办结（已答复 → 已办结）', tags, response: detail }), requireAdmin(...HANDLER_ROLES), validate(noteReq), async (ctx) => {
    const { params, body } = input(ctx, noteReq);
    ctx.body = await closeFeedback(deps, adminOf(ctx), params.id, body.note);
  });

  router.get('/notices', doc({ summary: '我的站内通知（如超期提醒），最新在前', tags: ['admin-notices'], response: AdminNoticeListSchema }), requireAdmin(), validate(noticesReq), async (ctx) => {
    ctx.body = await listAdminNotices(adminOf(ctx).id, input(ctx, noticesReq).query);
  });

  router.post(
    '/notices/read',
    doc({ summary: '标为已读（ids 或 all）', tags: ['admin-notices'], response: z.object({ marked: z.int() }) }),
    requireAdmin(),
    validate(readReq),
    async (ctx) => {
      ctx.body = await markAdminNoticesRead(adminOf(ctx).id, input(ctx, readReq).body);
    },
  );

  return router;
}
