import mongoose from './mongoose';

/** The database name in a URI's path, if any. */
export function databaseNameOf(uri: string): string | undefined {
  try {
    const name = new URL(uri).pathname.replace(/^\//, '');
    return name ? decodeURIComponent(name) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Connects the default mongoose connection and builds every registered model's indexes.
 * `dbName` applies only when the URI does not name a database.
 */
export async function connectDatabase(uri: string, dbName = 'gongkai'): Promise<typeof mongoose> {
  await mongoose.connect(uri, {
    dbName: databaseNameOf(uri) ?? dbName,
    serverSelectionTimeoutMS: 10_000,
    // FerretDB and small deployments: a modest pool is plenty.
    maxPoolSize: 20,
  });
  await syncIndexes();
  return mongoose;
}

/** Creates the indexes of every model registered so far (idempotent). */
export async function syncIndexes(): Promise<void> {
  for (const model of Object.values(mongoose.models)) {
    await model.createIndexes();
  }
}

/** Pings the database; false when it is unreachable. */
export async function pingDatabase(timeoutMs = 1500): Promise<boolean> {
  const db = mongoose.connection.db;
  if (!db || mongoose.connection.readyState !== 1) return false;
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      db.admin().command({ ping: 1 }),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('ping timeout')), timeoutMs);
      }),
    ]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

export async function disconnectDatabase(): Promise<void> {
  await mongoose.disconnect();
}
