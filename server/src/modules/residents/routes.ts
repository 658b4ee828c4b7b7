import Router from '@koa/router';
import { DevLoginBodySchema, ResidentLoginResponseSchema, SavedVillagesBodySchema, SavedVillagesSchema, WechatLoginBodySchema } from '@gongkai/shared';
import type { ResolvedDeps } from '../../app';
import { requireResident, residentOf } from '../../http/auth';
import { notFound } from '../../http/errors';
import { doc } from '../../http/openapi';
import { rateLimit } from '../../http/rate-limit';
import { input, validate } from '../../http/validate';
import { noticeRuntime } from '../notices/runtime';
import { getVillages, putVillages, signInResident, signInWithWechat } from './service';

const devReq = { body: DevLoginBodySchema };
const wechatReq = { body: WechatLoginBodySchema };
const villagesReq = { body: SavedVillagesBodySchema };

/**
 * Resident sign-in (`POST /auth/wechat`; `POST /auth/dev` only with GONGKAI_DEV_LOGIN=1 outside production)
 * and saved villages (`/me/villages`).
 */
export function residentAuthRoutes(deps: ResolvedDeps): Router {
  const { config } = deps;
  const rt = noticeRuntime(deps);
  const router = new Router({ prefix: '/api/v1' });
  router.post(
    '/auth/wechat',
    doc({ summary: '微信登录（wx.login 的 code 换取居民令牌）', tags: ['residents'], response: ResidentLoginResponseSchema }),
    // Generous: many phones share a carrier NAT address; WeChat rate-limits codes per user itself (45011).
    rateLimit({ name: 'wechat-login-ip', limit: 600, windowMs: 60_000, key: (ctx) => ctx.ip }),
    validate(wechatReq),
    async (ctx) => {
      ctx.body = await signInWithWechat(rt.wechat, input(ctx, wechatReq).body.code, config.residentTokenTtlMs, ctx.ip);
    },
  );
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
  router.get('/me/villages', doc({ summary: '我保存的村（社区）', tags: ['residents'], response: SavedVillagesSchema }), requireResident(), async (ctx) => {
    ctx.body = await getVillages(await rt.regions(), residentOf(ctx).id);
  });
  router.put(
    '/me/villages',
    doc({ summary: '保存村（社区）（最多5个，顺序即显示顺序，第一个为默认）', tags: ['residents'], response: SavedVillagesSchema }),
    requireResident(),
    validate(villagesReq),
    async (ctx) => {
      ctx.body = await putVillages(await rt.regions(), residentOf(ctx).id, input(ctx, villagesReq).body.codes);
    },
  );
  return router;
}
