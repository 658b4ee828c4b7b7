import type { Assessment, AssessmentMissing, AssessmentTrend, DomainKey } from '@gongkai/shared';
import { api, requestFile, type ApiFile } from '../../services/request';

/* API calls of the assessment dashboard (考核统计) and the quarterly report (季度报送). */

/** The dashboard's selection. */
export interface AssessmentSelection {
  region?: string;
  quarter: string;
  domain?: DomainKey;
}

/** A region's metrics for a quarter with its children ranked. */
export function getAssessment(s: AssessmentSelection, signal?: AbortSignal): Promise<Assessment> {
  return api.get('/admin/assessment', { ...s }, { signal });
}

/** The last `quarters` quarters up to `until`, oldest first. */
export function getTrend(s: { region?: string; until: string; domain?: DomainKey; quarters?: number }, signal?: AbortSignal): Promise<AssessmentTrend> {
  return api.get('/admin/assessment/trend', { quarters: 4, ...s }, { signal });
}

/** One unit's missing, late and overdue items. */
export function getMissing(s: { region: string; quarter: string; domain?: DomainKey }, signal?: AbortSignal): Promise<AssessmentMissing> {
  return api.get('/admin/assessment/missing', { ...s }, { signal });
}

/** The quarterly report of a county as xlsx or PDF. */
export function quarterlyReport(region: string, quarter: string, format: 'xlsx' | 'pdf'): Promise<ApiFile> {
  const [, year, q] = /^(\d{4})Q([1-4])$/.exec(quarter) ?? [];
  return requestFile('/admin/reports/quarterly', { query: { region, year, quarter: q, format }, fallbackName: `季度报送-${region}-${quarter}.${format}` });
}

/** `2025Q3` for a date (China calendar quarter). */
export function quarterOf(d: Date): string {
  const china = new Date(d.getTime() + 8 * 3600_000);
  return `${china.getUTCFullYear()}Q${Math.floor(china.getUTCMonth() / 3) + 1}`;
}

/** The `n` quarters up to and including `q`, newest first. */
export function recentQuarters(q: string, n: number): string[] {
  let [y, k] = q.split('Q').map(Number);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    out.push(`${y}Q${k}`);
    k -= 1;
    if (k === 0) {
      k = 4;
      y -= 1;
    }
  }
  return out;
}
