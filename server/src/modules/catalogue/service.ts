import {
  CatalogueItemInputSchema,
  DOMAIN_CODE_PREFIX,
  DOMAIN_KEYS,
  ZHEJIANG_CODE,
  isWithin,
  regionLevel,
  selfAndAncestors,
  type CatalogueAdminQuery,
  type CatalogueCreateBody,
  type CatalogueItemView,
  type CatalogueQuery,
  type CatalogueUpdateBody,
  type DomainKey,
} from '@gongkai/shared';
import type { AdminCaller } from '../../http/auth';
import { conflict, forbidden, notFound, validationFailed } from '../../http/errors';
import { toFieldIssues } from '../../http/validate';
import { assertInScope, scopeCodesOf } from '../accounts/scope';
import { audit } from '../audit/service';
import { CatalogueItemModel } from './model';
import { changeContent, contentOf, createWithVersion, findItemDoc, getCatalogueVersion, toView, type CatalogueContent } from './versions';

export { getCatalogueVersion } from './versions';

/** What the catalogue needs to know about regions (the in-memory RegionDirectory satisfies it). */
export interface RegionLookup {
  has(code: string): boolean;
  get(code: string): { name: string } | undefined;
}

/** The owner of province items. */
export const PROVINCE = ZHEJIANG_CODE;

