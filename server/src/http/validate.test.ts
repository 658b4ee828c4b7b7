import Koa from 'koa';
import Router from '@koa/router';
import { bodyParser } from '@koa/bodyparser';
import request from 'supertest';
import { z } from 'zod';
import { PaginationQuerySchema, SafeKeySchema } from '@gongkai/shared';
import { errorMiddleware } from './error-middleware';
import { input, validate } from './validate';

const schemas = {
  params: z.object({ id: z.string().regex(/^\d+$/) }),
  query: PaginationQuerySchema.extend({ region: z.string().max(12).optional() }),
  body: z.object({ username: z.string().min(1), tags: z.record(SafeKeySchema, z.string()).optional() }),
};

function app() {
  const a = new Koa();
  const r = new Router();
  a.use(errorMiddleware);
  a.use(bodyParser());
  r.post('/x/:id', validate(schemas), (ctx) => {
    ctx.body = input(ctx, schemas);
  });
  a.use(r.routes());
  return request(a.callback());
}

describe('validate()', () => {
  it('passes parsed, typed input with defaults to the handler', async () => {
    const res = await app().post('/x/7?region=330304').send({ username: 'li', extra: 'dropped' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ params: { id: '7' }, query: { page: 1, pageSize: 20, region: '330304' }, body: { username: 'li' } });
  });

  it('rejects an operator object in the body with VALIDATION_FAILED', async () => {
    const res = await app().post('/x/7').send({ username: { $gt: '' } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('rejects an operator key in the query string (?region[$ne]=x)', async () => {
    const res = await app().post('/x/7?region[$ne]=x').send({ username: 'li' });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'region[$ne]' }] });
  });

  it('rejects a repeated query key where a string is expected', async () => {
    const res = await app().post('/x/7?region=a&region=b').send({ username: 'li' });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].path).toBe('query.region');
  });

  it('lists every bad field in details', async () => {
    const res = await app().post('/x/abc?pageSize=1000').send({});
    expect(res.status).toBe(400);
    const paths = res.body.error.details.map((d: { path: string }) => d.path).sort();
    expect(paths).toEqual(['body.username', 'params.id', 'query.pageSize']);
  });

  it('rejects document keys containing a dot', async () => {
    const res = await app().post('/x/7').send({ username: 'li', tags: { 'a.b': 'x' } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
  });
});
