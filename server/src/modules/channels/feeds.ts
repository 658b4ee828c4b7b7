import { findDomain, type DisclosureDetail, type DomainKey, type PublicTable } from '@gongkai/shared';
import { getPublishedDisclosure, listPublished } from '../disclosures/service';
import { runLimited } from '../../jobs/queue';
import { toShanghaiIso } from '../../workdays';
import { disclosureLinks, type DisclosureLinks } from './qr';
import { flattenBody, summaryOf } from './text';

/*
 * Web feeds of a region's published disclosures (its own and its ancestors', as residents see them): Atom 1.0
 * (RFC 4287) and JSON Feed 1.1 (https://jsonfeed.org/version/1.1) with an `_gongkai` extension carrying the
 * version, its hash and the masked tables as data (open data). Entries link to the H5 page under `/m/`.
 * Both are built from the public detail, so the content and the hash are the ones on every other channel.
 */

/** XML namespace of the Atom extension elements (`gk:version`, `gk:hash`, `gk:region`). */
export const GK_NS = 'urn:gongkai:atom:1';

/** One feed entry: the public detail and its links. */
export interface FeedEntry {
  detail: DisclosureDetail;
  links: DisclosureLinks;
  paragraphs: string[];
}

/** What a feed is about. */
export interface FeedMeta {
  regionCode: string;
  /** `浙江省温州市瓯海区…` */
  regionPath: string;
  domain?: DomainKey;
  base: string;
  /** This feed's own URL. */
  self: string;
}

/** The newest `limit` disclosures residents of the region see, as entries. */
export async function feedEntries(deps: Parameters<typeof listPublished>[0], regionCode: string, domain: DomainKey | undefined, limit: number, base: string): Promise<FeedEntry[]> {
  const page = await listPublished(deps, { region: regionCode, domain, page: 1, pageSize: limit });
  const out: Array<FeedEntry | undefined> = new Array(page.items.length);
  await runLimited(
    page.items.map((it, i) => [it.id, i] as const),
    8,
    async ([id, i]) => {
      const detail = await getPublishedDisclosure(id);
      if (detail) out[i] = { detail, links: disclosureLinks(base, id), paragraphs: flattenBody(detail.body, detail.bodyFormat) };
    },
  );
  return out.filter((e): e is FeedEntry => !!e);
}

