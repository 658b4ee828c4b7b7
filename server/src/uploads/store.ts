import crypto from 'crypto';
import { promises as fs } from 'fs';
import path from 'path';

/*
 * Content-addressed file storage under the data folder: a file's name is the sha256 of its bytes
 * (`<dataDir>/uploads/<first 2 hex>/<sha256>`, no extension). The same bytes are stored once however often
 * they are attached, a stored file never changes, and what a published version's hash covers (the
 * attachment's sha256) is exactly what is served. Files are never deleted here: published versions keep
 * referring to them.
 */

const SHA256 = /^[0-9a-f]{64}$/;

/** The hex sha256 of a buffer. */
export const sha256Of = (data: Buffer): string => crypto.createHash('sha256').update(data).digest('hex');

/** Files stored by their sha256. */
export class BlobStore {
  constructor(private readonly root: string) {}

  /** The store of a data folder (`<dataDir>/uploads`). */
  static under(dataDir: string): BlobStore {
    return new BlobStore(path.join(dataDir, 'uploads'));
  }

  /** The path of a stored file (throws for anything but a sha256, so no name can leave the folder). */
  pathOf(sha256: string): string {
    if (!SHA256.test(sha256)) throw new Error(`bad blob name ${sha256}`);
    return path.join(this.root, sha256.slice(0, 2), sha256);
  }

  /** Stores `data` (once) and returns its sha256. */
  async put(data: Buffer): Promise<string> {
    const sha = sha256Of(data);
    const f = this.pathOf(sha);
    try {
      const st = await fs.stat(f);
      if (st.size === data.length) return sha;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    await fs.mkdir(path.dirname(f), { recursive: true });
    // Write then rename, so a reader never sees half a file.
    const tmp = `${f}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
    await fs.writeFile(tmp, data, { mode: 0o600 });
    await fs.rename(tmp, f);
    return sha;
  }

  /** The bytes stored under `sha256`, or undefined. */
  async read(sha256: string): Promise<Buffer | undefined> {
    try {
      return await fs.readFile(this.pathOf(sha256));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
  }
}
