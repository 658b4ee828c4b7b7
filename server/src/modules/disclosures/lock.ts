/*
 * Per-disclosure serialization inside this process. Writes on FerretDB must filter by `_id` alone (any other
 * filter scans the collection), so a conditional "update only if still pending" is not affordable; instead
 * every workflow step on one disclosure runs under its lock and re-reads the documents inside it. Gongkai
 * runs one server process per deployment (like its rate limits); several processes would need a lease
 * document per disclosure instead.
 */

const tails = new Map<string, Promise<void>>();

/** Runs `fn` after every earlier call with the same key has finished. */
export async function withLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const prev = tails.get(key) ?? Promise.resolve();
  let release!: () => void;
  const mine = new Promise<void>((r) => (release = r));
  const tail = prev.then(() => mine);
  tails.set(key, tail);
  await prev;
  try {
    return await fn();
  } finally {
    release();
    if (tails.get(key) === tail) tails.delete(key);
  }
}
