import crypto from 'crypto';
import mongoose from '../../db/mongoose';

/** Who a token belongs to: officials and residents hold different kinds of tokens. */
export type SessionKind = 'admin' | 'resident';

const TOKEN_PREFIX: Record<SessionKind, string> = { admin: 'gka_', resident: 'gkr_' };

const sessionSchema = new mongoose.Schema(
  {
    tokenHash: { type: String, required: true, unique: true },
    kind: { type: String, enum: ['admin', 'resident'], required: true },
    subject: { type: mongoose.Schema.Types.ObjectId, required: true, index: true },
    expiresAt: { type: Date, required: true, index: true },
    revokedAt: { type: Date },
    ip: { type: String },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);

export const Session = mongoose.model('Session', sessionSchema);

const hash = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

/**
 * Issues an opaque bearer token (only its SHA-256 is stored, so a database leak reveals no tokens).
 * The prefix tells the kinds apart at a glance; the kind is also checked on every use.
 */
export async function issueToken(kind: SessionKind, subject: string, ttlMs: number, ip?: string) {
  const token = TOKEN_PREFIX[kind] + crypto.randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + ttlMs);
  await Session.create({ tokenHash: hash(token), kind, subject, expiresAt, ip });
  return { token, expiresAt };
}

/** The live session of a token of this kind, or null (unknown, other kind, expired or revoked). */
export async function findSession(kind: SessionKind, token: string) {
  if (!token.startsWith(TOKEN_PREFIX[kind]) || token.length > 128) return null;
  const s = await Session.findOne({ tokenHash: hash(token) }).lean();
  if (!s || s.kind !== kind || s.revokedAt || s.expiresAt.getTime() <= Date.now()) return null;
  return s;
}

/** Revokes one token (logout). */
export async function revokeToken(token: string): Promise<void> {
  await Session.updateOne({ tokenHash: hash(token) }, { $set: { revokedAt: new Date() } });
}

/** Revokes every live session of a subject (disabled account, password reset). */
export async function revokeSubject(subject: string, exceptToken?: string): Promise<void> {
  const filter: Record<string, unknown> = { subject, revokedAt: { $exists: false } };
  if (exceptToken) filter.tokenHash = { $ne: hash(exceptToken) };
  await Session.updateMany(filter, { $set: { revokedAt: new Date() } });
}

/** Deletes sessions that expired or were revoked more than a day ago (run by a daily job). */
export async function purgeSessions(now = new Date()): Promise<number> {
  const dayAgo = new Date(now.getTime() - 86400_000);
  const r = await Session.deleteMany({ $or: [{ expiresAt: { $lt: now } }, { revokedAt: { $lt: dayAgo } }] });
  return r.deletedCount ?? 0;
}
