import crypto from 'crypto';
import Router from '@koa/router';
import multer from '@koa/multer';
import type { Context, Next } from 'koa';
import {
  FeedbackCreatedSchema,
  FeedbackIdParamsSchema,
  FeedbackImageParamsSchema,
  FeedbackImageSchema,
  FeedbackRatingBodySchema,
  FeedbackSubmitBodySchema,
  IdempotencyKeySchema,
  MyFeedbackDetailSchema,
  MyFeedbackListSchema,
  MyFeedbackQuerySchema,
  PublicFeedbackListSchema,
  PublicFeedbackQuerySchema,
} from '@gongkai/shared';
import type { ResolvedDeps } from '../../app';
import { requireResident, residentOf } from '../../http/auth';
import { AppError, notFound, validationFailed } from '../../http/errors';
import { doc } from '../../http/openapi';
import { input, toFieldIssues, validate } from '../../http/validate';
import { ImageStore, maxImageBytes, saveImage } from './images';
import type { FeedbackRecord } from './model';
import { listPublicFeedback } from './public';
import { DistinctRateLimiter, checkSubmission, feedbackRateLimits, tooMany } from './rate-limit';
import { getMine, listMine, loadOwn, rateFeedback } from './resident';
import { submitFeedback } from './submit';

const submitReq = { body: FeedbackSubmitBodySchema };
const mineReq = { query: MyFeedbackQuerySchema };
const byId = { params: FeedbackIdParamsSchema };
const imageReq = { params: FeedbackImageParamsSchema };
const rateReq = { params: FeedbackIdParamsSchema, body: FeedbackRatingBodySchema };
const publicReq = { query: PublicFeedbackQuerySchema };

/** Sets `Retry-After` on a 429 thrown further down. */
export async function retryAfter(ctx: Context, next: Next): Promise<void> {
  try {
    await next();
  } catch (err) {
    const wait = (err as AppError)?.code === 'RATE_LIMITED' ? ((err as AppError).details as { retryAfterSeconds?: number })?.retryAfterSeconds : undefined;
    if (wait) ctx.set('Retry-After', String(wait));
    throw err;
  }
}

/** The `Idempotency-Key` header, checked (VALIDATION_FAILED when malformed). */
function idempotencyKeyOf(ctx: Context): string | undefined {
  const raw = ctx.get('Idempotency-Key');
  if (!raw) return undefined;
  const r = IdempotencyKeySchema.safeParse(raw);
  if (!r.success) throw validationFailed('Idempotency-Key 不合法', toFieldIssues(r.error).map((i) => ({ ...i, path: 'headers.idempotency-key' })));
  return r.data;
}

/** Sends an image of an item, if it belongs to it. */
export async function sendImage(ctx: Context, store: ImageStore, rec: FeedbackRecord, imageId: string): Promise<void> {
  const ref = rec.images.find((i) => i.id === imageId);
  const data = ref && (await store.read(imageId));
  if (!ref || !data) throw notFound('图片不存在');
  ctx.type = ref.mime;
  ctx.set('Cache-Control', 'private, max-age=86400');
  ctx.set('Content-Disposition', 'inline');
  ctx.body = data;
}

/**
 * Residents' and public endpoints: submit (with Idempotency-Key and rate limits), upload images, list and
 * read their own items, rate an answer; the public Q&A list.
 */
