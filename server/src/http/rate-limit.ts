import type { Context, Middleware, Next } from 'koa';
import { rateLimited } from './errors';

/** Options of one rate limit. */
export interface RateLimitOptions {
  /** Distinguishes limits that share keys (e.g. 'feedback-ip'). */
  name: string;
  limit: number;
  windowMs: number;
  /** The key to count under (IP, resident id…); undefined skips counting. */
  key: (ctx: Context) => string | undefined;
  message?: string;
}

/**
 * Fixed-window counters in process memory. Gongkai runs as one process per deployment; a multi-process
 * deployment would move these counters to the database or Redis.
 */
export class RateLimiter {
  private windows = new Map<string, { start: number; count: number }>();

  /** Counts one hit; returns the seconds to wait when over the limit, else 0. */
  hit(key: string, limit: number, windowMs: number, now = Date.now()): number {
    const w = this.windows.get(key);
    if (!w || now - w.start >= windowMs) {
      this.windows.set(key, { start: now, count: 1 });
      if (this.windows.size > 50_000) this.sweep(now, windowMs);
      return 0;
    }
    w.count += 1;
    return w.count > limit ? Math.ceil((w.start + windowMs - now) / 1000) : 0;
  }

  private sweep(now: number, windowMs: number) {
    for (const [k, w] of this.windows) if (now - w.start >= windowMs) this.windows.delete(k);
  }
}

const shared = new RateLimiter();

/** Middleware: 429 RATE_LIMITED with `Retry-After` once a key exceeds `limit` hits per window. */
export function rateLimit(opts: RateLimitOptions, limiter: RateLimiter = shared): Middleware {
  return async (ctx: Context, next: Next) => {
    const key = opts.key(ctx);
    if (key !== undefined) {
      const wait = limiter.hit(`${opts.name}:${key}`, opts.limit, opts.windowMs);
      if (wait > 0) {
        ctx.set('Retry-After', String(wait));
        throw rateLimited(opts.message ?? `操作过于频繁，请${wait}秒后再试`, { retryAfterSeconds: wait });
      }
    }
    await next();
  };
}
