import crypto from 'crypto';
import mongoose from 'mongoose';
import type { CatalogueItemInput, CatalogueItemView, CatalogueVersion, CatalogueVersionSource, TimeLimit } from '@gongkai/shared';
import { conflict } from '../../http/errors';
import { CatalogueItemModel, CatalogueVersionModel } from './model';

/** The authored content of an item (everything a version freezes; not code, owner or status). */
export type CatalogueContent = Omit<CatalogueItemInput, 'code'>;

/** Who made a version: an official, or the seed (undefined). */
export interface VersionAuthor {
  id: string;
  username: string;
}

/** The fields of a stored item or version that `toView` reads. */
interface StoredItem {
  _id?: unknown;
  itemId?: unknown;
  code: string;
  version: number;
  regionCode: string;
  local: boolean;
  active?: boolean;
  updatedAt?: Date;
  createdAt?: Date;
}

function timeLimitOf(t: TimeLimit): TimeLimit {
  const out: TimeLimit = { text: t.text };
  if (t.workingDays != null) out.workingDays = t.workingDays;
  if (t.rule) {
    out.rule = { kind: t.rule.kind };
    if (t.rule.days != null) out.rule.days = t.rule.days;
    if (t.rule.event != null) out.rule.event = t.rule.event;
  }
  if (t.minPostingDays != null) out.minPostingDays = t.minPostingDays;
  return out;
}

/**
 * The canonical content of anything item-shaped (an input, a stored document, a version): fields in a
 * fixed order, empty optionals dropped, arrays copied. Hashes and comparisons use this one shape.
 */
export function contentOf(x: CatalogueContent): CatalogueContent {
  const out: CatalogueContent = {
    domain: x.domain,
    category: x.category,
    name: x.name,
    contentElements: [...x.contentElements],
    basis: [...x.basis],
    timeLimit: timeLimitOf(x.timeLimit),
    publisher: x.publisher,
    channels: [...x.channels],
    audience: x.audience,
    mode: x.mode,
    levels: [...x.levels],
    stages: [...x.stages],
  };
  if (x.otherChannel) out.otherChannel = x.otherChannel;
  if (x.audienceNote) out.audienceNote = x.audienceNote;
  return out;
}

/** sha256 of the canonical content: equal hashes mean equal content. */
export function contentHash(x: CatalogueContent): string {
  const c = contentOf(x) as unknown as Record<string, unknown>;
  const ordered = Object.keys(c)
    .sort()
    .map((k) => [k, c[k]]);
  return crypto.createHash('sha256').update(JSON.stringify(ordered)).digest('hex');
}

/** The API shape of a stored item or version (`id` is the item's id in both cases). */
export function toView(doc: StoredItem & CatalogueContent, active?: boolean): CatalogueItemView {
  const id = String(doc.itemId ?? doc._id);
  const when = doc.updatedAt ?? doc.createdAt;
  return {
    id,
    code: doc.code,
    version: doc.version,
    regionCode: doc.regionCode,
    local: doc.local,
    active: active ?? doc.active ?? true,
    ...contentOf(doc),
    ...(when ? { updatedAt: when.toISOString() } : {}),
  };
}

/** Writes the version record of an item's current state; an existing record is kept (idempotent). */
async function recordVersion(
  item: StoredItem & CatalogueContent & { _id: unknown },
  source: CatalogueVersionSource,
  author?: VersionAuthor,
): Promise<void> {
  try {
    await CatalogueVersionModel.create({
      itemId: item._id as mongoose.Types.ObjectId,
      version: item.version,
      code: item.code,
      regionCode: item.regionCode,
      local: item.local,
      ...contentOf(item),
      contentHash: contentHash(item),
      source,
      author,
      createdAt: item.updatedAt ?? new Date(),
    });
  } catch (err) {
    if ((err as { code?: number }).code !== 11000) throw err;
  }
}

/** What a new item is made of. */
export interface NewItem {
  code: string;
  content: CatalogueContent;
  regionCode: string;
  scopeCodes: string[];
  local: boolean;
  isDefault?: boolean;
  seedHash?: string;
}

function newItemDoc(n: NewItem) {
  return {
    code: n.code,
    ...contentOf(n.content),
    version: 1,
    regionCode: n.regionCode,
    scopeCodes: n.scopeCodes,
    local: n.local,
    active: true,
    isDefault: n.isDefault ?? false,
    contentHash: contentHash(n.content),
    seedHash: n.seedHash,
  };
}

/** Creates an item as version 1 and records that version. */
export async function createWithVersion(n: NewItem, source: CatalogueVersionSource, author?: VersionAuthor) {
  const doc = await CatalogueItemModel.create(newItemDoc(n));
  await recordVersion(doc.toObject() as never, source, author);
  return doc;
}

/**
 * Creates many items as version 1 with two batched inserts (items, then their version records): the
 * first seed's path. A crash in between leaves items whose version 1 is answered from the item itself.
 */
