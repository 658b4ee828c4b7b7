import { z } from 'zod';
import { DOMAIN_KEYS } from '../domains';
import { IdSchema, PageSchema, PageSizeSchema, QueryBooleanSchema, RegionCodeSchema, SafeKeySchema, listOf } from './common';
import { CatalogueItemRefSchema } from './disclosures';

/*
 * Residents (WeChat): sign-in, saved villages, follows, subscribe-message consent and the in-app notice inbox.
 * Used by the server (validation, OpenAPI) and the mini-program (forms, types, page paths).
 */

/**
 * Mini-program pages that notices open. A WeChat subscribe message's `page` and an in-app notice's `page`
 * are these paths (no leading slash, as WeChat expects); the mini-program registers its pages under them.
 */
export const MINIPROGRAM_PAGES = {
  /** One disclosure: `?id=<disclosureId>`. */
  disclosure: 'pages/disclosure/index',
  /** The resident's notice inbox (a digest of several notices opens it). */
  notices: 'pages/notices/index',
  /** One of the resident's questions/requests: `?id=<feedbackId>` (owned by the feedback module). */
  feedbackDetail: 'packages/feedback/detail/index',
} as const;

/** The page path of a disclosure, e.g. `pages/disclosure/index?id=65f0…`. */
export function disclosurePagePath(disclosureId: string): string {
  return `${MINIPROGRAM_PAGES.disclosure}?id=${encodeURIComponent(disclosureId)}`;
}

// ---- sign-in -------------------------------------------------------------------------------------------

/** `POST /api/v1/auth/wechat` — the code from `wx.login`. */
export const WechatLoginBodySchema = z.object({
  code: z.string().trim().min(1, '缺少登录凭证').max(128, '登录凭证无效'),
});
export type WechatLoginBody = z.infer<typeof WechatLoginBodySchema>;

/** `POST /api/v1/auth/dev` — development sign-in (GONGKAI_DEV_LOGIN=1 only). */
export const DevLoginBodySchema = z.object({
  openid: z.string().trim().min(1).max(64).regex(/^[\w-]+$/, 'openid 只能包含字母、数字、下划线和连字符'),
});

/** A resident sign-in: an opaque resident token (never the WeChat session_key). */
export const ResidentLoginResponseSchema = z.object({
  token: z.string(),
  expiresAt: z.string(),
  resident: z.object({ id: z.string() }),
});
export type ResidentLoginResponse = z.infer<typeof ResidentLoginResponseSchema>;

// ---- villages ------------------------------------------------------------------------------------------

/** Most villages a resident can save (老家, 现居地 …). */
export const MAX_SAVED_VILLAGES = 5;

/** A village-level region code (12 digits). */
export const VillageCodeSchema = z.string().regex(/^\d{12}$/, '请选择村（社区）级地区');

/** `PUT /api/v1/me/villages` — order kept; the first is the default. */
export const SavedVillagesBodySchema = z.object({
  codes: z
    .array(VillageCodeSchema)
    .max(MAX_SAVED_VILLAGES, `最多保存${MAX_SAVED_VILLAGES}个村（社区）`)
    .refine((c) => new Set(c).size === c.length, '村（社区）不能重复'),
});
export type SavedVillagesBody = z.infer<typeof SavedVillagesBodySchema>;

const RegionPathRefSchema = z.object({ code: z.string(), name: z.string(), displayName: z.string().optional(), level: z.string() });

export const SavedVillageSchema = z.object({
  code: z.string(),
  name: z.string(),
  displayName: z.string(),
  path: z.array(RegionPathRefSchema),
});
export const SavedVillagesSchema = z.object({ codes: z.array(z.string()), items: z.array(SavedVillageSchema) });
export type SavedVillages = z.infer<typeof SavedVillagesSchema>;

// ---- follows -------------------------------------------------------------------------------------------

/** Most follows per resident. */
export const MAX_FOLLOWS = 50;

/**
 * `POST /api/v1/me/follows`: a whole place, a place + domain, or one catalogue item / disclosure there.
 * A follow covers a disclosure when the followed place is the disclosure's region or lies under it and
 * every filter given matches.
 */
export const FollowCreateBodySchema = z.object({
  regionCode: RegionCodeSchema,
  domain: z.enum(DOMAIN_KEYS).optional(),
  catalogueItemId: CatalogueItemRefSchema.optional(),
  disclosureId: IdSchema.optional(),
});
export type FollowCreateBody = z.infer<typeof FollowCreateBodySchema>;

export const FollowSchema = z.object({
  id: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  domain: z.string().optional(),
  domainName: z.string().optional(),
  catalogueItemId: z.string().optional(),
  disclosureId: z.string().optional(),
  createdAt: z.string(),
});
export type Follow = z.infer<typeof FollowSchema>;
export const FollowListSchema = z.object({ items: z.array(FollowSchema) });

export const FollowIdParamsSchema = z.object({ id: z.string().regex(/^[0-9a-f]{24}$/, '无效的关注编号') });

