import fs from 'fs';
import path from 'path';

let cached: string | undefined;

/**
 * The monorepo root: the nearest folder upwards whose package.json is named "gongkai".
 * Works from TypeScript sources, the bundled server and scripts alike.
 */
export function findRepoRoot(start: string = __dirname): string {
  if (cached) return cached;
  let dir = start;
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg)) {
      try {
        if (JSON.parse(fs.readFileSync(pkg, 'utf8')).name === 'gongkai') return (cached = dir);
      } catch {
        /* unreadable package.json: keep walking */
      }
    }
    const up = path.dirname(dir);
    if (up === dir) return (cached = process.cwd());
    dir = up;
  }
}