export async function createManyWithVersions(items: NewItem[], source: CatalogueVersionSource): Promise<number> {
  if (!items.length) return 0;
  // Cast through the models (ids, types, timestamps) and insert through the driver: mongoose's own
  // insertMany costs ~5 ms a document here, the driver's ~1 ms. Callers pass schema-checked content.
  const now = new Date();
  const docs = items.map((n) => new CatalogueItemModel({ ...newItemDoc(n), createdAt: now, updatedAt: now }).toObject());
  await CatalogueItemModel.collection.insertMany(docs, { ordered: true });
  const versions = docs.map(
    (o) =>
      new CatalogueVersionModel({
        itemId: o._id,
        version: 1,
        code: o.code,
        regionCode: o.regionCode,
        local: o.local,
        ...contentOf(o as never),
        contentHash: o.contentHash,
        source,
        createdAt: now,
      }).toObject(),
  );
  await CatalogueVersionModel.collection.insertMany(versions, { ordered: true });
  return docs.length;
}

/**
 * Replaces an item's content as the next version, unless the content is unchanged (then nothing is
 * written and `changed` is false). Order, without transactions: (1) make sure the current version has
 * its record (repairs a record lost to a crash), (2) update the item only if its version is still the one
 * read (optimistic lock; a concurrent change → CONFLICT), (3) record the new version.
 */
export async function changeContent(
  itemId: string | mongoose.Types.ObjectId,
  content: CatalogueContent,
  source: CatalogueVersionSource,
  author?: VersionAuthor,
  extra: { seedHash?: string } = {},
): Promise<{ changed: boolean; item: CatalogueItemView }> {
  const current = await CatalogueItemModel.findById(itemId).lean();
  if (!current) throw conflict('目录事项不存在或已被删除');
  const hash = contentHash(content);
  if (hash === current.contentHash) {
    if (extra.seedHash && extra.seedHash !== current.seedHash) {
      await CatalogueItemModel.updateOne({ _id: current._id }, { $set: { seedHash: extra.seedHash } }, { timestamps: false });
    }
    return { changed: false, item: toView(current as never) };
  }
  await recordVersion(current as never, current.version > 1 ? 'update' : current.isDefault ? 'seed' : 'create');
  const next = current.version + 1;
  const updatedAt = new Date();
  const fields = contentOf(content);
  const unset: Record<string, 1> = {};
  if (!fields.otherChannel) unset.otherChannel = 1;
  if (!fields.audienceNote) unset.audienceNote = 1;
  const r = await CatalogueItemModel.updateOne(
    { _id: current._id, version: current.version },
    {
      $set: { ...fields, version: next, contentHash: hash, updatedAt, ...(extra.seedHash ? { seedHash: extra.seedHash } : {}) },
      ...(Object.keys(unset).length ? { $unset: unset } : {}),
    },
    { timestamps: false },
  );
  if (r.matchedCount !== 1) throw conflict('该目录事项已被他人修改，请刷新后重试');
  const stored = { ...current, ...fields, otherChannel: fields.otherChannel, audienceNote: fields.audienceNote, version: next, updatedAt };
  await recordVersion(stored as never, source, author);
  return { changed: true, item: toView(stored as never) };
}

function asObjectId(id: string): mongoose.Types.ObjectId | undefined {
  return /^[0-9a-f]{24}$/.test(id) ? new mongoose.Types.ObjectId(id) : undefined;
}

/** The stored current item by id (24 hex) or code, or null. */
export async function findItemDoc(idOrCode: string) {
  const oid = asObjectId(idOrCode);
  return oid ? CatalogueItemModel.findById(oid).lean() : CatalogueItemModel.findOne({ code: idOrCode }).lean();
}

/**
 * One exact version of an item (by id or code), as it was when made; `active` tells whether the item is
 * still in use now. Undefined for an unknown item or version. The current version is answered from the
 * item itself when its record is missing (a crash between the two writes).
 */
export async function getCatalogueVersion(itemId: string, version: number): Promise<CatalogueItemView | undefined> {
  const item = await findItemDoc(itemId);
  if (!item || !Number.isInteger(version) || version < 1 || version > item.version) return undefined;
  if (version === item.version) return toView(item as never);
  const v = await CatalogueVersionModel.findOne({ itemId: item._id, version }).lean();
  return v ? toView(v as never, item.active) : undefined;
}

/** Every version of an item, newest first, or undefined for an unknown item. */
export async function listVersions(itemId: string): Promise<CatalogueVersion[] | undefined> {
  const item = await findItemDoc(itemId);
  if (!item) return undefined;
  const docs = await CatalogueVersionModel.find({ itemId: item._id }).sort({ version: -1 }).lean();
  const out: CatalogueVersion[] = docs.map((v) => ({
    version: v.version,
    createdAt: v.createdAt.toISOString(),
    source: v.source,
    ...(v.author?.id ? { author: { id: v.author.id, username: v.author.username ?? '' } } : {}),
    item: toView(v as never, item.active),
  }));
  if (!docs.length || docs[0].version !== item.version) {
    // The current version's record is missing (see changeContent): show the item itself.
    out.unshift({ version: item.version, createdAt: (item.updatedAt ?? new Date()).toISOString(), source: 'update', item: toView(item as never) });
  }
  return out;
}
