import crypto from 'crypto';
import { promises as fs } from 'fs';
import path from 'path';
import { FEEDBACK_IMAGE_TYPES, FEEDBACK_LIMITS, type FeedbackImage, type FeedbackImageType } from '@gongkai/shared';
import mongoose from '../../db/mongoose';
import { AppError, validationFailed } from '../../http/errors';
import { sniffAllowed } from '../../uploads/sniff';
import { images, oid, type ImageRecord, type ImageRef } from './model';

/*
 * Images attached to submissions. Upload first (`POST /api/v1/feedback/images`, one file per request), then
 * list the returned ids in the submission. The type is decided by the file's content (JPEG, PNG, WebP),
 * never by its name or declared type; the bytes are stored under `<dataDir>/feedback-images/` with no
 * extension and served back only to the submitter and to officials in scope, with the type recorded here.
 * Uploads never attached to a submission are deleted by the daily job after ORPHAN_TTL_MS.
 */

/** How long an unattached upload is kept. */
export const ORPHAN_TTL_MS = 24 * 3600_000;

/** The image type of a buffer by its content (the shared sniffing of uploads/sniff.ts), or undefined. */
export function sniffImageType(buf: Buffer): Promise<FeedbackImageType | undefined> {
  return sniffAllowed(buf, FEEDBACK_IMAGE_TYPES);
}

/** The largest image accepted: the module limit, or the deployment's upload limit when smaller. */
export function maxImageBytes(uploadLimitBytes: number): number {
  return Math.min(FEEDBACK_LIMITS.imageBytes, Math.floor(uploadLimitBytes));
}

/** Where images live on disk. */
export class ImageStore {
  constructor(private readonly root: string) {}

  /** The store under a data folder. */
  static under(dataDir: string): ImageStore {
    return new ImageStore(path.join(dataDir, 'feedback-images'));
  }

  private file(id: string): string {
    if (!/^[0-9a-f]{24}$/.test(id)) throw new Error(`bad image id ${id}`);
    return path.join(this.root, id.slice(0, 2), id);
  }

  async write(id: string, data: Buffer): Promise<void> {
    const f = this.file(id);
    await fs.mkdir(path.dirname(f), { recursive: true });
    // Write then rename, so a reader never sees half a file.
    const tmp = `${f}.${process.pid}.tmp`;
    await fs.writeFile(tmp, data, { mode: 0o600 });
    await fs.rename(tmp, f);
  }

  async read(id: string): Promise<Buffer | undefined> {
    try {
      return await fs.readFile(this.file(id));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
  }

  async remove(id: string): Promise<void> {
    await fs.rm(this.file(id), { force: true });
  }
}

/**
 * Stores an uploaded image for a resident after checking its content.
 * @throws 415 UNSUPPORTED_MEDIA_TYPE unless the bytes are a JPEG, PNG or WebP; 413 when too large.
 */
export async function saveImage(store: ImageStore, residentId: string, data: Buffer, maxBytes: number): Promise<FeedbackImage> {
  if (data.length > maxBytes) throw new AppError(413, 'PAYLOAD_TOO_LARGE', `图片不能超过${Math.floor(maxBytes / 1024 / 1024)}MB`);
  const mime = await sniffImageType(data);
  if (!mime) throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', '只能上传 JPEG、PNG 或 WebP 格式的图片');
  const _id = new mongoose.Types.ObjectId();
  const id = String(_id);
  await store.write(id, data);
  const rec: ImageRecord = {
    _id,
    residentId,
    mime,
    size: data.length,
    sha256: crypto.createHash('sha256').update(data).digest('hex'),
    feedbackId: '',
    createdAt: new Date(),
  };
  await images().insertOne(rec);
  return { id, mime, size: data.length };
}

/**
 * The resident's own uploads listed in a submission, checked: each must exist, belong to the resident and
 * not be attached to another item (`feedbackId` is the item being created, for a retried submission).
 */
export async function claimableImages(residentId: string, ids: string[], feedbackId: string): Promise<ImageRef[]> {
  const out: ImageRef[] = [];
  for (const [i, id] of ids.entries()) {
    const _id = oid(id);
    const rec = _id ? await images().findOne({ _id }) : null;
    if (!rec || rec.residentId !== residentId || (rec.feedbackId !== '' && rec.feedbackId !== feedbackId)) {
      throw validationFailed('图片不存在或已使用，请重新上传', [{ path: `body.images.${i}`, message: '图片不存在或已使用' }]);
    }
    out.push({ id, mime: rec.mime, size: rec.size });
  }
  return out;
}

/** Marks images as attached to an item (by `_id`, one by one). */
export async function attachImages(refs: ImageRef[], feedbackId: string): Promise<void> {
  for (const r of refs) await images().updateOne({ _id: new mongoose.Types.ObjectId(r.id) }, { $set: { feedbackId } });
}

/** Deletes uploads never attached to a submission and older than the TTL; returns how many. */
export async function purgeOrphanImages(store: ImageStore, now = Date.now()): Promise<number> {
  const old = await images()
    .find({ feedbackId: '', createdAt: { $lt: new Date(now - ORPHAN_TTL_MS) } }, { projection: { _id: 1 } })
    .toArray();
  for (const { _id } of old) {
    await store.remove(String(_id));
    await images().deleteOne({ _id });
  }
  return old.length;
}
