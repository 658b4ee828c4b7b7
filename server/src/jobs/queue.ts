import crypto from 'crypto';
import type { Logger } from '../logger';
import { JobModel } from './model';

/** A job as its handler sees it. */
export interface Job<P = Record<string, unknown>> {
  id: string;
  queue: string;
  key: string;
  payload: P;
  attempts: number;
}

/** Thrown by a handler for a failure that must not be retried. */
export class PermanentJobError extends Error {}

/** What a handler does with one job; throwing retries it with backoff (PermanentJobError fails it). */
export type JobHandler<P = Record<string, unknown>> = (job: Job<P>) => Promise<void>;

export interface QueueOptions {
  /** Jobs claimed per poll per queue. */
  batchSize?: number;
  /** Handlers running at once per queue. */
  concurrency?: number;
  /** How long a claim holds before another worker may take the job. */
  leaseMs?: number;
  pollMs?: number;
  /** Backoff before retry n (1-based). */
  backoffMs?: (attempt: number) => number;
}

export interface EnqueueOptions {
  key?: string;
  runAt?: Date;
  maxAttempts?: number;
}

const isDup = (e: unknown) => (e as { code?: number }).code === 11000;

/**
 * A durable job queue in the database. Jobs are claimed in batches under a lease (claim token + lease
 * time, set by one guarded updateMany, so two workers never hold the same job); a job is marked done only
 * after its handler returned. A worker that dies leaves `running` jobs whose lease expires, and they are
 * taken again. Enqueueing is idempotent by key while the job is pending, running or failed; a finished job
 * is deleted, so handlers that must never repeat keep their own record (e.g. notice deliveries).
 *
 * Why not agenda: agenda 6.2.6 with @agendajs/mongo-backend saves jobs on FerretDB 1.24 but never runs
 * them (its lock query `lockedAt: {$eq: null}` inside `$or` finds nothing there), see docs/jobs.md.
 */
export class JobQueue {
  private handlers = new Map<string, { fn: JobHandler<never>; inFlight: number }>();
  private timer?: NodeJS.Timeout;
  private running = false;
  private polling?: Promise<void>;
  private readonly opts: Required<QueueOptions>;

  constructor(
    private readonly logger: Logger,
    opts: QueueOptions = {},
  ) {
    this.opts = {
      batchSize: opts.batchSize ?? 50,
      concurrency: opts.concurrency ?? 8,
      leaseMs: opts.leaseMs ?? 60_000,
      pollMs: opts.pollMs ?? 500,
      backoffMs: opts.backoffMs ?? ((n) => Math.min(5 * 60_000, 1000 * 2 ** (n - 1))),
    };
  }

  /** Registers the handler of a queue. */
  handle<P>(queue: string, fn: JobHandler<P>): void {
    this.handlers.set(queue, { fn: fn as JobHandler<never>, inFlight: 0 });
  }

  /** Adds a job; with a key already used, nothing is added and false is returned. */
  async enqueue(queue: string, payload: Record<string, unknown>, o: EnqueueOptions = {}): Promise<boolean> {
    try {
      await JobModel.create({ queue, payload, key: o.key ?? `${queue}:${crypto.randomUUID()}`, runAt: o.runAt ?? new Date(), maxAttempts: o.maxAttempts ?? 8 });
      return true;
    } catch (e) {
      if (isDup(e)) return false;
      throw e;
    }
  }

  /** Adds many jobs in one unordered insert; duplicates (by key) are skipped. Returns how many were added. */
  async enqueueMany(queue: string, jobs: Array<{ payload: Record<string, unknown>; key: string; runAt?: Date }>): Promise<number> {
    if (!jobs.length) return 0;
    const now = new Date();
    const docs = jobs.map((j) => ({ queue, payload: j.payload, key: j.key, runAt: j.runAt ?? now, state: 'pending', attempts: 0, maxAttempts: 8, claim: '', createdAt: now }));
    try {
      const r = await JobModel.collection.insertMany(docs, { ordered: false });
      return r.insertedCount;
    } catch (e) {
      const r = e as { code?: number; insertedCount?: number; result?: { insertedCount?: number }; writeErrors?: Array<{ code: number }> };
      const errs = r.writeErrors ?? [];
      if (errs.length && errs.every((w) => w.code === 11000)) return r.insertedCount ?? r.result?.insertedCount ?? jobs.length - errs.length;
      throw e;
    }
  }

