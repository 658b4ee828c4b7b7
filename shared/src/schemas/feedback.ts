import { z } from 'zod';
import { IdSchema, PaginationQuerySchema, QueryBooleanSchema, RegionCodeSchema, listOf } from './common';
import { CatalogueItemRefSchema } from './disclosures';

/*
 * Questions, feedback and requests for disclosure (咨询 / 意见建议 / 依申请公开): request and response shapes
 * of the resident, public and admin endpoints. Lifecycle: received → accepted → answered → closed, or
 * rejected (with a reason) from received/accepted. See docs/feedback.md.
 */

export const FEEDBACK_TYPES = ['question', 'suggestion', 'request'] as const;
export type FeedbackType = (typeof FEEDBACK_TYPES)[number];
export const FEEDBACK_TYPE_LABELS: Record<FeedbackType, string> = {
  question: '咨询',
  suggestion: '意见建议',
  request: '依申请公开',
};
/** Tracking number prefixes (`ZX-20261129-0042`). */
export const FEEDBACK_TRACKING_PREFIX: Record<FeedbackType, string> = { question: 'ZX', suggestion: 'JY', request: 'SQ' };

export const FEEDBACK_STATUSES = ['received', 'accepted', 'answered', 'closed', 'rejected'] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];
export const FEEDBACK_STATUS_LABELS: Record<FeedbackStatus, string> = {
  received: '已接收',
  accepted: '已受理',
  answered: '已答复',
  closed: '已办结',
  rejected: '不予受理',
};
/** States in which the item still waits for an answer (the deadline runs; it can become overdue). */
export const FEEDBACK_OPEN_STATUSES: readonly FeedbackStatus[] = ['received', 'accepted'];

/** Response deadlines in working days from receipt (requests: 条例第三十三条; the others: Gongkai's rule). */
export const FEEDBACK_RESPONSE_WORKING_DAYS: Record<FeedbackType, number> = { question: 10, suggestion: 10, request: 20 };
/** A request's deadline may be extended once by at most this many working days (条例第三十三条). */
export const FEEDBACK_MAX_EXTENSION_WORKING_DAYS = 20;

/** How an applicant wants to receive requested information. */
export const FEEDBACK_DELIVERY_METHODS = ['online', 'email', 'post', 'pickup'] as const;
export type FeedbackDelivery = (typeof FEEDBACK_DELIVERY_METHODS)[number];
export const FEEDBACK_DELIVERY_LABELS: Record<FeedbackDelivery, string> = {
  online: '在线答复（小程序内查看）',
  email: '电子邮件',
  post: '邮寄',
  pickup: '当面领取',
};

/** Ratings after an answer. Higher is better. */
export const FEEDBACK_RATING_SCORES = [1, 2, 3] as const;
export type FeedbackRatingScore = (typeof FEEDBACK_RATING_SCORES)[number];
export const FEEDBACK_RATING_LABELS: Record<FeedbackRatingScore, string> = { 1: '不满意', 2: '基本满意', 3: '满意' };

/** Size limits (characters unless noted). */
export const FEEDBACK_LIMITS = {
  contentMin: 5,
  content: 1000,
  purpose: 300,
  address: 200,
  images: 3,
  /** Bytes per image. */
  imageBytes: 5 * 1024 * 1024,
  answer: 5000,
  reason: 500,
  note: 500,
  comment: 300,
  idempotencyKey: 100,
} as const;

/** Image types accepted (checked by content, not by name or declared type). */
export const FEEDBACK_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type FeedbackImageType = (typeof FEEDBACK_IMAGE_TYPES)[number];

const L = FEEDBACK_LIMITS;
const text = (what: string, min: number, max: number) =>
  z.string().trim().min(min, min > 1 ? `${what}至少${min}个字` : `请填写${what}`).max(max, `${what}不能超过${max}个字`);

/** A mainland mobile number or a landline with area code (0577-88888888). Never shown publicly. */
export const ContactPhoneSchema = z
  .string()
  .trim()
  .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, '请填写正确的手机号或带区号的固定电话');

/** The `Idempotency-Key` header: a client-made unique string (a UUID is ideal). */
export const IdempotencyKeySchema = z
  .string()
  .min(8, 'Idempotency-Key 至少8个字符')
  .max(L.idempotencyKey, `Idempotency-Key 不能超过${L.idempotencyKey}个字符`)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'Idempotency-Key 只能包含字母、数字和 _ . : -');

