import { z } from 'zod';
import { PermanentJobError, runLimited } from '../../jobs/queue';
import { clearQuota, consumeQuota, quotaOf } from '../subscriptions/quota';
import type { WechatClient } from '../../wechat/client';
import type { NoticeEvent } from './event-log';
import { NOTICE_SEND_QUEUE } from './fanout';
import { messageFor, type MessageSpec } from './message';
import { attempts, batchStats, batches, deliveries, inbox, isDuplicate, type DeliveryRecord } from './model';
import type { NoticeRuntime } from './runtime';

/*
 * Sending one batch of WeChat recipients of an event. Exactly-once rests on three rules (docs/notices.md):
 *  1. A message is attempt n of its delivery `<resident>:<seq>`; before calling WeChat the worker INSERTS
 *     `delivery_attempts/<delivery>#<n>`. The `_id` is unique, so only one worker ever makes attempt n.
 *  2. WeChat's answer is recorded on the delivery right after it returns (the first write after the call).
 *  3. An attempt found without a recorded outcome is in doubt: once it is older than any live request could
 *     be, it is settled as sent (`unconfirmed`) and never re-sent. The window between the attempt insert and
 *     the request leaving is kept to microseconds (the rate-limit wait and quota read come before it), so an
 *     in-doubt attempt is almost always one WeChat received.
 */

/** Per-recipient states in batch statistics: final ones, plus `pending` and `busy`. */
const FINAL = /^(sent|digested|unconfirmed|skipped|fr?:.*)$/;
export const isFinalState = (s: string | undefined): boolean => !!s && FINAL.test(s);

const PayloadSchema = z.object({
  seq: z.number().int().positive(),
  batch: z.number().int().min(0),
  round: z.number().int().min(0).default(0),
  chain: z.string().default('a'),
  resend: z.boolean().optional(),
});
type Payload = z.infer<typeof PayloadSchema>;

interface Outcome {
  state: string;
  retryAt?: number;
}

const stateOf = (d: DeliveryRecord): string =>
  d.state === 'sent' ? (d.unconfirmed ? 'unconfirmed' : 'sent') : d.state === 'failed' ? `${d.retryable ? 'fr' : 'f'}:${d.reason ?? 'other'}` : d.state;

async function setDelivery(id: string, set: Partial<DeliveryRecord>): Promise<void> {
  await deliveries().updateOne({ _id: id }, { $set: set, ...(set.state !== 'pending' ? { $unset: { nextAt: '' } } : {}) }, { upsert: true });
}

/** Records the lead's final state on the other notices its message covered. */
async function markMembers(residentId: string, leadId: string, lead: Partial<DeliveryRecord>, items: NoticeEvent[]): Promise<void> {
  for (const it of items.slice(1)) {
    const state = lead.state === 'sent' ? 'digested' : lead.state;
    await setDelivery(`${residentId}:${it.seq}`, { state, lead: leadId, attempts: 0, ...(lead.reason ? { reason: lead.reason, retryable: lead.retryable } : {}) });
  }
}

/** This event's view of its resident's message (a non-lead notice of a sent digest is `digested`). */
const mine = (self: boolean, s: string) => (self || !/^(sent|unconfirmed)$/.test(s) ? s : 'digested');

