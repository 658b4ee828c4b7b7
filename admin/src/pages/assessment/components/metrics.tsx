import { Tooltip } from 'antd';
import { ASSESSMENT_METRIC_LABELS, type AssessmentMetrics } from '@gongkai/shared';

/** The metrics shown in cards, tables and the trend, in order. */
export const METRICS = ['score', 'coverage', 'timeliness', 'responsiveness', 'satisfaction', 'reach'] as const;
export type MetricKey = (typeof METRICS)[number];
export const METRIC_COLORS: Record<MetricKey, string> = {
  score: '#1677ff',
  coverage: '#52c41a',
  timeliness: '#fa8c16',
  responsiveness: '#722ed1',
  satisfaction: '#eb2f96',
  reach: '#13c2c2',
};

/** A metric's value (0–1 or null). */
export function valueOf(m: AssessmentMetrics, k: MetricKey): number | null {
  return k === 'score' ? m.score : m[k].value;
}

/** The counts behind a metric, in words (for tooltips). */
export function countsOf(m: AssessmentMetrics, k: MetricKey): string {
  switch (k) {
    case 'coverage':
      return `应公开 ${m.coverage.required} 项，已覆盖 ${m.coverage.covered} 项`;
    case 'timeliness':
      return `按时 ${m.timeliness.onTime}，超时 ${m.timeliness.late}，逾期未公开 ${m.timeliness.overdue}`;
    case 'responsiveness':
      return `收到 ${m.responsiveness.received}，按时答复 ${m.responsiveness.onTime}，超期 ${m.responsiveness.late + m.responsiveness.overdue}`;
    case 'satisfaction':
      return `评价 ${m.satisfaction.rated}：满意 ${m.satisfaction.satisfied}，基本满意 ${m.satisfaction.basicallySatisfied}，不满意 ${m.satisfaction.dissatisfied}`;
    case 'reach':
      return `村（社区）${m.reach.villages} 个，已触达 ${m.reach.villagesReached} 个，关注 ${m.reach.followers} 人`;
    default:
      return '';
  }
}

/** A rate as a percentage with its counts on hover; — without data. */
export function Rate({ m, k }: { m: AssessmentMetrics; k: MetricKey }) {
  const v = valueOf(m, k);
  const text = v === null ? '—' : `${Math.round(v * 1000) / 10}%`;
  const counts = countsOf(m, k);
  return counts ? <Tooltip title={counts}><span>{text}</span></Tooltip> : <span>{text}</span>;
}

/** The Chinese name of a metric. */
export const metricLabel = (k: MetricKey) => ASSESSMENT_METRIC_LABELS[k];