/** Extra fields of a 依申请公开 request (the requested information itself is `content`). */
export const FeedbackRequestFieldsSchema = z
  .object({
    /** What the information will be used for (用途). */
    purpose: text('用途', 1, L.purpose),
    /** How the applicant wants to receive it. */
    delivery: z.enum(FEEDBACK_DELIVERY_METHODS, { error: '请选择获取信息的方式' }),
    /** Postal or e-mail address, required for `post` and `email`; never shown publicly. */
    address: z.string().trim().max(L.address, `地址不能超过${L.address}个字`).optional(),
  })
  .superRefine((r, ctx) => {
    if ((r.delivery === 'post' || r.delivery === 'email') && !r.address) {
      ctx.addIssue({ code: 'custom', path: ['address'], message: r.delivery === 'post' ? '请填写邮寄地址' : '请填写电子邮箱' });
    }
    if (r.delivery === 'email' && r.address && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(r.address)) {
      ctx.addIssue({ code: 'custom', path: ['address'], message: '电子邮箱格式不正确' });
    }
  });
export type FeedbackRequestFields = z.infer<typeof FeedbackRequestFieldsSchema>;

/**
 * `POST /api/v1/feedback`. For a `request`, `content` describes the information requested (名称、文号或描述)
 * and `request` holds purpose and delivery; other types must not send `request`.
 */
export const FeedbackSubmitBodySchema = z
  .object({
    type: z.enum(FEEDBACK_TYPES, { error: '请选择类型：咨询、意见建议或依申请公开' }),
    regionCode: RegionCodeSchema,
    disclosureId: IdSchema.optional(),
    catalogueItemId: CatalogueItemRefSchema.optional(),
    content: text('内容', L.contentMin, L.content),
    /** May the question and its answer be shown publicly (anonymized, masked)? */
    public: z.boolean({ error: '请选择是否同意公开' }),
    contact: ContactPhoneSchema.optional(),
    /** Ids from `POST /api/v1/feedback/images`. */
    images: z
      .array(IdSchema)
      .max(L.images, `图片不能超过${L.images}张`)
      .refine((xs) => new Set(xs).size === xs.length, '图片有重复')
      .optional(),
    request: FeedbackRequestFieldsSchema.optional(),
  })
  .superRefine((b, ctx) => {
    if (b.type === 'request' && !b.request) ctx.addIssue({ code: 'custom', path: ['request'], message: '依申请公开须填写用途和获取方式' });
    if (b.type !== 'request' && b.request) ctx.addIssue({ code: 'custom', path: ['request'], message: '只有依申请公开可以填写申请信息' });
  });
export type FeedbackSubmitBody = z.infer<typeof FeedbackSubmitBodySchema>;

/** 201/200 of `POST /api/v1/feedback` (200 when the Idempotency-Key was seen before). */
export const FeedbackCreatedSchema = z.object({
  id: z.string(),
  trackingNo: z.string(),
  status: z.enum(FEEDBACK_STATUSES),
  dueAt: z.string(),
});
export type FeedbackCreated = z.infer<typeof FeedbackCreatedSchema>;

/** 201 of `POST /api/v1/feedback/images`. */
export const FeedbackImageSchema = z.object({ id: z.string(), mime: z.enum(FEEDBACK_IMAGE_TYPES), size: z.int() });
export type FeedbackImage = z.infer<typeof FeedbackImageSchema>;

/** `POST /api/v1/me/feedback/:id/rating`: 1 不满意, 2 基本满意, 3 满意. */
export const FeedbackRatingBodySchema = z.object({
  score: z.union([z.literal(1), z.literal(2), z.literal(3)], { error: '评价须为 1（不满意）、2（基本满意）或 3（满意）' }),
  comment: z.string().trim().max(L.comment, `评价内容不能超过${L.comment}个字`).optional(),
});
export type FeedbackRatingBody = z.infer<typeof FeedbackRatingBodySchema>;

/** `:id` of a feedback item. */
export const FeedbackIdParamsSchema = z.object({ id: IdSchema });
/** `:id/images/:imageId`. */
export const FeedbackImageParamsSchema = z.object({ id: IdSchema, imageId: IdSchema });

/** `GET /api/v1/me/feedback?page=&pageSize=` */
export const MyFeedbackQuerySchema = PaginationQuerySchema;

