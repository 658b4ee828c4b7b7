import { z } from 'zod';
import { REGION_CODE_PATTERN } from '../regions';

/** A MongoDB ObjectId as a 24-hex string. */
export const IdSchema = z.string().regex(/^[0-9a-f]{24}$/i, '无效的编号');

/** A region code (2/4/6/9/12 digits). */
export const RegionCodeSchema = z.string().regex(REGION_CODE_PATTERN, '无效的行政区划代码');

/** Page number from a query string (from 1). */
export const PageSchema = z.coerce.number().int().min(1).max(100000).default(1);
/** Page size from a query string (default 20, max 100). */
export const PageSizeSchema = z.coerce.number().int().min(1).max(100).default(20);

/** `?page=&pageSize=` */
export const PaginationQuerySchema = z.object({ page: PageSchema, pageSize: PageSizeSchema });
export type PaginationQuery = z.infer<typeof PaginationQuerySchema>;

/** An ISO 8601 date-time with offset, or a date (YYYY-MM-DD). */
export const DateTimeSchema = z.union([z.iso.datetime({ offset: true }), z.iso.date()]);

/** A boolean from a query string: `true|false|1|0`. */
export const QueryBooleanSchema = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

/**
 * A key of a user-supplied object that will be stored as a document key: no `.` and no leading `$`
 * (MongoDB/FerretDB reject or misinterpret them).
 */
export const SafeKeySchema = z
  .string()
  .min(1)
  .max(64)
  .refine((k) => !k.includes('.') && !k.startsWith('$'), '字段名不能包含“.”或以“$”开头');

/** The list envelope of the contract: `{ items, total, page, pageSize }`. */
export function listOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

/** `{ items }` without paging (reference lists). */
export function itemsOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({ items: z.array(item) });
}

/** The contract's error body. */
export const ErrorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
