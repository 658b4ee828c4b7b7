import type { Logger } from '../logger';
import type { Config } from '../config';
import { regionsSeed } from '../modules/regions/seed';
import { firstAdminSeed } from '../modules/accounts/seed';
import { catalogueSeed } from '../modules/catalogue/seed';
import { demoSeed } from '../modules/demo/seed';

/** A start-up step that puts reference data in place. Must be idempotent and fast on a re-run. */
export interface Seed {
  name: string;
  run(ctx: { config: Readonly<Config>; logger: Logger }): Promise<void>;
}

/** The seeds run at every start, in order (reference data first, then accounts, then demo content). */
export const SEEDS: Seed[] = [
  // reference data
  regionsSeed,
  catalogueSeed,
  // accounts
  firstAdminSeed,
  // demo content (GONGKAI_DEMO_DATA; never over officials' own content)
  demoSeed,
];

/** Runs every seed; a failing seed stops start-up. */
export async function runSeeds(ctx: { config: Readonly<Config>; logger: Logger }, seeds: Seed[] = SEEDS): Promise<void> {
  for (const seed of seeds) {
    const t = Date.now();
    await seed.run(ctx);
    ctx.logger.info({ seed: seed.name, ms: Date.now() - t }, 'seed done');
  }
}
