import Router from '@koa/router';
import { DOMAINS, DomainListSchema } from '@gongkai/shared';
import { doc } from '../../http/openapi';

/** `GET /api/v1/domains`: the 8 pilot domains (reference data, cacheable). */
export function domainRoutes(): Router {
  const router = new Router({ prefix: '/api/v1' });
  router.get('/domains', doc({ summary: '试点领域列表', tags: ['reference'], response: DomainListSchema }), (ctx) => {
    ctx.set('Cache-Control', 'public, max-age=300');
    ctx.body = { items: DOMAINS };
  });
  return router;
}
