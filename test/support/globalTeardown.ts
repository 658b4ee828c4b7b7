import fs from 'fs';
import type { DatabaseHandle } from '../../server/src/db/provider';

/** Stops the test database and removes its data folder. */
export default async function globalTeardown(): Promise<void> {
  const state = (globalThis as Record<string, unknown>).__gongkaiTestDb as { handle: DatabaseHandle; dataDir: string } | undefined;
  if (!state) return;
  await state.handle.stop();
  fs.rmSync(state.dataDir, { recursive: true, force: true });
}
