/**
 * Seeds published disclosures for benchmarks, in the exact shapes the service writes (server/src/modules/
 * disclosures/model.ts): one small `disclosures` document per disclosure, its immutable version 1 in
 * `disclosure_versions` (authored content, the masked public snapshot and the chained hash — `verify` is
 * valid for every seeded disclosure), and a snapshot of the in-memory index, so the real read path serves
 * them at once (a full scan of 200,000 documents would take minutes on FerretDB).
 *
 * Regions: the 7 pilot counties, their townships and villages (10 % county, 30 % township, 60 % village
 * level by default); catalogue items: the seeded province catalogue, by level; texts: bench/disclosure-
 * texts.ts; publication dates spread over the last two years; ~30 % carry a per-household table.
 *
 * Needs the regions and the catalogue seeded first (`seedRegions()`, `seedCatalogue()`). Used by
 * bench/disclosures.ts and reusable by other benchmarks (assessment).
 */
import { PILOT_COUNTIES, selfAndAncestors, type CatalogueItemView, type CatalogueLevel, type DisclosureContent } from '@gongkai/shared';
import mongoose from '../server/src/db/mongoose';
import { listPublic } from '../server/src/modules/catalogue/service';
import { GENESIS, publicContentOf, versionHash } from '../server/src/modules/disclosures/chain';
import { entryOf, type Entry } from '../server/src/modules/disclosures/memory';
import { disclosures, meta, versions, type DisclosureRecord, type VersionRecord } from '../server/src/modules/disclosures/model';
import { saveSnapshot } from '../server/src/modules/disclosures/snapshot';
import { loadRegionRows, type RegionRow } from '../server/src/modules/regions/data';
import { bodyOf, householdTable, textVars, titleOf } from './disclosure-texts';
import { prng } from '../server/src/prng';

/** Options of `seedDisclosures`. */
export interface SeedDisclosuresOptions {
  /** How many published disclosures (default 200,000). */
  count?: number;
  /** County codes (default the 7 pilot counties). */
  counties?: readonly string[];
  /** Shares by level (default 0.1 / 0.3 / 0.6). */
  shares?: Record<CatalogueLevel, number>;
  /** PRNG seed (same seed → same data). */
  seed?: number;
  /** Documents per insertMany (default 2,000). */
  batch?: number;
  /** Share of disclosures with a per-household table (default 0.3) and its rows (default 8–40). */
  tableShare?: number;
  tableRows?: [number, number];
  /** Write version documents (default true; false seeds the small `disclosures` documents only). */
  versions?: boolean;
  /** Called after every batch with the number inserted so far. */
  onProgress?: (done: number, total: number) => void;
}

/** What was seeded. */
export interface SeededDisclosures {
  count: number;
  byLevel: Record<CatalogueLevel, number>;
  /** Villages that got disclosures of their own (for requests), and some ids (for detail requests). */
  villages: string[];
  sampleIds: string[];
  /** Per-phase times (ms). */
  ms: { generate: number; insert: number; snapshot: number; total: number };
}


const LEVEL_OF_LENGTH: Record<number, CatalogueLevel | undefined> = { 6: 'county', 9: 'township', 12: 'village' };

