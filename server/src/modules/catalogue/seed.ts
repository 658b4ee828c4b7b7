import crypto from 'crypto';
import { CatalogueItemInputSchema } from '@gongkai/shared';
import type { Seed } from '../../seed';
import { DEFAULT_CATALOGUE, type DefaultCatalogueEntry } from './data';
import { CatalogueItemModel, CatalogueMetaModel } from './model';
import { PROVINCE } from './service';
import { changeContent, contentHash, contentOf, createManyWithVersions, type NewItem } from './versions';

/** Bump when the stored shape or the hashing changes: the next start then re-checks every item. */
const SEED_FORMAT = 'catalogue/1';
const META_ID = 'seed';

/** What one run did. */
export interface CatalogueSeedResult {
  /** True when the whole default catalogue matched the last complete run and nothing was read or written. */
  skipped: boolean;
  inserted: number;
  /** Items that got a new version because their authored content changed. */
  versioned: number;
  /** Default items no longer authored, now retired. */
  retired: number;
  total: number;
  ms: number;
}

/**
 * Puts the province's default catalogue in the database, idempotently.
 * - Fast path: the hash of the whole authored catalogue equals the one stored by the last complete run
 *   (and the number of default items stored agrees) → nothing else is read or written.
 * - A code not in the database is inserted as version 1.
 * - Each default item remembers the hash of the authored content last applied (`seedHash`). Only when the
 *   authored content itself changed does the item get a new version with it, so a province official's edit
 *   of a default item survives restarts until a release changes that item (the release then wins).
 * - A default item no longer authored is retired (`active: false`), never deleted.
 * The meta document is written last, so an interrupted run is redone on the next start.
 */
export async function seedCatalogue(entries: readonly DefaultCatalogueEntry[] = DEFAULT_CATALOGUE): Promise<CatalogueSeedResult> {
  const started = Date.now();
  for (const e of entries) {
    const r = CatalogueItemInputSchema.safeParse(e);
    if (!r.success) throw new Error(`catalogue seed: ${e.code} is invalid: ${r.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
  }
  const hashes = entries.map((e) => contentHash(e));
  const whole = crypto
    .createHash('sha256')
    .update(SEED_FORMAT)
    .update(JSON.stringify(entries.map((e, i) => [e.code, hashes[i]])))
    .digest('hex');
  const [meta, count] = await Promise.all([
    CatalogueMetaModel.findById(META_ID).lean(),
    CatalogueItemModel.countDocuments({ isDefault: true }),
  ]);
  if (meta?.hash === whole && meta.count === count) {
    return { skipped: true, inserted: 0, versioned: 0, retired: 0, total: entries.length, ms: Date.now() - started };
  }

  const existing = new Map(
    (await CatalogueItemModel.find({ isDefault: true }, { code: 1, seedHash: 1, active: 1 }).lean()).map((d) => [d.code, d]),
  );
  let versioned = 0;
  const fresh: NewItem[] = [];
  for (const [i, entry] of entries.entries()) {
    const hash = hashes[i];
    const old = existing.get(entry.code);
    existing.delete(entry.code);
    const { code, ...content } = entry;
    if (!old) {
      fresh.push({ code, content: contentOf(content), regionCode: PROVINCE, scopeCodes: [PROVINCE], local: false, isDefault: true, seedHash: hash });
    } else if (old.seedHash !== hash) {
      const r = await changeContent(old._id, content, 'seed', undefined, { seedHash: hash });
      if (r.changed) versioned += 1;
    }
  }
  const clash = await CatalogueItemModel.findOne({ code: { $in: fresh.map((f) => f.code) } }, { code: 1 }).lean();
  if (clash) throw new Error(`catalogue seed: code ${clash.code} is taken by a non-default item`);
  const inserted = await createManyWithVersions(fresh, 'seed');
  let retired = 0;
  const gone = [...existing.values()].filter((d) => d.active).map((d) => d._id);
  if (gone.length) retired = (await CatalogueItemModel.updateMany({ _id: { $in: gone } }, { $set: { active: false } })).modifiedCount;

  await CatalogueMetaModel.updateOne(
    { _id: META_ID },
    { $set: { hash: whole, count: await CatalogueItemModel.countDocuments({ isDefault: true }), seededAt: new Date() } },
    { upsert: true },
  );
  return { skipped: false, inserted, versioned, retired, total: entries.length, ms: Date.now() - started };
}

/** Start-up seed: the province's default catalogue of the 8 pilot domains (server/src/modules/catalogue/data). */
export const catalogueSeed: Seed = {
  name: 'catalogue',
  async run({ logger }) {
    const r = await seedCatalogue();
    logger.info({ ...r }, r.skipped ? 'catalogue unchanged' : 'catalogue seeded');
  },
};
