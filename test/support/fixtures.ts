import type { AdminRole } from '@gongkai/shared';
import { scopeCodesOf } from '../../server/src/modules/accounts/scope';
import { AdminUserModel } from '../../server/src/modules/accounts/user.model';
import { hashPassword } from '../../server/src/modules/accounts/password';
import type { AdminCaller } from '../../server/src/http/auth';

/** A password that meets the policy, for test officials. */
export const TEST_PASSWORD = 'Test-Passw0rd!';

let counter = 0;
let cachedHash: Promise<string> | undefined;

/** Creates an official directly in the database (real argon2 hash of TEST_PASSWORD). */
export async function createOfficial(opts: { role: AdminRole; regionCode: string; username?: string; displayName?: string }) {
  counter += 1;
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const username = opts.username ?? `${opts.role}${opts.regionCode}n${counter}`;
  const u = await AdminUserModel.create({
    username,
    usernameKey: username.toLowerCase(),
    passwordHash: await cachedHash,
    role: opts.role,
    regionCode: opts.regionCode,
    scopeCodes: scopeCodesOf(opts.regionCode),
    displayName: opts.displayName ?? `${opts.role}@${opts.regionCode}`,
  });
  const caller: AdminCaller = {
    kind: 'admin',
    id: String(u._id),
    username,
    role: opts.role,
    regionCode: opts.regionCode,
    displayName: u.displayName,
    ip: '127.0.0.1',
  };
  return { user: u, username, password: TEST_PASSWORD, caller };
}

type Agent = () => import('supertest').Agent | ReturnType<typeof import('supertest')>;

/** Logs an official in through the API and returns the bearer header value. */
export async function loginAs(http: Agent, username: string, password = TEST_PASSWORD): Promise<string> {
  const res = await (http() as ReturnType<typeof import('supertest')>).post('/api/v1/admin/auth/login').send({ username, password });
  if (res.status !== 200) throw new Error(`login failed for ${username}: ${res.status} ${JSON.stringify(res.body)}`);
  return `Bearer ${res.body.token}`;
}

/** Signs a resident in through the development login (the app must run with GONGKAI_DEV_LOGIN=1). */
export async function residentToken(http: Agent, openid: string): Promise<string> {
  const res = await (http() as ReturnType<typeof import('supertest')>).post('/api/v1/auth/dev').send({ openid });
  if (res.status !== 200) throw new Error(`dev login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return `Bearer ${res.body.token}`;
}
