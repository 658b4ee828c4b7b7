import { randomUUID } from 'crypto';
import type { Context, Next } from 'koa';
import type { Logger } from '../logger';

const SANE_ID = /^[\w-]{8,64}$/;

/**
 * Gives every request an id (from `X-Request-Id` when sane, else a new UUID), a child logger in
 * `ctx.state.log` (made on first use), and logs one line per request with status and duration: at `info`
 * for writes, client errors and redirects, `error` for 5xx, and `debug` for successful reads (GET/HEAD
 * 2xx/3xx — the bulk of the traffic; set LOG_LEVEL=debug to see them).
 */
export function requestContext(logger: Logger) {
  return async (ctx: Context, next: Next) => {
    const given = ctx.get('X-Request-Id');
    const id = given && SANE_ID.test(given) ? given : randomUUID();
    const start = process.hrtime.bigint();
    ctx.state.requestId = id;
    let log: Logger | undefined;
    Object.defineProperty(ctx.state, 'log', {
      configurable: true,
      enumerable: true,
      get: () => (log ??= logger.child({ reqId: id })),
      set: (v: Logger) => {
        log = v;
      },
    });
    ctx.set('X-Request-Id', id);
    try {
      await next();
    } finally {
      const status = ctx.status;
      const read = ctx.method === 'GET' || ctx.method === 'HEAD';
      const level = status >= 500 ? 'error' : read && status < 400 ? 'debug' : 'info';
      if (logger.isLevelEnabled(level)) {
        const ms = Number(process.hrtime.bigint() - start) / 1e6;
        (ctx.state.log as Logger)[level]({ method: ctx.method, url: ctx.originalUrl, status, ms: Math.round(ms * 10) / 10 }, 'request');
      }
    }
  };
}