/** Delivers (at most once) the message that covers `ev` for one resident; returns the state for `ev`. */
export async function deliver(rt: NoticeRuntime, ev: NoticeEvent, windowEvents: NoticeEvent[], residentId: string, openid: string): Promise<Outcome> {
  let items: NoticeEvent[] = [ev];
  if (windowEvents.length > 1) {
    items = [];
    for (const w of windowEvents) {
      if (w.seq === ev.seq || (await inbox().findOne({ _id: `${residentId}:${w.seq}` }, { projection: { _id: 1 } }))) items.push(w);
    }
    items.sort((a, b) => a.seq - b.seq);
  }
  const leadId = `${residentId}:${items[0].seq}`;
  const self = items[0].seq === ev.seq;
  const d = (await deliveries().findOne({ _id: leadId })) as DeliveryRecord | null;
  if (d && d.state !== 'pending') {
    await markMembers(residentId, leadId, d, items);
    return { state: mine(self, stateOf(d)) };
  }
  if (d?.nextAt && new Date(d.nextAt).getTime() > Date.now()) return { state: 'pending', retryAt: new Date(d.nextAt).getTime() };
  const msg = messageFor(items, rt.templates);
  if (!msg || !rt.wechat) {
    const rec = { state: 'skipped' as const, reason: 'not-configured', attempts: d?.attempts ?? 0 };
    await setDelivery(leadId, rec);
    await markMembers(residentId, leadId, rec, items);
    return { state: 'skipped' };
  }
  const longTerm = rt.templates.longTerm.has(msg.templateId);
  const remaining = longTerm ? Infinity : await quotaOf(residentId, msg.templateId);
  const members = items.map((i) => i.seq);
  if (remaining <= 0) {
    const rec = { state: 'skipped' as const, reason: 'no-quota', attempts: d?.attempts ?? 0, templateId: msg.templateId };
    await setDelivery(leadId, rec);
    await markMembers(residentId, leadId, rec, items);
    return { state: 'skipped' };
  }
  const n = (d?.attempts ?? 0) + 1;
  const wechat = rt.wechat;
  return rt.sendSlots.use(() => attempt(rt, { wechat, residentId, openid, leadId, self, items, members, msg, longTerm, remaining, n, max: d?.maxAttempts ?? rt.settings.maxAttempts }));
}

interface AttemptInput {
  wechat: WechatClient;
  residentId: string;
  openid: string;
  leadId: string;
  self: boolean;
  items: NoticeEvent[];
  members: number[];
  msg: MessageSpec;
  longTerm: boolean;
  remaining: number;
  n: number;
  max: number;
}

/** Attempt n of a message: record it, send it, record the answer (inside a send slot). */
async function attempt(rt: NoticeRuntime, x: AttemptInput): Promise<Outcome> {
  const { residentId, openid, leadId, self, items, members, msg, longTerm, remaining, n } = x;
  await rt.limiter.take();
  await x.wechat.accessToken(); // a token refresh must not happen between the attempt record and the send
  const attemptId = `${leadId}#${n}`;
  try {
    await attempts().insertOne({ _id: attemptId, at: new Date(), pid: process.pid });
  } catch (e) {
    if (!isDuplicate(e)) throw e;
    const a = await attempts().findOne({ _id: attemptId });
    const at = a ? new Date(a.at).getTime() : 0;
    if (Date.now() - at < rt.settings.inDoubtAfterMs) return { state: 'busy', retryAt: at + rt.settings.inDoubtAfterMs };
    const rec = { state: 'sent' as const, unconfirmed: true, attempts: n, members, templateId: msg.templateId, sentAt: new Date(at) };
    await setDelivery(leadId, rec);
    await markMembers(residentId, leadId, rec, items);
    if (!longTerm) await consumeQuota(residentId, msg.templateId, remaining);
    rt.logger.warn({ delivery: leadId, attempt: n }, 'notice delivery in doubt (worker stopped mid-send): counted as sent, not re-sent');
    return { state: mine(self, 'unconfirmed') };
  }
  const res = await x.wechat.sendSubscribeMessage({ touser: openid, templateId: msg.templateId, page: msg.page, data: msg.data });
  if (res.ok) {
    const rec = { state: 'sent' as const, attempts: n, sentAt: new Date(), members, templateId: msg.templateId };
    await setDelivery(leadId, rec);
    await markMembers(residentId, leadId, rec, items);
    if (!longTerm) await consumeQuota(residentId, msg.templateId, remaining);
    return { state: mine(self, 'sent') };
  }
  if (res.retryable && n < x.max) {
    const nextAt = Date.now() + rt.settings.retryBackoffMs(n);
    await setDelivery(leadId, { state: 'pending', attempts: n, nextAt: new Date(nextAt), reason: res.reason, errcode: res.errcode, templateId: msg.templateId });
    return { state: 'pending', retryAt: nextAt };
  }
  const rec = { state: 'failed' as const, attempts: n, reason: res.reason, errcode: res.errcode, retryable: res.retryable, members, templateId: msg.templateId };
  await setDelivery(leadId, rec);
  await markMembers(residentId, leadId, rec, items);
  // 43101: the resident refused or has no quota at WeChat — clear ours, never retry.
  if (res.reason === 'refused') await clearQuota(residentId, msg.templateId);
  rt.logger.warn({ delivery: leadId, reason: res.reason, errcode: res.errcode, errmsg: res.errmsg }, 'notice delivery failed');
  return { state: mine(self, stateOf(rec as DeliveryRecord)) };
}

