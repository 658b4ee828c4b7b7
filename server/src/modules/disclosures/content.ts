import sanitizeHtml from 'sanitize-html';
import {
  postingOf,
  regionLevel,
  type BodyFormat,
  type CatalogueItemView,
  type CatalogueLevel,
  type DisclosureContent,
  type DisclosureCreateBody,
  type DisclosureUpdateBody,
} from '@gongkai/shared';
import { AppError, validationFailed } from '../../http/errors';
import type { AdminCaller } from '../../http/auth';
import { addDays, endOfShanghaiDay, shanghaiDate, startOfShanghaiDay, toShanghaiIso, workingDaysBetween } from '../../workdays';
import { assertInScope } from '../accounts/scope';
import { catalogueItemAppliesTo, getCatalogueItem, getCatalogueVersion } from '../catalogue/service';

/*
 * Turning what officials send into stored content: the body sanitized, dates normalized to China time,
 * defaults filled in, and the rules that need the catalogue and the region tree checked.
 */

/** What the disclosures module needs from the region tree (the RegionDirectory satisfies it). */
export interface RegionLookup {
  get(code: string): { name: string } | undefined;
  has(code: string): boolean;
}

/**
 * Rich-text allow-list: basic structure and emphasis, lists, simple tables and links. No scripts, styles,
 * images, iframes, forms, classes or event handlers; links only http(s)/mailto/tel, opened safely.
 */
const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'b', 'em', 'i', 'u', 's', 'ul', 'ol', 'li', 'h2', 'h3', 'h4', 'blockquote', 'hr', 'span', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'a'],
  allowedAttributes: { a: ['href', 'title', 'rel', 'target'], td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan'] },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow', target: '_blank' }) },
};

const LOOKS_LIKE_HTML = /<\/?[a-z][a-z0-9]*(\s[^>]*)?\/?>/i;

