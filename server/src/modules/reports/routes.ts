import Router from '@koa/router';
import { QuarterlyReportQuerySchema } from '@gongkai/shared';
import type { ResolvedDeps } from '../../app';
import { adminOf, requireAdmin } from '../../http/auth';
import { doc } from '../../http/openapi';
import { rateLimit } from '../../http/rate-limit';
import { input, validate } from '../../http/validate';
import { audit } from '../audit/service';
import { quarterlyPdf } from './pdf';
import { quarterlyData } from './quarterly';
import { quarterlyXlsx } from './xlsx';

const req = { query: QuarterlyReportQuerySchema };

const TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;

/** The quarterly report (季度报送) of a county: a generated xlsx or PDF (assessors and admins in scope). */
export function reportRoutes(deps: ResolvedDeps): Router {
  const router = new Router({ prefix: '/api/v1/admin/reports' });
  router.get(
    '/quarterly',
    doc({
      summary: '县（市、区）季度报送表（xlsx 或 PDF）',
      description: 'region 为县级代码；year、quarter（1–4）；format=xlsx|pdf（默认 xlsx；pdf 时返回 application/pdf）。内容：主要指标、分乡镇情况、逾期与未公开事项、回应关切、指标说明。',
      tags: ['assessment'],
      produces: TYPES.xlsx,
    }),
    requireAdmin('assessor'),
    rateLimit({ name: 'quarterly-report', limit: 20, windowMs: 60_000, key: (ctx) => adminOf(ctx).id }),
    validate(req),
    async (ctx) => {
      const q = input(ctx, req).query;
      const caller = adminOf(ctx);
      const data = await quarterlyData(deps, caller, q.region, q.year, q.quarter);
      const file = q.format === 'pdf' ? await quarterlyPdf(data) : await quarterlyXlsx(data);
      await audit(caller, 'report.quarterly', { type: 'report', id: `${q.region}-${q.year}Q${q.quarter}`, regionCode: q.region }, { format: q.format });
      const name = `${data.county.name}${q.year}年第${q.quarter}季度政务公开报送表.${q.format}`;
      ctx.set('Content-Type', TYPES[q.format]);
      ctx.set('Content-Disposition', `attachment; filename="report-${q.region}-${q.year}Q${q.quarter}.${q.format}"; filename*=UTF-8''${encodeURIComponent(name)}`);
      ctx.set('Cache-Control', 'no-store');
      ctx.body = file;
    },
  );
  return router;
}