async function continueLater(rt: NoticeRuntime, p: Payload, at: number): Promise<void> {
  const next = { seq: p.seq, batch: p.batch, round: p.round + 1, chain: p.chain };
  await rt.jobs.enqueue(NOTICE_SEND_QUEUE, next, { key: `${NOTICE_SEND_QUEUE}:${p.seq}:${p.batch}:${p.chain}:${next.round}`, runAt: new Date(at), maxAttempts: 20 });
}

/** Puts failed-but-retryable deliveries of a batch back to pending with fresh attempts (admin resend). */
async function resetRetryable(rt: NoticeRuntime, seq: number, rs: string[], states: Record<string, string>): Promise<void> {
  for (const r of rs) {
    if (!states[r]?.startsWith('fr:')) continue;
    const own = (await deliveries().findOne({ _id: `${r}:${seq}` })) as DeliveryRecord | null;
    const leadId = own?.lead ?? `${r}:${seq}`;
    const lead = (await deliveries().findOne({ _id: leadId })) as DeliveryRecord | null;
    if (lead?.state === 'failed' && lead.retryable) {
      await deliveries().updateOne({ _id: leadId }, { $set: { state: 'pending', nextAt: new Date(), maxAttempts: lead.attempts + rt.settings.maxAttempts } });
    }
    states[r] = 'pending';
  }
}

/**
 * Handles one `notices.send` job: waits until every event of the digest window finished its fan-out, then
 * delivers to each recipient of the batch (concurrency- and rate-limited), stops taking new recipients when
 * its time budget is spent, records per-recipient states for statistics, and leaves one follow-up job for
 * whatever is left (retries after backoff, recipients not reached, attempts in flight elsewhere).
 */
export async function handleSendJob(rt: NoticeRuntime, payload: unknown): Promise<void> {
  const parsed = PayloadSchema.safeParse(payload);
  if (!parsed.success) throw new PermanentJobError(`bad send job: ${parsed.error.message}`);
  const p = parsed.data;
  const log = await rt.events();
  await log.catchUp(true);
  const ev = await log.fresh(p.seq);
  if (!ev) throw new PermanentJobError(`unknown notice event ${p.seq}`);
  const win = await log.windowOf(ev);
  if (!win.ready) return continueLater(rt, p, Date.now() + rt.settings.recheckMs);
  const id = `${p.seq}:${p.batch}`;
  const b = await batches().findOne({ _id: id });
  if (!b) return;
  const states: Record<string, string> = { ...((await batchStats().findOne({ _id: id }))?.states ?? {}) };
  if (p.resend) await resetRetryable(rt, p.seq, b.rs, states);
  const deadline = Date.now() + rt.settings.jobBudgetMs;
  let retryAt = Infinity;
  let cut = false;
  await runLimited(
    b.rs.map((r, i): [string, string] => [r, b.os[i]]).filter(([r]) => !isFinalState(states[r])),
    rt.settings.concurrency,
    async ([r, openid]) => {
      if (Date.now() > deadline) {
        cut = true;
        return;
      }
      const out = await deliver(rt, ev, win.events, r, openid);
      states[r] = out.state;
      if (out.retryAt !== undefined) retryAt = Math.min(retryAt, out.retryAt);
    },
  );
  await batchStats().updateOne({ _id: id }, { $set: { states, updatedAt: new Date() } }, { upsert: true });
  if (cut || retryAt < Infinity) await continueLater(rt, p, cut ? Date.now() : retryAt);
}
