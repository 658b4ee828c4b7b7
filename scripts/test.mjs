#!/usr/bin/env node
// `npm test`: makes sure the system packages the tests need are there (Chromium, a CJK font), builds
// every target that is stale (the browser tests use the built H5 and admin console), then runs jest
// with the root config. Extra arguments go to jest: `npm test -- server/src/db`.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from './build.mjs';
import { ensureSystemDeps } from './system-deps.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function main() {
  try {
    ensureSystemDeps((m) => console.log(`[test] ${m}`));
  } catch (err) {
    console.error(`[test] ${err.message ?? err}`);
    process.exit(1);
  }
  try {
    await build([], (m) => console.log(m));
  } catch (err) {
    console.error(`[test] build failed: ${err.message ?? err}`);
    process.exit(1);
  }
  const jest = createRequire(path.join(ROOT, 'package.json')).resolve('jest/bin/jest');
  const child = spawn(process.execPath, [jest, '--config', path.join(ROOT, 'jest.config.js'), ...process.argv.slice(2)], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, () => {
      if (child.exitCode === null && child.signalCode === null) child.kill(sig);
    });
  }
  child.on('exit', (code, signal) => process.exit(code ?? 128 + (os.constants.signals[signal] ?? 1)));
}

main();
