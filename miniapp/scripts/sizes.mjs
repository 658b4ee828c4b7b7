#!/usr/bin/env node
// Reports the WeChat package sizes of the weapp build (dist/weapp): the main package and each subpackage, as
// WeChat counts them (every file under a subpackage's root belongs to it; everything else is the main
// package). WeChat's limits: 2 MB per package, 20 MB in all. Run after `npm run build:weapp -w miniapp`:
//   node miniapp/scripts/sizes.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'weapp');
const LIMIT = 2 * 1024 * 1024;

function files(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : [p];
  });
}

if (!fs.existsSync(path.join(DIST, 'app.json'))) {
  console.error('dist/weapp/app.json not found: run `npm run build:weapp -w miniapp` first');
  process.exit(1);
}
const app = JSON.parse(fs.readFileSync(path.join(DIST, 'app.json'), 'utf8'));
const roots = (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/\/$/, ''));
const sizes = new Map([['(main)', 0], ...roots.map((r) => [r, 0])]);
for (const f of files(DIST)) {
  const rel = path.relative(DIST, f).split(path.sep).join('/');
  if (rel.endsWith('.map') || rel.endsWith('.LICENSE.txt')) continue;
  const root = roots.find((r) => rel.startsWith(`${r}/`)) ?? '(main)';
  sizes.set(root, sizes.get(root) + fs.statSync(f).size);
}
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
let total = 0;
for (const [root, n] of sizes) {
  total += n;
  console.log(`${root.padEnd(24)} ${kib(n).padStart(10)}${n > LIMIT ? '  OVER 2 MB' : ''}`);
}
console.log(`${'total'.padEnd(24)} ${kib(total).padStart(10)}`);
if ([...sizes.values()].some((n) => n > LIMIT)) process.exit(2);
