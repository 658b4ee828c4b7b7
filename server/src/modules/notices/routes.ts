import Router from '@koa/router';
import { z } from 'zod';
import {
  DisclosureNoticeStatsSchema,
  IdSchema,
  NoticeListQuerySchema,
  NoticeListSchema,
  NoticeResendResponseSchema,
  NoticesReadBodySchema,
  NoticesReadResponseSchema,
} from '@gongkai/shared';
import type { ResolvedDeps } from '../../app';
import { adminOf, requireAdmin, requireResident, residentOf } from '../../http/auth';
import { doc } from '../../http/openapi';
import { input, validate } from '../../http/validate';
import { listNotices, markNoticesRead } from './inbox';
import { noticeRuntime } from './runtime';
import { disclosureNoticeStats, resendDisclosureNotices } from './stats';

const listReq = { query: NoticeListQuerySchema };
const readReq = { body: NoticesReadBodySchema };
const idReq = { params: z.object({ id: IdSchema }) };

/** The resident's inbox (`/me/notices`) and the officials' delivery view of a disclosure's notices. */
export function noticeRoutes(deps: ResolvedDeps): Router {
  const rt = noticeRuntime(deps);
  const router = new Router({ prefix: '/api/v1' });

  router.get(
    '/me/notices',
    doc({ summary: '我的通知（最新在前；unread=true 只看未读；含未读数）', tags: ['residents'], response: NoticeListSchema }),
    requireResident(),
    validate(listReq),
    async (ctx) => {
      ctx.body = await listNotices(rt, residentOf(ctx).id, input(ctx, listReq).query);
    },
  );

  router.post(
    '/me/notices/read',
    doc({ summary: '标为已读（ids 或 all: true）', tags: ['residents'], response: NoticesReadResponseSchema }),
    requireResident(),
    validate(readReq),
    async (ctx) => {
      ctx.body = await markNoticesRead(rt, residentOf(ctx).id, input(ctx, readReq).body);
    },
  );

  router.get(
    '/admin/disclosures/:id/notices',
    doc({ summary: '公开信息的通知送达情况（站内、微信已发/失败原因/待发）', tags: ['admin-notices'], response: DisclosureNoticeStatsSchema }),
    requireAdmin(),
    validate(idReq),
    async (ctx) => {
      ctx.body = await disclosureNoticeStats(rt, adminOf(ctx), input(ctx, idReq).params.id);
    },
  );

  router.post(
    '/admin/disclosures/:id/notices/resend',
    doc({ summary: '重发可重试的失败微信通知（审核员、管理员）', tags: ['admin-notices'], response: NoticeResendResponseSchema }),
    requireAdmin('reviewer'),
    validate(idReq),
    async (ctx) => {
      ctx.body = await resendDisclosureNotices(rt, adminOf(ctx), input(ctx, idReq).params.id);
    },
  );
  return router;
}
