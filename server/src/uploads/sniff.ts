import FileType from 'file-type';

/*
 * What an upload really is, decided by its bytes (file-type reads the magic numbers of ~150 formats), never
 * by its name or the type the client declared. Shared by every upload endpoint: feedback images and
 * disclosure attachments; xlsx imports are checked by their zip directory (xlsx-guard.ts).
 */

/** Image types residents and officials may upload. */
export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type ImageType = (typeof IMAGE_TYPES)[number];

/** Types a disclosure attachment may have: PDF documents and the image types. */
export const ATTACHMENT_TYPES = ['application/pdf', ...IMAGE_TYPES] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

/** The usual file extension of each accepted type (for download names). */
export const EXTENSION_OF: Record<AttachmentType, string> = {
  'application/pdf': '.pdf',
  'image/jpeg': '.jpg',
  'image/png': '.png',
  'image/webp': '.webp',
};

/** The type of a buffer by its content (`{ mime, ext }`), or undefined when no known format matches. */
export async function sniffType(data: Buffer): Promise<{ mime: string; ext: string } | undefined> {
  const r = await FileType.fromBuffer(data);
  return r ? { mime: r.mime, ext: r.ext } : undefined;
}

/**
 * The type of `data` if it is one of `allowed`, else undefined (an executable renamed `.pdf`, a text file
 * renamed `.jpg`, a GIF where only JPEG/PNG/WebP are allowed …).
 */
export async function sniffAllowed<T extends string>(data: Buffer, allowed: readonly T[]): Promise<T | undefined> {
  const t = await sniffType(data);
  return t && (allowed as readonly string[]).includes(t.mime) ? (t.mime as T) : undefined;
}