const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Escapes text for XML content and attributes (characters XML 1.0 forbids are dropped). */
export function xmlEscape(s: string): string {
  return s.replace(INVALID_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

const titleOf = (m: FeedMeta) => `${m.regionPath}政务公开${m.domain ? `·${findDomain(m.domain)?.name ?? m.domain}` : ''}`;
const cell = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'boolean' ? (v ? '是' : '否') : String(v));

function tableHtml(t: PublicTable): string {
  if ('hidden' in t) return `<h4>${xmlEscape(t.title)}</h4><p>（${xmlEscape(t.reason)}）</p>`;
  const head = t.columns.map((c) => `<th>${xmlEscape(c.label)}</th>`).join('');
  const rows = t.rows.map((r) => `<tr>${t.columns.map((c) => `<td>${xmlEscape(cell(r[c.key]))}</td>`).join('')}</tr>`).join('');
  return `<h4>${xmlEscape(t.title)}</h4><table><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
}

/** The entry's content as HTML (masked text, tables, version and hash). */
export function entryHtml(e: FeedEntry): string {
  const d = e.detail;
  const body = e.paragraphs.map((p) => `<p>${xmlEscape(p).replace(/\n/g, '<br/>')}</p>`).join('');
  const period = d.validFrom || d.validTo ? `<p>公示期：${xmlEscape(d.validFrom ?? '')} 至 ${xmlEscape(d.validTo ?? '')}</p>` : '';
  return `${period}${body}${d.tables.map(tableHtml).join('')}<p>发布单位：${xmlEscape(d.publisher)}</p><p>版本：第 ${d.version} 版 · 哈希：<code>${d.hash}</code></p>`;
}

/** The Atom document. */
export function atomFeed(m: FeedMeta, entries: FeedEntry[], now: number = Date.now()): string {
  const updated = entries.reduce((t, e) => Math.max(t, Date.parse(e.detail.publishedAt)), 0) || now;
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:gk="${GK_NS}" xml:lang="zh-CN">`,
    `  <id>${xmlEscape(m.self)}</id>`,
    `  <title>${xmlEscape(titleOf(m))}</title>`,
    `  <subtitle>${xmlEscape(`${m.regionPath}及上级地区发布的政务公开信息（个人信息已脱敏）`)}</subtitle>`,
    `  <updated>${toShanghaiIso(new Date(updated))}</updated>`,
    '  <author><name>Gongkai 基层政务公开平台</name></author>',
    `  <link rel="self" type="application/atom+xml" href="${xmlEscape(m.self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlEscape(`${m.base}/m/`)}"/>`,
    '  <generator>Gongkai</generator>',
  ];
  for (const e of entries) {
    const d = e.detail;
    lines.push(
      '  <entry>',
      `    <id>urn:gongkai:disclosure:${d.id}</id>`,
      `    <title>${xmlEscape(d.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${xmlEscape(e.links.h5)}"/>`,
      `    <published>${xmlEscape(d.firstPublishedAt)}</published>`,
      `    <updated>${xmlEscape(d.publishedAt)}</updated>`,
      `    <author><name>${xmlEscape(d.publisher)}</name></author>`,
      `    <category term="${d.domain}" label="${xmlEscape(findDomain(d.domain)?.name ?? d.domain)}"/>`,
      `    <summary type="text">${xmlEscape(summaryOf(e.paragraphs))}</summary>`,
      `    <content type="html">${xmlEscape(entryHtml(e))}</content>`,
      `    <gk:version>${d.version}</gk:version>`,
      `    <gk:hash>${d.hash}</gk:hash>`,
      `    <gk:region code="${d.regionCode}">${xmlEscape(d.regionName)}</gk:region>`,
      `    <gk:miniProgramPath>${xmlEscape(e.links.miniProgram)}</gk:miniProgramPath>`,
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}

/** The JSON Feed 1.1 document. */
export function jsonFeed(m: FeedMeta, entries: FeedEntry[]) {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: titleOf(m),
    home_page_url: `${m.base}/m/`,
    feed_url: m.self,
    description: `${m.regionPath}及上级地区发布的政务公开信息（个人信息已脱敏）`,
    language: 'zh-CN',
    authors: [{ name: 'Gongkai 基层政务公开平台' }],
    _gongkai: { about: 'Gongkai open-data feed: _gongkai on each item holds the version, its SHA-256 hash (verify at verifyUrl) and the masked tables.', regionCode: m.regionCode, ...(m.domain ? { domain: m.domain } : {}) },
    items: entries.map((e) => {
      const d = e.detail;
      return {
        id: d.id,
        url: e.links.h5,
        title: d.title,
        content_text: e.paragraphs.join('\n\n'),
        content_html: entryHtml(e),
        summary: summaryOf(e.paragraphs),
        date_published: d.firstPublishedAt,
        date_modified: d.publishedAt,
        authors: [{ name: d.publisher }],
        tags: [findDomain(d.domain)?.name ?? d.domain, d.catalogueItem.name],
        _gongkai: {
          version: d.version,
          hash: d.hash,
          prevHash: d.prevHash,
          verifyUrl: e.links.verify,
          miniProgramPath: e.links.miniProgram,
          regionCode: d.regionCode,
          regionName: d.regionName,
          level: d.level,
          domain: d.domain,
          catalogueItemId: d.catalogueItemId,
          catalogueItemCode: d.catalogueItem.code,
          stage: d.stage,
          ...(d.validFrom ? { validFrom: d.validFrom } : {}),
          ...(d.validTo ? { validTo: d.validTo } : {}),
          publisher: d.publisher,
          tables: d.tables,
        },
      };
    }),
  };
}
