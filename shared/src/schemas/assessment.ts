import { z } from 'zod';
import { DOMAIN_KEYS } from '../domains';
import { QueryBooleanSchema, RegionCodeSchema } from './common';
import { disclosurePagePath } from './residents';

/*
 * Assessment (可考核): per-region metrics over a period, rolled up from villages to the province, the
 * quarterly trend and the drill-down to one unit's missing and late items; and the quarterly report
 * (季度报送). Definitions: docs/assessment.md. Used by the server (validation, OpenAPI) and the admin
 * console's dashboard (types).
 */

/** A quarter as `2025Q3`. */
export const QUARTER_PATTERN = /^(\d{4})Q([1-4])$/;
export const QuarterKeySchema = z.string().regex(QUARTER_PATTERN, '季度格式应为 2025Q3');

/** Levels a ranking may list (`childLevel`). */
export const ASSESSMENT_CHILD_LEVELS = ['city', 'county', 'township', 'village'] as const;
export type AssessmentChildLevel = (typeof ASSESSMENT_CHILD_LEVELS)[number];

/** Levels that own disclosures and are assessed for coverage. */
export const ASSESSMENT_UNIT_LEVELS = ['county', 'township', 'village'] as const;
export type AssessmentUnitLevel = (typeof ASSESSMENT_UNIT_LEVELS)[number];

/**
 * Weights of the composite `score` used for rankings; a metric with no data (null) is left out and the
 * others are re-weighted (docs/assessment.md).
 */
export const ASSESSMENT_WEIGHTS = { coverage: 0.3, timeliness: 0.2, responsiveness: 0.2, satisfaction: 0.2, reach: 0.1 } as const;

/** Chinese names of the metrics (dashboard, reports). */
export const ASSESSMENT_METRIC_LABELS = {
  coverage: '事项覆盖率',
  timeliness: '公开及时率',
  responsiveness: '回应及时率',
  satisfaction: '群众满意度',
  reach: '村级触达率',
  score: '综合得分',
} as const;

/** The period of a query: `quarter`, or `from` + `to` (China dates, inclusive); default the current quarter. */
const periodFields = {
  quarter: QuarterKeySchema.optional(),
  from: z.iso.date('日期格式应为 YYYY-MM-DD').optional(),
  to: z.iso.date('日期格式应为 YYYY-MM-DD').optional(),
};
const periodRule = (q: { quarter?: string; from?: string; to?: string }, ctx: z.RefinementCtx) => {
  if ((q.from === undefined) !== (q.to === undefined)) ctx.addIssue({ code: 'custom', path: [q.from ? 'to' : 'from'], message: 'from 与 to 须同时提供' });
  if (q.quarter && (q.from || q.to)) ctx.addIssue({ code: 'custom', path: ['quarter'], message: 'quarter 与 from/to 不能同时使用' });
  if (q.from && q.to && q.from > q.to) ctx.addIssue({ code: 'custom', path: ['to'], message: '结束日期不能早于开始日期' });
};

/** `GET /api/v1/admin/assessment?region=&from=&to=&quarter=&domain=&childLevel=&refresh=` */
export const AssessmentQuerySchema = z
  .object({
    region: RegionCodeSchema.optional(),
    ...periodFields,
    domain: z.enum(DOMAIN_KEYS).optional(),
    /** List the units of this level under `region` as `children` (default: the next level). */
    childLevel: z.enum(ASSESSMENT_CHILD_LEVELS).optional(),
    /** Recompute now instead of serving the snapshot (admins only, rate-limited). */
    refresh: QueryBooleanSchema.optional(),
  })
  .superRefine(periodRule);
export type AssessmentQuery = z.infer<typeof AssessmentQuerySchema>;

/** `GET /api/v1/admin/assessment/trend?region=&quarters=&until=&domain=` */
export const AssessmentTrendQuerySchema = z.object({
  region: RegionCodeSchema.optional(),
  quarters: z.coerce.number().int().min(1).max(12).default(4),
  /** The last quarter of the trend (default: the current one). */
  until: QuarterKeySchema.optional(),
  domain: z.enum(DOMAIN_KEYS).optional(),
});
export type AssessmentTrendQuery = z.infer<typeof AssessmentTrendQuerySchema>;

