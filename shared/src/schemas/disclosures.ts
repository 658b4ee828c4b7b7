import { z } from 'zod';
import { CATALOGUE_LEVELS, DISCLOSURE_STAGES } from './catalogue';
import { CatalogueItemViewSchema } from './catalogue-admin';
import { DomainKeySchema } from './domains';
import { DateTimeSchema, IdSchema, PaginationQuerySchema, QueryBooleanSchema, RegionCodeSchema, SafeKeySchema, listOf } from './common';

/*
 * Disclosures (政务公开信息): request and response shapes of the public and admin endpoints.
 * Workflow: draft → pending → (scheduled →) published → (next version … | withdrawn). A published
 * disclosure's edits form a "working copy" (the next version) that goes through review again while the
 * public keeps seeing the last published version.
 */

/** Status of a disclosure. Before the first publication it is the working copy's state. */
export const DISCLOSURE_STATUSES = ['draft', 'pending', 'scheduled', 'published', 'withdrawn'] as const;
export type DisclosureStatus = (typeof DISCLOSURE_STATUSES)[number];
export const DISCLOSURE_STATUS_LABELS: Record<DisclosureStatus, string> = {
  draft: '草稿',
  pending: '待审核',
  scheduled: '待定时发布',
  published: '已发布',
  withdrawn: '已撤回',
};

/** States of a working copy (an unpublished version being edited, reviewed or waiting for its time). */
export const WORKING_STATES = ['draft', 'pending', 'scheduled'] as const;
export type WorkingState = (typeof WORKING_STATES)[number];

/** Kinds of personal data a table column may hold (masked by kind in public responses). */
export const PII_KINDS = ['id-number', 'phone', 'name', 'bank-account', 'address'] as const;
export const PII_KIND_LABELS: Record<(typeof PII_KINDS)[number], string> = {
  'id-number': '身份证号',
  phone: '手机号',
  name: '姓名',
  'bank-account': '银行账号',
  address: '住址',
};

/** Body formats: plain text (shown as text) or rich text (sanitized HTML with basic tags). */
export const BODY_FORMATS = ['text', 'html'] as const;
export type BodyFormat = (typeof BODY_FORMATS)[number];

/** Size limits of a disclosure's content (the xlsx import and the forms use them too). */
export const DISCLOSURE_LIMITS = {
  title: 200,
  body: 50_000,
  tables: 20,
  tableTitle: 100,
  columns: 40,
  label: 50,
  rows: 5_000,
  cell: 500,
  /** rows × columns over all tables. */
  cells: 100_000,
  relatedIds: 20,
  publisher: 100,
  contact: 200,
  comment: 500,
} as const;

const L = DISCLOSURE_LIMITS;
const text = (what: string, max: number) => z.string().trim().min(1, `请填写${what}`).max(max, `${what}不能超过${max}个字`);

/** A table column: `key` is stored as a document key (SafeKeySchema), `pii` marks personal data. */
export const TableColumnSchema = z.object({
  key: SafeKeySchema,
  label: text('列名', L.label),
  pii: z.enum(PII_KINDS, { error: '无效的个人信息类型' }).optional(),
});

/** A cell: text, number, boolean or empty. */
export const TableCellSchema = z.union(
  [z.string().max(L.cell, `单元格内容不能超过${L.cell}个字`), z.number().finite(), z.boolean(), z.null()],
  { error: '单元格只能是文字、数字、是否或空' },
);

/** A row: `{ columnKey: value }`. */
export const TableRowSchema = z.record(SafeKeySchema, TableCellSchema);

/** A structured list (e.g. a per-household compensation list). Row keys must be the table's column keys. */
export const DisclosureTableSchema = z
  .object({
    title: text('表格标题', L.tableTitle),
    columns: z.array(TableColumnSchema).min(1, '表格至少需要一列').max(L.columns, `表格不能超过${L.columns}列`),
    rows: z.array(TableRowSchema).max(L.rows, `表格不能超过${L.rows}行`),
  })
  .superRefine((t, ctx) => {
    const keys = new Set<string>();
    t.columns.forEach((c, i) => {
      if (keys.has(c.key)) ctx.addIssue({ code: 'custom', path: ['columns', i, 'key'], message: `列标识“${c.key}”重复` });
      keys.add(c.key);
    });
    for (let r = 0; r < t.rows.length; r++) {
      const bad = Object.keys(t.rows[r]).find((k) => !keys.has(k));
      if (bad) {
        ctx.addIssue({ code: 'custom', path: ['rows', r, bad], message: `第${r + 1}行含有未定义的列“${bad}”` });
        return;
      }
    }
  });
export type DisclosureTable = z.infer<typeof DisclosureTableSchema>;

const TablesSchema = z
  .array(DisclosureTableSchema)
  .max(L.tables, `表格不能超过${L.tables}个`)
  .refine((ts) => ts.reduce((n, t) => n + t.rows.length * t.columns.length, 0) <= L.cells, `表格单元格总数不能超过${L.cells}个`);

