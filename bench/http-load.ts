/**
 * HTTP load for benchmarks: autocannon 9 runs in a CHILD process (on 2 cores, a load generator inside the
 * server's process would take half of its CPU), rotating through a list of paths, and reports req/s and
 * latency percentiles. Also a bare Koa handler to compare the app with, in the same run.
 */
import { execFile } from 'child_process';
import http from 'http';
import Koa from 'koa';
import path from 'path';
import type { AddressInfo } from 'net';

/** What one load run measured. */
export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  max: number;
  bytesPerRequest: number;
  non2xx: number;
  errors: number;
}

const RUNNER = `
const autocannon = require(process.env.AC_MODULE);
const paths = JSON.parse(process.env.AC_PATHS);
let i = 0;
autocannon({
  url: process.env.AC_URL,
  connections: Number(process.env.AC_CONNECTIONS),
  duration: Number(process.env.AC_SECONDS),
  requests: [{ setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length] }) }],
}, (err, r) => {
  if (err) { console.error(err); process.exit(1); }
  process.stdout.write(JSON.stringify({
    rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max,
    bytesPerRequest: r.throughput.total / Math.max(1, r.requests.total), non2xx: r.non2xx, errors: r.errors,
  }));
});
`;

/** Loads `base` + each of `paths` in turn with autocannon in a child process. */
export function load(base: string, paths: string[], connections = 50, seconds = 10): Promise<LoadResult> {
  const env = {
    ...process.env,
    AC_MODULE: path.dirname(require.resolve('autocannon/package.json')),
    AC_PATHS: JSON.stringify(paths),
    AC_URL: base,
    AC_CONNECTIONS: String(connections),
    AC_SECONDS: String(seconds),
  };
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['-e', RUNNER], { env, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`autocannon failed: ${stderr || err.message}`));
      else resolve(JSON.parse(stdout) as LoadResult);
    });
  });
}

/** Starts a server for a request listener on a loopback port; returns its base URL and a closer. */
export async function serve(listener: http.RequestListener): Promise<{ base: string; close: () => Promise<void> }> {
  const server = http.createServer(listener);
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The reference: a bare Koa 3 app answering a tiny JSON body. */
export function bareKoa(): http.RequestListener {
  const app = new Koa();
  app.use((ctx) => {
    ctx.body = { ok: true };
  });
  return app.callback();
}

/**
 * A bare Koa app answering every request with one fixed response (headers and body) recorded from the real
 * app: the cost of sending what the app sends, without computing it — so a comparison can separate the
 * size of a response (and the security headers) from the work of producing it.
 */
export function bareKoaReplaying(headers: Record<string, string>, body: string): http.RequestListener {
  const app = new Koa();
  const skip = new Set(['content-length', 'date', 'connection', 'keep-alive', 'transfer-encoding']);
  const list = Object.entries(headers).filter(([k]) => !skip.has(k.toLowerCase()));
  app.use((ctx) => {
    for (const [k, v] of list) ctx.set(k, v);
    ctx.body = body;
  });
  return app.callback();
}
