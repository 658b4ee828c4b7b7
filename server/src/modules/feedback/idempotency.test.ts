import crypto from 'crypto';
import { useTestDatabase } from '../../../../test/support/db';
import { feedback, residentIndex } from './model';
import { feedbackApp, newResident, question, submit } from './testing';

describe('POST /api/v1/feedback with an Idempotency-Key', () => {
  useTestDatabase();
  const { http } = feedbackApp();

  it('returns the same submission for the same key (201 first, then 200), never a second one', async () => {
    const me = await newResident(http);
    const key = crypto.randomUUID();
    const first = await submit(http, me.auth, question(), key);
    const again = await submit(http, me.auth, question(), key);
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(await feedback().countDocuments({ residentId: me.id })).toBe(1);
  });

  it('turns 100 concurrent retries with one key into exactly one submission, every response with its id and number', async () => {
    const me = await newResident(http);
    const key = crypto.randomUUID();
    const body = question({ content: '弱网重试：请问危房改造补助什么时候发放？' });
    const responses = await Promise.all(Array.from({ length: 100 }, () => submit(http, me.auth, body, key)));
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(99);
    const ids = new Set(responses.map((r) => r.body.id));
    const numbers = new Set(responses.map((r) => r.body.trackingNo));
    expect(ids.size).toBe(1);
    expect(numbers.size).toBe(1);
    expect([...numbers][0]).toMatch(/^ZX-\d{8}-\d{4}$/);
    expect(await feedback().countDocuments({ residentId: me.id })).toBe(1);
    expect((await residentIndex().findOne({ _id: me.id }))?.ids).toEqual([...ids]);
    const list = await http().get('/api/v1/me/feedback').set('Authorization', me.auth).expect(200);
    expect(list.body.total).toBe(1);
  });

  it('burns no tracking numbers on retries: the next submission takes the next number', async () => {
    const me = await newResident(http);
    const key = crypto.randomUUID();
    const first = await Promise.all(Array.from({ length: 20 }, () => submit(http, me.auth, question({ content: '重试不会浪费受理编号吗？' }), key)));
    const next = await submit(http, me.auth, question({ content: '下一条新的咨询。' }));
    const seq = (t: string) => Number(t.split('-')[2]);
    expect(next.status).toBe(201);
    expect(seq(next.body.trackingNo)).toBe(seq(first[0].body.trackingNo) + 1);
  });

  it('refuses the same key with different content (409), and keeps keys apart per resident', async () => {
    const a = await newResident(http);
    const b = await newResident(http);
    const key = crypto.randomUUID();
    const mine = await submit(http, a.auth, question(), key);
    const changed = await submit(http, a.auth, question({ content: '同一个键却是另一条内容。' }), key);
    expect(changed.status).toBe(409);
    expect(changed.body.error.code).toBe('CONFLICT');
    const theirs = await submit(http, b.auth, question(), key);
    expect(theirs.status).toBe(201);
    expect(theirs.body.id).not.toBe(mine.body.id);
  });

  it('creates a new submission each time without a key, and refuses a malformed key', async () => {
    const me = await newResident(http);
    const one = await submit(http, me.auth, question());
    const two = await submit(http, me.auth, question());
    expect([one.status, two.status]).toEqual([201, 201]);
    expect(one.body.id).not.toBe(two.body.id);
    const bad = await submit(http, me.auth, question(), 'bad key with spaces');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    expect(bad.body.error.details[0].path).toBe('headers.idempotency-key');
  });
});
