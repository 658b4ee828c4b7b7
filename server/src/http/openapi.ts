import type Router from '@koa/router';
import type { Middleware } from 'koa';
import { z } from 'zod';
import type { RequestSchemas } from './validate';

/** What a route says about itself in the OpenAPI document. */
export interface RouteDoc {
  summary: string;
  tags?: string[];
  /** Schema of the 2xx JSON response. */
  response?: z.ZodType;
  /** Status of the success response (default 200). */
  status?: number;
  /** Content type when the response is not JSON (a file, a feed). */
  produces?: string;
  description?: string;
}

/** Security requirement recorded by auth middleware. */
export type AuthKind = 'admin' | 'resident';

type Marked = Middleware & { doc?: RouteDoc; schemas?: RequestSchemas; auth?: AuthKind };

/** A no-op middleware carrying the route's documentation; place it first in the chain. */
export function doc(meta: RouteDoc): Middleware {
  const mw: Marked = (_ctx, next) => next();
  mw.doc = meta;
  return mw;
}

type JsonSchema = Record<string, unknown>;

function toSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const s = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
  delete s.$schema;
  return s;
}

function objectProps(schema: z.ZodType): Array<[string, JsonSchema, boolean]> {
  const s = toSchema(schema, 'input');
  const props = (s.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((s.required ?? []) as string[]);
  return Object.entries(props).map(([k, v]) => [k, v, required.has(k)]);
}

const ERROR_REF = { $ref: '#/components/schemas/Error' };

/**
 * Builds an OpenAPI 3.1 document by reading the routers' layers: the `doc()` marker, the `validate()`
 * schemas and the auth middleware of each route. Schemas come from `shared/`, so the document cannot
 * drift from what the server validates.
 */
export function buildOpenApi(routers: Router[], info: { title: string; version: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const router of routers) {
    for (const layer of router.stack) {
      if (typeof layer.path !== 'string' || layer.methods.length === 0) continue;
      const mws = layer.stack as Marked[];
      const meta = mws.find((m) => m.doc)?.doc;
      if (!meta) continue;
      const schemas = mws.find((m) => m.schemas)?.schemas ?? {};
      const auth = mws.find((m) => m.auth)?.auth;
      const p = layer.path.replace(/:(\w+)/g, '{$1}');
      const parameters: unknown[] = [];
      if (schemas.params) {
        for (const [name, schema] of objectProps(schemas.params)) parameters.push({ name, in: 'path', required: true, schema });
      } else {
        for (const m of layer.path.matchAll(/:(\w+)/g)) parameters.push({ name: m[1], in: 'path', required: true, schema: { type: 'string' } });
      }
      if (schemas.query) {
        for (const [name, schema, required] of objectProps(schemas.query)) parameters.push({ name, in: 'query', required, schema });
      }
      const status = String(meta.status ?? 200);
      const okContent = meta.produces
        ? { [meta.produces]: { schema: { type: 'string', format: 'binary' } } }
        : meta.response
          ? { 'application/json': { schema: toSchema(meta.response, 'output') } }
          : undefined;
      const op: Record<string, unknown> = {
        summary: meta.summary,
        ...(meta.description ? { description: meta.description } : {}),
        tags: meta.tags,
        parameters,
        ...(schemas.body ? { requestBody: { required: true, content: { 'application/json': { schema: toSchema(schemas.body, 'input') } } } } : {}),
        responses: {
          [status]: { description: 'OK', ...(okContent ? { content: okContent } : {}) },
          default: { description: 'Error', content: { 'application/json': { schema: ERROR_REF } } },
        },
        ...(auth ? { security: [{ [auth === 'admin' ? 'adminToken' : 'residentToken']: [] }] } : {}),
      };
      paths[p] ??= {};
      for (const method of layer.methods) {
        if (method === 'HEAD') continue;
        paths[p][method.toLowerCase()] = op;
      }
    }
  }
  return {
    openapi: '3.1.0',
    info,
    servers: [{ url: '/' }],
    paths,
    components: {
      securitySchemes: {
        adminToken: { type: 'http', scheme: 'bearer', description: '官员令牌（POST /api/v1/admin/auth/login）' },
        residentToken: { type: 'http', scheme: 'bearer', description: '居民令牌（POST /api/v1/auth/wechat）' },
      },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} },
            },
          },
        },
      },
    },
  };
}