/** Province items first, then local items from the higher owner down; each in domain order, then by code. */
export function sortItems(items: CatalogueItemView[]): CatalogueItemView[] {
  const d = (k: DomainKey) => DOMAIN_KEYS.indexOf(k);
  return items.sort(
    (a, b) =>
      d(a.domain) - d(b.domain) ||
      Number(a.local) - Number(b.local) ||
      a.regionCode.length - b.regionCode.length ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}

/**
 * The current version of an item by id (or code), or undefined. For other modules: a disclosure stores
 * `catalogueItemId` + `catalogueVersion` from here, and reads that version back with `getCatalogueVersion`.
 */
export async function getCatalogueItem(id: string): Promise<CatalogueItemView | undefined> {
  const doc = await findItemDoc(id);
  return doc ? toView(doc as never) : undefined;
}

/**
 * True when an item may be used for a disclosure made for `regionCode`: it is active, and it is a province
 * item or a local item owned by the region or one of its ancestors. (Whether the item's `levels` fit the
 * region's level is the caller's decision.)
 */
export function catalogueItemAppliesTo(item: Pick<CatalogueItemView, 'active' | 'local' | 'regionCode'>, regionCode: string): boolean {
  return item.active && (!item.local || isWithin(regionCode, item.regionCode));
}

/** Public list: active province items, plus the local items of `region`'s ancestors and itself. */
export async function listPublic(q: CatalogueQuery, regions: RegionLookup): Promise<CatalogueItemView[]> {
  if (q.region && !regions.has(q.region)) throw notFound(`行政区划不存在：${q.region}`);
  const filter: Record<string, unknown> = { active: true };
  if (q.domain) filter.domain = q.domain;
  if (q.level) filter.levels = q.level;
  if (q.region) filter.$or = [{ local: false }, { regionCode: { $in: selfAndAncestors(q.region) } }];
  else filter.local = false;
  const docs = await CatalogueItemModel.find(filter).lean();
  return sortItems(docs.map((d) => toView(d as never)));
}

/**
 * Items an official works with for region R (default: the caller's region): province items, local items
 * of R's ancestors and R itself (read-only unless in scope), and local items owned anywhere under R.
 */
export async function listForAdmin(caller: AdminCaller, q: CatalogueAdminQuery): Promise<CatalogueItemView[]> {
  const region = q.region ?? caller.regionCode;
  if (q.region) assertInScope(caller, q.region);
  const filter: Record<string, unknown> = {
    $or: [{ local: false }, { regionCode: { $in: selfAndAncestors(region) } }, { scopeCodes: region }],
  };
  if (q.domain) filter.domain = q.domain;
  if (q.level) filter.levels = q.level;
  if (q.active !== undefined) filter.active = q.active;
  if (q.local !== undefined) filter.local = q.local;
  const docs = await CatalogueItemModel.find(filter).lean();
  return sortItems(docs.map((d) => toView(d as never)));
}

/**
 * Checks that `regionCode` may own items created by the caller: a county or township in the caller's
 * scope (that exists), or the province itself for a province official.
 */
export function assertOwnerRegion(caller: AdminCaller, regionCode: string, regions: RegionLookup): void {
  if (regionCode === PROVINCE) {
    if (caller.regionCode !== PROVINCE) throw forbidden('只有省级管理员可以维护省级标准目录');
    return;
  }
  const level = regionLevel(regionCode);
  if (level !== 'county' && level !== 'township') {
    throw validationFailed('本地目录事项只能属于县（市、区）或乡镇（街道）', [{ path: 'regionCode', message: '须为县级或乡级行政区划代码' }]);
  }
  assertInScope(caller, regionCode);
  if (!regions.has(regionCode)) throw validationFailed(`行政区划不存在：${regionCode}`, [{ path: 'regionCode', message: '行政区划不存在' }]);
}

/** Throws FORBIDDEN unless the caller may change this item (its owner lies in the caller's subtree). */
export function assertMayEdit(caller: AdminCaller, item: { local: boolean; regionCode: string }): void {
  if (!item.local && caller.regionCode !== PROVINCE) throw forbidden('省级标准目录事项为只读，县乡不能修改');
  assertInScope(caller, item.regionCode, '该目录事项');
}

/** Checks a caller-chosen code: local codes start with the owner's code (`330304-…`) so they never collide. */
export function codeProblem(code: string, regionCode: string): string | undefined {
  if (!code.startsWith(`${regionCode}-`) || code.length <= regionCode.length + 1) {
    return `本地事项编码须以“${regionCode}-”开头，例如 ${regionCode}-${DOMAIN_CODE_PREFIX['land-acquisition']}-01`;
  }
  return undefined;
}

/** The next free code `<owner>-<domain prefix>-NN` of an owner. */
export async function nextCode(regionCode: string, domain: DomainKey, taken: Set<string> = new Set()): Promise<string> {
  const prefix = `${regionCode}-${DOMAIN_CODE_PREFIX[domain]}-`;
  const docs = await CatalogueItemModel.find({ regionCode, domain }, { code: 1 }).lean();
  let max = 0;
  for (const c of [...docs.map((d) => d.code), ...taken]) {
    const m = c.startsWith(prefix) ? /^(\d+)$/.exec(c.slice(prefix.length)) : null;
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `${prefix}${String(max + 1).padStart(2, '0')}`;
}

const authorOf = (caller: AdminCaller) => ({ id: caller.id, username: caller.username });

/** Creates an item owned by `body.regionCode` (a local item, or a province item for province officials). */
export async function createItem(caller: AdminCaller, body: CatalogueCreateBody, regions: RegionLookup, via: 'create' | 'import' = 'create') {
  assertOwnerRegion(caller, body.regionCode, regions);
  const { code: wanted, regionCode, ...content } = body;
  if (wanted) {
    const problem = codeProblem(wanted, regionCode);
    if (problem) throw validationFailed(problem, [{ path: 'body.code', message: problem }]);
    if (await CatalogueItemModel.exists({ code: wanted })) throw conflict(`事项编码已存在：${wanted}`);
  }
  for (let attempt = 0; ; attempt++) {
    const code = wanted ?? (await nextCode(regionCode, content.domain));
    try {
      const doc = await createWithVersion(
        { code, content, regionCode, scopeCodes: scopeCodesOf(regionCode), local: regionCode !== PROVINCE },
        via,
        authorOf(caller),
      );
      const item = toView(doc.toObject() as never);
      await audit(caller, 'catalogue.create', { type: 'catalogue-item', id: item.id, regionCode }, { code, name: item.name, via });
      return item;
    } catch (err) {
      // Two officials picked the same next code at once: take the one after.
      if ((err as { code?: number }).code !== 11000 || wanted || attempt >= 3) throw err;
    }
  }
}

/** Validates a merged item as a whole (cross-field rules), reporting issues under `body.`. */
export function validContent(merged: CatalogueContent): CatalogueContent {
  const r = CatalogueItemInputSchema.safeParse(merged);
  if (!r.success) {
    throw validationFailed('提交的内容有误，请检查后重试', toFieldIssues(r.error).map((i) => ({ ...i, path: `body.${i.path}` })));
  }
  const { code: _code, ...content } = r.data;
  return content;
}

/** Changes an item's content as a new version (nothing is written when nothing changed). */
export async function updateItem(caller: AdminCaller, id: string, body: CatalogueUpdateBody, via: 'update' | 'import' = 'update') {
  const doc = await findItemDoc(id);
  if (!doc) throw notFound('目录事项不存在');
  assertMayEdit(caller, doc);
  const merged: Record<string, unknown> = { ...contentOf(doc as never) };
  for (const [k, v] of Object.entries(body)) {
    if (v === null) delete merged[k];
    else if (v !== undefined) merged[k] = v;
  }
  const content = validContent(merged as CatalogueContent);
  const { changed, item } = await changeContent(doc._id, content, via, authorOf(caller));
  if (changed) {
    await audit(caller, 'catalogue.update', { type: 'catalogue-item', id: item.id, regionCode: item.regionCode }, {
      code: item.code,
      version: item.version,
      fields: Object.keys(body),
      via,
    });
  }
  return item;
}

/** Retires (`active: false`) or restores an item; its versions stay resolvable either way. */
export async function setActive(caller: AdminCaller, id: string, active: boolean) {
  const doc = await findItemDoc(id);
  if (!doc) throw notFound('目录事项不存在');
  assertMayEdit(caller, doc);
  if (doc.active !== active) {
    await CatalogueItemModel.updateOne({ _id: doc._id }, { $set: { active } }, { timestamps: false });
    await audit(caller, active ? 'catalogue.activate' : 'catalogue.deactivate', { type: 'catalogue-item', id: String(doc._id), regionCode: doc.regionCode }, {
      code: doc.code,
      version: doc.version,
    });
  }
  return toView({ ...doc, active } as never);
}

/** The current item, or NOT_FOUND; with `version`, that exact version. */
export async function getItemOrThrow(id: string, version?: number): Promise<CatalogueItemView> {
  const item = version === undefined ? await getCatalogueItem(id) : await getCatalogueVersion(id, version);
  if (!item) throw notFound(version === undefined ? '目录事项不存在' : `目录事项或其第${version}版不存在`);
  return item;
}
