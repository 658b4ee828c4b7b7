import multer from '@koa/multer';
import type { Context, Middleware } from 'koa';
import { AppError, validationFailed } from '../http/errors';

/*
 * One multipart file per request, held in memory (uploads are a few MB at most). File names are read as
 * UTF-8 (browsers send 征地补偿方案.pdf as raw UTF-8 bytes; busboy's default would garble them as latin1).
 */

/**
 * Middleware that reads one file from the multipart field `file` (at most `maxBytes`; larger → 413 through
 * the error middleware) plus up to `fields` text fields.
 */
export function singleFileUpload(maxBytes: number, fields = 2): Middleware {
  const options = {
    storage: multer.memoryStorage(),
    // busboy needs integers: a fractional limit (e.g. GONGKAI_UPLOAD_LIMIT_MB=0.5) would break its checks.
    limits: { fileSize: Math.floor(maxBytes), files: 1, fields, parts: fields + 1 },
    defParamCharset: 'utf8',
  } as multer.Options;
  return multer(options).single('file') as unknown as Middleware;
}

/** The uploaded file: 415 when the request was not multipart, 400 when the `file` field is missing. */
export function uploadedFile(ctx: Context, what: string): { buffer: Buffer; name: string } {
  const file = ctx.file;
  if (!file) {
    if (!ctx.is('multipart')) throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', `请以 multipart/form-data 上传${what}（字段名 file）`);
    throw validationFailed(`请选择要上传的${what}`, [{ path: 'file', message: '缺少文件' }]);
  }
  return { buffer: file.buffer, name: file.originalname ?? '' };
}

/** A text field of the multipart form (trimmed; undefined when absent or empty). */
export function formField(ctx: Context, name: string): string | undefined {
  const v = (ctx.request as { body?: Record<string, unknown> }).body?.[name];
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

/**
 * A `Content-Disposition` value with an ASCII fallback name and the real (Chinese) name encoded per
 * RFC 5987/6266 (`filename*=UTF-8''…`), which every current browser and WeChat's downloader understand.
 */
export function contentDisposition(kind: 'inline' | 'attachment', name: string, fallback: string): string {
  const ascii = fallback.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
