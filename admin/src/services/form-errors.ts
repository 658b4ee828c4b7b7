import type { FormInstance } from 'antd';
import type { z } from 'zod';
import { ApiError, formatError, isApiError } from './api-error';

/** An antd form field name path (`['timeLimit', 'rule', 'days']`, `['contentElements', 2]`). */
export type FieldPath = Array<string | number>;

/**
 * The form path of a server issue path: the request part (`body.`, `query.`) is dropped and list indexes
 * become numbers, so `body.contentElements.2` → `['contentElements', 2]`.
 */
export function fieldPath(path: string): FieldPath {
  const parts = path.split('.').filter(Boolean);
  if (parts.length > 1 && (parts[0] === 'body' || parts[0] === 'query' || parts[0] === 'params')) parts.shift();
  return parts.map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/** Options of `applyApiError`. */
export interface ApplyErrorOptions {
  /** Top-level field names of the form: only issues naming one of them are put next to a field. */
  fields: readonly string[];
  /**
   * Errors without field details that still belong to one field, by error code
   * (e.g. `{ CONFLICT: ['username'] }` for "用户名已存在", `{ FORBIDDEN: ['regionCode'] }` for an out-of-scope region).
   */
  byCode?: Partial<Record<string, FieldPath>>;
  /** Field labels for the issues that are shown in the form-level message. */
  labels?: Record<string, string>;
}

/**
 * Shows a failed submission in the form: each VALIDATION_FAILED issue whose path names a form field is set
 * as that field's error, and `byCode` puts a detail-less error (409, 403) on its field. Returns the text
 * still to show above the form (the issues that fit no field, or the whole error), or null when every
 * problem now sits next to its field.
 */
export function applyApiError(form: FormInstance, err: unknown, o: ApplyErrorOptions): string | null {
  if (!isApiError(err)) return formatError(err);
  const target = o.byCode?.[err.code];
  if (target && err.fieldIssues().length === 0) {
    form.setFields([{ name: target, errors: [err.message] }]);
    return null;
  }
  const issues = err.code === 'VALIDATION_FAILED' ? err.fieldIssues() : [];
  if (issues.length === 0) return formatError(err, o.labels);
  const byField = new Map<string, { name: FieldPath; errors: string[] }>();
  const rest: typeof issues = [];
  for (const issue of issues) {
    const name = fieldPath(issue.path);
    if (name.length && typeof name[0] === 'string' && o.fields.includes(name[0])) {
      const key = name.join('.');
      const entry = byField.get(key) ?? { name, errors: [] };
      entry.errors.push(issue.message);
      byField.set(key, entry);
    } else rest.push(issue);
  }
  form.setFields([...byField.values()]);
  if (rest.length === 0) return null;
  return formatError(new ApiError(err.status, err.code, err.message, rest), o.labels);
}

/**
 * Puts the issues of a failed zod parse (a whole-form check with a shared schema, e.g. the cross-field
 * rules of a catalogue item) next to their fields. Returns the messages of issues that name no field.
 */
export function applyZodIssues(form: FormInstance, issues: readonly z.core.$ZodIssue[]): string[] {
  const byField = new Map<string, { name: FieldPath; errors: string[] }>();
  const rest: string[] = [];
  for (const i of issues) {
    const name = i.path.filter((p): p is string | number => typeof p !== 'symbol');
    if (name.length === 0) {
      rest.push(i.message);
      continue;
    }
    const key = name.join('.');
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(i.message);
    byField.set(key, entry);
  }
  form.setFields([...byField.values()]);
  return rest;
}
