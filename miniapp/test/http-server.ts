import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** What a test handler sees of one request. */
export interface SeenRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
}

/** A handler: write the response, or destroy the socket to simulate a dropped connection. */
export type Handler = (req: http.IncomingMessage, res: http.ServerResponse, index: number) => void;

/** A real HTTP server on 127.0.0.1 for tests of code that talks to the API. */
export interface TestServer {
  /** Origin such as `http://127.0.0.1:54321`. */
  url: string;
  /** Every request received, in order. */
  requests: SeenRequest[];
  /** Replaces the handler for the following requests. */
  handle(handler: Handler): void;
  close(): Promise<void>;
}

/** Sends `body` as JSON with `status`. */
export function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

/** Starts a server on a free loopback port. */
export async function startServer(initial: Handler): Promise<TestServer> {
  let handler = initial;
  const requests: SeenRequest[] = [];
  const server = http.createServer((req, res) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    handler(req, res, requests.length - 1);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    handle(next) {
      handler = next;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

/** An origin where nothing listens: a server is started on a free port and closed again. */
export async function closedOrigin(): Promise<string> {
  const s = await startServer((_req, res) => res.end());
  await s.close();
  return s.url;
}