/** `GET /api/v1/admin/assessment/missing?region=&domain=&quarter=|from=&to=` */
export const AssessmentMissingQuerySchema = z
  .object({ region: RegionCodeSchema, ...periodFields, domain: z.enum(DOMAIN_KEYS).optional() })
  .superRefine(periodRule);
export type AssessmentMissingQuery = z.infer<typeof AssessmentMissingQuerySchema>;

const rate = z.number().min(0).max(1).nullable();
const count = z.number().int().min(0);

export const AssessmentRegionSchema = z.object({ code: z.string(), name: z.string(), level: z.string() });
export const AssessmentPeriodSchema = z.object({
  /** `2025Q3` or `2025-07-01..2025-08-15`. */
  key: z.string(),
  /** `2025年第三季度`. */
  label: z.string(),
  /** First and last day (China dates, inclusive). */
  from: z.string(),
  to: z.string(),
  /** The instant state metrics (coverage, reach) are taken at: the period's end, or the computation time if earlier. */
  asOf: z.string(),
});
export type AssessmentPeriod = z.infer<typeof AssessmentPeriodSchema>;

const levelCoverage = z.object({ units: count, required: count, covered: count, value: rate });
export const CoverageMetricSchema = z.object({
  value: rate,
  required: count,
  covered: count,
  missing: count,
  byLevel: z.object({ county: levelCoverage, township: levelCoverage, village: levelCoverage }),
});
export const TimelinessMetricSchema = z.object({
  value: rate,
  /** Disclosures with a due date in scope: onTime + late + overdue. */
  due: count,
  onTime: count,
  late: count,
  /** Due in the period, not published by its end, and past due. */
  overdue: count,
  /** Published in the period without a computable due date (not in `value`). */
  noDeadline: count,
  /** Median calendar days between the due date and the publication date, over `late`. */
  medianDaysLate: z.number().nullable(),
});
export const ResponsivenessMetricSchema = z.object({
  value: rate,
  received: count,
  /** Answered or rejected with reasons. */
  answered: count,
  onTime: count,
  late: count,
  /** Still open and past the deadline. */
  overdue: count,
  /** Still open, deadline not reached (not in `value`). */
  pending: count,
  /** Median working days from receipt to the answer, over `answered`. */
  medianWorkingDays: z.number().nullable(),
});
export const SatisfactionMetricSchema = z.object({
  /** Mean score: 满意 1, 基本满意 0.5, 不满意 0. */
  value: rate,
  rated: count,
  satisfied: count,
  basicallySatisfied: count,
  dissatisfied: count,
  /** (满意 + 基本满意) / rated — the rate government reports usually quote. */
  satisfiedRate: rate,
});
export const ReachMetricSchema = z.object({
  /** villagesReached / villages. */
  value: rate,
  villages: count,
  /** Village-level units with at least one resident who saved or follows them. */
  villagesReached: count,
  /** Residents per region summed over the subtree (one resident counts once per region). */
  followers: count,
  /** Notices about disclosures of the subtree delivered in the period. */
  notices: z.object({ inApp: count, wechat: count, wechatFailed: count }),
});

export const AssessmentMetricsSchema = z.object({
  /** Weighted mean of the metric values (ASSESSMENT_WEIGHTS), for rankings. */
  score: rate,
  coverage: CoverageMetricSchema,
  timeliness: TimelinessMetricSchema,
  responsiveness: ResponsivenessMetricSchema,
  satisfaction: SatisfactionMetricSchema,
  reach: ReachMetricSchema,
});
export type AssessmentMetrics = z.infer<typeof AssessmentMetricsSchema>;

export const AssessmentNodeSchema = AssessmentMetricsSchema.extend({
  region: AssessmentRegionSchema,
  /** Position by `score` among the siblings (1 = best; equal scores share a rank; null without a score). */
  rank: z.number().int().nullable().optional(),
});
export type AssessmentNode = z.infer<typeof AssessmentNodeSchema>;

