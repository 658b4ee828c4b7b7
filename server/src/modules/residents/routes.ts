import Router from '@koa/router';
import { z } from 'zod';
import type { AppDeps } from '../../app';
import { notFound } from '../../http/errors';
import { doc } from '../../http/openapi';
import { input, validate } from '../../http/validate';
import { signInResident } from './service';

export const DevLoginBodySchema = z.object({
  openid: z.string().trim().min(1).max(64).regex(/^[\w-]+$/, 'openid 只能包含字母、数字、下划线和连字符'),
});
export const ResidentLoginResponseSchema = z.object({ token: z.string(), expiresAt: z.string(), resident: z.object({ id: z.string() }) });

const devReq = { body: DevLoginBodySchema };

/** Resident sign-in. `POST /auth/dev` exists only with GONGKAI_DEV_LOGIN=1 outside production (contract). */
export function residentAuthRoutes({ config }: AppDeps): Router {
  const router = new Router({ prefix: '/api/v1' });
  router.post(
    '/auth/dev',
    doc({ summary: '开发登录（仅演示/测试环境启用）', tags: ['residents'], response: ResidentLoginResponseSchema }),
    async (ctx, next) => {
      if (!config.devLogin) throw notFound('接口不存在');
      await next();
    },
    validate(devReq),
    async (ctx) => {
      ctx.body = await signInResident({ openid: `dev:${input(ctx, devReq).body.openid}` }, config.residentTokenTtlMs, ctx.ip);
    },
  );
  return router;
}
