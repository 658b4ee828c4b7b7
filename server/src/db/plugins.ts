import type { Schema } from 'mongoose';

/**
 * Global schema plugin: JSON output has `id` (string) instead of `_id`, no `__v`, and dates as ISO strings.
 * Fields listed in a schema's `hidden` option (e.g. password hashes) never leave through toJSON.
 */
export function jsonPlugin(schema: Schema): void {
  const hidden: string[] = (schema.get('toJSON') as { hidden?: string[] } | undefined)?.hidden ?? [];
  schema.set('toJSON', {
    virtuals: false,
    versionKey: false,
    transform(_doc: unknown, ret: Record<string, unknown>) {
      if (ret._id !== undefined) {
        ret.id = String(ret._id);
        delete ret._id;
      }
      for (const h of hidden) delete ret[h];
      return ret;
    },
  });
}

/** Skip/limit for a 1-based page. */
export function pageWindow(page: number, pageSize: number): { skip: number; limit: number } {
  return { skip: (page - 1) * pageSize, limit: pageSize };
}