/** `GET /api/v1/admin/assessment` */
export const AssessmentSchema = AssessmentNodeSchema.extend({
  period: AssessmentPeriodSchema,
  domain: z.enum(DOMAIN_KEYS).optional(),
  /** When the figures were computed (the snapshot's time). */
  computedAt: z.string(),
  childLevel: z.string().optional(),
  children: z.array(AssessmentNodeSchema),
});
export type Assessment = z.infer<typeof AssessmentSchema>;

/** `GET /api/v1/admin/assessment/trend` — oldest quarter first. */
export const AssessmentTrendSchema = z.object({
  region: AssessmentRegionSchema,
  domain: z.enum(DOMAIN_KEYS).optional(),
  items: z.array(AssessmentMetricsSchema.extend({ period: AssessmentPeriodSchema, computedAt: z.string() })),
});
export type AssessmentTrend = z.infer<typeof AssessmentTrendSchema>;

export const MissingItemSchema = z.object({
  catalogueItemId: z.string(),
  code: z.string(),
  domain: z.enum(DOMAIN_KEYS),
  category: z.string(),
  name: z.string(),
  timeLimit: z.string(),
  publisher: z.string(),
});
export const LateItemSchema = z.object({
  disclosureId: z.string(),
  title: z.string().optional(),
  catalogueItemId: z.string(),
  itemName: z.string(),
  domain: z.enum(DOMAIN_KEYS),
  dueAt: z.string(),
  publishedAt: z.string(),
  daysLate: z.number().int(),
});
export const OverdueItemSchema = z.object({
  disclosureId: z.string(),
  title: z.string().optional(),
  catalogueItemId: z.string(),
  itemName: z.string(),
  domain: z.enum(DOMAIN_KEYS),
  dueAt: z.string(),
  status: z.string(),
  /** Calendar days from the due date to the period's end (or today). */
  daysOverdue: z.number().int(),
});

/** `GET /api/v1/admin/assessment/missing` — one unit's gaps. */
export const AssessmentMissingSchema = z.object({
  region: AssessmentRegionSchema,
  period: AssessmentPeriodSchema,
  domain: z.enum(DOMAIN_KEYS).optional(),
  computedAt: z.string(),
  coverage: z.object({ required: count, covered: count, value: rate }),
  missing: z.array(MissingItemSchema),
  late: z.array(LateItemSchema),
  overdue: z.array(OverdueItemSchema),
});
export type AssessmentMissing = z.infer<typeof AssessmentMissingSchema>;

// ---- quarterly report (季度报送) ---------------------------------------------------------------------------

export const REPORT_FORMATS = ['xlsx', 'pdf'] as const;

/** `GET /api/v1/admin/reports/quarterly?region=<county>&year=&quarter=&format=` */
export const QuarterlyReportQuerySchema = z.object({
  region: z.string().regex(/^\d{6}$/, '请选择县（市、区）'),
  year: z.coerce.number().int().min(2017).max(2100),
  quarter: z.coerce.number().int().min(1).max(4),
  format: z.enum(REPORT_FORMATS).default('xlsx'),
});
export type QuarterlyReportQuery = z.infer<typeof QuarterlyReportQuerySchema>;

// ---- channels ----------------------------------------------------------------------------------------------

/** `GET /api/v1/feeds/:regionCode.atom|.json?domain=&limit=` */
export const FeedQuerySchema = z.object({
  domain: z.enum(DOMAIN_KEYS).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export const FeedParamsSchema = z.object({ regionCode: RegionCodeSchema });

/**
 * The H5 (web) URL of a disclosure: the mini-program's disclosure page under `/m/` with the hash router,
 * `https://host/m/#/pages/disclosure/index?id=…` — what the notice's QR code and the feeds link to.
 */
export function disclosureH5Url(baseUrl: string, disclosureId: string): string {
  return `${baseUrl.replace(/\/$/, '')}/m/#/${disclosurePagePath(disclosureId)}`;
}
