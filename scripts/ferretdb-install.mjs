#!/usr/bin/env node
// `npm run db:install`: builds the embedded FerretDB into .tools/bin/ ahead of time (npm start and npm test
// otherwise build it on first use). Skips the build when the current binary is already there.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { require as tsRequire } from 'tsx/cjs/api';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { ensureFerretDB, hasGo } = tsRequire('../server/src/db/ferretdb.ts', import.meta.url);

if (!hasGo()) {
  console.error('Go is not installed: install it (https://go.dev/dl/) to build the embedded FerretDB, or set MONGODB_URI.');
  process.exit(1);
}
const t0 = Date.now();
ensureFerretDB(ROOT, (m) => console.log(m))
  .then((bin) => console.log(`FerretDB ready: ${path.relative(ROOT, bin)} (${((Date.now() - t0) / 1000).toFixed(1)} s)`))
  .catch((err) => {
    console.error(`FerretDB build failed: ${err.message ?? err}`);
    process.exit(1);
  });
