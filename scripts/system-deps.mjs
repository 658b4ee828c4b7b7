#!/usr/bin/env node
// System packages the tests need beyond Node: Debian's Chromium (browser tests) and a CJK font
// (screenshots and PDFs). Installed with apt-get when missing and running as root; otherwise one
// clear message saying what to install. `node scripts/system-deps.mjs` runs the check alone.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';

/** Each Debian package with the file the project uses from it. */
export const SYSTEM_PACKAGES = [
  { pkg: 'chromium', file: '/usr/bin/chromium', why: 'headless browser for the browser tests' },
  { pkg: 'fonts-wqy-microhei', file: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', why: 'CJK font for screenshots and PDFs' },
];

/** The packages whose file is missing. */
export function missingSystemPackages() {
  return SYSTEM_PACKAGES.filter((p) => !fs.existsSync(p.file));
}

function hasAptGet() {
  return spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** True when apt knows an installable version of `pkg` (its package lists are present and current enough). */
function aptHasCandidate(pkg) {
  const r = spawnSync('apt-cache', ['policy', pkg], { encoding: 'utf8' });
  const m = /Candidate:\s*(\S+)/.exec(r.stdout ?? '');
  return r.status === 0 && !!m && m[1] !== '(none)';
}

function apt(args) {
  const r = spawnSync('apt-get', ['-o', 'DPkg::Lock::Timeout=300', ...args], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return r.status === 0;
}

class SystemDepsError extends Error {}

/**
 * Makes sure the system packages are installed: installs the missing ones with apt-get when running as
 * root (running `apt-get update` first only when apt has no candidate for one of them, or when the install
 * fails on stale lists).
 * @throws SystemDepsError with the exact command to run when they cannot be installed from here.
 */
export function ensureSystemDeps(log = (m) => process.stderr.write(`${m}\n`)) {
  const missing = missingSystemPackages();
  if (missing.length === 0) return;
  const names = missing.map((p) => p.pkg);
  const what = missing.map((p) => `  - ${p.pkg} (${p.why}; provides ${p.file})`).join('\n');
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root || !hasAptGet()) {
    throw new SystemDepsError(
      [
        'Missing system packages needed by the tests:',
        what,
        root
          ? 'apt-get is not available here: install the equivalent packages so that the files above exist.'
          : `Install them once as root:\n  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${names.join(' ')}`,
      ].join('\n'),
    );
  }
  log(`Installing system packages with apt-get: ${names.join(' ')}`);
  const install = ['install', '-y', '--no-install-recommends', ...names];
  let ok = false;
  if (names.every(aptHasCandidate)) ok = apt(install);
  if (!ok) ok = apt(['update']) && apt(install);
  const still = missingSystemPackages();
  if (!ok || still.length > 0) {
    throw new SystemDepsError(
      `apt-get could not install ${names.join(' ')}; still missing:\n${still.map((p) => `  - ${p.file} (${p.pkg})`).join('\n')}`,
    );
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    ensureSystemDeps();
    console.log(`System packages present: ${SYSTEM_PACKAGES.map((p) => p.pkg).join(', ')}`);
  } catch (err) {
    console.error(err instanceof SystemDepsError ? err.message : err);
    process.exit(1);
  }
}
