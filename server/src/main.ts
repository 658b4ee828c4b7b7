/**
 * Composition root: config → logger → database → seeds → jobs → HTTP server, and a graceful
 * shutdown on SIGINT/SIGTERM (stop accepting, finish in-flight requests, stop jobs, close the database).
 */
import http from 'http';
import { ConfigError, loadConfig, type Config } from './config';
import { createLogger, type Logger } from './logger';
import { provideDatabase, type DatabaseHandle } from './db/provider';
import { connectDatabase, disconnectDatabase } from './db/connect';
import { runSeeds } from './seed';
import { createApp, type ResolvedDeps } from './app';
import { JobQueue } from './jobs/queue';
import { recurring } from './jobs/schedule';
import { RECURRING_JOBS } from './modules/jobs';
import { regionDirectory, type RegionDirectory } from './modules/regions/service';
import { loadNoticeSettings } from './modules/notices/settings';
import { startDemoWechat, type WechatEmulator } from './wechat';
import {
  saveDisclosureIndexSnapshot,
  saveSearchSnapshot,
  setPublicChangeErrorHandler,
  setSearchErrorHandler,
  warmDisclosureIndex,
  warmDisclosureSearch,
} from './modules/disclosures/service';
import { warmFeedbackIndex } from './modules/feedback/service';

async function shutdownOn(signals: NodeJS.Signals[], steps: Array<[string, () => Promise<void>]>, logger: Logger) {
  let closing = false;
  for (const s of signals) {
    process.on(s, async () => {
      if (closing) return;
      closing = true;
      logger.info({ signal: s }, 'shutting down');
      const force = setTimeout(() => {
        logger.error('shutdown timed out; exiting');
        process.exit(1);
      }, 15_000);
      for (const [name, step] of steps) {
        try {
          await step();
        } catch (err) {
          logger.error({ err, step: name }, 'shutdown step failed');
        }
      }
      clearTimeout(force);
      process.exit(0);
    });
  }
}

function listen(server: http.Server, config: Readonly<Config>): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
}

export async function main(): Promise<void> {
  let config: Readonly<Config>;
  try {
    config = loadConfig();
    loadNoticeSettings(); // the notices module's own variables (GONGKAI_PUSH_*, GONGKAI_NOTICE_*), checked now
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  const logger = createLogger(config.logLevel);
  let emulator: WechatEmulator | undefined;
  if (!config.wechat.appid) {
    // Demo mode (contract): no WECHAT_APPID → the built-in WeChat emulator on loopback.
    const demo = await startDemoWechat(config, (line) => logger.info(line));
    ({ config, emulator } = demo);
    logger.warn(
      { wechat: demo.config.wechat.apiBase, devLogin: config.devLogin },
      'WECHAT_APPID is not set: demo mode — WeChat calls go to the built-in emulator (messages are logged, not delivered); residents sign in with the development login (GONGKAI_DEV_LOGIN=1)',
    );
  }
  let db: DatabaseHandle | undefined;
  let regions: RegionDirectory | undefined;
  try {
    db = await provideDatabase({
      mongodbUri: config.mongodbUri,
      repoRoot: config.repoRoot,
      dataDir: config.dataDir,
      log: (m) => logger.info(m),
    });
    await connectDatabase(db.uri);
    await runSeeds({ config, logger });
    const t = Date.now();
    regions = await regionDirectory(); // built eagerly so the first search is fast
    logger.info({ regions: regions.size, ms: Date.now() - t }, 'region directory built');
    // In-memory indexes built now so the first requests are fast (each also builds itself on first use).
    logger.info(await warmDisclosureIndex(), 'disclosure index built');
    logger.info(await warmFeedbackIndex(), 'feedback index built');
  } catch (err) {
    logger.fatal({ err: (err as Error).message }, 'start-up failed');
    await db?.stop();
    process.exit(1);
  }

  setPublicChangeErrorHandler((err, change) => logger.error({ err, change: { kind: change.kind, disclosureId: change.disclosureId } }, 'public-change hook failed'));
  setSearchErrorHandler((err) => logger.error({ err }, 'disclosure search index: build or snapshot failed'));
  // Full-text index in the background: the server listens meanwhile (searches match titles until it is ready).
  warmDisclosureSearch().then(
    (figures) => logger.info(figures, 'disclosure search index built'),
    (err) => logger.error({ err }, 'disclosure search index failed to build'),
  );

  const jobs = new JobQueue(logger);
  const deps: ResolvedDeps = { config, logger, regions, jobs };
  const app = createApp(deps);
  if (config.jobs) {
    for (const r of RECURRING_JOBS) await recurring(jobs, r.name, r.when, () => r.run(deps));
    jobs.start();
  }
  const server = http.createServer(app.callback());
  server.keepAliveTimeout = 5_000;
  await listen(server, config);
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.port;
  const base = `http://${config.host}:${port}`;
  logger.info({ api: `${base}/api/v1`, admin: `${base}/admin/`, h5: `${base}/m/`, db: db.kind }, 'Gongkai is running');

  await shutdownOn(['SIGINT', 'SIGTERM'], [
    ['http', () => new Promise<void>((resolve) => { server.close(() => resolve()); server.closeIdleConnections(); })],
    ['jobs', () => jobs.stop()],
    ['index snapshots', async () => { await Promise.all([saveDisclosureIndexSnapshot(), saveSearchSnapshot()]); }],
    ['mongoose', () => disconnectDatabase()],
    ['database', () => db!.stop()],
    ['wechat emulator', async () => emulator?.stop()],
  ], logger);
}

if (require.main === module) {
  main().catch((err) => {
    process.stderr.write(`${(err as Error).stack ?? err}\n`);
    process.exit(1);
  });
}
