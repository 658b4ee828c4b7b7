import { useTestDatabase } from '../../../test/support/db';
import { createLogger } from '../logger';
import { JobModel } from './model';
import { JobQueue, PermanentJobError } from './queue';

const logger = createLogger('silent', false);
const fast = { pollMs: 20, backoffMs: () => 0, leaseMs: 60_000 };

async function drain(q: JobQueue, rounds = 20) {
  for (let i = 0; i < rounds; i++) if ((await q.pollOnce()) === 0) return;
}

describe('JobQueue', () => {
  useTestDatabase();
  beforeEach(() => JobModel.collection.deleteMany({}));

  it('runs an enqueued job once and removes it only after the handler returned', async () => {
    const q = new JobQueue(logger, fast);
    const seen: unknown[] = [];
    q.handle('t1', async (job) => {
      const doc = await JobModel.findById(job.id).lean();
      expect(doc?.state).toBe('running');
      seen.push(job.payload);
    });
    await q.enqueue('t1', { n: 1 });
    await drain(q);
    expect(seen).toEqual([{ n: 1 }]);
    expect(await JobModel.countDocuments({ queue: 't1' })).toBe(0);
  });

  it('makes one job per idempotency key', async () => {
    const q = new JobQueue(logger, fast);
    expect(await q.enqueue('t2', { a: 1 }, { key: 'same' })).toBe(true);
    expect(await q.enqueue('t2', { a: 2 }, { key: 'same' })).toBe(false);
    expect(await q.enqueueMany('t2', [{ key: 'same', payload: {} }, { key: 'other', payload: {} }, { key: 'third', payload: {} }])).toBe(2);
    expect(await JobModel.countDocuments({ queue: 't2' })).toBe(3);
  });

  it('retries a failing job with backoff and gives up on a permanent error', async () => {
    const q = new JobQueue(logger, fast);
    let calls = 0;
    q.handle('t3', async () => {
      calls += 1;
      if (calls < 3) throw new Error('busy');
    });
    q.handle('t4', async () => {
      throw new PermanentJobError('bad openid');
    });
    await q.enqueue('t3', {});
    await q.enqueue('t4', {});
    await drain(q);
    const t3 = await JobModel.findOne({ queue: 't3' }).lean();
    const t4 = await JobModel.findOne({ queue: 't4' }).lean();
    expect(calls).toBe(3);
    expect(t3).toBeNull();
    expect(t4).toMatchObject({ state: 'failed', attempts: 1, lastError: 'bad openid' });
  });

  it('lets two workers share a queue without running any job twice', async () => {
    const counts = new Map<number, number>();
    const handler = async (job: { payload: { i: number } }) => {
      counts.set(job.payload.i, (counts.get(job.payload.i) ?? 0) + 1);
      await new Promise((r) => setTimeout(r, 1));
    };
    const a = new JobQueue(logger, { ...fast, batchSize: 7 });
    const b = new JobQueue(logger, { ...fast, batchSize: 5 });
    a.handle('t5', handler);
    b.handle('t5', handler);
    await a.enqueueMany('t5', Array.from({ length: 200 }, (_, i) => ({ key: `t5:${i}`, payload: { i } })));
    await Promise.all([drain(a, 100), drain(b, 100)]);
    expect(counts.size).toBe(200);
    expect([...counts.values()].every((c) => c === 1)).toBe(true);
    expect(await JobModel.countDocuments({ queue: 't5' })).toBe(0);
  });

  it('takes over a job whose worker died once its lease expires', async () => {
    const dying = new JobQueue(logger, { ...fast, leaseMs: 300 });
    dying.handle('t6', () => new Promise<void>(() => {})); // never finishes: the worker "dies" holding it
    await dying.enqueue('t6', { x: 1 });
    void dying.pollOnce();
    await new Promise((r) => setTimeout(r, 100));
    expect((await JobModel.findOne({ queue: 't6' }).lean())?.state).toBe('running');

    const healthy = new JobQueue(logger, fast);
    let ran = 0;
    healthy.handle('t6', async () => {
      ran += 1;
    });
    await healthy.pollOnce();
    expect(ran).toBe(0); // lease still held
    await new Promise((r) => setTimeout(r, 350));
    await drain(healthy);
    expect(ran).toBe(1);
    expect(await JobModel.countDocuments({ queue: 't6' })).toBe(0);
  });

  it('does not run a job before its time', async () => {
    const q = new JobQueue(logger, fast);
    let ran = 0;
    q.handle('t7', async () => {
      ran += 1;
    });
    await q.enqueue('t7', {}, { runAt: new Date(Date.now() + 60_000) });
    await drain(q);
    expect(ran).toBe(0);
  });
});
