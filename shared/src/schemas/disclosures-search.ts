import { z } from 'zod';
import { IdSchema, QueryBooleanSchema, listOf } from './common';
import { DisclosureListItemSchema, DisclosureListQuerySchema, PII_KINDS } from './disclosures';

/*
 * Full-text search, attachments and table import of disclosures (extensions of the contract's Disclosures
 * and Admin sections).
 */

/**
 * Where a search result matched, as HTML fragments: the matched words wrapped in `<em>…</em>`, everything
 * else HTML-escaped (render with RichText / innerHTML as is, or strip the tags). `title`: the whole title as
 * one fragment, present when the title matched; `body`: one snippet (≈ 80 characters) of the masked body or
 * of a visible table around the first match there.
 */
export const SearchHighlightsSchema = z.object({
  title: z.array(z.string()).optional(),
  body: z.string().optional(),
});
export type SearchHighlights = z.infer<typeof SearchHighlightsSchema>;

/** A search result: a list item plus its highlights. */
export const DisclosureSearchItemSchema = DisclosureListItemSchema.extend({ highlights: SearchHighlightsSchema.optional() });
export type DisclosureSearchItem = z.infer<typeof DisclosureSearchItemSchema>;
/** The list envelope of search results (also what `GET /api/v1/disclosures?q=` answers). */
export const DisclosureSearchListSchema = listOf(DisclosureSearchItemSchema);

/** `GET /api/v1/disclosures/search?q=&region=&domain=&item=&page=&pageSize=` (`q` required). */
export const DisclosureSearchQuerySchema = DisclosureListQuerySchema.extend({
  q: z.string().trim().min(1, '请输入搜索词').max(50, '搜索词不能超过50个字'),
});
export type DisclosureSearchQuery = z.infer<typeof DisclosureSearchQuerySchema>;

/** `:id/attachments/:attachmentId`. */
export const AttachmentParamsSchema = z.object({
  id: IdSchema,
  attachmentId: z.string().regex(/^[0-9a-f]{24}$/, '无效的附件编号'),
});

/** `?download=1` asks for `Content-Disposition: attachment` instead of `inline`. */
export const AttachmentDownloadQuerySchema = z.object({ download: QueryBooleanSchema.optional() });

/** `POST …/:id/tables/import?dryRun=1` (multipart: `file`, optional `title`). */
export const TableImportQuerySchema = z.object({ dryRun: QueryBooleanSchema.optional() });

/** One problem of a table import, `row` as Excel numbers it (1 = the header row). */
export const TableImportIssueSchema = z.object({
  row: z.int().min(1),
  column: z.string().optional(),
  message: z.string(),
  /** `第5行「身份证号」`: the same place as one label. */
  path: z.string(),
});
export type TableImportIssue = z.infer<typeof TableImportIssueSchema>;

/** What a table import read (and, without dryRun, appended to the working copy's tables). */
export const TableImportResultSchema = z.object({
  dryRun: z.boolean(),
  title: z.string(),
  columns: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      /** Suggested from the header (身份证 → id-number …); change it afterwards with PATCH `tables`. */
      pii: z.enum(PII_KINDS).optional(),
      /** The header was marked required (`*姓名`): every row must fill it. */
      required: z.boolean(),
      /** Excel's column letter. */
      letter: z.string(),
    }),
  ),
  rowCount: z.int(),
  /** The first rows as they would be stored. */
  preview: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))),
  /** Position of the new table in the working copy's `tables` (absent for a dry run). */
  tableIndex: z.int().optional(),
  /** Milliseconds spent reading and checking the file. */
  ms: z.number(),
});
export type TableImportResult = z.infer<typeof TableImportResultSchema>;
