import Router from '@koa/router';
import {
  AssessmentMissingQuerySchema,
  AssessmentMissingSchema,
  AssessmentQuerySchema,
  AssessmentSchema,
  AssessmentTrendQuerySchema,
  AssessmentTrendSchema,
} from '@gongkai/shared';
import type { ResolvedDeps } from '../../app';
import { adminOf, requireAdmin } from '../../http/auth';
import { doc } from '../../http/openapi';
import { input, validate } from '../../http/validate';
import { warmSnapshotsSoon } from './jobs';
import { getAssessment, getMissing, getTrend } from './service';

const mainReq = { query: AssessmentQuerySchema };
const trendReq = { query: AssessmentTrendQuerySchema };
const missingReq = { query: AssessmentMissingQuerySchema };

/**
 * The assessment dashboard's API (assessors and admins, within their region): a region's metrics with its
 * children for ranking, the quarterly trend, and one unit's drill-down. Definitions: docs/assessment.md.
 */
export function assessmentRoutes(deps: ResolvedDeps): Router {
  const router = new Router({ prefix: '/api/v1/admin/assessment' });
  const tags = ['assessment'];
  // With background work on (npm start), compute or load the recent quarters now rather than on the first request.
  if (deps.config.jobs) warmSnapshotsSoon(deps.logger);

  router.get(
    '/',
    doc({
      summary: '考核指标（覆盖率、及时率、回应、满意度、触达）及下级排名',
      description:
        'region 默认本人辖区；quarter=2025Q3 或 from/to（含首尾日，北京时间），默认本季度；children 为下一级（或 childLevel 指定层级）单位的同口径指标，按综合得分排名。' +
        '数据来自按期间预先计算的快照（computedAt 为计算时间）；管理员可用 refresh=1 立即重算（每分钟至多2次）。',
      tags,
      response: AssessmentSchema,
    }),
    requireAdmin('assessor'),
    validate(mainReq),
    async (ctx) => {
      ctx.body = await getAssessment(deps, adminOf(ctx), input(ctx, mainReq).query);
    },
  );

  router.get(
    '/trend',
    doc({ summary: '考核指标季度趋势（最近 N 个季度，早的在前）', tags, response: AssessmentTrendSchema }),
    requireAdmin('assessor'),
    validate(trendReq),
    async (ctx) => {
      ctx.body = await getTrend(deps, adminOf(ctx), input(ctx, trendReq).query);
    },
  );

  router.get(
    '/missing',
    doc({
      summary: '单位明细：未公开、逾期公开、逾期未公开的事项',
      description: 'region 须为县、乡镇（街道）或村（社区），只含该单位本级应公开的事项；实时计算。',
      tags,
      response: AssessmentMissingSchema,
    }),
    requireAdmin('assessor'),
    validate(missingReq),
    async (ctx) => {
      ctx.body = await getMissing(deps, adminOf(ctx), input(ctx, missingReq).query);
    },
  );

  return router;
}
