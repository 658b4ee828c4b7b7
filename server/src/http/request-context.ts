import { randomUUID } from 'crypto';
import type { Context, Next } from 'koa';
import type { Logger } from '../logger';

/**
 * Gives every request an id (from `X-Request-Id` when sane, else a new UUID), a child logger in
 * `ctx.state.log`, and logs one line per request with status and duration.
 */
export function requestContext(logger: Logger) {
  return async (ctx: Context, next: Next) => {
    const given = ctx.get('X-Request-Id');
    const id = /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    const start = process.hrtime.bigint();
    ctx.state.requestId = id;
    ctx.state.log = logger.child({ reqId: id });
    ctx.set('X-Request-Id', id);
    try {
      await next();
    } finally {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      const level = ctx.status >= 500 ? 'error' : 'info';
      ctx.state.log[level]({ method: ctx.method, url: ctx.originalUrl, status: ctx.status, ms: Math.round(ms * 10) / 10 }, 'request');
    }
  };
}
