import type Router from '@koa/router';
import type { Context, Next } from 'koa';
import { AttachmentDownloadQuerySchema, AttachmentParamsSchema, AttachmentRefSchema, DisclosureIdParamsSchema } from '@gongkai/shared';
import type { AppDeps } from '../../app';
import { adminOf, requireAdmin } from '../../http/auth';
import { doc } from '../../http/openapi';
import { input, validate } from '../../http/validate';
import { contentDisposition, singleFileUpload, uploadedFile } from '../../uploads/multipart';
import { EXTENSION_OF, type AttachmentType } from '../../uploads/sniff';
import { BlobStore } from '../../uploads/store';
import { addAttachment, officialAttachment, publicAttachment, removeAttachment, type AttachmentFile } from './attachments';
import { precheckDraftEdit } from './draft-edit';

const fileReq = { params: AttachmentParamsSchema, query: AttachmentDownloadQuerySchema };
const byId = { params: DisclosureIdParamsSchema };
const byAttachment = { params: AttachmentParamsSchema };

/**
 * Sends a stored attachment: its real type, `nosniff`, the name per RFC 5987 (`inline`, or `attachment`
 * with `?download=1`) and the sha256 as ETag (a conditional request gets 304).
 */
function send(ctx: Context, f: AttachmentFile, download: boolean, cache: string): void {
  const fallback = `attachment-${f.ref.id}${EXTENSION_OF[f.ref.mime as AttachmentType] ?? ''}`;
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.set('Content-Disposition', contentDisposition(download ? 'attachment' : 'inline', f.ref.name, fallback));
  ctx.set('Cache-Control', cache);
  ctx.etag = f.ref.sha256;
  ctx.type = f.ref.mime;
  ctx.status = 200;
  if (ctx.fresh) {
    ctx.status = 304;
    return;
  }
  ctx.body = f.data;
}

/** `GET /api/v1/disclosures/:id/attachments/:attachmentId` on the public disclosures router. */
export function publicAttachmentRoutes(router: Router, deps: Pick<AppDeps, 'config'>): void {
  const store = BlobStore.under(deps.config.dataDir);
  router.get(
    '/:id/attachments/:attachmentId',
    doc({ summary: '下载公开信息的附件（仅当前发布版本）', description: '?download=1 以附件方式下载。', tags: ['disclosures'], produces: 'application/octet-stream' }),
    validate(fileReq),
    async (ctx) => {
      const { params, query } = input(ctx, fileReq);
      // Revalidated every time: a withdrawn disclosure's files must disappear from caches too.
      send(ctx, await publicAttachment(store, params.id, params.attachmentId), !!query.download, 'public, no-cache');
    },
  );
}

/** Upload, delete and officials' download of attachments, on the admin disclosures router. */
export function adminAttachmentRoutes(router: Router, deps: Pick<AppDeps, 'config'>): void {
  const store = BlobStore.under(deps.config.dataDir);
  const maxBytes = Math.floor(deps.config.uploadLimitBytes);
  const tags = ['admin-disclosures'];
  // Role, scope and draft state are checked before the upload is read.
  const precheck = async (ctx: Context, next: Next) => {
    await precheckDraftEdit(adminOf(ctx), input(ctx, byId).params.id, '修改附件');
    await next();
  };

  router.post(
    '/:id/attachments',
    doc({
      summary: '为草稿上传附件（multipart 字段 file；PDF 或 JPEG/PNG/WebP，按内容识别）',
      description: `单个文件不超过 ${Math.floor(maxBytes / 1024 / 1024)}MB；其他类型 415，过大 413；仅草稿可上传（否则 409）。`,
      tags,
      response: AttachmentRefSchema,
      status: 201,
    }),
    requireAdmin('editor'),
    validate(byId),
    precheck,
    singleFileUpload(maxBytes, 0),
    async (ctx) => {
      const file = uploadedFile(ctx, '附件');
      ctx.body = await addAttachment(store, adminOf(ctx), input(ctx, byId).params.id, file, maxBytes);
      ctx.status = 201;
    },
  );

  router.delete('/:id/attachments/:attachmentId', doc({ summary: '删除草稿中的附件', tags, status: 204 }), requireAdmin('editor'), validate(byAttachment), async (ctx) => {
    const { id, attachmentId } = input(ctx, byAttachment).params;
    await removeAttachment(adminOf(ctx), id, attachmentId);
    ctx.status = 204;
  });

  router.get(
    '/:id/attachments/:attachmentId',
    doc({ summary: '下载附件（草稿及各发布版本，限本辖区）', tags, produces: 'application/octet-stream' }),
    requireAdmin(),
    validate(fileReq),
    async (ctx) => {
      const { params, query } = input(ctx, fileReq);
      send(ctx, await officialAttachment(store, adminOf(ctx), params.id, params.attachmentId), !!query.download, 'private, no-cache');
    },
  );
}
