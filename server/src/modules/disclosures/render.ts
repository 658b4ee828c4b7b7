import type { CatalogueItemView, DisclosureDetail, PublicTable } from '@gongkai/shared';
import { tableDigest, type PublicVersion } from './chain';
import type { Entry } from './memory';

/*
 * The public rendering of a version, shared by the public detail and the officials' preview so that the
 * preview shows exactly what residents will see.
 */

/** Why a table is no longer shown. */
export const HIDDEN_TABLE_REASON = '公示期已结束，含个人信息的名单不再公开';

/** What the rendering adds to a stored version. */
export interface RenderExtras {
  catalogueItem: CatalogueItemView;
  relatedIds: string[];
  firstPublishedAt: string;
  hash: string;
  prevHash: string;
  preview?: boolean;
}

/**
 * The detail residents see. Once `validTo` has passed, tables holding personal data (a `pii` column or a
 * detected number) are replaced by `{ title, hidden, reason, hash }`; the rest of the disclosure stays.
 * Every table carries its digest, so the version hash stays verifiable from what is shown (chain.ts).
 */
export function renderPublic(pub: PublicVersion, x: RenderExtras, now: number = Date.now()): DisclosureDetail {
  const expired = pub.validTo !== undefined && now > Date.parse(pub.validTo);
  const tables: PublicTable[] = pub.tables.map((t) => {
    const hash = tableDigest(t);
    if (expired && t.personal) return { title: t.title, hidden: true as const, reason: HIDDEN_TABLE_REASON, hash };
    return { title: t.title, columns: t.columns, rows: t.rows, personal: t.personal, hash };
  });
  const detail: DisclosureDetail = {
    id: pub.disclosureId,
    title: pub.title,
    domain: pub.domain,
    catalogueItemId: pub.catalogueItemId,
    regionCode: pub.regionCode,
    regionName: pub.regionName,
    stage: pub.stage,
    publishedAt: pub.publishedAt,
    version: pub.version,
    level: pub.level,
    catalogueVersion: pub.catalogueVersion,
    firstPublishedAt: x.firstPublishedAt,
    body: pub.body,
    bodyFormat: pub.bodyFormat,
    catalogueItem: x.catalogueItem,
    tables,
    attachments: pub.attachments,
    publisher: pub.publisher,
    relatedIds: x.relatedIds,
    hash: x.hash,
    prevHash: x.prevHash,
  };
  if (pub.validFrom) detail.validFrom = pub.validFrom;
  if (pub.validTo) detail.validTo = pub.validTo;
  if (pub.eventDate) detail.eventDate = pub.eventDate;
  if (pub.contact) detail.contact = pub.contact;
  if (x.preview) detail.preview = true;
  return detail;
}

/** The instant until which a rendering stays right (when a posting period ends, tables may hide). */
export function renderValidUntil(pub: { validTo?: string; tables: ReadonlyArray<object> }, now: number = Date.now()): number {
  const end = pub.validTo ? Date.parse(pub.validTo) : Infinity;
  return end > now && pub.tables.some((t) => (t as { personal?: boolean }).personal === true) ? end : Infinity;
}

/** Live links of a published entry: declared and back-links that residents can currently see. */
export function liveLinks(e: Entry, isPublished: (id: string) => boolean): string[] {
  const all = new Set([...e.related, ...e.linkedFrom]);
  all.delete(e.id);
  return [...all].filter(isPublished).sort();
}

/**
 * A small LRU of rendered details, bounded by entries and by size (JSON characters), so repeated reads of a
 * popular disclosure cost no database round trip. Entries are checked against the current version and
 * their `until` on every hit; large details (big tables) are not kept.
 */
export class DetailCache {
  private readonly map = new Map<string, { version: number; until: number; detail: DisclosureDetail; json: string }>();
  private chars = 0;

  constructor(
    private readonly maxEntries = 5_000,
    private readonly maxChars = 20_000_000,
    private readonly maxEntryChars = 500_000,
  ) {}

  /** The cached rendering (object and its JSON text) of `version`, if still valid at `now`. */
  get(id: string, version: number, now: number = Date.now()): { detail: DisclosureDetail; json: string } | undefined {
    const hit = this.map.get(id);
    if (!hit) return undefined;
    if (hit.version !== version || now >= hit.until) {
      this.delete(id);
      return undefined;
    }
    this.map.delete(id);
    this.map.set(id, hit);
    return hit;
  }

  /** Keeps a rendering (and returns its JSON text). */
  set(id: string, version: number, until: number, detail: DisclosureDetail): string {
    const json = JSON.stringify(detail);
    if (json.length > this.maxEntryChars) return json;
    this.delete(id);
    this.map.set(id, { version, until, detail, json });
    this.chars += json.length;
    while (this.map.size > this.maxEntries || this.chars > this.maxChars) {
      const oldest = this.map.keys().next().value as string;
      this.delete(oldest);
    }
    return json;
  }

  delete(id: string): void {
    const hit = this.map.get(id);
    if (!hit) return;
    this.chars -= hit.json.length;
    this.map.delete(id);
  }

  clear(): void {
    this.map.clear();
    this.chars = 0;
  }
}
