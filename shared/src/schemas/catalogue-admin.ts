import { z } from 'zod';
import { DomainKeySchema } from './domains';
import { QueryBooleanSchema, RegionCodeSchema } from './common';
import {
  CATALOGUE_LEVELS,
  CatalogueItemFieldsSchema,
  CatalogueItemInputSchema,
  CatalogueItemSchema,
} from './catalogue';

/*
 * Request and response shapes of the catalogue endpoints beyond the contract's CatalogueItem: the stored
 * view of an item (with `active`), version history, the admin list, and xlsx import results.
 */

/** A catalogue item as the API returns it: the contract's CatalogueItem plus `active` and the change time. */
export const CatalogueItemViewSchema = CatalogueItemSchema.safeExtend({
  /** False once retired: no longer offered for new disclosures, but still resolvable (and every version). */
  active: z.boolean(),
  /** When this version was made (ISO 8601). */
  updatedAt: z.string().optional(),
});
export type CatalogueItemView = z.infer<typeof CatalogueItemViewSchema>;

/** `{ items: [CatalogueItemView] }` */
export const CatalogueViewListSchema = z.object({ items: z.array(CatalogueItemViewSchema) });

/** `:id` of an item: its id (24 hex) or its code (`LA-03`, `330304-LA-01`). */
export const CatalogueIdParamsSchema = z.object({
  id: z
    .string()
    .max(32, '无效的目录事项编号')
    .regex(/^([0-9a-f]{24}|[A-Z0-9]+(-[A-Z0-9]+)*)$/, '无效的目录事项编号'),
});

/** A version number from a query string. */
const VersionQuerySchema = z
  .string()
  .regex(/^[1-9]\d{0,5}$/, '版本号须为正整数')
  .transform(Number);

/** `GET /api/v1/catalogue/:id?version=` (a past version when given). */
export const CatalogueItemQuerySchema = z.object({ version: VersionQuerySchema.optional() });

/** `GET /api/v1/admin/catalogue?domain=&level=&region=&active=&local=` */
export const CatalogueAdminQuerySchema = z.object({
  domain: DomainKeySchema.optional(),
  level: z.enum(CATALOGUE_LEVELS, { error: '无效的公开层级' }).optional(),
  /** A region in the caller's scope: the items that apply to it and the local items owned under it. */
  region: RegionCodeSchema.optional(),
  active: QueryBooleanSchema.optional(),
  local: QueryBooleanSchema.optional(),
});
export type CatalogueAdminQuery = z.infer<typeof CatalogueAdminQuerySchema>;

/** `POST /api/v1/admin/catalogue`: the item and its owner (a county or township; '33' for a province item). */
export const CatalogueCreateBodySchema = CatalogueItemInputSchema.safeExtend({ regionCode: RegionCodeSchema });
export type CatalogueCreateBody = z.infer<typeof CatalogueCreateBodySchema>;

const nullable = <T extends z.ZodTypeAny>(s: T) => s.nullable().optional();

/**
 * `PATCH /api/v1/admin/catalogue/:id`: the fields to change (domain, code and owner are fixed).
 * `otherChannel`/`audienceNote` may be `null` to clear them. The merged item is validated as a whole.
 */
export const CatalogueUpdateBodySchema = z
  .strictObject(
    {
      ...CatalogueItemFieldsSchema.omit({ domain: true, otherChannel: true, audienceNote: true }).partial().shape,
      otherChannel: nullable(CatalogueItemFieldsSchema.shape.otherChannel.unwrap()),
      audienceNote: nullable(CatalogueItemFieldsSchema.shape.audienceNote.unwrap()),
    },
    { error: (i) => (i.code === 'unrecognized_keys' ? `不能修改的字段：${i.keys.join('、')}` : undefined) },
  )
  .refine((b) => Object.keys(b).length > 0, '没有要修改的内容');
export type CatalogueUpdateBody = z.infer<typeof CatalogueUpdateBodySchema>;

/** Where a version came from. */
export const CATALOGUE_VERSION_SOURCES = ['seed', 'create', 'update', 'import'] as const;
export type CatalogueVersionSource = (typeof CATALOGUE_VERSION_SOURCES)[number];

/** One stored version of an item. */
export const CatalogueVersionSchema = z.object({
  version: z.int().min(1),
  createdAt: z.string(),
  source: z.enum(CATALOGUE_VERSION_SOURCES),
  /** The official who made it; absent for the seed. */
  author: z.object({ id: z.string(), username: z.string() }).optional(),
  item: CatalogueItemViewSchema,
});
export type CatalogueVersion = z.infer<typeof CatalogueVersionSchema>;

/** `GET /api/v1/admin/catalogue/:id/versions` (newest first). */
export const CatalogueVersionListSchema = z.object({ items: z.array(CatalogueVersionSchema) });

/** `GET /api/v1/admin/catalogue/export.xlsx?domain=&region=` */
export const CatalogueExportQuerySchema = z.object({
  domain: DomainKeySchema.optional(),
  region: RegionCodeSchema.optional(),
});

/** `POST /api/v1/admin/catalogue/import?region=&domain=&dryRun=` (multipart field `file`). */
export const CatalogueImportQuerySchema = z.object({
  /** The region whose local items the file holds ('33' for province items, province admins only). */
  region: RegionCodeSchema,
  /** The domain of rows that leave 领域 empty (officials' sheets are usually one domain each). */
  domain: DomainKeySchema.optional(),
  dryRun: QueryBooleanSchema.optional(),
});

/** One bad cell or row of an import (`details` of its VALIDATION_FAILED), `row` as Excel numbers it. */
export const CatalogueImportIssueSchema = z.object({
  row: z.int().min(1),
  column: z.string().optional(),
  message: z.string(),
  /** `第5行「公开方式」`: the same place as one label, for clients that show `{ path, message }`. */
  path: z.string(),
});
export type CatalogueImportIssue = z.infer<typeof CatalogueImportIssueSchema>;

/** What an import did (or would do, with dryRun) to each row. */
export const CATALOGUE_IMPORT_ACTIONS = ['create', 'update', 'unchanged', 'skip'] as const;
export type CatalogueImportAction = (typeof CATALOGUE_IMPORT_ACTIONS)[number];

export const CatalogueImportResultSchema = z.object({
  dryRun: z.boolean(),
  region: z.string(),
  created: z.int(),
  updated: z.int(),
  unchanged: z.int(),
  /** Rows of items owned elsewhere (province or a parent region) that match the stored content. */
  skipped: z.int(),
  rows: z.array(
    z.object({
      row: z.int(),
      action: z.enum(CATALOGUE_IMPORT_ACTIONS),
      code: z.string().optional(),
      name: z.string(),
      domain: DomainKeySchema,
      /** The item's version after the import (absent for a dry-run create). */
      version: z.int().optional(),
      id: z.string().optional(),
    }),
  ),
});
export type CatalogueImportResult = z.infer<typeof CatalogueImportResultSchema>;
