import type { ConsentResult, SubscriptionStatus } from '@gongkai/shared';
import { withLock } from '../disclosures/lock';
import type { NoticeTemplates } from '../notices/runtime';
import { PushQuotaModel, residentChanges, type PushQuotaRecord } from './model';

/*
 * One-time subscribe-message quota per resident × template. Each `accept` reported by the mini-program is one
 * message WeChat will let us send; a send that WeChat accepts uses one; 43101 (refused / used up) clears it.
 * WeChat is the authority: our count decides whom to try, and a 43101 corrects it. Long-term (政务民生)
 * templates from config need no quota. Changes that turn a resident's quota on or off are appended to the
 * resident change log so follower indexes know whom to plan messages for.
 *
 * Writers: the resident's consent requests and the delivery workers (consume/clear), serialized per resident
 * inside a process. FerretDB updates are not atomic across connections, so a consent landing in the
 * same millisecond as a send completing for the same resident can lose one count; WeChat's 43101 then
 * corrects an over-count, and an under-count costs one message at worst (the inbox notice stands).
 */

/** Most one-time messages kept per template (WeChat itself caps accumulated grants). */
const MAX_QUOTA = 50;

async function read(residentId: string): Promise<PushQuotaRecord> {
  const q = await PushQuotaModel.collection.findOne({ _id: residentId as never });
  return (q as unknown as PushQuotaRecord | null) ?? { _id: residentId, quotas: {}, last: {} };
}

function purposeOf(t: NoticeTemplates, id: string): 'disclosure' | 'answer' | 'other' {
  return id === t.disclosure ? 'disclosure' : id === t.answer ? 'answer' : 'other';
}

/** The configured templates, in a fixed order. */
function configured(t: NoticeTemplates): string[] {
  return [...new Set([t.disclosure, t.answer, ...t.longTerm].filter((x): x is string => !!x))];
}

function statusOf(t: NoticeTemplates, q: PushQuotaRecord, ignored?: string[]): SubscriptionStatus {
  return {
    templates: configured(t).map((id) => ({
      templateId: id,
      purpose: purposeOf(t, id),
      longTerm: t.longTerm.has(id),
      remaining: Math.max(0, q.quotas[id] ?? 0),
      ...(q.last[id] ? { last: q.last[id] as ConsentResult } : {}),
    })),
    ...(ignored?.length ? { ignored } : {}),
  };
}

/** `GET /me/subscribe-consent`: the templates to request and the resident's remaining quota of each. */
export async function subscriptionStatus(t: NoticeTemplates, residentId: string): Promise<SubscriptionStatus> {
  return statusOf(t, await read(residentId));
}

/**
 * `POST /me/subscribe-consent`: applies the results of one `wx.requestSubscribeMessage` call. `accept` adds one
 * message; `ban` (the resident turned the template off) clears the quota; `reject`/`filter` change nothing but
 * are recorded. Templates not configured here are ignored and reported.
 */
export async function recordConsent(t: NoticeTemplates, residentId: string, results: Record<string, ConsentResult>): Promise<SubscriptionStatus> {
  const known = new Set(configured(t));
  const ignored = Object.keys(results).filter((id) => !known.has(id));
  return withLock(`quota:${residentId}`, async () => {
    const q = await read(residentId);
    const flips: Array<{ templateId: string; on: boolean }> = [];
    for (const [id, result] of Object.entries(results)) {
      if (!known.has(id)) continue;
      const before = q.quotas[id] ?? 0;
      const after = result === 'accept' ? Math.min(MAX_QUOTA, before + 1) : result === 'ban' ? 0 : before;
      q.quotas[id] = after;
      q.last[id] = result;
      if ((before > 0) !== (after > 0)) flips.push({ templateId: id, on: after > 0 });
    }
    await PushQuotaModel.collection.updateOne(
      { _id: residentId as never },
      { $set: { quotas: q.quotas, last: q.last, updatedAt: new Date() } },
      { upsert: true },
    );
    for (const f of flips) await residentChanges.append({ op: 'pushable', residentId, ...f });
    return statusOf(t, q, ignored);
  });
}

/** The resident's remaining one-time quota of a template (read before each send). */
export async function quotaOf(residentId: string, templateId: string): Promise<number> {
  return Math.max(0, (await read(residentId)).quotas[templateId] ?? 0);
}

/** Uses one message of quota after WeChat accepted a message (`remainingBefore` as read before sending). */
export async function consumeQuota(residentId: string, templateId: string, remainingBefore: number): Promise<void> {
  // Serialized with this resident's other quota writes in this process: FerretDB's $inc is not atomic.
  await withLock(`quota:${residentId}`, () => PushQuotaModel.collection.updateOne({ _id: residentId as never }, { $inc: { [`quotas.${templateId}`]: -1 } }));
  if (remainingBefore <= 1) await residentChanges.append({ op: 'pushable', residentId, templateId, on: false });
}

/** Clears the quota after WeChat answered 43101 (refused, or no quota left there): never retried. */
export async function clearQuota(residentId: string, templateId: string): Promise<void> {
  await withLock(`quota:${residentId}`, () => PushQuotaModel.collection.updateOne({ _id: residentId as never }, { $set: { [`quotas.${templateId}`]: 0 } }));
  await residentChanges.append({ op: 'pushable', residentId, templateId, on: false });
}
