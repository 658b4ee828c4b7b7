import request from 'supertest';
import type Koa from 'koa';
import { createApp, type AppDeps } from '../../server/src/app';
import { loadConfig, type Config } from '../../server/src/config';
import { createLogger } from '../../server/src/logger';

/** A config for tests: the real parser over a test environment plus overrides. */
export function testConfig(env: NodeJS.ProcessEnv = {}): Readonly<Config> {
  return loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', GONGKAI_JOBS: 'off', ...env });
}

/** The real app over the test file's database, and a supertest agent for it. */
export function testApp(overrides: Partial<AppDeps> & { env?: NodeJS.ProcessEnv } = {}) {
  const config = overrides.config ?? testConfig(overrides.env);
  const logger = overrides.logger ?? createLogger('silent', false);
  const app: Koa = createApp({ ...overrides, config, logger });
  const server = app.callback();
  return { app, config, logger, http: () => request(server) };
}
