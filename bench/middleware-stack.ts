/**
 * What the shared middleware stack (server/src/app.ts) costs per request, change by change: the app's
 * middleware assembled as it was before each change ("before") and with each change alone, then all of
 * them, every variant serving the same module routers. Requests are injected in-process (no sockets:
 * the socket and HTTP parsing cost the same in every variant) and the variants are interleaved in batches of
 * 100 so the load of a shared machine spreads evenly over them; the figure is CPU µs per request.
 *
 *   npx tsx bench/middleware-stack.ts                    # GET /api/v1/domains, 5 × 4,000 requests per variant
 *   BENCH_PATH=/api/v1/regions/330304 BENCH_ROUNDS=3 npx tsx bench/middleware-stack.ts
 *
 * No database is needed for /api/v1/domains (paths that read data need one: run inside bench/disclosures.ts
 * conditions instead).
 */
import { randomUUID } from 'crypto';
import { IncomingMessage, ServerResponse } from 'http';
import { Socket } from 'net';
import Koa from 'koa';
import Router from '@koa/router';
import cors from '@koa/cors';
import helmet from 'koa-helmet';
import { bodyParser } from '@koa/bodyparser';
import pino from 'pino';
import { corsWhenAsked, fixedHeaders, unlessReading } from '../server/src/app';
import { loadConfig } from '../server/src/config';
import { errorMiddleware } from '../server/src/http/error-middleware';
import { requestContext } from '../server/src/http/request-context';
import { JobQueue } from '../server/src/jobs/queue';
import { moduleRouters } from '../server/src/modules';
import type { Logger } from '../server/src/logger';

/** The request context as it was: an eager child logger and an info line for every request. */
function eagerRequestContext(logger: Logger): Koa.Middleware {
  return async (ctx, next) => {
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
      ctx.state.log[ctx.status >= 500 ? 'error' : 'info']({ method: ctx.method, url: ctx.originalUrl, status: ctx.status, ms }, 'request');
    }
  };
}

type Flags = { root?: boolean; helmet?: boolean; cors?: boolean; body?: boolean; log?: boolean };

const config = loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'info', GONGKAI_JOBS: 'off' });
const logger = pino({ level: 'info', base: undefined }, pino.destination({ dest: '/dev/null', sync: false }));

function build(f: Flags): Koa {
  const app = new Koa();
  app.use(f.log ? requestContext(logger) : eagerRequestContext(logger));
  app.use(errorMiddleware);
  const h = helmet({ contentSecurityPolicy: { directives: { defaultSrc: ["'self'"], upgradeInsecureRequests: [] } }, crossOriginEmbedderPolicy: false });
  app.use(f.helmet ? fixedHeaders(h) : h);
  const c = cors({ origin: () => '', credentials: false, maxAge: 600, exposeHeaders: ['X-Request-Id'] });
  app.use(f.cors ? corsWhenAsked(c) : c);
  const bp = bodyParser({ enableTypes: ['json'], jsonLimit: '1mb', encoding: 'utf-8' });
  app.use(f.body ? unlessReading(bp) : bp);
  const routers = moduleRouters({ config, logger, jobs: new JobQueue(logger) });
  if (f.root) {
    const root = new Router();
    for (const r of routers) root.use(r.routes());
    app.use(root.routes()).use(root.allowedMethods());
  } else {
    for (const r of routers) app.use(r.routes()).use(r.allowedMethods());
  }
  return app;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<unknown>;

async function inject(handler: Handler, url: string): Promise<void> {
  const req = new IncomingMessage(new Socket());
  req.method = 'GET';
  req.url = url;
  req.headers = { host: '127.0.0.1:3000', 'user-agent': 'bench', connection: 'keep-alive' };
  req.push(null);
  await handler(req, new ServerResponse(req));
}

async function main() {
  const path = process.env.BENCH_PATH ?? '/api/v1/domains';
  const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
  const perRound = 4_000;
  const variants: Array<[string, Flags]> = [
    ['before (per-module routers, helmet per request, CORS and body parser always, eager logging)', {}],
    ['+ one root router', { root: true }],
    ['+ helmet headers computed once', { helmet: true }],
    ['+ CORS only with an Origin', { cors: true }],
    ['+ no body parser on GET/HEAD', { body: true }],
    ['+ lazy child logger, 2xx/3xx reads at debug', { log: true }],
    ['all of them (the current app.ts)', { root: true, helmet: true, cors: true, body: true, log: true }],
  ];
  const handlers = variants.map(([, f]) => build(f).callback() as unknown as Handler);
  for (const h of handlers) for (let i = 0; i < 2_000; i++) await inject(h, path);
  const results = variants.map(() => [] as number[]);
  for (let k = 0; k < rounds; k++) {
    const cpu = variants.map(() => 0);
    for (let j = 0; j < perRound / 100; j++) {
      for (let v = 0; v < handlers.length; v++) {
        const c0 = process.cpuUsage();
        for (let i = 0; i < 100; i++) await inject(handlers[v], path);
        const c = process.cpuUsage(c0);
        cpu[v] += c.user + c.system;
      }
    }
    cpu.forEach((us, v) => results[v].push(us / perRound));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const base = median(results[0]);
  console.log(`GET ${path}, in-process, ${rounds} × ${perRound} requests per variant (median µs of CPU per request):`);
  console.log('| stack | µs/request | vs before |');
  console.log('|---|---|---|');
  variants.forEach(([name], v) => {
    const m = median(results[v]);
    console.log(`| ${name} | ${m.toFixed(1)} | ${v ? `${(((m - base) / base) * 100).toFixed(0)} %` : ''} |`);
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
