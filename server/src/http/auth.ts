import type { Context, Middleware, Next } from 'koa';
import type { AdminRole } from '@gongkai/shared';
import { findSession, type SessionKind } from '../modules/accounts/session.model';
import { AdminUserModel } from '../modules/accounts/user.model';
import { AppError, forbidden, unauthenticated } from './errors';

/** Where a request came from (for the audit log). */
export interface RequestMeta {
  ip?: string;
  userAgent?: string;
}

/** A signed-in official: services receive this, never `ctx`. */
export interface AdminCaller extends RequestMeta {
  kind: 'admin';
  id: string;
  username: string;
  role: AdminRole;
  regionCode: string;
  displayName: string;
  token?: string;
}

/** A signed-in resident. */
export interface ResidentCaller extends RequestMeta {
  kind: 'resident';
  id: string;
  token?: string;
}

function bearer(ctx: Context): string | undefined {
  const h = ctx.get('Authorization');
  const m = /^Bearer\s+(\S+)$/i.exec(h);
  return m?.[1];
}

/** Request metadata for audit entries. */
export function requestMeta(ctx: Context): RequestMeta {
  return { ip: ctx.ip, userAgent: ctx.get('User-Agent').slice(0, 200) || undefined };
}

async function sessionOf(ctx: Context, kind: SessionKind) {
  const token = bearer(ctx);
  if (!token) throw unauthenticated();
  const s = await findSession(kind, token);
  if (!s) throw new AppError(401, 'UNAUTHENTICATED', '登录已过期或无效，请重新登录');
  return { token, session: s };
}

/** Loads the admin caller of a request (401 without a valid admin token; 403 for a disabled account). */
export async function adminCaller(ctx: Context): Promise<AdminCaller> {
  const { token, session } = await sessionOf(ctx, 'admin');
  const u = await AdminUserModel.findById(session.subject).lean();
  if (!u) throw new AppError(401, 'UNAUTHENTICATED', '登录已过期或无效，请重新登录');
  if (u.disabled) throw forbidden('账号已停用');
  return {
    kind: 'admin',
    id: String(u._id),
    username: u.username,
    role: u.role as AdminRole,
    regionCode: u.regionCode,
    displayName: u.displayName,
    token,
    ...requestMeta(ctx),
  };
}

type Marked = Middleware & { auth?: 'admin' | 'resident' };

/**
 * Requires an admin token; with roles given, the caller's role must be one of them (`admin` always may).
 * Sets `ctx.state.caller`.
 */
export function requireAdmin(...roles: AdminRole[]): Middleware {
  const mw: Marked = async (ctx: Context, next: Next) => {
    const caller = await adminCaller(ctx);
    if (roles.length && caller.role !== 'admin' && !roles.includes(caller.role)) {
      throw forbidden('当前角色无权进行此操作');
    }
    ctx.state.caller = caller;
    await next();
  };
  mw.auth = 'admin';
  return mw;
}

/** Requires a resident token. Sets `ctx.state.caller`. */
export function requireResident(): Middleware {
  const mw: Marked = async (ctx: Context, next: Next) => {
    const { token, session } = await sessionOf(ctx, 'resident');
    const caller: ResidentCaller = { kind: 'resident', id: String(session.subject), token, ...requestMeta(ctx) };
    ctx.state.caller = caller;
    await next();
  };
  mw.auth = 'resident';
  return mw;
}

/** The admin caller set by `requireAdmin`. */
export function adminOf(ctx: Context): AdminCaller {
  const c = ctx.state.caller as AdminCaller | undefined;
  if (!c || c.kind !== 'admin') throw unauthenticated();
  return c;
}

/** The resident caller set by `requireResident`. */
export function residentOf(ctx: Context): ResidentCaller {
  const c = ctx.state.caller as ResidentCaller | undefined;
  if (!c || c.kind !== 'resident') throw unauthenticated();
  return c;
}
