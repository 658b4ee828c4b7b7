import { execFileSync, spawn, spawnSync } from 'child_process';
import fs from 'fs';
import net from 'net';
import os from 'os';
import path from 'path';

/** The FerretDB release the project is built and tested against. */
export const FERRETDB_VERSION = 'v1.24.2';
const MODULE = 'github.com/FerretDB/FerretDB';

type Log = (msg: string) => void;

/** Where the project keeps the FerretDB binary (git-ignored). */
export function ferretdbBinaryPath(repoRoot: string): string {
  return path.join(repoRoot, '.tools', 'bin', 'ferretdb');
}

/** True when `go` is on the PATH. */
export function hasGo(): boolean {
  return spawnSync('go', ['version'], { stdio: 'ignore' }).status === 0;
}

/**
 * Source patches applied before building. Each must be small, behaviour-preserving and explained.
 *
 * sqlite-id-index: v1.24.2's SQLite backend looks documents up by `_ferretdb_sjson->'$._id'` while the
 * unique _id index is built on `_ferretdb_sjson->"_id"`. Both expressions mean the same JSON path, but
 * SQLite matches index expressions syntactically, so every update/delete/find by _id scanned the whole
 * table (54 ms per updateOne at 10,000 documents, growing linearly). Writing the lookup the way the
 * index is written lets SQLite use the index (see docs/database.md).
 *
 * atomic-writes: v1.24.2 runs update, findAndModify and delete as read (query) → change in Go → write,
 * with nothing holding the documents in between, so concurrent writers lose updates (measured: 50
 * concurrent `$inc` of one document by `_id` left it at 12; 50 findAndModify `$inc` at 3). MongoDB
 * guarantees single-document atomicity; one process-wide mutex around these three commands restores it
 * (SQLite serializes writers anyway, so little is lost).
 */
const WRITE_LOCK_GO = `package handler

import "sync"

// writeMu serializes update, findAndModify and delete (Gongkai patch atomic-writes): each runs as
// query, change, write, and without the lock concurrent writers lose updates.
var writeMu sync.Mutex
`;

const PATCHES: Array<{ name: string; file: string; from?: string; to: string }> = [
  {
    name: 'sqlite-id-index',
    file: 'internal/backends/sqlite/metadata/metadata.go',
    from: `IDColumn = DefaultColumn + "->'$._id'"`,
    to: `IDColumn = DefaultColumn + "->'_id'"`,
  },
  { name: 'atomic-writes', file: 'internal/handler/write_lock.go', to: WRITE_LOCK_GO },
  {
    name: 'atomic-writes',
    file: 'internal/handler/msg_update.go',
    from: 'func (h *Handler) updateDocument(ctx context.Context, params *common.UpdateParams) (int32, int32, *types.Array, error) {\n',
    to: 'func (h *Handler) updateDocument(ctx context.Context, params *common.UpdateParams) (int32, int32, *types.Array, error) {\n\twriteMu.Lock()\n\tdefer writeMu.Unlock()\n\n',
  },
  {
    name: 'atomic-writes',
    file: 'internal/handler/msg_findandmodify.go',
    from: 'func (h *Handler) findAndModifyDocument(ctx context.Context, params *common.FindAndModifyParams) (*findAndModifyResult, error) {\n',
    to: 'func (h *Handler) findAndModifyDocument(ctx context.Context, params *common.FindAndModifyParams) (*findAndModifyResult, error) {\n\twriteMu.Lock()\n\tdefer writeMu.Unlock()\n\n',
  },
  {
    name: 'atomic-writes',
    file: 'internal/handler/msg_delete.go',
    from: 'func (h *Handler) execDelete(ctx context.Context, c backends.Collection, p *common.Delete) (int32, error) {\n',
    to: 'func (h *Handler) execDelete(ctx context.Context, c backends.Collection, p *common.Delete) (int32, error) {\n\twriteMu.Lock()\n\tdefer writeMu.Unlock()\n\n',
  },
];

/** Identifies the build recipe: a binary built with another recipe is rebuilt. */
const RECIPE = `${FERRETDB_VERSION}+${[...new Set(PATCHES.map((p) => p.name))].join('+')}`;

function applyPatches(src: string): void {
  for (const p of PATCHES) {
    const file = path.join(src, p.file);
    if (p.from === undefined) {
      fs.writeFileSync(file, p.to); // a new file
      continue;
    }
    const text = fs.readFileSync(file, 'utf8');
    if (!text.includes(p.from)) throw new Error(`FerretDB patch ${p.name} does not apply to ${p.file}`);
    fs.writeFileSync(file, text.replace(p.from, p.to));
  }
}

