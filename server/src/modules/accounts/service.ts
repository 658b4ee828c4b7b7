import type { z } from 'zod';
import {
  PASSWORD_POLICY_TEXT,
  PasswordSchema,
  regionLevel,
  type AdminRole,
  type ChangePasswordBodySchema,
  type CreateUserBodySchema,
  type UpdateUserBodySchema,
  type UserListQuerySchema,
} from '@gongkai/shared';
import type { AdminCaller, RequestMeta } from '../../http/auth';
import { AppError, conflict, forbidden, notFound, validationFailed } from '../../http/errors';
import { pageWindow } from '../../db/plugins';
import { audit } from '../audit/service';
import { assertInScope, scopeCodesOf, scopeFilter } from './scope';
import { issueToken, revokeSubject, revokeToken } from './session.model';
import { AdminUserModel } from './user.model';
import { hashPassword, verifyDummy, verifyPassword } from './password';

/** Failed logins before the account locks, and for how long. */
export const LOCKOUT = { attempts: 5, minutes: 15 };

type UserDoc = InstanceType<typeof AdminUserModel>;

/** The public shape of an official (no hash, no counters). */
export function toUser(u: UserDoc) {
  return {
    id: String(u._id),
    username: u.username,
    role: u.role as AdminRole,
    regionCode: u.regionCode,
    displayName: u.displayName,
    disabled: u.disabled ?? false,
    createdAt: u.get('createdAt')?.toISOString?.(),
    lastLoginAt: u.lastLoginAt?.toISOString(),
  };
}

const BAD_CREDENTIALS = '用户名或密码错误';

/**
 * Signs an official in. Wrong credentials answer the same whether or not the user exists; the fifth
 * failure in a row locks the account for 15 minutes (423), during which even the right password fails.
 */
export async function login(username: string, password: string, ttlMs: number, meta: RequestMeta) {
  const user = await AdminUserModel.findOne({ usernameKey: username.trim().toLowerCase() });
  if (!user) {
    await verifyDummy(password);
    throw new AppError(401, 'UNAUTHENTICATED', BAD_CREDENTIALS);
  }
  const now = Date.now();
  if (user.lockedUntil && user.lockedUntil.getTime() > now) {
    const minutes = Math.ceil((user.lockedUntil.getTime() - now) / 60_000);
    throw new AppError(423, 'LOCKED', `登录失败次数过多，账号已锁定，请${minutes}分钟后再试`, { lockedUntil: user.lockedUntil.toISOString() });
  }
  const ok = await verifyPassword(user.passwordHash, password);
  if (!ok) {
    const failures = (user.lockedUntil ? 0 : user.failedLogins ?? 0) + 1;
    const lock = failures >= LOCKOUT.attempts;
    await AdminUserModel.updateOne(
      { _id: user._id },
      lock
        ? { $set: { failedLogins: 0, lockedUntil: new Date(now + LOCKOUT.minutes * 60_000) } }
        : { $set: { failedLogins: failures }, $unset: { lockedUntil: 1 } },
    );
    await audit(actorOf(user, meta), lock ? 'auth.locked' : 'auth.login-failed', { type: 'user', id: String(user._id), regionCode: user.regionCode });
    if (lock) throw new AppError(423, 'LOCKED', `登录失败次数过多，账号已锁定${LOCKOUT.minutes}分钟`);
    throw new AppError(401, 'UNAUTHENTICATED', BAD_CREDENTIALS, { remainingAttempts: LOCKOUT.attempts - failures });
  }
  if (user.disabled) throw new AppError(403, 'FORBIDDEN', '账号已停用，请联系管理员');
  await AdminUserModel.updateOne({ _id: user._id }, { $set: { failedLogins: 0, lastLoginAt: new Date() }, $unset: { lockedUntil: 1 } });
  const { token, expiresAt } = await issueToken('admin', String(user._id), ttlMs, meta.ip);
  await audit(actorOf(user, meta), 'auth.login', { type: 'user', id: String(user._id), regionCode: user.regionCode });
  return { token, expiresAt: expiresAt.toISOString(), user: toUser(user) };
}

function actorOf(user: UserDoc, meta: RequestMeta) {
  return { id: String(user._id), username: user.username, role: user.role, regionCode: user.regionCode, ...meta };
}

/** Ends the caller's session (the token stops working at once). */
export async function logout(caller: AdminCaller): Promise<void> {
  if (caller.token) await revokeToken(caller.token);
  await audit(caller, 'auth.logout', { type: 'user', id: caller.id, regionCode: caller.regionCode });
}

export async function getUser(caller: AdminCaller, id: string) {
  const u = await AdminUserModel.findById(id);
  if (!u) throw notFound('用户不存在');
  assertInScope(caller, u.regionCode, '该用户');
  return u;
}