/** An attachment of a disclosure (added by the attachments endpoints; part of the published content). */
export const AttachmentRefSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().min(1).max(200),
  mime: z.string().min(1).max(100),
  size: z.int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type AttachmentRef = z.infer<typeof AttachmentRefSchema>;

/** A catalogue item reference: its id (24 hex) or its code (`LA-03`, `330304-LA-01`). */
export const CatalogueItemRefSchema = z
  .string()
  .max(32, '无效的目录事项编号')
  .regex(/^([0-9a-f]{24}|[A-Z0-9]+(-[A-Z0-9]+)*)$/, '无效的目录事项编号');

const RelatedIdsSchema = z
  .array(IdSchema)
  .max(L.relatedIds, `关联信息不能超过${L.relatedIds}条`)
  .refine((xs) => new Set(xs).size === xs.length, '关联信息有重复');

/** The content fields an official writes (shared by create and update). */
const contentFields = {
  title: text('标题', L.title),
  body: z.string().max(L.body, `正文不能超过${L.body}个字`),
  /** Omitted: `html` when the body contains tags, else `text`. */
  bodyFormat: z.enum(BODY_FORMATS).optional(),
  stage: z.enum(DISCLOSURE_STAGES, { error: '无效的五公开环节' }),
  tables: TablesSchema,
  /** The date the information was formed or changed, or the catalogue item's event (YYYY-MM-DD or ISO time). */
  eventDate: DateTimeSchema,
  /** Posting period (公示期); a date means the whole day in China time. */
  validFrom: DateTimeSchema,
  validTo: DateTimeSchema,
  /** Other published disclosures this one belongs with (policy ↔ 解读); linked both ways on publication. */
  relatedIds: RelatedIdsSchema,
  /** Responsible body shown to residents; default: the region's name and the catalogue item's 公开主体. */
  publisher: text('发布机关', L.publisher),
  /** Where residents can ask (an office phone or address); shown as written. */
  contact: z.string().trim().max(L.contact, `联系方式不能超过${L.contact}个字`),
};

function checkWindow(b: { validFrom?: string | null; validTo?: string | null }, ctx: z.RefinementCtx) {
  if (b.validFrom && b.validTo && Date.parse(b.validFrom) > Date.parse(b.validTo)) {
    ctx.addIssue({ code: 'custom', path: ['validTo'], message: '公示结束时间不能早于开始时间' });
  }
}

/** `POST /api/v1/admin/disclosures` → 201 draft. */
export const DisclosureCreateBodySchema = z
  .object({
    catalogueItemId: CatalogueItemRefSchema,
    regionCode: RegionCodeSchema,
    title: contentFields.title,
    body: contentFields.body,
    bodyFormat: contentFields.bodyFormat,
    stage: contentFields.stage.optional(),
    tables: contentFields.tables.optional(),
    eventDate: contentFields.eventDate.optional(),
    validFrom: contentFields.validFrom.optional(),
    validTo: contentFields.validTo.optional(),
    relatedIds: contentFields.relatedIds.optional(),
    publisher: contentFields.publisher.optional(),
    contact: contentFields.contact.optional(),
  })
  .superRefine(checkWindow);
export type DisclosureCreateBody = z.infer<typeof DisclosureCreateBodySchema>;

/**
 * `PATCH /api/v1/admin/disclosures/:id`: the fields to change. The catalogue item and region are fixed.
 * `eventDate`, `validFrom`, `validTo` and `contact` may be `null` to clear them.
 */
export const DisclosureUpdateBodySchema = z
  .strictObject(
    {
      title: contentFields.title.optional(),
      body: contentFields.body.optional(),
      bodyFormat: contentFields.bodyFormat,
      stage: contentFields.stage.optional(),
      tables: contentFields.tables.optional(),
      eventDate: contentFields.eventDate.nullable().optional(),
      validFrom: contentFields.validFrom.nullable().optional(),
      validTo: contentFields.validTo.nullable().optional(),
      relatedIds: contentFields.relatedIds.optional(),
      publisher: contentFields.publisher.optional(),
      contact: contentFields.contact.nullable().optional(),
    },
    { error: (i) => (i.code === 'unrecognized_keys' ? `不能修改的字段：${i.keys.join('、')}` : undefined) },
  )
  .refine((b) => Object.keys(b).length > 0, '没有要修改的内容')
  .superRefine(checkWindow);
export type DisclosureUpdateBody = z.infer<typeof DisclosureUpdateBodySchema>;

/** `POST …/:id/approve`: publish now, or at `publishAt` (a job publishes it then). */
export const ApproveBodySchema = z.object({
  publishAt: z.iso.datetime({ offset: true, error: '定时发布时间须为带时区的时间' }).optional(),
  comment: z.string().trim().max(L.comment, `审核意见不能超过${L.comment}个字`).optional(),
});
export type ApproveBody = z.infer<typeof ApproveBodySchema>;

