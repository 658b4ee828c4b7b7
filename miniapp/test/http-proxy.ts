import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback proxy in front of the real server that simulates a weak network per request: forward it, cut
 * the connection before it reaches the server, or let the server handle it and cut the connection before
 * the answer reaches the client (the case idempotent retries exist for).
 */
export type ProxyMode = 'forward' | 'cut-before' | 'cut-after';

/** One request as the proxy saw it. */
export interface ProxiedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  mode: ProxyMode;
}

export interface TestProxy {
  url: string;
  requests: ProxiedRequest[];
  /** Chooses the mode of each following request (by its index among all requests seen). */
  mode(choose: (req: http.IncomingMessage, index: number) => ProxyMode): void;
  close(): Promise<void>;
}

/** Starts a proxy to `target` (an origin such as http://127.0.0.1:4000). */
export async function startProxy(target: string): Promise<TestProxy> {
  let choose: (req: http.IncomingMessage, index: number) => ProxyMode = () => 'forward';
  const requests: ProxiedRequest[] = [];
  const server = http.createServer((req, res) => {
    const mode = choose(req, requests.length);
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, mode });
    if (mode === 'cut-before') {
      req.socket.destroy();
      return;
    }
    const up = http.request(`${target}${req.url}`, { method: req.method, headers: { ...req.headers, host: new URL(target).host } }, (upRes) => {
      if (mode === 'cut-after') {
        upRes.resume();
        upRes.on('end', () => req.socket.destroy());
        return;
      }
      res.writeHead(upRes.statusCode ?? 502, upRes.headers);
      upRes.pipe(res);
    });
    up.on('error', () => req.socket.destroy());
    req.pipe(up);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    mode(next) {
      choose = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