  /** Starts polling. */
  start(): void {
    if (this.running) return;
    this.running = true;
    const loop = async () => {
      if (!this.running) return;
      this.polling = this.pollOnce().then(
        () => undefined,
        (err) => this.logger.error({ err }, 'job poll failed'),
      );
      await this.polling;
      if (this.running) this.timer = setTimeout(loop, this.opts.pollMs);
    };
    void loop();
  }

  /** Stops polling and waits for running handlers to finish. */
  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    await this.polling;
    while ([...this.handlers.values()].some((h) => h.inFlight > 0)) await new Promise((r) => setTimeout(r, 20));
  }

  /** Claims and runs one round of due jobs for every queue; resolves when they are handled. */
  async pollOnce(): Promise<number> {
    let handled = 0;
    await Promise.all(
      [...this.handlers.entries()].map(async ([queue, h]) => {
        const room = Math.min(this.opts.batchSize, this.opts.concurrency * 4);
        const jobs = await this.claim(queue, room);
        handled += jobs.length;
        await runLimited(jobs, this.opts.concurrency, async (doc) => {
          h.inFlight += 1;
          try {
            await this.runOne(queue, h.fn, doc);
          } finally {
            h.inFlight -= 1;
          }
        });
      }),
    );
    return handled;
  }

  private async claim(queue: string, n: number) {
    const now = new Date();
    const due = await JobModel.find(
      { queue, $or: [{ state: 'pending', runAt: { $lte: now } }, { state: 'running', leaseUntil: { $lt: now } }] },
      { _id: 1 },
    )
      .sort({ runAt: 1 })
      .limit(n)
      .lean();
    if (!due.length) return [];
    const claim = crypto.randomUUID();
    await JobModel.updateMany(
      { _id: { $in: due.map((d) => d._id) }, $or: [{ state: 'pending' }, { state: 'running', leaseUntil: { $lt: now } }] },
      { $set: { state: 'running', claim, leaseUntil: new Date(now.getTime() + this.opts.leaseMs) }, $inc: { attempts: 1 } },
    );
    return JobModel.find({ claim }).lean();
  }

  private async runOne(queue: string, fn: JobHandler<never>, doc: Awaited<ReturnType<JobQueue['claim']>>[number]) {
    const job: Job<never> = { id: String(doc._id), queue, key: doc.key, payload: doc.payload as never, attempts: doc.attempts ?? 1 };
    try {
      await fn(job);
      // Done jobs are deleted: FerretDB's SQLite backend scans a collection for every non-_id query, so
      // the queue must stay as small as the work still to do. Lasting idempotency belongs to the caller.
      await JobModel.deleteOne({ _id: doc._id, claim: doc.claim });
    } catch (err) {
      const permanent = err instanceof PermanentJobError;
      const attempts = doc.attempts ?? 1;
      const giveUp = permanent || attempts >= (doc.maxAttempts ?? 8);
      const message = (err as Error).message?.slice(0, 500) ?? String(err);
      await JobModel.updateOne(
        { _id: doc._id, claim: doc.claim },
        giveUp
          ? { $set: { state: 'failed', lastError: message, claim: '' } }
          : { $set: { state: 'pending', lastError: message, claim: '', runAt: new Date(Date.now() + this.opts.backoffMs(attempts)) } },
      );
      this.logger[giveUp ? 'error' : 'warn']({ queue, key: doc.key, attempts, err: message }, giveUp ? 'job failed' : 'job will retry');
    }
  }
}

/** Runs `fn` over items with at most `limit` at once. */
export async function runLimited<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let i = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (i < items.length) {
      const item = items[i++];
      await fn(item);
    }
  });
  await Promise.all(workers);
}
