import Router from '@koa/router';
import {
  FollowCreateBodySchema,
  FollowIdParamsSchema,
  FollowListSchema,
  FollowSchema,
  SubscribeConsentBodySchema,
  SubscriptionStatusSchema,
} from '@gongkai/shared';
import type { ResolvedDeps } from '../../app';
import { requireResident, residentOf } from '../../http/auth';
import { doc } from '../../http/openapi';
import { input, validate } from '../../http/validate';
import { noticeRuntime } from '../notices/runtime';
import { follow, listFollows, unfollow } from './follows';
import { recordConsent, subscriptionStatus } from './quota';

const createReq = { body: FollowCreateBodySchema };
const idReq = { params: FollowIdParamsSchema };
const consentReq = { body: SubscribeConsentBodySchema };

/** `/api/v1/me/follows` and `/api/v1/me/subscribe-consent` (resident token). */
export function subscriptionRoutes(deps: ResolvedDeps): Router {
  const rt = noticeRuntime(deps);
  const router = new Router({ prefix: '/api/v1/me' });

  router.get('/follows', doc({ summary: '我的关注', tags: ['residents'], response: FollowListSchema }), requireResident(), async (ctx) => {
    ctx.body = await listFollows(await rt.regions(), residentOf(ctx).id);
  });

  router.post(
    '/follows',
    doc({ summary: '关注一个村（社区）/地区、领域、目录事项或公开信息（重复关注返回已有的关注，200）', tags: ['residents'], status: 201, response: FollowSchema }),
    requireResident(),
    validate(createReq),
    async (ctx) => {
      const r = await follow(await rt.regions(), residentOf(ctx).id, input(ctx, createReq).body);
      ctx.status = r.created ? 201 : 200;
      ctx.body = r.follow;
    },
  );

  router.delete('/follows/:id', doc({ summary: '取消关注（一键）', tags: ['residents'], status: 204 }), requireResident(), validate(idReq), async (ctx) => {
    await unfollow(residentOf(ctx).id, input(ctx, idReq).params.id);
    ctx.status = 204;
  });

  router.get(
    '/subscribe-consent',
    doc({ summary: '订阅消息模板及剩余次数（小程序据此调用 wx.requestSubscribeMessage）', tags: ['residents'], response: SubscriptionStatusSchema }),
    requireResident(),
    async (ctx) => {
      ctx.body = await subscriptionStatus(rt.templates, residentOf(ctx).id);
    },
  );

  router.post(
    '/subscribe-consent',
    doc({ summary: '上报 wx.requestSubscribeMessage 的结果（每个 accept 可发送一条）', tags: ['residents'], response: SubscriptionStatusSchema }),
    requireResident(),
    validate(consentReq),
    async (ctx) => {
      ctx.body = await recordConsent(rt.templates, residentOf(ctx).id, input(ctx, consentReq).body.results);
    },
  );
  return router;
}