/** `GET /api/v1/feedback/public?region=&disclosureId=&type=&page=&pageSize=` */
export const PublicFeedbackQuerySchema = PaginationQuerySchema.extend({
  /** Q&A about this region and its ancestors (a village sees its own, its township's and its county's). */
  region: RegionCodeSchema.optional(),
  /** Q&A about one disclosure (its 回应). */
  disclosureId: IdSchema.optional(),
  type: z.enum(FEEDBACK_TYPES, { error: '无效的类型' }).optional(),
});
export type PublicFeedbackQuery = z.infer<typeof PublicFeedbackQuerySchema>;

/** `GET /api/v1/admin/feedback?state=&type=&overdue=&region=&trackingNo=&page=&pageSize=` */
export const AdminFeedbackQuerySchema = PaginationQuerySchema.extend({
  state: z.enum(FEEDBACK_STATUSES, { error: '无效的状态' }).optional(),
  type: z.enum(FEEDBACK_TYPES, { error: '无效的类型' }).optional(),
  /** Only items still open past their deadline (true) or not overdue (false). */
  overdue: QueryBooleanSchema.optional(),
  /** Items assigned to, or about, this region or its subtree (must be in the caller's scope). */
  region: RegionCodeSchema.optional(),
  trackingNo: z.string().trim().max(32).regex(/^[A-Z0-9-]+$/, '无效的受理编号').optional(),
});
export type AdminFeedbackQuery = z.infer<typeof AdminFeedbackQuerySchema>;

const optionalNote = z.string().trim().max(L.note, `说明不能超过${L.note}个字`).optional();

/** `POST …/:id/accept` and `…/:id/close`. */
export const FeedbackNoteBodySchema = z.object({ note: optionalNote });
/** `POST …/:id/reassign`: to a region of the caller's scope. */
export const FeedbackReassignBodySchema = z.object({ regionCode: RegionCodeSchema, note: optionalNote });
/** `POST …/:id/extend` (requests only, once): at most 20 working days, with the reason the applicant sees. */
export const FeedbackExtendBodySchema = z.object({
  workingDays: z
    .int('延长天数须为整数')
    .min(1, '延长天数至少为1个工作日')
    .max(FEEDBACK_MAX_EXTENSION_WORKING_DAYS, `延长期限最长不得超过${FEEDBACK_MAX_EXTENSION_WORKING_DAYS}个工作日`),
  reason: text('延期理由', 2, L.reason),
});
/** `POST …/:id/answer`. `public` (default: what the resident chose) lets the official keep an answer private. */
export const FeedbackAnswerBodySchema = z.object({ text: text('答复内容', 2, L.answer), public: z.boolean().optional() });
/** `POST …/:id/reject`. */
export const FeedbackRejectBodySchema = z.object({ reason: text('不予受理的理由', 2, L.reason) });
export type FeedbackExtendBody = z.infer<typeof FeedbackExtendBodySchema>;
export type FeedbackAnswerBody = z.infer<typeof FeedbackAnswerBodySchema>;

const RegionNameSchema = z.object({ code: z.string(), name: z.string() });

/** One step of an item's history. Residents see no officials' names, only the body (`region`). */
export const FeedbackTimelineEntrySchema = z.object({
  at: z.string(),
  action: z.enum(['received', 'accepted', 'reassigned', 'extended', 'answered', 'rejected', 'closed', 'rated']),
  /** Status after the step. */
  status: z.enum(FEEDBACK_STATUSES),
  /** The responsible body at that step. */
  region: RegionNameSchema,
  note: z.string().optional(),
  /** The official (admin views only). */
  by: z.object({ id: z.string(), username: z.string(), displayName: z.string() }).optional(),
});

const ExtensionSchema = z.object({ workingDays: z.int(), reason: z.string(), at: z.string(), previousDueAt: z.string() });

