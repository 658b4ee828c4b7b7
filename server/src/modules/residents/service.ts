import mongoose from '../../db/mongoose';
import { AppError, validationFailed } from '../../http/errors';
import type { WechatClient } from '../../wechat/client';
import { issueToken } from '../accounts/session.model';
import type { RegionDirectory } from '../regions/directory';
import { ResidentModel, ResidentOpenidModel } from './model';

/** What a sign-in returns (contract: `{ token, resident: { id } }`). */
export interface ResidentSignIn {
  token: string;
  expiresAt: string;
  resident: { id: string };
}

/** The resident id of an openid, creating the resident on first sign-in (race-free: see ResidentOpenidModel). */
async function residentIdOf(openid: string): Promise<mongoose.Types.ObjectId> {
  const known = await ResidentOpenidModel.findById(openid).lean();
  if (known) return known.residentId;
  const fresh = new mongoose.Types.ObjectId();
  try {
    await ResidentOpenidModel.create({ _id: openid, residentId: fresh });
    return fresh;
  } catch (e) {
    if ((e as { code?: number }).code !== 11000) throw e;
    const winner = await ResidentOpenidModel.findById(openid).lean();
    if (!winner) throw e;
    return winner.residentId;
  }
}

/**
 * Finds or creates the resident with this openid and issues a resident token. `sessionKey` (from
 * code2session) is stored server-side only. Every database operation is by `_id`.
 */
export async function signInResident(
  identity: { openid: string; unionid?: string; sessionKey?: string },
  ttlMs: number,
  ip?: string,
): Promise<ResidentSignIn> {
  const id = await residentIdOf(identity.openid);
  const set: Record<string, unknown> = { lastLoginAt: new Date() };
  if (identity.unionid) set.unionid = identity.unionid;
  if (identity.sessionKey) set.sessionKey = identity.sessionKey;
  // Upsert by _id: also repairs a crash between the openid document and the resident document.
  await ResidentModel.updateOne({ _id: id }, { $set: set, $setOnInsert: { openid: identity.openid } }, { upsert: true });
  const { token, expiresAt } = await issueToken('resident', String(id), ttlMs, ip);
  return { token, expiresAt: expiresAt.toISOString(), resident: { id: String(id) } };
}

const unavailable = () => new AppError(503, 'UNAVAILABLE', '微信服务暂时繁忙，请稍后再试');

/**
 * `POST /auth/wechat`: exchanges a `wx.login` code with WeChat and signs the resident in. A busy or
 * unreachable WeChat is retried twice (the code is not consumed by a failed exchange) before 503.
 */
export async function signInWithWechat(
  wechat: WechatClient | undefined,
  code: string,
  ttlMs: number,
  ip?: string,
  backoffMs: readonly number[] = [150, 500],
): Promise<ResidentSignIn> {
  if (!wechat) throw unavailable();
  for (let attempt = 0; ; attempt++) {
    const r = await wechat.code2session(code);
    if (r.ok) return signInResident({ openid: r.openid, unionid: r.unionid, sessionKey: r.sessionKey }, ttlMs, ip);
    if (r.reason === 'invalid-code') throw new AppError(401, 'UNAUTHENTICATED', '登录凭证无效或已使用，请重新登录');
    if (r.reason === 'blocked') throw new AppError(403, 'FORBIDDEN', '该微信账号暂时无法登录');
    if (r.reason === 'rate-limited') throw new AppError(429, 'RATE_LIMITED', '登录过于频繁，请稍后再试');
    if (!r.retryable || attempt >= backoffMs.length) throw unavailable();
    await new Promise((res) => setTimeout(res, backoffMs[attempt]));
  }
}

/** A saved village as shown to the resident. */
function villageView(regions: RegionDirectory, code: string) {
  const r = regions.get(code);
  return { code, name: r?.name ?? code, displayName: r?.displayName ?? r?.name ?? code, path: r?.path ?? [] };
}

/** `GET /me/villages`. */
export async function getVillages(regions: RegionDirectory, residentId: string) {
  const r = await ResidentModel.findById(residentId, { villages: 1 }).lean();
  const codes = (r?.villages ?? []).filter((c) => regions.has(c));
  return { codes, items: codes.map((c) => villageView(regions, c)) };
}

/** `PUT /me/villages`: at most 5 distinct village-level codes that exist; order kept. */
export async function putVillages(regions: RegionDirectory, residentId: string, codes: string[]) {
  const bad = codes
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => regions.get(c)?.level !== 'village')
    .map(({ c, i }) => ({ path: `body.codes.${i}`, message: `不存在的村（社区）：${c}` }));
  if (bad.length) throw validationFailed('请选择存在的村（社区）', bad);
  await ResidentModel.updateOne({ _id: residentId }, { $set: { villages: codes } });
  return { codes, items: codes.map((c) => villageView(regions, c)) };
}
