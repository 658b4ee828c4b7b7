import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Buffer } from 'node:buffer';

/** One request as the test server received it. */
export interface ReceivedRequest {
  method: string;
  path: string;
  /** The query string without '?'. */
  query: string;
  headers: http.IncomingHttpHeaders;
  body: unknown;
}

/** What a route answers: a status and a JSON body (or a raw string body). */
export interface Reply {
  status: number;
  body?: unknown;
  raw?: string;
  contentType?: string;
}

/** A route handler: gets the parsed request, returns the reply. */
export type Handler = (req: ReceivedRequest) => Reply | Promise<Reply>;

/** A real HTTP server on 127.0.0.1 for request-layer and page tests. */
export interface TestServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** Everything received, in order. */
  requests: ReceivedRequest[];
  /** Set or replace the handler of `METHOD /path`. */
  on(method: string, path: string, handler: Handler): void;
  close(): Promise<void>;
}

/**
 * Starts a tiny JSON server on a free loopback port. Unknown routes answer 404 in the contract's error shape,
 * like the real server.
 */
export async function startTestServer(): Promise<TestServer> {
  const routes = new Map<string, Handler>();
  const requests: ReceivedRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        // keep the raw text
      }
      const [path, query = ''] = (req.url ?? '/').split('?');
      const received: ReceivedRequest = { method: req.method ?? 'GET', path, query, headers: req.headers, body };
      requests.push(received);
      const handler = routes.get(`${received.method} ${path}`);
      Promise.resolve(
        handler ? handler(received) : { status: 404, body: { error: { code: 'NOT_FOUND', message: '接口不存在' } } },
      ).then(
        (reply) => {
          const payload = reply.raw ?? (reply.body === undefined ? '' : JSON.stringify(reply.body));
          res.writeHead(reply.status, {
            'Content-Type': reply.contentType ?? 'application/json; charset=utf-8',
            Connection: 'close',
          });
          res.end(payload);
        },
        () => {
          res.writeHead(500).end();
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    on(method, path, handler) {
      routes.set(`${method.toUpperCase()} ${path}`, handler);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

/** A port on 127.0.0.1 that nothing listens on (bound, then released). */
export async function closedPortOrigin(): Promise<string> {
  const s = http.createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
