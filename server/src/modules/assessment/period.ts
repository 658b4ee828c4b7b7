import { QUARTER_PATTERN, type AssessmentPeriod } from '@gongkai/shared';
import { validationFailed } from '../../http/errors';
import { endOfShanghaiDay, shanghaiDate, startOfShanghaiDay, toShanghaiIso } from '../../workdays';

/*
 * Assessment periods. A period is a range of China calendar dates, both ends inclusive: from 00:00 of the
 * first day to 23:59:59.999 of the last (Asia/Shanghai). Quarters are the calendar quarters (Q1 = Jan–Mar).
 * Its key names it in snapshots and URLs: `2025Q3` for a quarter, `2025-07-01..2025-08-15` otherwise.
 */

/** A period with its bounds as epoch milliseconds. */
export interface Period {
  key: string;
  label: string;
  /** First and last day, `YYYY-MM-DD`. */
  fromDate: string;
  toDate: string;
  /** Start of the first day and end of the last day. */
  from: number;
  to: number;
  /** Set for quarters. */
  quarter?: { year: number; q: number };
}

const Q_NAMES = ['一', '二', '三', '四'];
const pad = (n: number) => String(n).padStart(2, '0');

/** The calendar quarter `q` (1–4) of `year`. */
export function quarterPeriod(year: number, q: number): Period {
  const first = `${year}-${pad((q - 1) * 3 + 1)}-01`;
  const lastMonth = q * 3;
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  const last = `${year}-${pad(lastMonth)}-${pad(lastDay)}`;
  return {
    key: `${year}Q${q}`,
    label: `${year}年第${Q_NAMES[q - 1]}季度`,
    fromDate: first,
    toDate: last,
    from: startOfShanghaiDay(first).getTime(),
    to: endOfShanghaiDay(last).getTime(),
    quarter: { year, q },
  };
}

/** The quarter containing an instant (China time). */
export function quarterOf(at: number = Date.now()): Period {
  const d = shanghaiDate(new Date(at));
  return quarterPeriod(Number(d.slice(0, 4)), Math.floor((Number(d.slice(5, 7)) - 1) / 3) + 1);
}

/** The quarter `n` quarters before `p` (n may be negative). */
export function shiftQuarter(p: Period, n: number): Period {
  if (!p.quarter) throw new Error('shiftQuarter needs a quarter');
  const idx = p.quarter.year * 4 + (p.quarter.q - 1) - n;
  return quarterPeriod(Math.floor(idx / 4), (idx % 4) + 1);
}

/** The `count` quarters up to and including the one containing `at`, oldest first. */
export function recentQuarters(count: number, at: number = Date.now()): Period[] {
  const current = quarterOf(at);
  return Array.from({ length: count }, (_, i) => shiftQuarter(current, count - 1 - i));
}

/** A period of arbitrary dates (a quarter's exact dates give the quarter). */
export function datePeriod(fromDate: string, toDate: string): Period {
  const m = /^(\d{4})-(\d{2})-01$/.exec(fromDate);
  if (m && (Number(m[2]) - 1) % 3 === 0) {
    const q = quarterPeriod(Number(m[1]), (Number(m[2]) - 1) / 3 + 1);
    if (q.toDate === toDate) return q;
  }
  return {
    key: `${fromDate}..${toDate}`,
    label: `${fromDate}至${toDate}`,
    fromDate,
    toDate,
    from: startOfShanghaiDay(fromDate).getTime(),
    to: endOfShanghaiDay(toDate).getTime(),
  };
}

/** Longest custom period (days): a longer one would make a snapshot no dashboard needs. */
const MAX_DAYS = 3 * 366;

/** The period of a query (`quarter`, or `from` + `to`; default the current quarter). */
export function periodOfQuery(q: { quarter?: string; from?: string; to?: string }, now: number = Date.now()): Period {
  if (q.quarter) {
    const m = QUARTER_PATTERN.exec(q.quarter)!;
    return quarterPeriod(Number(m[1]), Number(m[2]));
  }
  if (q.from && q.to) {
    const p = datePeriod(q.from, q.to);
    if ((p.to - p.from) / 86_400_000 > MAX_DAYS) throw validationFailed('统计区间不能超过三年', [{ path: 'query.to', message: '统计区间不能超过三年' }]);
    return p;
  }
  return quarterOf(now);
}

/** The instant state metrics are taken at: the period's end, or `now` while the period runs. */
export function asOfOf(p: Period, now: number): number {
  return Math.min(p.to, now);
}

/** The contract's view of a period. */
export function periodView(p: Period, now: number): AssessmentPeriod {
  return { key: p.key, label: p.label, from: p.fromDate, to: p.toDate, asOf: toShanghaiIso(new Date(asOfOf(p, now))) };
}

/** Calendar days from the China date of `a` to that of `b` (0 on the same day). */
export function calendarDaysBetween(a: number, b: number): number {
  const da = Date.parse(`${shanghaiDate(new Date(a))}T00:00:00Z`);
  const db = Date.parse(`${shanghaiDate(new Date(b))}T00:00:00Z`);
  return Math.round((db - da) / 86_400_000);
}
