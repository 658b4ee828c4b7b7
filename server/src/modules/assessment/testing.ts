import { regionLevel, selfAndAncestors, type CatalogueLevel, type FeedbackRatingScore, type FeedbackStatus, type FeedbackType } from '@gongkai/shared';
import mongoose from '../../db/mongoose';
import { getCatalogueItem } from '../catalogue/service';
import { resetDisclosureIndex } from '../disclosures/index-store';
import { GENESIS, publicContentOf, versionHash } from '../disclosures/chain';
import { disclosures, versionKey, versions, type DisclosureRecord, type VersionRecord } from '../disclosures/model';
import { feedback, type FeedbackRecord } from '../feedback/model';
import { ResidentModel } from '../residents/model';

/*
 * Test helpers of the assessment (its *.test.ts files and the reports' only): disclosures and feedback
 * written straight into their collections with chosen times, so that every expected figure can be worked
 * out by hand. Times are China time (+08:00).
 */

/** A disclosure to store: which unit, which item, and its life. */
export interface DisclosureSpec {
  region: string;
  /** Catalogue item code, e.g. `AH-04`. */
  item: string;
  title?: string;
  /** Due date (a China date: the deadline is the end of that day); none without. */
  due?: string;
  /** First publication (ISO time); never published without. */
  published?: string;
  /** Withdrawal (ISO time). */
  withdrawn?: string;
}

const endOfDay = (d: string) => new Date(`${d}T23:59:59.999+08:00`);

/** Stores disclosures and makes the disclosures module re-read its index. Returns their ids. */
export async function insertDisclosures(specs: DisclosureSpec[]): Promise<string[]> {
  const ids: string[] = [];
  const docs: DisclosureRecord[] = [];
  const vdocs: VersionRecord[] = [];
  for (const s of specs) {
    const item = (await getCatalogueItem(s.item))!;
    const _id = new mongoose.Types.ObjectId();
    const level = regionLevel(s.region) as CatalogueLevel;
    const dueAt = s.due ? endOfDay(s.due) : undefined;
    const pubAt = s.published ? new Date(s.published) : undefined;
    const title = s.title ?? `${s.item} ${s.region}`;
    const at = pubAt ?? new Date('2025-06-01T09:00:00+08:00');
    const rec: DisclosureRecord = {
      _id,
      regionCode: s.region,
      regionName: s.region,
      level,
      scopeCodes: selfAndAncestors(s.region),
      domain: item.domain,
      catalogueItemId: item.id,
      catalogueVersion: item.version,
      stage: item.stages[0],
      status: s.withdrawn ? 'withdrawn' : pubAt ? 'published' : 'draft',
      createdBy: { id: 'test', username: 'test' },
      createdAt: at,
      updatedAt: s.withdrawn ? new Date(s.withdrawn) : at,
      late: !!(pubAt && dueAt && pubAt > dueAt),
      linkedFrom: [],
    };
    if (pubAt) {
      // A real version document (public content and hash), as publishing stores it.
      const content = { title, body: `${title}。特此公示。`, bodyFormat: 'text' as const, stage: item.stages[0], tables: [], attachments: [], relatedIds: [], publisher: `${s.region} ${item.publisher}` };
      const pub = publicContentOf({ disclosureId: String(_id), regionCode: s.region, regionName: s.region, level, domain: item.domain, catalogueItemId: item.id, catalogueVersion: item.version }, content, 1, pubAt);
      const hash = versionHash(pub, GENESIS);
      const approvedBy = { id: 'test', username: 'test', role: 'reviewer' as const, regionCode: s.region };
      vdocs.push({ _id: versionKey(String(_id), 1), disclosureId: String(_id), version: 1, content, public: pub, prevHash: GENESIS, hash, publishedAt: pubAt, approvedBy, authors: [], late: false });
      rec.pub = { version: 1, title, stage: item.stages[0], publishedAt: pubAt, hash, relatedIds: [] };
      rec.firstPublishedAt = pubAt;
    } else {
      rec.working = { version: 1, state: 'draft', title, authors: [{ id: 'test', username: 'test' }], updatedAt: at, ...(dueAt ? { dueAt } : {}) };
    }
    if (dueAt) rec.dueAt = dueAt;
    if (s.withdrawn) rec.withdrawal = { reason: '测试撤回', at: new Date(s.withdrawn), by: { id: 'test', username: 'test' }, version: 1 };
    docs.push(rec);
    ids.push(String(_id));
  }
  if (docs.length) await disclosures().insertMany(docs);
  if (vdocs.length) await versions().insertMany(vdocs);
  resetDisclosureIndex();
  return ids;
}

/** A feedback item to store. */
export interface FeedbackSpec {
  assigned: string;
  type?: FeedbackType;
  received: string;
  /** Deadline (China date, end of day). */
  due: string;
  answered?: string;
  rejected?: string;
  rating?: { score: FeedbackRatingScore; at: string };
  disclosureId?: string;
  catalogueItemId?: string;
  /** Defaults: answered → answered, rejected → rejected, else accepted. */
  status?: FeedbackStatus;
}

let seq = 0;

/** Stores feedback items (as submitted and handled by the feedback module). */
export async function insertFeedback(specs: FeedbackSpec[]): Promise<string[]> {
  const by = { id: 'o1', username: 'official', displayName: '办理人' };
  const docs: FeedbackRecord[] = specs.map((s) => {
    seq += 1;
    const receivedAt = new Date(s.received);
    const status: FeedbackStatus = s.status ?? (s.answered ? 'answered' : s.rejected ? 'rejected' : 'accepted');
    const rec: FeedbackRecord = {
      _id: new mongoose.Types.ObjectId(),
      trackingNo: `ZX-TEST-${String(seq).padStart(4, '0')}`,
      type: s.type ?? 'question',
      status,
      residentId: 'r1',
      idempotencyKey: `auto:${seq}`,
      requestHash: 'x',
      regionCode: s.assigned,
      publicRegion: s.assigned,
      assignedRegion: s.assigned,
      scopeCodes: selfAndAncestors(s.assigned),
      content: '请问补助什么时候发放？',
      summary: '请问补助什么时候发放？',
      images: [],
      public: false,
      receivedAt,
      dueAt: endOfDay(s.due),
      timeline: [],
      updatedAt: receivedAt,
    };
    if (s.disclosureId) rec.disclosureId = s.disclosureId;
    if (s.catalogueItemId) rec.catalogueItemId = s.catalogueItemId;
    if (s.answered) rec.answer = { text: '已答复', public: false, at: new Date(s.answered), by, regionCode: s.assigned };
    if (s.rejected) rec.rejection = { reason: '不属于本机关职责', at: new Date(s.rejected), by };
    if (s.rating) rec.rating = { score: s.rating.score, at: new Date(s.rating.at) };
    return rec;
  });
  if (docs.length) await feedback().insertMany(docs);
  return docs.map((d) => String(d._id));
}

/** Stores residents with saved villages. */
export async function insertResidents(villages: string[][]): Promise<void> {
  for (const v of villages) {
    seq += 1;
    await ResidentModel.create({ openid: `assess-${seq}-${Math.random().toString(36).slice(2, 8)}`, villages: v });
  }
}
