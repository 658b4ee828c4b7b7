import Router from '@koa/router';
import { HealthSchema } from '@gongkai/shared';
import { pingDatabase } from '../../db/connect';
import { doc } from '../../http/openapi';

/** `GET /healthz`: 200 when the database answers, 503 with `db: down` when it does not. */
export function healthRoutes(): Router {
  const router = new Router();
  router.get('/healthz', doc({ summary: '健康检查', tags: ['meta'], response: HealthSchema }), async (ctx) => {
    const up = await pingDatabase();
    ctx.status = up ? 200 : 503;
    ctx.body = { status: up ? 'ok' : 'degraded', db: up ? 'ok' : 'down' };
  });
  return router;
}
