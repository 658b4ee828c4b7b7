import mongoose from '../../db/mongoose';
import type { NoticeKind } from '@gongkai/shared';

/*
 * The notices module's collections. FerretDB 1.x reads by `_id` fast and scans for any other filter, and its
 * updates are not atomic across connections; so every key is computable (`<resident>:<seq>`, `<seq>:<batch>`),
 * hot documents have a single writer, and "do this once" is an insert of a chosen `_id`.
 *
 *  notice_events      SeqLog: one entry per notice event (disclosure event, answer …), `_id` = seqId(seq)
 *  notice_event_keys  `_id` = the event's idempotency key → its seq (an event is fanned out once)
 *  inbox              `_id` = `<resident>:<seq>`: the resident got notice `seq` in-app (insert-only)
 *  inbox_states       `_id` = resident: which inbox notices they have seen synced, and read flags
 *  notice_batches     `_id` = `<seq>:<i>`: the i-th batch of WeChat recipients of an event
 *  notice_batch_stats `_id` = `<seq>:<i>`: delivery state of each recipient of that batch (admin statistics)
 *  deliveries         `_id` = `<resident>:<seq>`: the WeChat delivery of notice `seq` to a resident (states)
 *  delivery_attempts  `_id` = `<delivery>#<n>`: attempt n of a message; inserted before WeChat is called, so
 *                     only one worker ever makes attempt n, and an attempt without an outcome is "in doubt"
 */

const loose = (collection: string) => new mongoose.Schema({ _id: String }, { collection, versionKey: false, strict: false });

export const NoticeEventModel = mongoose.model('NoticeEvent', loose('notice_events'));
export const NoticeEventKeyModel = mongoose.model('NoticeEventKey', loose('notice_event_keys'));
export const InboxModel = mongoose.model('InboxNotice', loose('inbox'));
export const InboxStateModel = mongoose.model('InboxState', loose('inbox_states'));
export const NoticeBatchModel = mongoose.model('NoticeBatch', loose('notice_batches'));
export const NoticeBatchStatsModel = mongoose.model('NoticeBatchStats', loose('notice_batch_stats'));
export const DeliveryModel = mongoose.model('Delivery', loose('deliveries'));
export const DeliveryAttemptModel = mongoose.model('DeliveryAttempt', loose('delivery_attempts'));

type Coll<T> = mongoose.mongo.Collection<T & mongoose.mongo.Document>;
const coll = <T>(m: mongoose.Model<never>) => m.collection as unknown as Coll<T>;

/** Where an event is in its fan-out: `open` (allocated), `inboxed` (inbox + batches written), `queued` (delivery jobs enqueued). */
export type EventStatus = 'open' | 'inboxed' | 'queued' | 'orphan';

/** A notice event as stored in the log. */
export interface NoticeEventRecord {
  _id?: string;
  key: string;
  kind: NoticeKind;
  title: string;
  body?: string;
  page: string;
  disclosureId?: string;
  version?: number;
  regionCode?: string;
  regionName?: string;
  domain?: string;
  catalogueItemId?: string;
  /** ISO time of what happened (publication, answer). */
  at: string;
  createdAt: Date;
  /** Digest window (`w<n>`), absent when notices are not digested. */
  window?: string;
  /** A notice for one resident (answers, reminders) instead of followers. */
  target?: string;
  /** Write no inbox notice (a WeChat-only companion of another notice). */
  noInbox?: boolean;
  /** Template and data of the WeChat message, when not the disclosure template built from the event. */
  push?: { templateId: string; data: Record<string, { value: string }> };
  status: EventStatus;
  recipients?: number;
  pushable?: number;
  batches?: number;
}

export interface InboxStateRecord {
  _id: string;
  /** Every event up to this seq has been looked at. */
  synced: number;
  /** Candidate events whose fan-out had not finished at the last sync. */
  pending: number[];
  /** The resident's notices, newest first: seq and read flag. */
  items: Array<{ s: number; read: boolean }>;
  /** Regions of interest at the last sync (a new one is looked at back to when it was followed). */
  regions?: string[];
}

export interface BatchRecord {
  _id: string;
  /** Resident ids, and their openids at the same positions (FerretDB 1.x stores no nested arrays). */
  rs: string[];
  os: string[];
}

/** Per-recipient delivery state of a batch (see send.ts for the values). */
export interface BatchStatsRecord {
  _id: string;
  states: Record<string, string>;
  updatedAt: Date;
}

export type DeliveryState = 'pending' | 'sent' | 'digested' | 'skipped' | 'failed';

export interface DeliveryRecord {
  _id: string;
  state: DeliveryState;
  attempts: number;
  /** Attempts allowed before failing (raised by an admin resend). */
  maxAttempts?: number;
  nextAt?: Date;
  reason?: string;
  errcode?: number;
  retryable?: boolean;
  /** Sent without WeChat's answer being recorded (the worker stopped in between): never re-sent. */
  unconfirmed?: boolean;
  /** The delivery whose message carried this one (digests). */
  lead?: string;
  /** Seqs a lead message covered. */
  members?: number[];
  templateId?: string;
  sentAt?: Date;
}

export interface AttemptRecord {
  _id: string;
  at: Date;
  pid: number;
}

export const events = () => coll<NoticeEventRecord>(NoticeEventModel as never);
export const eventKeys = () => coll<{ _id: string; seq: number }>(NoticeEventKeyModel as never);
export const inbox = () => coll<{ _id: string; at: Date }>(InboxModel as never);
export const inboxStates = () => coll<InboxStateRecord>(InboxStateModel as never);
export const batches = () => coll<BatchRecord>(NoticeBatchModel as never);
export const batchStats = () => coll<BatchStatsRecord>(NoticeBatchStatsModel as never);
export const deliveries = () => coll<DeliveryRecord>(DeliveryModel as never);
export const attempts = () => coll<AttemptRecord>(DeliveryAttemptModel as never);

/** True for a duplicate-key error. */
export const isDuplicate = (e: unknown): boolean => (e as { code?: number }).code === 11000;

/**
 * insertMany that ignores duplicates (idempotent re-runs); returns how many were new. FerretDB reports
 * duplicates of an unordered insert as write errors with code 11000.
 */
export async function insertIgnoringDuplicates<T extends { _id: string }>(c: Coll<T>, docs: T[], chunk = 5000): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < docs.length; i += chunk) {
    const part = docs.slice(i, i + chunk);
    try {
      inserted += (await c.insertMany(part as never[], { ordered: false })).insertedCount;
    } catch (e) {
      const r = e as { writeErrors?: Array<{ code: number }> | { code: number }; insertedCount?: number; result?: { insertedCount?: number } };
      const errs = Array.isArray(r.writeErrors) ? r.writeErrors : r.writeErrors ? [r.writeErrors] : [];
      if (!errs.length || !errs.every((w) => w.code === 11000)) throw e;
      inserted += r.insertedCount ?? r.result?.insertedCount ?? part.length - errs.length;
    }
  }
  return inserted;
}
