import http from 'http';
import type { AddressInfo } from 'net';
import { testApp } from './app';
import { useTestDatabase } from './db';

/** The real app listening on 127.0.0.1 for a browser or any HTTP client. */
export interface RunningServer {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:41234 */
  url: string;
  close(): Promise<void>;
}

/**
 * Starts the real Koa app (`createApp` with the test config) on 127.0.0.1 on a free port. It talks to
 * whatever database the default mongoose connection points at: call it after `useTestDatabase()`
 * connected (or use `useTestServer`, which does both).
 */
export async function startTestServer(env: NodeJS.ProcessEnv = {}): Promise<RunningServer> {
  const { app } = testApp({ env });
  const server = http.createServer(app.callback());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections(); // browsers keep connections alive
      }),
  };
}

/**
 * For a test file: its own database (`useTestDatabase`) and the real app listening over it, started
 * before all tests and closed after them. Returns getters for the base URL and the database.
 */
export function useTestServer(env: NodeJS.ProcessEnv = {}) {
  const db = useTestDatabase();
  let running: RunningServer | undefined;
  beforeAll(async () => {
    running = await startTestServer(env);
  });
  afterAll(async () => {
    await running?.close();
  });
  return {
    url: (): string => {
      if (!running) throw new Error('useTestServer: the server is not started yet (use it inside a test)');
      return running.url;
    },
    db,
  };
}
