import fs from 'fs';
import path from 'path';
import type { Context, Next } from 'koa';
import send from 'koa-send';
import { AppError } from './errors';

/** A built single-page app served under a path prefix. */
export interface SpaMount {
  prefix: string; // e.g. '/admin'
  root: string; // folder with index.html
  /** Chinese hint shown when the app is not built. */
  notBuilt: string;
}

const ASSET = /\.[a-z0-9]+$/i;
/** Content-hashed build output: Taro `app.188d5598.js`, Vite `index-BqrSmkDI.js`. */
const HASHED = /(\.[0-9a-f]{8}|-[A-Za-z0-9_-]{8})\.(js|css|png|svg|jpg|woff2?)$/;

/**
 * Serves each SPA's files under its prefix, falls back to its index.html for client-side routes, and
 * redirects `/prefix` to `/prefix/`. Hashed assets are cached for a year; index.html is never cached.
 */
export function serveSpas(mounts: SpaMount[]) {
  return async (ctx: Context, next: Next) => {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    const m = mounts.find((x) => ctx.path === x.prefix || ctx.path.startsWith(`${x.prefix}/`));
    if (!m) return next();
    if (ctx.path === m.prefix) {
      ctx.status = 301;
      ctx.redirect(`${m.prefix}/${ctx.querystring ? `?${ctx.querystring}` : ''}`);
      return;
    }
    const index = path.join(m.root, 'index.html');
    if (!fs.existsSync(index)) throw new AppError(404, 'NOT_FOUND', m.notBuilt);
    let rel = decodeURIComponent(ctx.path.slice(m.prefix.length + 1));
    if (rel === '' || (!ASSET.test(rel) && !fs.existsSync(path.join(m.root, rel)))) rel = 'index.html';
    const isIndex = rel === 'index.html';
    try {
      await send(ctx, rel, {
        root: m.root,
        index: 'index.html',
        gzip: true,
        setHeaders(res) {
          res.setHeader('Cache-Control', isIndex ? 'no-cache' : HASHED.test(rel) ? 'public, max-age=31536000, immutable' : 'public, max-age=3600');
        },
      });
    } catch (err) {
      if ((err as { status?: number }).status === 404) throw new AppError(404, 'NOT_FOUND', '文件不存在');
      throw err;
    }
  };
}
