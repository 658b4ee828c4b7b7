import path from 'path';
import Koa from 'koa';
import Router from '@koa/router';
import cors from '@koa/cors';
import helmet from 'koa-helmet';
import { bodyParser } from '@koa/bodyparser';
import type { Config } from './config';
import type { Logger } from './logger';
import { errorMiddleware } from './http/error-middleware';
import { requestContext } from './http/request-context';
import { buildOpenApi, doc } from './http/openapi';
import { serveSpas } from './http/static';
import { moduleRouters } from './modules';
import type { RegionDirectory } from './modules/regions/directory';
import { JobQueue } from './jobs/queue';
import { registerJobHandlers } from './modules/jobs';
import type { NoticeOptions } from './modules/notices/runtime';

/** What the app is built from; `main.ts` (the composition root) and tests provide it. */
export interface AppDeps {
  config: Readonly<Config>;
  logger: Logger;
  /** The in-memory region tree; when absent it is loaded from the database on first use (tests). */
  regions?: RegionDirectory;
  /**
   * The durable job queue. When absent, createApp makes one that is not started: jobs are still stored,
   * and tests run them with `jobs.pollOnce()`. `main.ts` starts it.
   */
  jobs?: JobQueue;
  /** WeChat client and notice-delivery tuning (tests, the worker script); defaults from config and env. */
  notices?: NoticeOptions;
}

/** AppDeps after createApp filled in the defaults. */
export type ResolvedDeps = AppDeps & { jobs: JobQueue };

const CSP = {
  directives: {
    defaultSrc: ["'self'"],
    // The hash allows the one inline script of the built H5 (miniapp/dist/h5/index.html): Taro's pxtransform
    // snippet that sets the root font size for rem units. It is fixed by the pxtransform options in
    // miniapp/config (designWidth 750, root size 20–40 px); if they change, test/e2e/h5-home.test.ts fails
    // with Chromium's CSP message naming the new hash to put here.
    scriptSrc: ["'self'", "'sha256-kdKRsWGo1eeDzbQ/0FC2hv6ezekDgjIxnJ+u5v0/f64='"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    frameAncestors: ["'self'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
  },
};

function corsOrigin(config: Readonly<Config>) {
  return (ctx: Koa.Context): string => {
    const origin = ctx.get('Origin');
    if (!origin) return '';
    if (config.corsOrigins.includes(origin)) return origin;
    // Local development servers (Vite, Taro dev) on loopback.
    if (!config.production && /^https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.test(origin)) return origin;
    return '';
  };
}

/**
 * helmet's headers, worked out once: with static options they are the same for every response, so they are
 * set from a list instead of running helmet's dozen middlewares (and a promise) per request.
 */
export function fixedHeaders(helmetMiddleware: Koa.Middleware): Koa.Middleware {
  const headers = new Map<string, string>();
  const res = {
    setHeader: (k: string, v: unknown) => void headers.set(k, String(v)),
    removeHeader: (k: string) => void headers.delete(k),
    getHeader: (k: string) => headers.get(k),
  };
  let done = false;
  void helmetMiddleware({ req: { method: 'GET', url: '/', headers: {} }, res } as never, async () => {
    done = true;
  });
  // helmet's middlewares run synchronously; if a future version does not, keep running it per request.
  if (!done && headers.size === 0) return helmetMiddleware;
  const list = [...headers];
  return (ctx, next) => {
    for (const [k, v] of list) ctx.res.setHeader(k, v);
    return next();
  };
}

/** CORS only for requests that carry an Origin; the others just get `Vary: Origin`, as @koa/cors gives them. */
export function corsWhenAsked(corsMiddleware: Koa.Middleware): Koa.Middleware {
  return (ctx, next) => {
    if (ctx.get('Origin')) return corsMiddleware(ctx, next);
    ctx.vary('Origin');
    return next();
  };
}

/** The body parser for requests that may carry a body (not GET/HEAD). */
export function unlessReading(parser: Koa.Middleware): Koa.Middleware {
  return (ctx, next) => (ctx.method === 'GET' || ctx.method === 'HEAD' ? next() : parser(ctx, next));
}

/**
 * Builds the Koa application without listening: middleware, every module's routes, the OpenAPI
 * document, and the built admin console (`/admin/`) and H5 mini-program (`/m/`).
 */
export function createApp(given: AppDeps): Koa {
  const deps: ResolvedDeps = { ...given, jobs: given.jobs ?? new JobQueue(given.logger) };
  const { config, logger } = deps;
  registerJobHandlers(deps);
  const app = new Koa({ proxy: config.production });
  app.use(requestContext(logger));
  app.use(errorMiddleware);
  // helmet's default `upgrade-insecure-requests` only in production (served over TLS): on plain HTTP under any
  // host but localhost — e.g. a phone on the LAN opening http://192.168.1.5:3000/m/ — it makes the browser load
  // the page's scripts over https, and the page stays blank (test/e2e/h5-home.test.ts covers this).
  const contentSecurityPolicy = { directives: { ...CSP.directives, upgradeInsecureRequests: config.production ? [] : null } };
  app.use(fixedHeaders(helmet({ contentSecurityPolicy, crossOriginEmbedderPolicy: false })));
  app.use(corsWhenAsked(cors({ origin: corsOrigin(config), credentials: false, maxAge: 600, exposeHeaders: ['X-Request-Id'] })));
  app.use(unlessReading(bodyParser({ enableTypes: ['json'], jsonLimit: config.bodyLimit, encoding: 'utf-8' })));

  const routers = moduleRouters(deps);
  const meta = new Router();
  const openapi = () => buildOpenApi(routers, { title: 'Gongkai 基层政务公开 API', version: '1.0.0' });
  let cachedDoc: ReturnType<typeof openapi> | undefined;
  meta.get('/api/v1/openapi.json', doc({ summary: 'OpenAPI 文档', tags: ['meta'] }), (ctx) => {
    ctx.body = cachedDoc ??= openapi();
  });
  meta.get('/', (ctx) => ctx.redirect('/m/'));
  // Browsers ask for it on their own; the apps carry their icons in their builds.
  meta.get('/favicon.ico', (ctx) => {
    ctx.status = 204;
    ctx.set('Cache-Control', 'public, max-age=86400');
  });
  // One router holding every module's routes: a request is matched once, instead of being offered to each
  // module's router (and its 405 check) in turn.
  const root = new Router();
  for (const r of [...routers, meta]) root.use(r.routes());
  app.use(root.routes()).use(root.allowedMethods());

  app.use(
    serveSpas([
      { prefix: '/admin', root: path.join(config.repoRoot, 'admin', 'dist'), notBuilt: '管理后台尚未构建，请运行 npm run build:admin' },
      { prefix: '/m', root: path.join(config.repoRoot, 'miniapp', 'dist', 'h5'), notBuilt: 'H5 小程序尚未构建，请运行 npm run build:h5' },
    ]),
  );
  return app;
}
