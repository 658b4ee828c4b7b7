import { selfAndAncestors } from '@gongkai/shared';
import { SeqLog, seqId } from './seq-log';
import { eventKeys, events, isDuplicate, type NoticeEventRecord } from './model';

/** A notice event with its sequence number. */
export type NoticeEvent = NoticeEventRecord & { seq: number };

/** An `open` event older than this whose fan-out never finished no longer holds up its digest window. */
const STALE_OPEN_MS = 10 * 60_000;
/** Catch up with the database at most this often on a request path. */
const CATCH_UP_EVERY_MS = 200;

const push = (m: Map<string, number[]>, k: string | undefined, seq: number) => {
  if (!k) return;
  const l = m.get(k);
  if (l) l.push(seq);
  else m.set(k, [seq]);
};

/**
 * The notice events in memory, indexed by region, target resident, disclosure and digest window. Loaded
 * once (one read of `notice_events`, which holds one entry per event, not per recipient), then kept current
 * by reading new entries by `_id` (SeqLog). Statuses change after an entry is written; `fresh()` re-reads them.
 */
export class NoticeEventLog {
  readonly log = new SeqLog<NoticeEventRecord>('notice_events', () => events() as never);
  private readonly bySeq = new Map<number, NoticeEvent>();
  private readonly byRegion = new Map<string, number[]>();
  private readonly byTarget = new Map<string, number[]>();
  private readonly byDisclosure = new Map<string, number[]>();
  private readonly byWindow = new Map<string, number[]>();
  private loaded = 0;
  private lastCatchUp = 0;

  /** Reads every event and returns the log. */
  static async load(): Promise<NoticeEventLog> {
    const l = new NoticeEventLog();
    const all = await events().find({}, { batchSize: 10_000 }).toArray();
    all.sort((a, b) => (a._id < b._id ? -1 : 1));
    for (const d of all) l.add({ ...(d as unknown as NoticeEventRecord), seq: Number(d._id) });
    await l.catchUp(true);
    return l;
  }

  private add(e: NoticeEvent): void {
    if (this.bySeq.has(e.seq)) {
      this.bySeq.set(e.seq, e);
      return;
    }
    this.bySeq.set(e.seq, e);
    push(this.byRegion, e.regionCode, e.seq);
    push(this.byTarget, e.target, e.seq);
    push(this.byDisclosure, e.disclosureId, e.seq);
    push(this.byWindow, windowOf(e), e.seq);
    this.loaded = Math.max(this.loaded, e.seq);
  }

  /** The highest seq known here. */
  get head(): number {
    return this.loaded;
  }

  /** Reads entries written since the last look (at most every 200 ms unless forced). */
  async catchUp(force = false): Promise<void> {
    if (!force && Date.now() - this.lastCatchUp < CATCH_UP_EVERY_MS) return;
    this.lastCatchUp = Date.now();
    for (const e of await this.log.readAfter(this.loaded)) this.add(e);
  }

  /** The event as last seen (undefined when unknown here). */
  get(seq: number): NoticeEvent | undefined {
    return this.bySeq.get(seq);
  }

  /** The event re-read from the database (its status may have moved on). */
  async fresh(seq: number): Promise<NoticeEvent | undefined> {
    const e = await this.log.read(seq);
    if (e) this.add(e);
    return e ?? this.bySeq.get(seq);
  }

  /**
   * Allocates the event of an idempotency key once: the same key again (a retried or repeated job) returns
   * the event allocated the first time. See docs/notices.md for the crash cases.
   */
  async allocate(key: string, make: () => Omit<NoticeEventRecord, 'key' | 'status'>): Promise<NoticeEvent> {
    const known = await eventKeys().findOne({ _id: key });
    if (known) {
      const e = await this.fresh(known.seq);
      if (e && e.key === key) return e;
    }
    const rec: NoticeEventRecord = { ...make(), key, status: 'open' };
    const seq = await this.log.append(rec);
    try {
      await eventKeys().insertOne({ _id: key, seq });
    } catch (err) {
      if (!isDuplicate(err)) throw err;
      const winner = await eventKeys().findOne({ _id: key });
      if (winner && winner.seq !== seq) {
        await events().updateOne({ _id: seqId(seq) }, { $set: { status: 'orphan' } });
        const e = await this.fresh(winner.seq);
        if (e) return e;
      }
    }
    const e: NoticeEvent = { ...rec, seq };
    this.add(e);
    return e;
  }

  /** Sets fields of an event (its single writer is the job fanning it out). */
  async update(seq: number, set: Partial<NoticeEventRecord>): Promise<void> {
    await events().updateOne({ _id: seqId(seq) }, { $set: set });
    const e = this.bySeq.get(seq);
    if (e) this.bySeq.set(seq, { ...e, ...set });
  }

  /**
   * Events after `after` that may concern a resident: made for one of their regions of interest or an
   * ancestor of one, or addressed to them. Newest first, at most `max`. With `since`, only events created at
   * or after that time.
   */
  candidates(after: number, interest: readonly string[], residentId: string | undefined, max: number, since?: number): number[] {
    const seen = new Set<number>();
    const regions = new Set(interest.flatMap((g) => selfAndAncestors(g)));
    const lists = [...[...regions].map((r) => this.byRegion.get(r) ?? []), (residentId && this.byTarget.get(residentId)) || []];
    for (const l of lists) {
      for (let i = l.length - 1; i >= 0 && l[i] > after; i--) {
        if (since !== undefined && new Date(this.bySeq.get(l[i])!.createdAt).getTime() < since) break;
        seen.add(l[i]);
      }
    }
    return [...seen].sort((a, b) => b - a).slice(0, max);
  }

  /** Every event of a disclosure, oldest first. */
  forDisclosure(disclosureId: string): NoticeEvent[] {
    return (this.byDisclosure.get(disclosureId) ?? []).map((s) => this.bySeq.get(s)!).filter((e) => e.status !== 'orphan');
  }

  /**
   * The events of `e`'s digest window with fresh statuses, and whether all of them finished their fan-out
   * (inbox notices and delivery batches written), so that a resident's message covers the whole window.
   */
  async windowOf(e: NoticeEvent): Promise<{ events: NoticeEvent[]; ready: boolean }> {
    const w = windowOf(e);
    const out: NoticeEvent[] = [];
    let ready = true;
    for (const s of this.byWindow.get(w) ?? [e.seq]) {
      let x = this.bySeq.get(s)!;
      if (x.status === 'open') x = (await this.fresh(s)) ?? x;
      if (x.status === 'orphan') continue;
      if (x.status === 'open') {
        const key = await eventKeys().findOne({ _id: x.key });
        if (key && key.seq !== x.seq) continue; // an orphan whose marking was lost
        if (Date.now() - new Date(x.createdAt).getTime() < STALE_OPEN_MS) ready = false;
        continue;
      }
      out.push(x);
    }
    return { events: out, ready };
  }
}

/** An event's digest window: `w<n>` when digests are on, else the event alone. */
export function windowOf(e: Pick<NoticeEvent, 'window' | 'seq'>): string {
  return e.window ?? `s${e.seq}`;
}
