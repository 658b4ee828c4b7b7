import path from 'path';
import type { AttachmentRef } from '@gongkai/shared';
import mongoose from '../../db/mongoose';
import type { AdminCaller } from '../../http/auth';
import { AppError, notFound, validationFailed } from '../../http/errors';
import { ATTACHMENT_TYPES, EXTENSION_OF, sniffAllowed, type AttachmentType } from '../../uploads/sniff';
import type { BlobStore } from '../../uploads/store';
import { findDraft, loadForCaller } from './access';
import { editDraftContent } from './draft-edit';
import { versionKey, versions } from './model';
import { getPublicDetail } from './read';

/*
 * Attachments of disclosures (PDF documents and JPEG/PNG/WebP images).
 *
 *  - Uploaded to a working copy in the `draft` state (draft-edit.ts), one file per request. The type is
 *    decided by the bytes (uploads/sniff.ts): an executable renamed `.pdf` is 415. The size limit is the
 *    deployment's upload limit (413 from the multipart reader).
 *  - Bytes are stored once, by sha256, under `<dataDir>/uploads` (uploads/store.ts); the working copy's
 *    `content.attachments` gets `{ id, name, mime, size, sha256 }`, which the version hash covers once the
 *    copy is published — the served file is the one the chain vouches for.
 *  - Residents download only attachments of the version they can currently see (name masked like the rest
 *    of the public content); officials in scope download those of the working copy and of every version.
 */

/** Attachments per disclosure. */
export const MAX_ATTACHMENTS = 20;
const NAME_CHARS = 200;
const WHAT = '修改附件';

const EXTENSIONS: Record<string, AttachmentType> = { pdf: 'application/pdf', jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };

/**
 * A safe display name for an upload: no folders or control characters, at most 200 characters, and the
 * extension of its real type (`照片.pdf` that is a JPEG becomes `照片.jpg`; `公告` becomes `公告.pdf`).
 */
export function attachmentName(raw: string, mime: AttachmentType): string {
  const base = path.posix.basename(raw.replace(/\\/g, '/')).replace(/[\u0000-\u001f\u007f]/g, '').normalize('NFC').trim();
  const m = /\.([A-Za-z0-9]{1,5})$/.exec(base);
  const known = m ? EXTENSIONS[m[1].toLowerCase()] : undefined;
  if (known === mime) return base.length <= NAME_CHARS ? base : base.slice(0, NAME_CHARS - m![0].length) + m![0];
  const stem = (known ? base.slice(0, -m![0].length) : base).trim() || '附件';
  const ext = EXTENSION_OF[mime];
  return stem.slice(0, NAME_CHARS - ext.length) + ext;
}

/**
 * Adds an uploaded file to the draft working copy of disclosure `id`.
 * @throws 415 unless the bytes are a PDF, JPEG, PNG or WebP; 413 over `maxBytes`; 409 when not a draft.
 */
export async function addAttachment(
  store: BlobStore,
  caller: AdminCaller,
  id: string,
  file: { buffer: Buffer; name: string },
  maxBytes: number,
): Promise<AttachmentRef> {
  if (file.buffer.length > maxBytes) throw new AppError(413, 'PAYLOAD_TOO_LARGE', `附件不能超过${Math.floor(maxBytes / 1024 / 1024)}MB`);
  if (file.buffer.length === 0) throw validationFailed('文件是空的', [{ path: 'file', message: '文件是空的' }]);
  const mime = await sniffAllowed(file.buffer, ATTACHMENT_TYPES);
  if (!mime) throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', '附件只能是 PDF 文档或 JPEG、PNG、WebP 图片（按文件内容识别）');
  // Stored before the draft refers to it; an unreferenced file costs only disk space.
  const sha256 = await store.put(file.buffer);
  const ref: AttachmentRef = { id: String(new mongoose.Types.ObjectId()), name: attachmentName(file.name, mime), mime, size: file.buffer.length, sha256 };
  return editDraftContent(caller, id, WHAT, (content) => {
    if (content.attachments.length >= MAX_ATTACHMENTS) throw validationFailed(`附件不能超过${MAX_ATTACHMENTS}个`, [{ path: 'file', message: '附件过多' }]);
    return {
      content: { ...content, attachments: [...content.attachments, ref] },
      result: ref,
      audit: { action: 'disclosure.attachment.add', details: { attachmentId: ref.id, name: ref.name, mime, size: ref.size, sha256 } },
    };
  });
}

/** Removes an attachment from the draft working copy (the stored bytes stay: versions may refer to them). */
export async function removeAttachment(caller: AdminCaller, id: string, attachmentId: string): Promise<void> {
  await editDraftContent(caller, id, WHAT, (content) => {
    const ref = content.attachments.find((a) => a.id === attachmentId);
    if (!ref) throw notFound('附件不存在');
    return {
      content: { ...content, attachments: content.attachments.filter((a) => a.id !== attachmentId) },
      result: undefined,
      audit: { action: 'disclosure.attachment.remove', details: { attachmentId, name: ref.name, sha256: ref.sha256 } },
    };
  });
}

/** A file to send: its reference and bytes. */
export interface AttachmentFile {
  ref: AttachmentRef;
  data: Buffer;
}

async function readFile(store: BlobStore, ref: AttachmentRef | undefined): Promise<AttachmentFile> {
  const data = ref && (await store.read(ref.sha256));
  if (!ref || !data) throw notFound('附件不存在');
  return { ref, data };
}

/** An attachment of the version residents see now (NOT_FOUND for drafts, withdrawn and unknown ones). */
export async function publicAttachment(store: BlobStore, id: string, attachmentId: string): Promise<AttachmentFile> {
  const detail = await getPublicDetail(id);
  return readFile(store, detail.attachments.find((a) => a.id === attachmentId));
}

/** An attachment of the working copy or of any published version, for an official in scope. */
export async function officialAttachment(store: BlobStore, caller: AdminCaller, id: string, attachmentId: string): Promise<AttachmentFile> {
  const rec = await loadForCaller(caller, id);
  const draft = await findDraft(rec._id);
  let ref = draft?.content.attachments.find((a) => a.id === attachmentId);
  for (let v = rec.pub?.version ?? 0; !ref && v > 0; v--) {
    const stored = await versions().findOne({ _id: versionKey(id, v) });
    ref = stored?.content.attachments.find((a) => a.id === attachmentId);
  }
  return readFile(store, ref);
}
