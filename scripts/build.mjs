#!/usr/bin/env node
// Incremental build of Gongkai's deliverables.
//   node scripts/build.mjs [server|admin|h5|weapp ...]   (no target: all of them)
// Each target hashes its inputs (its workspace's sources and config files, shared/, package-lock.json
// and the build recipe itself) and keeps the hash in a stamp file inside its output folder; a target whose
// inputs did not change since its last successful build is skipped.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const STAMP = '.build-stamp.json';

/** Folders and files of a workspace that are never build inputs. */
const SKIP_DIRS = new Set(['node_modules', 'dist', 'test', '__tests__', 'coverage', 'data']);
const SKIP_FILE = /(\.test\.[cm]?[jt]sx?|^jest\.config\.[cm]?js)$/;

/** esbuild options for the server bundle (also hashed, so changing them rebuilds). */
const SERVER_BUNDLE = {
  entryPoints: ['server/src/main.ts'],
  outfile: 'server/dist/main.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
};

/**
 * Marks every bare import (npm packages, node builtins) external, except the workspace packages
 * `@gongkai/*`, which are TypeScript sources and must be bundled.
 */
const externalsButWorkspaces = {
  name: 'externals-but-workspaces',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('@gongkai/') || path.isAbsolute(args.path)) return undefined;
      return { path: args.path, external: true };
    });
  },
};

function npmRun(script, workspace) {
  const r = spawnSync('npm', ['run', script, '-w', workspace], { cwd: ROOT, stdio: 'inherit', env: process.env });
  if (r.status !== 0) throw new Error(`npm run ${script} -w ${workspace} failed (exit ${r.status ?? r.signal})`);
}

async function bundleServer() {
  const esbuild = await import('esbuild');
  fs.rmSync(path.join(ROOT, 'server', 'dist'), { recursive: true, force: true });
  try {
    await esbuild.build({ ...SERVER_BUNDLE, absWorkingDir: ROOT, plugins: [externalsButWorkspaces] });
  } finally {
    await esbuild.stop(); // the esbuild service process would otherwise live as long as `npm start`
  }
  // Loading the bundle resolves every external package without starting the server (main() runs only
  // when the file is the entry point), so a missing dependency fails the build, not the first start.
  const r = spawnSync(process.execPath, ['-e', 'require(process.argv[1])', path.join(ROOT, SERVER_BUNDLE.outfile)], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`server/dist/main.js does not load:\n${r.stderr}`);
}

/**
 * The build targets: the workspace whose files are inputs, the output folder (holding the stamp), a file
 * that must exist in it after a build, and the recipe.
 */
export const TARGETS = {
  server: { workspace: 'server', out: 'server/dist', product: 'main.js', recipe: JSON.stringify(SERVER_BUNDLE), run: bundleServer },
  admin: { workspace: 'admin', out: 'admin/dist', product: 'index.html', recipe: 'npm run build -w admin', run: () => npmRun('build', 'admin') },
  h5: { workspace: 'miniapp', out: 'miniapp/dist/h5', product: 'index.html', recipe: 'npm run build:h5 -w miniapp', run: () => npmRun('build:h5', 'miniapp') },
  weapp: { workspace: 'miniapp', out: 'miniapp/dist/weapp', product: 'app.js', recipe: 'npm run build:weapp -w miniapp', run: () => npmRun('build:weapp', 'miniapp') },
};

function listInputs(dir, out = []) {
  if (!fs.existsSync(dir)) return out;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name.startsWith('.')) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) listInputs(p, out);
    } else if (e.isFile() && !SKIP_FILE.test(e.name)) {
      out.push(p);
    }
  }
  return out;
}

/** Content hash of a target's inputs. */
export function inputHash(name) {
  const t = TARGETS[name];
  const files = [
    ...listInputs(path.join(ROOT, t.workspace)),
    ...listInputs(path.join(ROOT, 'shared')),
    path.join(ROOT, 'package-lock.json'),
  ].sort();
  const h = crypto.createHash('sha256').update(`recipe\0${t.recipe}\0`);
  for (const f of files) h.update(`${path.relative(ROOT, f)}\0`).update(fs.readFileSync(f)).update('\0');
  return h.digest('hex');
}

function readStamp(t) {
  try {
    return JSON.parse(fs.readFileSync(path.join(ROOT, t.out, STAMP), 'utf8'));
  } catch {
    return undefined;
  }
}

/** True when the target's output exists and was built from the current inputs. */
export function isFresh(name, hash = inputHash(name)) {
  const t = TARGETS[name];
  return readStamp(t)?.hash === hash && fs.existsSync(path.join(ROOT, t.out, t.product));
}

const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;

/**
 * Builds the stale targets among `names` (all when empty), in order, and prints what was built or
 * skipped with timings. Returns `{ built, skipped }`.
 * @throws when a build fails (the stamp is left untouched, so the next run retries).
 */
export async function build(names = [], log = (m) => console.log(m)) {
  const wanted = names.length ? names : Object.keys(TARGETS);
  const unknown = wanted.filter((n) => !TARGETS[n]);
  if (unknown.length) throw new Error(`Unknown build target(s): ${unknown.join(', ')} (known: ${Object.keys(TARGETS).join(', ')})`);
  const built = [];
  const skipped = [];
  for (const name of wanted) {
    const t = TARGETS[name];
    const t0 = Date.now();
    const hash = inputHash(name);
    if (isFresh(name, hash)) {
      skipped.push(name);
      log(`[build] ${name}: up to date, skipped (${t.out})`);
      continue;
    }
    log(`[build] ${name}: building ${t.out} …`);
    await t.run();
    if (!fs.existsSync(path.join(ROOT, t.out, t.product))) throw new Error(`${name}: build finished but ${t.out}/${t.product} is missing`);
    const ms = Date.now() - t0;
    fs.writeFileSync(path.join(ROOT, t.out, STAMP), `${JSON.stringify({ hash, builtAt: new Date().toISOString(), ms }, null, 2)}\n`);
    built.push(name);
    log(`[build] ${name}: built in ${secs(ms)}`);
  }
  return { built, skipped };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const t0 = Date.now();
  build(process.argv.slice(2))
    .then(({ built, skipped }) => {
      console.log(`[build] done in ${secs(Date.now() - t0)}: built ${built.join(', ') || 'nothing'}; skipped ${skipped.join(', ') || 'nothing'}`);
    })
    .catch((err) => {
      console.error(`[build] ${err.message ?? err}`);
      process.exit(1);
    });
}
