import mongoose from '../../db/mongoose';

/*
 * An append-only log with dense sequence numbers, built only from operations FerretDB 1.x does well and
 * atomically: an insert with a chosen `_id` (the unique `_id` makes it a compare-and-set) and reads by `_id`.
 * (Measured on FerretDB 1.24/SQLite: 50 concurrent `$inc` on one document leave it at 2 — updates are not
 * atomic across connections — while 30 concurrent inserts of one `_id` let exactly one through.)
 *
 * append: try `_id = head + 1`; a duplicate means another writer took it, so try the next. Because a writer
 * only tries n + 1 after seeing n exist, the log has no gaps, and a reader that reads n, n + 1, … by `_id`
 * until the first miss sees every entry in order. Works across processes.
 */

const headSchema = new mongoose.Schema({ _id: String, seq: Number }, { collection: 'seq_heads', versionKey: false });
/** A hint of each log's head (may lag; readers probe forward from it). */
export const SeqHeadModel = mongoose.model('SeqHead', headSchema);

/** The `_id` of entry n: fixed-width, so string order is numeric order. */
export const seqId = (n: number): string => String(n).padStart(12, '0');

type Coll = mongoose.mongo.Collection<mongoose.mongo.Document>;

/** One append-only log stored in a collection whose `_id`s are `seqId(n)`. */
export class SeqLog<T extends object> {
  private hint = 0;

  constructor(
    private readonly name: string,
    private readonly coll: () => Coll,
  ) {}

  private async exists(n: number): Promise<boolean> {
    if (n <= 0) return true;
    return (await this.coll().findOne({ _id: seqId(n) as never }, { projection: { _id: 1 } })) !== null;
  }

  /** The highest sequence number written (0 for an empty log). Probes forward from the best hint. */
  async head(): Promise<number> {
    if (this.hint === 0) {
      const h = await SeqHeadModel.findById(this.name).lean();
      this.hint = Math.max(this.hint, Number(h?.seq ?? 0));
    }
    let lo = this.hint;
    if (!(await this.exists(lo))) lo = 0; // a hint from a dropped collection
    let step = 1;
    while (await this.exists(lo + step)) {
      lo += step;
      step *= 2;
    }
    let hi = lo + step; // missing
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (await this.exists(mid)) lo = mid;
      else hi = mid;
    }
    this.hint = lo;
    return lo;
  }

  /** Appends an entry and returns its sequence number. */
  async append(doc: T): Promise<number> {
    // head() re-checks the hint (two reads): a stale hint must never let an append leave a gap.
    let n = (await this.head()) + 1;
    for (let tries = 0; tries < 1000; tries++) {
      try {
        await this.coll().insertOne({ ...doc, _id: seqId(n) as never });
        this.hint = n;
        if (n % 32 === 0) await SeqHeadModel.updateOne({ _id: this.name }, { $max: { seq: n } }, { upsert: true });
        return n;
      } catch (e) {
        if ((e as { code?: number }).code !== 11000) throw e;
        // Another writer took n: find the head again (exponential probe from here) and try after it.
        this.hint = n;
        n = (await this.head()) + 1;
      }
    }
    throw new Error(`seq log ${this.name}: could not append`);
  }

  /** Entry n, or null. */
  async read(n: number): Promise<(T & { seq: number }) | null> {
    const d = await this.coll().findOne({ _id: seqId(n) as never });
    return d ? ({ ...(d as unknown as T), seq: n } as T & { seq: number }) : null;
  }

  /** Entries after `from`, in order, until the first missing one (at most `max`). */
  async readAfter(from: number, max = 10_000): Promise<Array<T & { seq: number }>> {
    const out: Array<T & { seq: number }> = [];
    for (let n = from + 1; out.length < max; n++) {
      const e = await this.read(n);
      if (!e) break;
      out.push(e);
    }
    if (out.length) this.hint = Math.max(this.hint, out[out.length - 1].seq);
    return out;
  }
}
