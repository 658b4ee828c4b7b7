import crypto from 'crypto';
import { useTestDatabase } from '../../../../test/support/db';
import { DistinctRateLimiter, feedbackRateLimits, setFeedbackRateLimits } from './rate-limit';
import { feedbackApp, newResident, question, submit } from './testing';

describe('rate limits of submissions (per resident and per IP)', () => {
  useTestDatabase();
  const { http } = feedbackApp({ realLimits: true });
  const keys: string[] = [];

  it('allows 10 new submissions per resident per hour, then answers 429 with Retry-After and a clear message', async () => {
    expect(feedbackRateLimits()).toMatchObject({ perResident: 10, perIp: 60, windowMs: 3600_000 });
    const a = await newResident(http);
    for (let i = 0; i < 10; i++) {
      const key = crypto.randomUUID();
      keys.push(key);
      expect((await submit(http, a.auth, question({ content: `第${i + 1}条咨询的内容。` }), key)).status).toBe(201);
    }
    const over = await submit(http, a.auth, question({ content: '第11条咨询的内容。' }), crypto.randomUUID());
    expect(over.status).toBe(429);
    expect(over.body.error.code).toBe('RATE_LIMITED');
    expect(over.body.error.message).toMatch(/^您提交得太频繁了，请\d+分钟后再试/);
    const retry = Number(over.headers['retry-after']);
    expect(retry).toBeGreaterThan(3000);
    expect(retry).toBeLessThanOrEqual(3600);
    expect(over.body.error.details).toEqual({ retryAfterSeconds: retry });

    // Retrying an earlier submission is not a new one: still answered, never limited.
    const again = await submit(http, a.auth, question({ content: '第3条咨询的内容。' }), keys[2]);
    expect(again.status).toBe(200);
    // Someone else on the same network is not affected by this resident's limit.
    const b = await newResident(http);
    expect((await submit(http, b.auth, question())).status).toBe(201);
  });

  it('limits an IP across residents, with its own message', async () => {
    // So far this IP made 11 distinct submissions (the refused one is not counted).
    const restore = setFeedbackRateLimits({ perIp: 12 });
    try {
      const c = await newResident(http);
      expect((await submit(http, c.auth, question())).status).toBe(201);
      const d = await newResident(http);
      const over = await submit(http, d.auth, question());
      expect(over.status).toBe(429);
      expect(over.body.error.message).toMatch(/^当前网络提交得太频繁了/);
      expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      restore();
    }
  });

  it('does not count refused (invalid) submissions', async () => {
    const e = await newResident(http);
    for (let i = 0; i < 12; i++) expect((await submit(http, e.auth, question({ content: '短' }))).status).toBe(400);
    expect((await submit(http, e.auth, question())).status).toBe(201);
  });

  it('counts a key once per window and opens a new window after it', () => {
    const l = new DistinctRateLimiter();
    const t0 = 1_000_000;
    expect(l.hit('r', 'k1', 2, 1000, t0)).toBe(0);
    expect(l.hit('r', 'k1', 2, 1000, t0 + 1)).toBe(0);
    expect(l.hit('r', 'k2', 2, 1000, t0 + 2)).toBe(0);
    expect(l.hit('r', 'k3', 2, 1000, t0 + 500)).toBe(1);
    expect(l.hit('r', 'k1', 2, 1000, t0 + 600)).toBe(0);
    expect(l.hit('r', 'k3', 2, 1000, t0 + 1000)).toBe(0);
  });
});
