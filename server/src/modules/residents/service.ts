import { issueToken } from '../accounts/session.model';
import { ResidentModel } from './model';

/**
 * Finds or creates the resident with this openid and issues a resident token.
 * `sessionKey` (from code2session) is stored server-side only.
 */
export async function signInResident(
  identity: { openid: string; unionid?: string; sessionKey?: string },
  ttlMs: number,
  ip?: string,
) {
  const set: Record<string, unknown> = { lastLoginAt: new Date() };
  if (identity.unionid) set.unionid = identity.unionid;
  if (identity.sessionKey) set.sessionKey = identity.sessionKey;
  await ResidentModel.updateOne({ openid: identity.openid }, { $set: set }, { upsert: true });
  const r = await ResidentModel.findOne({ openid: identity.openid }, { _id: 1 }).lean();
  if (!r) throw new Error('resident upsert failed');
  const { token, expiresAt } = await issueToken('resident', String(r._id), ttlMs, ip);
  return { token, expiresAt: expiresAt.toISOString(), resident: { id: String(r._id) } };
}
