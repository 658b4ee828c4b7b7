import Router from '@koa/router';
import {
  AdminUserSchema,
  ChangePasswordBodySchema,
  CreateUserBodySchema,
  IdParamsSchema,
  LoginBodySchema,
  LoginResponseSchema,
  ResetPasswordBodySchema,
  UpdateUserBodySchema,
  UserListQuerySchema,
  UserListSchema,
} from '@gongkai/shared';
import type { AppDeps } from '../../app';
import { adminOf, requestMeta, requireAdmin } from '../../http/auth';
import { doc } from '../../http/openapi';
import { rateLimit } from '../../http/rate-limit';
import { input, validate } from '../../http/validate';
import * as accounts from './service';

const loginReq = { body: LoginBodySchema };
const createReq = { body: CreateUserBodySchema };
const listReq = { query: UserListQuerySchema };
const updateReq = { params: IdParamsSchema, body: UpdateUserBodySchema };
const resetReq = { params: IdParamsSchema, body: ResetPasswordBodySchema };
const passwordReq = { body: ChangePasswordBodySchema };

/** Officials: login/logout, me, password, and user management within the admin's subtree. */
export function accountRoutes({ config }: AppDeps): Router {
  const router = new Router({ prefix: '/api/v1/admin' });
  const tag = ['admin-accounts'];

  router.post(
    '/auth/login',
    doc({ summary: '官员登录', tags: tag, response: LoginResponseSchema }),
    // Slows password guessing from one address across accounts (per-account lockout is in the service).
    rateLimit({ name: 'admin-login', limit: 30, windowMs: 60_000, key: (ctx) => ctx.ip, message: '登录尝试过于频繁，请1分钟后再试' }),
    validate(loginReq),
    async (ctx) => {
      const { username, password } = input(ctx, loginReq).body;
      ctx.body = await accounts.login(username, password, config.tokenTtlMs, requestMeta(ctx));
    },
  );

  router.post('/auth/logout', doc({ summary: '退出登录（令牌立即失效）', tags: tag, status: 204 }), requireAdmin(), async (ctx) => {
    await accounts.logout(adminOf(ctx));
    ctx.status = 204;
  });

  router.get('/me', doc({ summary: '当前用户', tags: tag, response: AdminUserSchema }), requireAdmin(), async (ctx) => {
    const me = adminOf(ctx);
    ctx.body = accounts.toUser(await accounts.getUser(me, me.id));
  });

  router.post('/me/password', doc({ summary: '修改本人密码', tags: tag, status: 204 }), requireAdmin(), validate(passwordReq), async (ctx) => {
    await accounts.changeOwnPassword(adminOf(ctx), input(ctx, passwordReq).body);
    ctx.status = 204;
  });

  router.get('/users', doc({ summary: '本辖区用户列表', tags: tag, response: UserListSchema }), requireAdmin('admin'), validate(listReq), async (ctx) => {
    ctx.body = await accounts.listUsers(adminOf(ctx), input(ctx, listReq).query);
  });

  router.post('/users', doc({ summary: '创建用户（本辖区内）', tags: tag, response: AdminUserSchema, status: 201 }), requireAdmin('admin'), validate(createReq), async (ctx) => {
    ctx.body = await accounts.createUser(adminOf(ctx), input(ctx, createReq).body);
    ctx.status = 201;
  });

  router.patch('/users/:id', doc({ summary: '修改用户（角色、地区、停用）', tags: tag, response: AdminUserSchema }), requireAdmin('admin'), validate(updateReq), async (ctx) => {
    const { params, body } = input(ctx, updateReq);
    ctx.body = await accounts.updateUser(adminOf(ctx), params.id, body);
  });

  router.post('/users/:id/reset-password', doc({ summary: '重置用户密码', tags: tag, response: AdminUserSchema }), requireAdmin('admin'), validate(resetReq), async (ctx) => {
    const { params, body } = input(ctx, resetReq);
    ctx.body = await accounts.resetPassword(adminOf(ctx), params.id, body.password);
  });

  return router;
}