/** Fields common to every resident/admin view of an item. */
const FeedbackSummaryFields = {
  id: z.string(),
  trackingNo: z.string(),
  type: z.enum(FEEDBACK_TYPES),
  status: z.enum(FEEDBACK_STATUSES),
  /** The region it is about, and the body responsible for it. */
  region: RegionNameSchema,
  assignedRegion: RegionNameSchema,
  disclosureId: z.string().optional(),
  catalogueItemId: z.string().optional(),
  /** The first 40 characters of the content. */
  summary: z.string(),
  public: z.boolean(),
  receivedAt: z.string(),
  /** The response deadline (end of that day, China time), including an extension. */
  dueAt: z.string(),
  /** Working days left up to and including the due date (0: due today; negative: overdue); open items only. */
  remainingWorkingDays: z.int().optional(),
  overdue: z.boolean(),
  extended: z.boolean(),
  answeredAt: z.string().optional(),
  /** Answered (or rejected) after the deadline. */
  late: z.boolean(),
  rating: z.object({ score: z.int(), comment: z.string().optional(), at: z.string() }).optional(),
};

const DetailFields = {
  content: z.string(),
  contact: z.string().optional(),
  request: z.object({ purpose: z.string(), delivery: z.enum(FEEDBACK_DELIVERY_METHODS), address: z.string().optional() }).optional(),
  images: z.array(FeedbackImageSchema.extend({ url: z.string() })),
  timeline: z.array(FeedbackTimelineEntrySchema),
  answer: z.object({ text: z.string(), at: z.string(), public: z.boolean(), region: RegionNameSchema }).optional(),
  extension: ExtensionSchema.optional(),
  rejection: z.object({ reason: z.string(), at: z.string() }).optional(),
  /** Shown in the public Q&A (resident agreed and the answer is public). */
  shownPublicly: z.boolean(),
};

/** One of the resident's own items (`GET /api/v1/me/feedback`). */
export const MyFeedbackSummarySchema = z.object({ ...FeedbackSummaryFields, canRate: z.boolean() });
export type MyFeedbackSummary = z.infer<typeof MyFeedbackSummarySchema>;
export const MyFeedbackListSchema = listOf(MyFeedbackSummarySchema);
/** `GET /api/v1/me/feedback/:id` (the resident's own text, unmasked). */
export const MyFeedbackDetailSchema = MyFeedbackSummarySchema.extend(DetailFields);
export type MyFeedbackDetail = z.infer<typeof MyFeedbackDetailSchema>;

/** One item of the officials' inbox. */
export const AdminFeedbackSummarySchema = z.object(FeedbackSummaryFields);
export const AdminFeedbackListSchema = listOf(AdminFeedbackSummarySchema);
export type AdminFeedbackSummary = z.infer<typeof AdminFeedbackSummarySchema>;
/** `GET /api/v1/admin/feedback/:id` and the result of every action. */
export const AdminFeedbackDetailSchema = AdminFeedbackSummarySchema.extend({
  ...DetailFields,
  answer: DetailFields.answer.unwrap().extend({ by: z.object({ id: z.string(), username: z.string(), displayName: z.string() }) }).optional(),
});
export type AdminFeedbackDetail = z.infer<typeof AdminFeedbackDetailSchema>;

/** One public Q&A: anonymized (no resident, no contact, no images) and masked. */
export const PublicFeedbackItemSchema = z.object({
  id: z.string(),
  type: z.enum(FEEDBACK_TYPES),
  region: RegionNameSchema,
  disclosureId: z.string().optional(),
  catalogueItemId: z.string().optional(),
  content: z.string(),
  askedAt: z.string(),
  answer: z.object({ text: z.string(), at: z.string(), region: RegionNameSchema }),
});
export type PublicFeedbackItem = z.infer<typeof PublicFeedbackItemSchema>;
export const PublicFeedbackListSchema = listOf(PublicFeedbackItemSchema);

/** An official's in-app notice (`GET /api/v1/admin/notices`), e.g. the daily overdue reminder. */
export const AdminNoticeSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  /** Admin console route to open (e.g. `/feedback?overdue=true`). */
  link: z.string().optional(),
  at: z.string(),
  read: z.boolean(),
});
export type AdminNotice = z.infer<typeof AdminNoticeSchema>;
export const AdminNoticeListSchema = listOf(AdminNoticeSchema).extend({ unread: z.int() });
export const AdminNoticeQuerySchema = PaginationQuerySchema.extend({ unread: QueryBooleanSchema.optional() });
/** `POST /api/v1/admin/notices/read`: the ids, or `all`. */
export const AdminNoticeReadBodySchema = z
  .object({ ids: z.array(z.string().min(1).max(100)).max(200).optional(), all: z.boolean().optional() })
  .refine((b) => b.all || (b.ids && b.ids.length > 0), '请指定要标为已读的通知');
