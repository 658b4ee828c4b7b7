import type { Context, Next } from 'koa';
import { AppError } from './errors';

interface MongoLikeError {
  name?: string;
  code?: number;
  keyValue?: Record<string, unknown>;
  keyPattern?: Record<string, unknown>;
}

interface HttpLikeError {
  status?: number;
  statusCode?: number;
  expose?: boolean;
  type?: string;
  message?: string;
}

/** Maps errors thrown by libraries we use onto AppError; undefined for unknown errors. */
export function toAppError(err: unknown): AppError | undefined {
  if (err instanceof AppError) return err;
  const m = err as MongoLikeError;
  if (m && m.code === 11000) {
    const fields = Object.keys(m.keyPattern ?? m.keyValue ?? {});
    return new AppError(409, 'CONFLICT', '记录已存在，不能重复', fields.length ? { fields } : undefined);
  }
  if (m && m.name === 'ValidationError') {
    return new AppError(400, 'VALIDATION_FAILED', '提交的内容有误');
  }
  if (m && m.name === 'CastError') {
    return new AppError(400, 'VALIDATION_FAILED', '参数格式不正确');
  }
  const h = err as HttpLikeError;
  const status = h?.status ?? h?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    // Errors raised by koa/co-body/multer with an HTTP status.
    if (status === 413 || h.type === 'entity.too.large' || (h as { code?: string }).code === 'LIMIT_FILE_SIZE') {
      return new AppError(413, 'PAYLOAD_TOO_LARGE', '提交的内容过大');
    }
    if (status === 415) return new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', '不支持的内容类型');
    if (status === 400) return new AppError(400, 'VALIDATION_FAILED', '请求格式不正确（JSON 无法解析）');
    if (status === 401) return new AppError(401, 'UNAUTHENTICATED', '请先登录');
    if (status === 403) return new AppError(403, 'FORBIDDEN', '没有权限进行此操作');
    if (status === 404) return new AppError(404, 'NOT_FOUND', '内容不存在');
    return new AppError(status, 'BAD_REQUEST', h.expose && h.message ? h.message : '请求无法处理');
  }
  const code = (err as { code?: string })?.code;
  if (typeof code === 'string' && code.startsWith('LIMIT_')) {
    // multer limits (file count, field size ...)
    return new AppError(code === 'LIMIT_FILE_SIZE' ? 413 : 400, code === 'LIMIT_FILE_SIZE' ? 'PAYLOAD_TOO_LARGE' : 'VALIDATION_FAILED', '上传的文件不符合要求');
  }
  return undefined;
}

/**
 * The one error middleware: every failure leaves as the contract's error body. Unknown errors become
 * INTERNAL (500) with nothing leaked, and are logged with the request id.
 */
export async function errorMiddleware(ctx: Context, next: Next): Promise<void> {
  try {
    await next();
    if (ctx.body === undefined || ctx.body === null) {
      if (ctx.status === 404) throw new AppError(404, 'NOT_FOUND', '接口不存在');
      if (ctx.status === 405) throw new AppError(405, 'METHOD_NOT_ALLOWED', '不支持的请求方法');
      if (ctx.status === 501) throw new AppError(501, 'NOT_IMPLEMENTED', '不支持的请求方法');
    }
  } catch (err) {
    const known = toAppError(err);
    const e = known ?? new AppError(500, 'INTERNAL', '服务器内部错误，请稍后再试');
    if (!known) {
      ctx.state.log?.error({ err }, 'unhandled error');
    } else if (e.status >= 500) {
      ctx.state.log?.error({ err }, e.message);
    }
    ctx.status = e.status;
    ctx.body = { error: { code: e.code, message: e.message, ...(e.details !== undefined ? { details: e.details } : {}) } };
  }
}