/** `POST …/:id/return`: back to draft with a comment for the editor. */
export const ReturnBodySchema = z.object({ comment: text('退回意见', L.comment) });

/** `POST …/:id/withdraw`. */
export const WithdrawBodySchema = z.object({
  reason: z.string().trim().min(2, '请填写撤回原因').max(L.comment, `撤回原因不能超过${L.comment}个字`),
});

/** `GET /api/v1/disclosures?region=&domain=&item=&q=&page=&pageSize=` */
export const DisclosureListQuerySchema = PaginationQuerySchema.extend({
  /** The disclosures applying to this region: its own and its ancestors'. Omitted: all. */
  region: RegionCodeSchema.optional(),
  domain: DomainKeySchema.optional(),
  item: CatalogueItemRefSchema.optional(),
  q: z.string().trim().max(50, '搜索词不能超过50个字').optional(),
});
export type DisclosureListQuery = z.infer<typeof DisclosureListQuerySchema>;

/**
 * `GET /api/v1/admin/disclosures?status=&region=&domain=&item=&late=&overdue=&q=&page=`. `status`
 * `published`/`withdrawn` match the disclosure; `draft`/`pending`/`scheduled` match its working copy, so a
 * published disclosure with a pending next version is found under both.
 */
export const AdminDisclosureListQuerySchema = DisclosureListQuerySchema.extend({
  status: z.enum(DISCLOSURE_STATUSES, { error: '无效的状态' }).optional(),
  late: QueryBooleanSchema.optional(),
  overdue: QueryBooleanSchema.optional(),
});
export type AdminDisclosureListQuery = z.infer<typeof AdminDisclosureListQuerySchema>;

/** `:id` of a disclosure. */
export const DisclosureIdParamsSchema = z.object({ id: IdSchema });
/** `:id/versions/:version`. */
export const DisclosureVersionParamsSchema = z.object({
  id: IdSchema,
  version: z.string().regex(/^[1-9]\d{0,5}$/, '版本号须为正整数').transform(Number),
});

/** One entry of the public list (contract fields plus `level`, `catalogueVersion`, `firstPublishedAt`). */
export const DisclosureListItemSchema = z.object({
  id: z.string(),
  title: z.string(),
  domain: DomainKeySchema,
  catalogueItemId: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  stage: z.enum(DISCLOSURE_STAGES),
  /** When the version shown was published. */
  publishedAt: z.string(),
  validFrom: z.string().optional(),
  validTo: z.string().optional(),
  version: z.int(),
  level: z.enum(CATALOGUE_LEVELS),
  catalogueVersion: z.int(),
  firstPublishedAt: z.string(),
});
export type DisclosureListItem = z.infer<typeof DisclosureListItemSchema>;
export const DisclosureListSchema = listOf(DisclosureListItemSchema);

/** A table as residents see it: masked, or hidden once the posting period of a table with personal data ended. */
export const PublicTableSchema = z.union([
  z.object({
    title: z.string(),
    columns: z.array(TableColumnSchema),
    rows: z.array(z.record(z.string(), TableCellSchema)),
    personal: z.boolean(),
    /** sha256 of the table's canonical JSON: the version hash covers tables through these digests. */
    hash: z.string(),
  }),
  z.object({ title: z.string(), hidden: z.literal(true), reason: z.string(), hash: z.string() }),
]);
export type PublicTable = z.infer<typeof PublicTableSchema>;

/** `GET /api/v1/disclosures/:id` (also the admin preview). */
export const DisclosureDetailSchema = DisclosureListItemSchema.extend({
  body: z.string(),
  bodyFormat: z.enum(BODY_FORMATS),
  eventDate: z.string().optional(),
  catalogueItem: CatalogueItemViewSchema,
  tables: z.array(PublicTableSchema),
  attachments: z.array(AttachmentRefSchema),
  publisher: z.string(),
  contact: z.string().optional(),
  /** Published disclosures linked with this one, both directions. */
  relatedIds: z.array(z.string()),
  hash: z.string(),
  prevHash: z.string(),
  /** True for an admin preview of an unpublished working copy (then hash/prevHash are provisional). */
  preview: z.boolean().optional(),
});
export type DisclosureDetail = z.infer<typeof DisclosureDetailSchema>;

/** `GET /api/v1/disclosures/:id/verify` */
export const DisclosureVerifySchema = z.object({
  valid: z.boolean(),
  chain: z.array(
    z.object({ version: z.int(), hash: z.string(), prevHash: z.string(), publishedAt: z.string(), valid: z.boolean() }),
  ),
  withdrawn: z.boolean(),
  /** What failed, in Chinese, when `valid` is false. */
  problems: z.array(z.string()),
});
export type DisclosureVerify = z.infer<typeof DisclosureVerifySchema>;
