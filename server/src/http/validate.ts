import type { Context, Middleware, Next } from 'koa';
import { z } from 'zod';
import type { FieldIssue } from '@gongkai/shared';
import { validationFailed } from './errors';

/** Zod schemas for the parts of a request. */
export interface RequestSchemas {
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
}

type Out<T> = T extends z.ZodType ? z.output<T> : Record<string, never>;

/** The validated, typed input of a request. */
export interface Input<S extends RequestSchemas> {
  params: Out<S['params']>;
  query: Out<S['query']>;
  body: Out<S['body']>;
}

/** A validation middleware that carries its schemas (read by the OpenAPI generator). */
export type ValidateMiddleware<S extends RequestSchemas> = Middleware & { schemas: S };

/** Zod issues as the contract's `details` list. */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(root)', message: i.message }));
}

/** True for a key that could be read as a query operator or a nested path. */
function isOperatorKey(key: string): boolean {
  return key.startsWith('$') || key.includes('[') || key.includes(']');
}

/** Finds an operator-looking key anywhere in a JSON value (depth-limited). */
function findOperatorKey(value: unknown, depth = 0): string | undefined {
  if (depth > 32 || value === null || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) {
    for (const v of value) {
      const k = findOperatorKey(v, depth + 1);
      if (k) return k;
    }
    return undefined;
  }
  for (const [k, v] of Object.entries(value)) {
    if (k.startsWith('$')) return k;
    const inner = findOperatorKey(v, depth + 1);
    if (inner) return inner;
  }
  return undefined;
}

/**
 * Validates `params`, `query` and `body` against zod schemas and stores the parsed values for `input()`.
 * Query keys like `region[$ne]` and body keys starting with `$` are refused with VALIDATION_FAILED
 * whatever the schema, so operator objects never reach the database.
 */
export function validate<S extends RequestSchemas>(schemas: S): ValidateMiddleware<S> {
  const mw = async (ctx: Context, next: Next) => {
    const badQueryKey = Object.keys(ctx.query).find(isOperatorKey);
    if (badQueryKey) {
      throw validationFailed('查询参数不合法', [{ path: badQueryKey, message: '不允许的参数名' }]);
    }
    const body = (ctx.request as { body?: unknown }).body;
    const badBodyKey = findOperatorKey(body);
    if (badBodyKey) {
      throw validationFailed('提交的内容不合法', [{ path: badBodyKey, message: '不允许以“$”开头的字段名' }]);
    }
    const out: Record<string, unknown> = { params: {}, query: {}, body: {} };
    const issues: FieldIssue[] = [];
    for (const part of ['params', 'query', 'body'] as const) {
      const schema = schemas[part];
      if (!schema) continue;
      const raw = part === 'params' ? ctx.params : part === 'query' ? { ...ctx.query } : body ?? {};
      const r = schema.safeParse(raw);
      if (r.success) out[part] = r.data;
      else issues.push(...toFieldIssues(r.error).map((i) => ({ ...i, path: `${part}.${i.path}` })));
    }
    if (issues.length) throw validationFailed('提交的内容有误，请检查后重试', issues);
    ctx.state.input = out;
    await next();
  };
  return Object.assign(mw, { schemas });
}

/** The validated input of the current request, typed by the same schemas given to `validate`. */
export function input<S extends RequestSchemas>(ctx: Context, _schemas: S): Input<S> {
  return ctx.state.input as Input<S>;
}