function binaryIsCurrent(bin: string): boolean {
  const recipe = `${bin}.recipe`;
  if (!fs.existsSync(bin) || !fs.existsSync(recipe) || fs.readFileSync(recipe, 'utf8').trim() !== RECIPE) return false;
  const r = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes(`version: ${FERRETDB_VERSION}`);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Builds FerretDB into `.tools/bin/` once, skipping the build when the binary is already there.
 *
 * `go install github.com/FerretDB/FerretDB/cmd/ferretdb@v1.24.2` builds, but the binary panics at start
 * ("Invalid build/version/version.txt"): that generated file is missing from the module archive. So the same
 * module is fetched through the Go module proxy (`go mod download`), the version file is written, and
 * `go build` runs in a temporary copy — the same sources and pinned dependencies as `go install`.
 * Concurrent callers (tests and `npm start`) share one build through a lock folder.
 */
export async function ensureFerretDB(repoRoot: string, log: Log = () => {}): Promise<string> {
  const bin = ferretdbBinaryPath(repoRoot);
  if (binaryIsCurrent(bin)) return bin;
  if (!hasGo()) throw new Error('go not found');
  fs.mkdirSync(path.dirname(bin), { recursive: true });
  const lock = path.join(repoRoot, '.tools', 'ferretdb-build.lock');
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 20 * 60_000) fs.rmSync(lock, { recursive: true, force: true });
      else {
        log('Waiting for another FerretDB build to finish…');
        await sleep(2000);
        if (binaryIsCurrent(bin)) return bin;
      }
    }
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-ferretdb-'));
  try {
    if (binaryIsCurrent(bin)) return bin;
    log(`Building FerretDB ${FERRETDB_VERSION} with Go (first run only; a few minutes on 2 cores)…`);
    const info = JSON.parse(execFileSync('go', ['mod', 'download', '-json', `${MODULE}@${FERRETDB_VERSION}`], { encoding: 'utf8' }));
    if (!info.Dir) throw new Error(`go mod download failed: ${info.Error ?? 'no Dir'}`);
    const src = path.join(work, 'src');
    fs.cpSync(info.Dir, src, { recursive: true });
    execFileSync('chmod', ['-R', 'u+w', src]);
    fs.writeFileSync(path.join(src, 'build', 'version', 'version.txt'), `${FERRETDB_VERSION}\n`);
    applyPatches(src);
    const tmpBin = `${bin}.tmp-${process.pid}`;
    const r = spawnSync('go', ['build', '-trimpath', '-o', tmpBin, './cmd/ferretdb'], {
      cwd: src,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, CGO_ENABLED: '0', GOFLAGS: '-mod=mod' },
    });
    if (r.status !== 0) throw new Error(`go build of FerretDB failed (exit ${r.status})`);
    fs.renameSync(tmpBin, bin);
    fs.writeFileSync(`${bin}.recipe`, `${RECIPE}\n`);
    log(`FerretDB ${FERRETDB_VERSION} built: ${bin}`);
    return bin;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ port, host: '127.0.0.1' });
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

/** A running database process. */
export interface DbProcess {
  /** Base URI without a database name, e.g. mongodb://127.0.0.1:41234/ */
  uri: string;
  port: number;
  pid: number;
  stop(): Promise<void>;
}

/**
 * Starts FerretDB (SQLite backend) on 127.0.0.1 with its data under `dataDir`.
 * The process runs under a small `sh` guard that kills it when our stdin pipe closes, so FerretDB never
 * outlives this process, even when this process is killed with SIGKILL.
 */
export async function startFerretDB(opts: { bin: string; dataDir: string; port?: number; log?: Log }): Promise<DbProcess> {
  const data = path.join(opts.dataDir, 'ferretdb');
  const state = path.join(opts.dataDir, 'ferretdb-state');
  fs.mkdirSync(data, { recursive: true });
  fs.mkdirSync(state, { recursive: true });
  const port = opts.port ?? (await freePort());
  const args = [
    '--handler=sqlite',
    `--sqlite-url=file:${data}/`,
    `--listen-addr=127.0.0.1:${port}`,
    `--state-dir=${state}`,
    '--debug-addr=-',
    '--telemetry=disable',
    '--log-level=error',
  ];
  // Background jobs of a non-interactive sh read /dev/null, so our stdin pipe is passed on as fd 3.
  const guard = [
    'exec 3<&0',
    '"$@" 3<&- </dev/null & p=$!',
    "trap 'kill -TERM $p 2>/dev/null; wait $p; exit 0' TERM INT",
    '(cat <&3 >/dev/null; kill -TERM $p 2>/dev/null) &',
    'exec 3<&-',
    'wait $p',
  ].join('\n');
  const child = spawn('sh', ['-c', guard, 'ferretdb-guard', opts.bin, ...args], { stdio: ['pipe', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once('exit', () => { exited = true; resolve(); }));
  const deadline = Date.now() + 30_000;
  while (!(await canConnect(port))) {
    if (exited) throw new Error(`FerretDB exited at start-up:\n${stderr}`);
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error(`FerretDB did not listen on port ${port} within 30 s:\n${stderr}`);
    }
    await sleep(50);
  }
  opts.log?.(`FerretDB ${FERRETDB_VERSION} listening on 127.0.0.1:${port} (data: ${data})`);
  return {
    uri: `mongodb://127.0.0.1:${port}/`,
    port,
    pid: child.pid ?? -1,
    async stop() {
      if (exited) return;
      child.stdin?.end();
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exit;
      clearTimeout(timer);
    },
  };
}