export function feedbackRoutes(deps: ResolvedDeps): Router {
  const router = new Router({ prefix: '/api/v1' });
  const tags = ['feedback'];
  const limiter = new DistinctRateLimiter();
  const store = ImageStore.under(deps.config.dataDir);
  const maxBytes = maxImageBytes(deps.config.uploadLimitBytes);
  const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: maxBytes, files: 1, fields: 2, parts: 3 } });

  router.post(
    '/feedback',
    doc({
      summary: '提交咨询、意见建议或依申请公开申请',
      description:
        '可带 Idempotency-Key 请求头：同一居民同一键重复提交返回同一条记录（200），不会重复创建。按居民和 IP 限流（429 RATE_LIMITED，带 Retry-After）。',
      tags,
      response: FeedbackCreatedSchema,
      status: 201,
    }),
    retryAfter,
    requireResident(),
    validate(submitReq),
    async (ctx) => {
      const resident = residentOf(ctx);
      const key = idempotencyKeyOf(ctx);
      const { created, item } = await submitFeedback(deps, resident, input(ctx, submitReq).body, {
        idempotencyKey: key,
        beforeCreate: () => checkSubmission(limiter, resident.id, ctx.ip, key ?? crypto.randomUUID()),
      });
      ctx.status = created ? 201 : 200;
      ctx.body = item;
    },
  );

  router.post(
    '/feedback/images',
    doc({
      summary: '上传诉求图片（multipart 字段 file；JPEG/PNG/WebP，按文件内容识别，单张不超过 5MB）',
      description: '返回图片 id，提交诉求时放入 images（最多 3 张）。24 小时内未使用的图片会被删除。',
      tags,
      response: FeedbackImageSchema,
      status: 201,
    }),
    retryAfter,
    requireResident(),
    async (ctx, next) => {
      const l = feedbackRateLimits();
      const wait = limiter.hit(`upload:${residentOf(ctx).id}`, crypto.randomUUID(), l.uploadsPerResident, l.windowMs);
      if (wait) throw tooMany(wait, 'upload');
      await next();
    },
    upload.single('file'),
    async (ctx) => {
      const file = ctx.file;
      if (!file) {
        if (!ctx.is('multipart')) throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 上传图片（字段名 file）');
        throw validationFailed('请选择要上传的图片', [{ path: 'file', message: '缺少文件' }]);
      }
      ctx.body = await saveImage(store, residentOf(ctx).id, file.buffer, maxBytes);
      ctx.status = 201;
    },
  );

  router.get('/me/feedback', doc({ summary: '我的咨询、建议和申请（最新在前）', tags, response: MyFeedbackListSchema }), requireResident(), validate(mineReq), async (ctx) => {
    ctx.body = await listMine(deps, residentOf(ctx), input(ctx, mineReq).query);
  });

  router.get(
    '/me/feedback/:id',
    doc({ summary: '我的一条诉求：办理过程、答复、期限与剩余工作日、延期说明', tags, response: MyFeedbackDetailSchema }),
    requireResident(),
    validate(byId),
    async (ctx) => {
      ctx.body = await getMine(deps, residentOf(ctx), input(ctx, byId).params.id);
    },
  );

  router.get('/me/feedback/:id/images/:imageId', doc({ summary: '我上传的诉求图片', tags, produces: 'image/*' }), requireResident(), validate(imageReq), async (ctx) => {
    const { id, imageId } = input(ctx, imageReq).params;
    await sendImage(ctx, store, await loadOwn(residentOf(ctx).id, id), imageId);
  });

  router.post(
    '/me/feedback/:id/rating',
    doc({ summary: '评价答复（仅一次）：1 不满意，2 基本满意，3 满意', tags, response: MyFeedbackDetailSchema }),
    requireResident(),
    validate(rateReq),
    async (ctx) => {
      const { params, body } = input(ctx, rateReq);
      ctx.body = await rateFeedback(deps, residentOf(ctx), params.id, body);
    },
  );

  router.get(
    '/feedback/public',
    doc({
      summary: '公开的问答（回应）：已答复且同意公开，匿名并脱敏',
      description: 'region 为村时包含本村、所属乡镇和县（市、区）的问答；disclosureId 为某条公开信息下的回应。',
      tags,
      response: PublicFeedbackListSchema,
    }),
    validate(publicReq),
    async (ctx) => {
      ctx.set('Cache-Control', 'public, max-age=60');
      ctx.body = await listPublicFeedback(deps, input(ctx, publicReq).query);
    },
  );

  return router;
}
