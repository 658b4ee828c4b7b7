import crypto from 'crypto';
import {
  maskTable,
  maskText,
  type AttachmentRef,
  type BodyFormat,
  type CatalogueLevel,
  type DisclosureContent,
  type DisclosureVerify,
  type DomainKey,
  type MaskedTable,
} from '@gongkai/shared';
import { toShanghaiIso } from '../../workdays';
import type { VersionRecord } from './model';

/*
 * The version chain (tamper evidence). Each published version stores
 *
 *     hash = sha256( canonicalJson(hashMaterial(public)) + prevHash )      (hex; prevHash of version 1 = GENESIS)
 *
 * where `public` is the version's PUBLIC CONTENT — exactly what residents are shown, frozen at publication:
 *
 *     disclosureId, version, publishedAt (ISO, +08:00), regionCode, regionName, level, domain,
 *     catalogueItemId, catalogueVersion, stage, title (masked), body (sanitized, masked), bodyFormat,
 *     eventDate?, validFrom?, validTo?, relatedIds (the links this version declared, sorted), attachments
 *     ({ id, name, mime, size, sha256 }), publisher, contact?, tables (masked: { title, columns, rows, personal })
 *
 * and `hashMaterial` is that object with each table replaced by its own digest, sha256(canonicalJson(table)).
 * Why digests: once a posting period ends, tables holding personal data are hidden from the public, and the
 * detail then shows `{ title, hidden: true, reason, hash }` for them. With the table digests in the material,
 * anyone can still recompute the version hash from what the detail shows (visible tables → their digest,
 * hidden tables → the digest shown), and hiding by time never changes a stored hash: verify stays valid.
 *
 * Not in the hash: back-links other disclosures declared later (`linkedFrom`, they change without a new
 * version), the withdrawal (recorded on the disclosure, the chain keeps every version), and the unmasked
 * originals (hashing them would let anyone confirm a guessed phone number against the public hash).
 * canonicalJson: object keys sorted (by UTF-16 code units), no whitespace, `undefined` members dropped,
 * arrays in order, strings and numbers as JSON.stringify writes them.
 */

/** prevHash of a first version. */
export const GENESIS = '0'.repeat(64);

/** The public content of a published version (stored in `disclosure_versions.public`). */
export interface PublicVersion {
  disclosureId: string;
  version: number;
  publishedAt: string;
  regionCode: string;
  regionName: string;
  level: CatalogueLevel;
  domain: DomainKey;
  catalogueItemId: string;
  catalogueVersion: number;
  stage: DisclosureContent['stage'];
  title: string;
  body: string;
  bodyFormat: BodyFormat;
  eventDate?: string;
  validFrom?: string;
  validTo?: string;
  relatedIds: string[];
  attachments: AttachmentRef[];
  publisher: string;
  contact?: string;
  tables: MaskedTable[];
}

/** Where a disclosure belongs (the fixed part of every version). */
export interface DisclosureMeta {
  disclosureId: string;
  regionCode: string;
  regionName: string;
  level: CatalogueLevel;
  domain: DomainKey;
  catalogueItemId: string;
  catalogueVersion: number;
}

/** Canonical JSON: sorted keys, no whitespace, undefined members dropped. */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (v instanceof Date) return JSON.stringify(v.toISOString());
  if (Array.isArray(v)) return `[${v.map((x) => (x === undefined ? 'null' : canonicalJson(x))).join(',')}]`;
  const obj = v as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

const sha256 = (s: string) => crypto.createHash('sha256').update(s, 'utf8').digest('hex');

/** The digest of one public (masked) table. */
export function tableDigest(t: MaskedTable): string {
  return sha256(canonicalJson({ title: t.title, columns: t.columns, rows: t.rows, personal: t.personal }));
}

/** The hash of a version from its public content and the previous version's hash. */
export function versionHash(pub: PublicVersion, prevHash: string): string {
  const material = { ...pub, tables: pub.tables.map(tableDigest) };
  return sha256(canonicalJson(material) + prevHash);
}

/**
 * The public content of a version: the authored content with personal data masked (title, body, tables;
 * see shared/src/masking.ts). `publisher` and `contact` are the office's own and are shown as written.
 */
export function publicContentOf(meta: DisclosureMeta, content: DisclosureContent, version: number, publishedAt: Date): PublicVersion {
  const pub: PublicVersion = {
    ...meta,
    version,
    publishedAt: toShanghaiIso(publishedAt),
    stage: content.stage,
    title: maskText(content.title),
    body: maskText(content.body),
    bodyFormat: content.bodyFormat,
    eventDate: content.eventDate,
    validFrom: content.validFrom,
    validTo: content.validTo,
    relatedIds: [...content.relatedIds].sort(),
    attachments: content.attachments.map((a) => ({ id: a.id, name: maskText(a.name), mime: a.mime, size: a.size, sha256: a.sha256 })),
    publisher: content.publisher,
    contact: content.contact,
    tables: content.tables.map(maskTable),
  };
  for (const k of Object.keys(pub) as Array<keyof PublicVersion>) if (pub[k] === undefined) delete pub[k];
  return pub;
}

/**
 * Recomputes a disclosure's chain. `count` is the number of published versions the disclosure says it has,
 * `head` its current hash: a missing, reordered, edited or replaced version makes `valid` false.
 */
export function verifyChain(
  stored: Array<VersionRecord | null>,
  count: number,
  head: string | undefined,
  withdrawn: boolean,
): DisclosureVerify {
  const problems: string[] = [];
  const chain: DisclosureVerify['chain'] = [];
  let prev = GENESIS;
  for (let i = 0; i < count; i++) {
    const v = stored[i];
    const n = i + 1;
    if (!v) {
      problems.push(`第${n}版记录缺失`);
      prev = '';
      continue;
    }
    let ok = true;
    if (v.version !== n || v.public?.version !== n) {
      problems.push(`第${n}版的版本号不符`);
      ok = false;
    }
    if (v.prevHash !== prev) {
      problems.push(`第${n}版的前序哈希与第${n - 1 || '（创世）'}版不符`);
      ok = false;
    }
    let recomputed = '';
    try {
      recomputed = versionHash(v.public, v.prevHash);
    } catch {
      recomputed = '';
    }
    if (recomputed !== v.hash) {
      problems.push(`第${n}版内容与其哈希不符（内容被改动）`);
      ok = false;
    }
    chain.push({ version: n, hash: v.hash, prevHash: v.prevHash, publishedAt: v.public?.publishedAt ?? toShanghaiIso(v.publishedAt), valid: ok });
    prev = v.hash;
  }
  if (count > 0 && head !== prev) problems.push('最新版本的哈希与公开记录不符');
  return { valid: problems.length === 0, chain, withdrawn, problems };
}
