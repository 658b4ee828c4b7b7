import Taro from '@tarojs/taro';
import {
  FeedbackCreatedSchema,
  FeedbackImageSchema,
  MyFeedbackDetailSchema,
  MyFeedbackListSchema,
  type FeedbackCreated,
  type FeedbackImage,
  type FeedbackRatingScore,
  type FeedbackSubmitBody,
  type MyFeedbackDetail,
  type MyFeedbackSummary,
  type Page,
} from '@gongkai/shared';
import { isWeapp } from '../config';
import { messageFor } from '../i18n/zh';
import { loadWithCache, type Loaded } from './cache';
import { ApiError, apiUrl, request } from './request';
import { ensureToken } from './session';

/**
 * Questions, feedback and requests (`/api/v1/feedback`, `/api/v1/me/feedback`): submit with an
 * Idempotency-Key (retried on weak networks: the server turns a repeat into the same submission), image
 * uploads, the resident's own items and rating.
 */

/** A fresh Idempotency-Key for a form draft (kept with the draft, so every retry reuses it). */
export function newIdempotencyKey(): string {
  const bytes = new Uint8Array(16);
  const c = (globalThis as { crypto?: { getRandomValues?: (a: Uint8Array) => Uint8Array } }).crypto;
  if (c?.getRandomValues) c.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  return `fb-${Date.now().toString(36)}-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * `POST /api/v1/feedback` with `Idempotency-Key: key`. Network failures, timeouts and gateway errors are
 * retried with the same key (the server answers a repeat with the first submission, 200).
 */
export function submitFeedback(body: FeedbackSubmitBody, key: string, retries?: number): Promise<FeedbackCreated> {
  return request('/api/v1/feedback', {
    method: 'POST',
    body,
    auth: true,
    idempotent: true,
    retries,
    headers: { 'Idempotency-Key': key },
    schema: FeedbackCreatedSchema,
  });
}

/** A picked image, ready to upload: a temp file path (weapp) or a File (H5). */
export interface PickedImage {
  /** What a preview `Image` shows (a temp path, or a blob: URL on H5). */
  preview: string;
  /** weapp: the temp file path. */
  path?: string;
  /** H5: the file itself. */
  file?: Blob;
}

function uploadError(status: number, data: unknown): ApiError {
  let body: unknown = data;
  if (typeof data === 'string') {
    try {
      body = JSON.parse(data);
    } catch {
      body = undefined;
    }
  }
  const err = (body as { error?: { code?: string; message?: string } } | undefined)?.error;
  if (err?.code) return new ApiError(status, err.code, err.message || messageFor(err.code));
  return new ApiError(status, status === 0 ? 'NETWORK' : 'UNKNOWN', messageFor(status === 0 ? 'NETWORK' : 'UNKNOWN'));
}

/**
 * `POST /api/v1/feedback/images` (multipart field `file`): weapp uses `Taro.uploadFile`; H5 posts the File
 * with fetch (a blob: URL fetch would break the site's CSP, which is what Taro's H5 uploadFile does).
 */
export async function uploadImage(img: PickedImage): Promise<FeedbackImage> {
  const token = await ensureToken();
  if (!token) throw new ApiError(401, 'UNAUTHENTICATED', messageFor('SIGN_IN_UNAVAILABLE'));
  const url = apiUrl('/api/v1/feedback/images');
  let status = 0;
  let data: unknown;
  try {
    if (isWeapp() && img.path) {
      const res = await Taro.uploadFile({ url, filePath: img.path, name: 'file', header: { Authorization: `Bearer ${token}` } });
      status = res.statusCode;
      data = res.data;
    } else if (img.file) {
      const form = new FormData();
      form.append('file', img.file, 'image');
      const res = await fetch(url, { method: 'POST', headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' }, body: form });
      status = res.status;
      data = await res.text();
    }
  } catch {
    throw uploadError(0, undefined);
  }
  if (status !== 201 && status !== 200) throw uploadError(status, data);
  const parsed = FeedbackImageSchema.safeParse(typeof data === 'string' ? JSON.parse(data) : data);
  if (!parsed.success) throw new ApiError(status, 'BAD_RESPONSE', messageFor('BAD_RESPONSE'));
  return parsed.data;
}

/** 我的留言: the resident's items, newest first. */
export function loadMyFeedback(page = 1): Promise<Loaded<Page<MyFeedbackSummary>>> {
  return loadWithCache('lists', `my-feedback:${page}`, () => request('/api/v1/me/feedback', { query: { page, pageSize: 20 }, auth: true, schema: MyFeedbackListSchema }));
}

/** One of the resident's items with its timeline, deadline and answer. */
export function loadMyFeedbackItem(id: string): Promise<Loaded<MyFeedbackDetail>> {
  return loadWithCache('details', `my-feedback:${id}`, () => request(`/api/v1/me/feedback/${encodeURIComponent(id)}`, { auth: true, schema: MyFeedbackDetailSchema }));
}

/** Rates an answer (once). Resolves with the item as it is now. */
export async function rateFeedback(id: string, score: FeedbackRatingScore, comment?: string): Promise<MyFeedbackDetail> {
  return request(`/api/v1/me/feedback/${encodeURIComponent(id)}/rating`, {
    method: 'POST',
    body: comment ? { score, comment } : { score },
    auth: true,
    schema: MyFeedbackDetailSchema,
  });
}