// ---- subscribe-message consent -------------------------------------------------------------------------

/** What `wx.requestSubscribeMessage` reports per template (`filter`: hidden by WeChat's background checks). */
export const CONSENT_RESULTS = ['accept', 'reject', 'ban', 'filter'] as const;
export type ConsentResult = (typeof CONSENT_RESULTS)[number];

/** `POST /api/v1/me/subscribe-consent` — the results of one `wx.requestSubscribeMessage` call. */
export const SubscribeConsentBodySchema = z.object({
  results: z
    .record(SafeKeySchema, z.enum(CONSENT_RESULTS))
    .refine((r) => Object.keys(r).length >= 1 && Object.keys(r).length <= 10, '请提供1到10个模板的订阅结果'),
});
export type SubscribeConsentBody = z.infer<typeof SubscribeConsentBodySchema>;

export const TemplateQuotaSchema = z.object({
  templateId: z.string(),
  /** What the template is for. */
  purpose: z.enum(['disclosure', 'answer', 'other']),
  /** A long-term (政务民生) template: no per-message consent needed. */
  longTerm: z.boolean(),
  /** One-time messages the resident has granted and not yet received. */
  remaining: z.number().int(),
  /** The last result reported for this template. */
  last: z.enum(CONSENT_RESULTS).optional(),
});
export const SubscriptionStatusSchema = z.object({
  templates: z.array(TemplateQuotaSchema),
  /** Template ids reported but not configured on this server (ignored). */
  ignored: z.array(z.string()).optional(),
});
export type SubscriptionStatus = z.infer<typeof SubscriptionStatusSchema>;

// ---- notices -------------------------------------------------------------------------------------------

export const NOTICE_KINDS = ['published', 'updated', 'withdrawn', 'answered', 'extended', 'rejected', 'reminder'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** `GET /api/v1/me/notices?unread=&page=&pageSize=` */
export const NoticeListQuerySchema = z.object({
  unread: QueryBooleanSchema.optional(),
  page: PageSchema,
  pageSize: PageSizeSchema,
});

export const NoticeSchema = z.object({
  id: z.string(),
  kind: z.enum(NOTICE_KINDS),
  title: z.string(),
  body: z.string().optional(),
  disclosureId: z.string().optional(),
  regionCode: z.string().optional(),
  regionName: z.string().optional(),
  domain: z.string().optional(),
  /** Mini-program page to open (see MINIPROGRAM_PAGES). */
  page: z.string(),
  createdAt: z.string(),
  read: z.boolean(),
});
export type Notice = z.infer<typeof NoticeSchema>;

/** The contract's list envelope plus the number of unread notices. */
export const NoticeListSchema = listOf(NoticeSchema).extend({ unread: z.number().int() });
export type NoticeList = z.infer<typeof NoticeListSchema>;

/** `POST /api/v1/me/notices/read` — the given ids, or everything with `all: true`. */
export const NoticesReadBodySchema = z
  .object({ ids: z.array(z.string().regex(/^\d{1,12}$/, '无效的通知编号')).max(200).optional(), all: z.boolean().optional() })
  .refine((b) => b.all === true || (b.ids?.length ?? 0) > 0, '请提供要标为已读的通知，或 all: true');
export const NoticesReadResponseSchema = z.object({ marked: z.number().int(), unread: z.number().int() });

// ---- admin: delivery of one disclosure's notices -------------------------------------------------------

export const DeliveryCountsSchema = z.object({
  /** WeChat messages planned (residents with quota or a long-term template). */
  planned: z.number().int(),
  sent: z.number().int(),
  /** Sent inside a digest message with other notices. */
  digested: z.number().int(),
  /** The worker stopped between sending and recording; counted as sent, never re-sent. */
  unconfirmed: z.number().int(),
  /** No quota left when it was this resident's turn (the inbox notice stands). */
  skipped: z.number().int(),
  pending: z.number().int(),
  failed: z.number().int(),
  /** Failures by reason (`refused`, `bad-openid`, `busy` …). */
  failedByReason: z.record(z.string(), z.number().int()),
  /** Failed for a reason worth retrying (re-queued by `resend`). */
  retryable: z.number().int(),
});
export const DisclosureNoticeEventSchema = z.object({
  kind: z.string(),
  version: z.number().int(),
  at: z.string(),
  status: z.string(),
  /** Residents who got the in-app notice. */
  inApp: z.number().int(),
  wechat: DeliveryCountsSchema,
});
export const DisclosureNoticeStatsSchema = z.object({
  disclosureId: z.string(),
  regionCode: z.string().optional(),
  inApp: z.number().int(),
  wechat: DeliveryCountsSchema,
  events: z.array(DisclosureNoticeEventSchema),
});
export type DisclosureNoticeStats = z.infer<typeof DisclosureNoticeStatsSchema>;
export const NoticeResendResponseSchema = z.object({ requeued: z.number().int() });