/** Creates an official in the caller's subtree (admins only; the route checks the role). */
export async function createUser(caller: AdminCaller, body: z.output<typeof CreateUserBodySchema>) {
  assertInScope(caller, body.regionCode);
  if (!regionLevel(body.regionCode)) throw validationFailed('无效的行政区划代码');
  const exists = await AdminUserModel.exists({ usernameKey: body.username.toLowerCase() });
  if (exists) throw conflict('用户名已存在');
  const u = await AdminUserModel.create({
    username: body.username,
    usernameKey: body.username.toLowerCase(),
    passwordHash: await hashPassword(body.password),
    role: body.role,
    regionCode: body.regionCode,
    scopeCodes: scopeCodesOf(body.regionCode),
    displayName: body.displayName,
    createdBy: caller.id,
  });
  await audit(caller, 'user.create', { type: 'user', id: String(u._id), regionCode: u.regionCode }, { username: u.username, role: u.role });
  return toUser(u);
}

/** Officials in the caller's scope. */
export async function listUsers(caller: AdminCaller, q: z.output<typeof UserListQuerySchema>) {
  const filter: Record<string, unknown> = { ...scopeFilter(caller, q.region) };
  if (q.role) filter.role = q.role;
  if (q.q) filter.usernameKey = { $regex: `^${q.q.toLowerCase().replace(/[^a-z0-9_-]/g, '')}` };
  const { skip, limit } = pageWindow(q.page, q.pageSize);
  const [docs, total] = await Promise.all([
    AdminUserModel.find(filter).sort({ regionCode: 1, username: 1 }).skip(skip).limit(limit),
    AdminUserModel.countDocuments(filter),
  ]);
  return { items: docs.map(toUser), total, page: q.page, pageSize: q.pageSize };
}

/** Changes role, region, name or the disabled flag of an official in scope. */
export async function updateUser(caller: AdminCaller, id: string, body: z.output<typeof UpdateUserBodySchema>) {
  const u = await getUser(caller, id);
  if (String(u._id) === caller.id && (body.disabled || (body.role && body.role !== 'admin') || body.regionCode)) {
    throw forbidden('不能停用自己或修改自己的角色和地区');
  }
  if (body.regionCode) {
    assertInScope(caller, body.regionCode);
    u.regionCode = body.regionCode;
    u.scopeCodes = scopeCodesOf(body.regionCode);
  }
  if (body.role) u.role = body.role;
  if (body.displayName) u.displayName = body.displayName;
  if (body.disabled !== undefined) u.disabled = body.disabled;
  await u.save();
  if (body.disabled) await revokeSubject(String(u._id));
  await audit(caller, 'user.update', { type: 'user', id: String(u._id), regionCode: u.regionCode }, body);
  return toUser(u);
}

/** Sets a new password for an official in scope and signs them out everywhere. */
export async function resetPassword(caller: AdminCaller, id: string, password: string) {
  const u = await getUser(caller, id);
  u.passwordHash = await hashPassword(password);
  u.failedLogins = 0;
  u.lockedUntil = undefined;
  await u.save();
  await revokeSubject(String(u._id));
  await audit(caller, 'user.reset-password', { type: 'user', id: String(u._id), regionCode: u.regionCode });
  return toUser(u);
}

/** Changes the caller's own password (other sessions are signed out). */
export async function changeOwnPassword(caller: AdminCaller, body: z.output<typeof ChangePasswordBodySchema>) {
  const u = await AdminUserModel.findById(caller.id);
  if (!u) throw notFound('用户不存在');
  if (!(await verifyPassword(u.passwordHash, body.currentPassword))) {
    throw new AppError(400, 'VALIDATION_FAILED', '当前密码不正确', [{ path: 'body.currentPassword', message: '当前密码不正确' }]);
  }
  if (body.currentPassword === body.newPassword) throw validationFailed('新密码不能与当前密码相同');
  u.passwordHash = await hashPassword(body.newPassword);
  await u.save();
  await revokeSubject(String(u._id), caller.token);
  await audit(caller, 'user.change-password', { type: 'user', id: caller.id, regionCode: caller.regionCode });
}

/**
 * Creates the first province admin when there are no officials at all. The password comes from
 * GONGKAI_ADMIN_PASSWORD (checked against the policy) or is generated and returned to be printed once.
 */
export async function ensureFirstAdmin(password?: string): Promise<{ username: string; password?: string } | null> {
  if ((await AdminUserModel.countDocuments({})) > 0) return null;
  let pw = password;
  let generated = false;
  if (pw) {
    if (!PasswordSchema.safeParse(pw).success) throw new Error(`GONGKAI_ADMIN_PASSWORD does not meet the policy: ${PASSWORD_POLICY_TEXT}`);
  } else {
    const { randomBytes } = await import('crypto');
    pw = `Gk-${randomBytes(9).toString('base64url')}-7a`;
    generated = true;
  }
  try {
    await AdminUserModel.create({
      username: 'admin',
      usernameKey: 'admin',
      passwordHash: await hashPassword(pw),
      role: 'admin',
      regionCode: '33',
      scopeCodes: ['33'],
      displayName: '浙江省政务公开管理员',
    });
  } catch (err) {
    if ((err as { code?: number }).code === 11000) return null; // created concurrently
    throw err;
  }
  return { username: 'admin', password: generated ? pw : undefined };
}