/** The stored body: rich text sanitized with the allow-list, plain text with normalized line ends. */
export function normalizeBody(body: string, format?: BodyFormat): { body: string; bodyFormat: BodyFormat } {
  const bodyFormat = format ?? (LOOKS_LIKE_HTML.test(body) ? 'html' : 'text');
  const text = body.replace(/\r\n?/g, '\n');
  return { body: bodyFormat === 'html' ? sanitizeHtml(text, SANITIZE).trim() : text.trim(), bodyFormat };
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A validity bound in China time: a date means the start (validFrom) or the end (validTo) of that day. */
function normalizeBound(v: string, edge: 'start' | 'end'): string {
  if (DATE_ONLY.test(v)) return toShanghaiIso(edge === 'start' ? startOfShanghaiDay(v) : endOfShanghaiDay(v));
  return toShanghaiIso(new Date(v));
}

/** Largest stored content (JSON characters): a version stores it twice (authored + public) under 16 MB. */
export const MAX_CONTENT_CHARS = 3_000_000;

/** Throws 413 when content is too large to store. */
export function assertContentSize(c: DisclosureContent): void {
  if (JSON.stringify(c).length > MAX_CONTENT_CHARS) throw new AppError(413, 'PAYLOAD_TOO_LARGE', '公开内容过大（含表格），请拆分为多条发布');
}

/** The catalogue item (its exact version) and region a disclosure is made under. */
export interface Target {
  item: CatalogueItemView;
  regionCode: string;
  regionName: string;
  level: CatalogueLevel;
}

const issue = (path: string, message: string) => validationFailed(message, [{ path, message }]);

/**
 * Resolves and checks where a new disclosure goes: the region is in the caller's scope (403), exists and is
 * a county, township or village; the catalogue item exists, is active, applies to the region (province items,
 * or local items of the region's ancestors) and lists the region's level among its 公开层级.
 */
export async function resolveTarget(caller: AdminCaller, itemRef: string, regionCode: string, regions: RegionLookup): Promise<Target> {
  assertInScope(caller, regionCode);
  const region = regions.get(regionCode);
  if (!region) throw issue('body.regionCode', `行政区划不存在：${regionCode}`);
  const level = regionLevel(regionCode);
  if (level !== 'county' && level !== 'township' && level !== 'village') {
    throw issue('body.regionCode', '公开信息只能发布到县（市、区）、乡镇（街道）或村（社区）');
  }
  const item = await getCatalogueItem(itemRef);
  if (!item) throw issue('body.catalogueItemId', '目录事项不存在');
  if (!catalogueItemAppliesTo(item, regionCode)) throw issue('body.catalogueItemId', '该目录事项已停用或不适用于该地区');
  if (!item.levels.includes(level)) {
    const names = { county: '县级', township: '乡级', village: '村级' };
    throw issue('body.regionCode', `该目录事项的公开层级为${item.levels.map((l) => names[l]).join('、')}，不能发布到${names[level]}`);
  }
  return { item, regionCode, regionName: region.name, level };
}

const versionCache = new Map<string, Promise<CatalogueItemView | undefined>>();

/** A catalogue item version (immutable, so cached for the life of the process). */
export function catalogueVersion(itemId: string, version: number): Promise<CatalogueItemView | undefined> {
  const key = `${itemId}:${version}`;
  let p = versionCache.get(key);
  if (!p) {
    p = getCatalogueVersion(itemId, version);
    versionCache.set(key, p);
    p.then((v) => v ?? versionCache.delete(key), () => versionCache.delete(key));
  }
  return p;
}

/** Content from a create body (defaults: the item's first stage; publisher = region + the item's 公开主体). */
export function contentFromCreate(b: DisclosureCreateBody, t: Target): DisclosureContent {
  if (b.stage && !t.item.stages.includes(b.stage)) throw issue('body.stage', '该目录事项不包含此五公开环节');
  return finish({
    ...normalizeBody(b.body, b.bodyFormat),
    title: b.title,
    stage: b.stage ?? t.item.stages[0],
    tables: b.tables ?? [],
    attachments: [],
    eventDate: b.eventDate ? shanghaiDate(b.eventDate) : undefined,
    validFrom: b.validFrom ? normalizeBound(b.validFrom, 'start') : undefined,
    validTo: b.validTo ? normalizeBound(b.validTo, 'end') : undefined,
    relatedIds: b.relatedIds ?? [],
    publisher: b.publisher ?? `${t.regionName} ${t.item.publisher}`,
    contact: b.contact || undefined,
  }, t.item);
}

/** `current` with a PATCH body applied (null clears an optional field). */
export function contentWithUpdate(current: DisclosureContent, b: DisclosureUpdateBody, item: CatalogueItemView): DisclosureContent {
  if (b.stage && !item.stages.includes(b.stage)) throw issue('body.stage', '该目录事项不包含此五公开环节');
  const next: DisclosureContent = { ...current };
  if (b.title !== undefined) next.title = b.title;
  if (b.body !== undefined || b.bodyFormat !== undefined) Object.assign(next, normalizeBody(b.body ?? current.body, b.bodyFormat));
  if (b.stage !== undefined) next.stage = b.stage;
  if (b.tables !== undefined) next.tables = b.tables;
  if (b.eventDate !== undefined) next.eventDate = b.eventDate === null ? undefined : shanghaiDate(b.eventDate);
  if (b.validFrom !== undefined) next.validFrom = b.validFrom === null ? undefined : normalizeBound(b.validFrom, 'start');
  if (b.validTo !== undefined) next.validTo = b.validTo === null ? undefined : normalizeBound(b.validTo, 'end');
  if (b.relatedIds !== undefined) next.relatedIds = b.relatedIds;
  if (b.publisher !== undefined) next.publisher = b.publisher;
  if (b.contact !== undefined) next.contact = b.contact || undefined;
  return finish(next, item);
}

/** Cross-field checks of the merged content: the window's order and the item's minimum posting period. */
function finish(c: DisclosureContent, item: CatalogueItemView): DisclosureContent {
  for (const k of Object.keys(c) as Array<keyof DisclosureContent>) if (c[k] === undefined) delete c[k];
  if (!c.body) throw issue('body.body', '请填写正文');
  if (c.validFrom && c.validTo) {
    if (Date.parse(c.validFrom) > Date.parse(c.validTo)) throw issue('body.validTo', '公示结束时间不能早于开始时间');
    const posting = postingOf(item.timeLimit);
    if (posting) {
      const from = shanghaiDate(c.validFrom);
      const to = shanghaiDate(c.validTo);
      // The first day counts: a 10-day posting from 10-01 runs to 10-10 at least.
      const days = posting.unit === 'days' ? daysInclusive(from, to) : workingDaysBetween(addDays(from, -1), to);
      if (days < posting.days) {
        const unit = posting.unit === 'days' ? '日' : '个工作日';
        throw issue('body.validTo', `该事项公示期不少于${posting.days}${unit}（当前${days}${unit}）`);
      }
    }
  }
  assertContentSize(c);
  return c;
}

function daysInclusive(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}
