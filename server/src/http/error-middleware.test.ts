import Koa from 'koa';
import request from 'supertest';
import { errorMiddleware, toAppError } from './error-middleware';
import { AppError, conflict } from './errors';

function appThrowing(err: unknown, logs: unknown[] = []) {
  const app = new Koa();
  app.use(async (ctx, next) => {
    ctx.state.log = { error: (...a: unknown[]) => logs.push(a) };
    await next();
  });
  app.use(errorMiddleware);
  app.use(() => {
    throw err;
  });
  return request(app.callback());
}

describe('errorMiddleware', () => {
  it('renders an AppError in the contract shape with its status, code, message and details', async () => {
    const res = await appThrowing(new AppError(400, 'VALIDATION_FAILED', '标题不能为空', [{ path: 'title', message: '必填' }])).get('/');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: { code: 'VALIDATION_FAILED', message: '标题不能为空', details: [{ path: 'title', message: '必填' }] } });
  });

  it('turns an unknown error into INTERNAL without leaking its message, and logs it', async () => {
    const logs: unknown[] = [];
    const res = await appThrowing(new Error('secret connection string mongodb://u:p@h'), logs).get('/');
    expect(res.status).toBe(500);
    expect(res.body.error.code).toBe('INTERNAL');
    expect(JSON.stringify(res.body)).not.toContain('secret');
    expect(logs).toHaveLength(1);
  });

  it('maps a MongoDB duplicate key error to CONFLICT (409)', async () => {
    const res = await appThrowing(Object.assign(new Error('E11000'), { code: 11000, keyPattern: { username: 1 } })).get('/');
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'CONFLICT', details: { fields: ['username'] } });
  });

  it('maps an oversized body error to PAYLOAD_TOO_LARGE (413)', () => {
    const e = toAppError(Object.assign(new Error('request entity too large'), { status: 413, type: 'entity.too.large' }));
    expect(e).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
  });

  it('answers an unmatched route with a JSON 404', async () => {
    const app = new Koa();
    app.use(errorMiddleware);
    const res = await request(app.callback()).get('/nope');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
  });

  it('keeps helper-made errors intact', () => {
    expect(toAppError(conflict('已提交审核'))).toMatchObject({ status: 409, code: 'CONFLICT', message: '已提交审核' });
  });
});