/** Seeds published disclosures (see the module comment); returns what it made. */
export async function seedDisclosures(opts: SeedDisclosuresOptions = {}): Promise<SeededDisclosures> {
  const started = Date.now();
  const count = opts.count ?? 200_000;
  const counties = opts.counties ?? PILOT_COUNTIES;
  const shares = opts.shares ?? { county: 0.1, township: 0.3, village: 0.6 };
  const r = prng(opts.seed ?? 20261129);
  const batchSize = opts.batch ?? 2_000;
  const tableShare = opts.tableShare ?? 0.3;
  const [minRows, maxRows] = opts.tableRows ?? [8, 40];

  const rows = loadRegionRows().filter((x) => counties.some((c) => x.code.startsWith(c)));
  const byCode = new Map(rows.map((x) => [x.code, x]));
  const byLevel: Record<CatalogueLevel, RegionRow[]> = { county: [], township: [], village: [] };
  for (const x of rows) {
    const level = LEVEL_OF_LENGTH[x.code.length];
    if (level) byLevel[level].push(x);
  }
  const items = await listPublic({}, { has: () => true, get: () => undefined } as never);
  const itemsOf: Record<CatalogueLevel, CatalogueItemView[]> = {
    county: items.filter((i) => i.levels.includes('county')),
    township: items.filter((i) => i.levels.includes('township')),
    village: items.filter((i) => i.levels.includes('village')),
  };
  if (!items.length || !rows.length) throw new Error('seed the regions and the catalogue first');

  const now = Date.now();
  const span = 2 * 365 * 86_400_000;
  const counts: Record<CatalogueLevel, number> = { county: 0, township: 0, village: 0 };
  const villages = new Set<string>();
  const sampleIds: string[] = [];
  const entries: Entry[] = [];
  const author = { id: new mongoose.Types.ObjectId().toString(), username: 'bench-editor' };
  const approver = { id: new mongoose.Types.ObjectId().toString(), username: 'bench-reviewer', role: 'reviewer' as const, regionCode: counties[0] };
  let generateMs = 0;
  let insertMs = 0;

  for (let done = 0; done < count; ) {
    const t0 = Date.now();
    const recs: DisclosureRecord[] = [];
    const vers: VersionRecord[] = [];
    for (let i = 0; i < batchSize && done + i < count; i++) {
      const x = r();
      const level: CatalogueLevel = x < shares.county ? 'county' : x < shares.county + shares.township ? 'township' : 'village';
      const region = byLevel[level][Math.floor(r() * byLevel[level].length)];
      const item = itemsOf[level][Math.floor(r() * itemsOf[level].length)];
      const publishedAt = new Date(now - Math.floor(r() * span));
      const year = Number(publishedAt.toISOString().slice(0, 4));
      const county = byCode.get(region.code.slice(0, 6))!;
      const township = byCode.get(region.code.slice(0, 9)) ?? county;
      const publisher = `${region.name} ${item.publisher}`;
      const vars = textVars(r, { name: region.displayName, township: township.displayName, county: county.name, countyCode: county.code }, publisher, year);
      const withTable = r() < tableShare;
      const validFrom = publishedAt.toISOString().slice(0, 10);
      const validTo = new Date(publishedAt.getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
      const content: DisclosureContent = {
        title: titleOf(r, region.displayName, item.name, year),
        body: bodyOf(r, item.domain, vars),
        bodyFormat: 'text',
        stage: item.stages[0],
        tables: withTable ? [householdTable(r, item.domain, county.code, minRows + Math.floor(r() * (maxRows - minRows + 1)))] : [],
        attachments: [],
        relatedIds: [],
        publisher,
        ...(withTable ? { validFrom: `${validFrom}T00:00:00.000+08:00`, validTo: `${validTo}T23:59:59.999+08:00` } : {}),
      };
      // Time-ordered like real ids, unique through the random rest.
      const _id = new mongoose.Types.ObjectId(Math.floor(publishedAt.getTime() / 1000).toString(16).padStart(8, '0') + new mongoose.Types.ObjectId().toHexString().slice(8));
      const id = String(_id);
      const pub = publicContentOf(
        { disclosureId: id, regionCode: region.code, regionName: region.name, level, domain: item.domain, catalogueItemId: item.id, catalogueVersion: item.version },
        content,
        1,
        publishedAt,
      );
      const hash = versionHash(pub, GENESIS);
      const rec: DisclosureRecord = {
        _id,
        regionCode: region.code,
        regionName: region.name,
        level,
        scopeCodes: selfAndAncestors(region.code),
        domain: item.domain,
        catalogueItemId: item.id,
        catalogueVersion: item.version,
        stage: content.stage,
        status: 'published',
        createdBy: author,
        createdAt: publishedAt,
        updatedAt: publishedAt,
        pub: {
          version: 1,
          title: pub.title,
          stage: content.stage,
          publishedAt,
          ...(content.validFrom ? { validFrom: new Date(content.validFrom), validTo: new Date(content.validTo!) } : {}),
          hash,
          relatedIds: [],
        },
        firstPublishedAt: publishedAt,
        late: false,
        linkedFrom: [],
      };
      recs.push(rec);
      vers.push({ _id: `${id}:1`, disclosureId: id, version: 1, content, public: pub, prevHash: GENESIS, hash, publishedAt, approvedBy: approver, authors: [author], late: false });
      entries.push(entryOf(rec));
      counts[level]++;
      if (level === 'village') villages.add(region.code);
      if (sampleIds.length < 2_000 && r() < 0.05) sampleIds.push(id);
    }
    const t1 = Date.now();
    generateMs += t1 - t0;
    await disclosures().insertMany(recs, { ordered: false });
    if (opts.versions !== false) await versions().insertMany(vers, { ordered: false });
    insertMs += Date.now() - t1;
    done += recs.length;
    opts.onProgress?.(done, count);
  }
  // The index snapshot a process starts from (the generation counter stays where it is).
  const t2 = Date.now();
  const gen = (await meta().findOne({ _id: 'index' }))?.gen ?? 0;
  await saveSnapshot(entries, gen);
  const snapshotMs = Date.now() - t2;
  return {
    count,
    byLevel: counts,
    villages: [...villages],
    sampleIds,
    ms: { generate: generateMs, insert: insertMs, snapshot: snapshotMs, total: Date.now() - started },
  };
}
