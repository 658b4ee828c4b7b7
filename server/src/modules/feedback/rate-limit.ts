import { rateLimited } from '../../http/errors';

/*
 * Rate limits of submissions and uploads, per resident and per IP. A retried submission (same
 * Idempotency-Key) is the same submission, so it counts once however often it arrives: the limiter counts
 * distinct submission keys per window. Counters live in process memory, like the shared RateLimiter
 * (server/src/http/rate-limit.ts): Gongkai runs one process per deployment.
 */

/** Limits per window. IPs get more room: villagers share carrier NAT addresses and village Wi-Fi. */
export interface FeedbackRateLimits {
  windowMs: number;
  perResident: number;
  perIp: number;
  uploadsPerResident: number;
}

const DEFAULTS: FeedbackRateLimits = { windowMs: 3600_000, perResident: 10, perIp: 60, uploadsPerResident: 30 };
let limits: FeedbackRateLimits = { ...DEFAULTS };

/** The limits in force. */
export function feedbackRateLimits(): Readonly<FeedbackRateLimits> {
  return limits;
}

/** Changes the limits (tests); returns a function restoring the previous ones. */
export function setFeedbackRateLimits(patch: Partial<FeedbackRateLimits>): () => void {
  const before = limits;
  limits = { ...limits, ...patch };
  return () => {
    limits = before;
  };
}

/** Fixed windows counting distinct submission keys. */
export class DistinctRateLimiter {
  private windows = new Map<string, { start: number; keys: Set<string> }>();

  /** Counts `key` under `bucket`; returns the seconds to wait when over `limit`, else 0. */
  hit(bucket: string, key: string, limit: number, windowMs: number, now = Date.now()): number {
    let w = this.windows.get(bucket);
    if (!w || now - w.start >= windowMs) {
      w = { start: now, keys: new Set() };
      this.windows.set(bucket, w);
      if (this.windows.size > 50_000) this.sweep(now, windowMs);
    }
    if (w.keys.has(key)) return 0;
    if (w.keys.size >= limit) return Math.max(1, Math.ceil((w.start + windowMs - now) / 1000));
    w.keys.add(key);
    return 0;
  }

  private sweep(now: number, windowMs: number) {
    for (const [k, w] of this.windows) if (now - w.start >= windowMs) this.windows.delete(k);
  }
}

const waitText = (s: number) => (s >= 120 ? `${Math.ceil(s / 60)}分钟` : `${s}秒`);

/** A 429 with the wait in `details` and a Chinese message; the route sets `Retry-After` from it. */
export function tooMany(seconds: number, who: 'resident' | 'ip' | 'upload') {
  const what =
    who === 'resident' ? '您提交得太频繁了' : who === 'ip' ? '当前网络提交得太频繁了' : '您上传图片太频繁了';
  return rateLimited(`${what}，请${waitText(seconds)}后再试。已提交的内容不会丢失。`, { retryAfterSeconds: seconds });
}

/**
 * Checks a new submission against the resident and IP limits (the IP only when known).
 * @throws 429 RATE_LIMITED with `details.retryAfterSeconds`.
 */
export function checkSubmission(limiter: DistinctRateLimiter, residentId: string, ip: string | undefined, submissionKey: string): void {
  const l = limits;
  const r = limiter.hit(`resident:${residentId}`, submissionKey, l.perResident, l.windowMs);
  if (r) throw tooMany(r, 'resident');
  if (ip) {
    const i = limiter.hit(`ip:${ip}`, `${residentId}:${submissionKey}`, l.perIp, l.windowMs);
    if (i) throw tooMany(i, 'ip');
  }
}
