#!/usr/bin/env node
// `npm start`: builds what is stale (server, admin console, H5), then runs the bundled server, which
// starts the embedded database, seeds reference data and listens. Ctrl-C (SIGINT) or SIGTERM is passed
// on to the server, which shuts down gracefully and stops its database; this script exits with its code.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { build } from './build.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const env = { ...process.env };
const notes = [];

// Demo default: with no real WeChat app configured, let residents sign in with the development login
// (the contract enables it only when asked for explicitly; the server refuses it in production anyway).
if (!env.WECHAT_APPID && env.GONGKAI_DEV_LOGIN === undefined) {
  env.GONGKAI_DEV_LOGIN = '1';
  notes.push('Demo mode: WECHAT_APPID is not set, so GONGKAI_DEV_LOGIN=1 (development login on; set GONGKAI_DEV_LOGIN=0 to turn it off).');
}

/** Pretty-printer for the server's JSON log lines when a person is watching; otherwise lines pass as they are. */
function logFormatter() {
  if (!process.stdout.isTTY) return (line) => `${line}\n`;
  try {
    const requireFromServer = createRequire(path.join(ROOT, 'server', 'package.json'));
    const { prettyFactory } = requireFromServer('pino-pretty');
    return prettyFactory({ translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname', colorize: true });
  } catch {
    return (line) => `${line}\n`;
  }
}

function banner(ready, credentials) {
  const lines = [
    'Gongkai 公开 is running',
    `  API     ${ready.api}`,
    `  Admin   ${ready.admin}   (管理后台)`,
    `  H5      ${ready.h5}   (居民端 H5 / public site)`,
    `  Health  ${ready.api.replace(/\/api\/v1$/, '')}/healthz`,
    ...(credentials.length ? ['', ...credentials.map((l) => `  ${l.trim()}`)] : []),
    ...(notes.length ? ['', ...notes.map((n) => `  ${n}`)] : []),
    '',
    '  Press Ctrl-C to stop the server and its database.',
  ];
  const rule = '─'.repeat(72);
  return `\n${rule}\n${lines.join('\n')}\n${rule}\n\n`;
}

async function main() {
  try {
    await build(['server', 'admin', 'h5'], (m) => console.log(m));
  } catch (err) {
    console.error(`[start] build failed: ${err.message ?? err}`);
    process.exit(1);
  }
  for (const n of notes) console.log(`[start] ${n}`);

  // stdout is piped (not inherited) so the URLs and the first admin's password can be repeated in a
  // banner once the server is actually listening; every line is still passed on.
  const child = spawn(process.execPath, ['--enable-source-maps', path.join(ROOT, 'server', 'dist', 'main.js')], {
    cwd: ROOT,
    env,
    stdio: ['inherit', 'pipe', 'inherit'],
  });
  const format = logFormatter();
  const credentials = [];
  readline.createInterface({ input: child.stdout, crlfDelay: Infinity }).on('line', (line) => {
    let rec;
    if (line.startsWith('{')) {
      try {
        rec = JSON.parse(line);
      } catch {
        rec = undefined;
      }
    }
    if (!rec) {
      if (/password|密码|username|用户名|管理员/i.test(line)) credentials.push(line);
      process.stdout.write(`${line}\n`);
      return;
    }
    process.stdout.write(format(line));
    if (rec.msg === 'demo data seeded') {
      notes.push(`Demo content added for ${rec.place}: ${rec.disclosures} disclosures and a Q&A (GONGKAI_DEMO_DATA=0 to skip on a new database).`);
    }
    if (rec.msg === 'Gongkai is running' && rec.api) process.stdout.write(banner(rec, credentials));
  });
  process.stdout.on('error', () => {}); // a closed pipe (e.g. `npm start | head`) must not kill the launcher

  const stop = (sig) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(sig);
  };
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => stop(sig));
  // npm does not pass a SIGTERM/SIGINT sent to it alone (not to the terminal's process group) on to this
  // script and exits, leaving us re-parented: stop the server then too, so it never outlives `npm start`.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) stop('SIGTERM');
  }, 1000).unref();
  child.on('error', (err) => {
    console.error(`[start] could not run the server: ${err.message}`);
    process.exit(1);
  });
  child.on('close', (code, signal) => {
    process.exit(code ?? 128 + (os.constants.signals[signal] ?? 1));
  });
}

main();
