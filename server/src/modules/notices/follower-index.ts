import { selfAndAncestors } from '@gongkai/shared';
import type { Logger } from '../../logger';
import { FollowModel, PushQuotaModel, residentChanges, type FollowRecord, type ResidentChange } from '../subscriptions/model';

/** What a follow must match to cover an event. */
export interface CoverableEvent {
  regionCode?: string;
  domain?: string;
  catalogueItemId?: string;
  disclosureId?: string;
}

/** A recipient of an event. */
export interface Recipient {
  residentId: string;
  openid: string;
}

/**
 * Who follows what, in memory, for fan-out: follows indexed under their region and every ancestor of it, so
 * the followers covered by an event at region R are one map look-up (`R` → follows at R or under it), never
 * a scan per event. Also which residents have one-time quota per template.
 *
 * Built once per process by reading `follows` and `push_quotas` in full, then kept current by tailing the
 * `resident_changes` log by `_id` (SeqLog): the log's head is read BEFORE the full read, and everything after
 * it is replayed, so a change made during the read is never missed (replaying one twice is harmless: entries
 * are absolute, "follow X exists" / "X is gone").
 */
export class FollowerIndex {
  private readonly follows = new Map<string, FollowRecord>();
  private readonly under = new Map<string, Set<string>>();
  private readonly pushable = new Map<string, Set<string>>();
  private applied = 0;

  private constructor(private readonly logger?: Logger) {}

  /** Builds the index from the database. */
  static async build(logger?: Logger): Promise<FollowerIndex> {
    const t = Date.now();
    const ix = new FollowerIndex(logger);
    ix.applied = await residentChanges.head();
    const fs = await FollowModel.collection.find({}, { batchSize: 10_000 }).toArray();
    for (const f of fs) ix.addFollow(f as unknown as FollowRecord);
    const qs = await PushQuotaModel.collection.find({}, { batchSize: 10_000, projection: { quotas: 1 } }).toArray();
    for (const q of qs) {
      for (const [tpl, n] of Object.entries((q.quotas ?? {}) as Record<string, number>)) if (n > 0) ix.setPushable(String(q._id), tpl, true);
    }
    await ix.catchUp();
    logger?.info({ follows: ix.follows.size, ms: Date.now() - t }, 'follower index built');
    return ix;
  }

  /** Number of follows indexed. */
  get size(): number {
    return this.follows.size;
  }

  private addFollow(f: FollowRecord): void {
    this.removeFollow(f._id);
    this.follows.set(f._id, f);
    for (const p of selfAndAncestors(f.regionCode)) {
      const s = this.under.get(p);
      if (s) s.add(f._id);
      else this.under.set(p, new Set([f._id]));
    }
  }

  private removeFollow(id: string): void {
    const f = this.follows.get(id);
    if (!f) return;
    this.follows.delete(id);
    for (const p of selfAndAncestors(f.regionCode)) this.under.get(p)?.delete(id);
  }

  private setPushable(residentId: string, templateId: string, on: boolean): void {
    let s = this.pushable.get(templateId);
    if (!s) this.pushable.set(templateId, (s = new Set()));
    if (on) s.add(residentId);
    else s.delete(residentId);
  }

  /** Applies one change-log entry. */
  apply(c: ResidentChange): void {
    if (c.op === 'follow') this.addFollow({ ...c.follow, createdAt: new Date(c.follow.createdAt) });
    else if (c.op === 'unfollow') this.removeFollow(c.id);
    else if (c.op === 'pushable') this.setPushable(c.residentId, c.templateId, c.on);
  }

  /** Reads and applies the change-log entries written since the last look. */
  async catchUp(): Promise<number> {
    let n = 0;
    for (;;) {
      const batch = await residentChanges.readAfter(this.applied, 1000);
      for (const c of batch) this.apply(c);
      n += batch.length;
      if (batch.length) this.applied = batch[batch.length - 1].seq;
      if (batch.length < 1000) return n;
    }
  }

  /**
   * Residents with a follow covering the event, each once: the follow's region is the event's region or lies
   * under it, and its domain / catalogue item / disclosure, where set, match the event's.
   */
  recipients(e: CoverableEvent): Recipient[] {
    if (!e.regionCode) return [];
    const out = new Map<string, string>();
    for (const id of this.under.get(e.regionCode) ?? []) {
      const f = this.follows.get(id)!;
      if (out.has(f.residentId)) continue;
      if (f.domain && f.domain !== e.domain) continue;
      if (f.catalogueItemId && f.catalogueItemId !== e.catalogueItemId) continue;
      if (f.disclosureId && f.disclosureId !== e.disclosureId) continue;
      out.set(f.residentId, f.openid);
    }
    return [...out].map(([residentId, openid]) => ({ residentId, openid }));
  }

  /** True when the resident had one-time quota for the template at the last look (re-checked before sending). */
  isPushable(residentId: string, templateId: string): boolean {
    return this.pushable.get(templateId)?.has(residentId) ?? false;
  }
}
