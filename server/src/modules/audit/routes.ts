import Router from '@koa/router';
import { AuditListSchema, AuditQuerySchema } from '@gongkai/shared';
import { adminOf, requireAdmin } from '../../http/auth';
import { doc } from '../../http/openapi';
import { input, validate } from '../../http/validate';
import { listAudit } from './service';

const listReq = { query: AuditQuerySchema };

/** `GET /api/v1/admin/audit`: the scope's audit log (admins). There is no write endpoint, by design. */
export function auditRoutes(): Router {
  const router = new Router({ prefix: '/api/v1/admin' });
  router.get('/audit', doc({ summary: '审计日志（本辖区）', tags: ['admin'], response: AuditListSchema }), requireAdmin('admin'), validate(listReq), async (ctx) => {
    ctx.body = await listAudit(adminOf(ctx), input(ctx, listReq).query);
  });
  return router;
}
