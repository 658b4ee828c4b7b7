import { isWorkday as libIsWorkday } from 'chinese-days';
import calendarData from 'chinese-days/dist/chinese-days.json';

/*
 * China's working-day calendar (工作日) for statutory deadlines: weekends and official holidays are off,
 * and the make-up working days (调休) on weekends are on. The holiday and 调休 data come from the
 * `chinese-days` package (State Council notices); nothing is hand-made here.
 *
 * Dates are calendar dates in China (Asia/Shanghai, UTC+8 all year, no DST) as `YYYY-MM-DD` strings.
 * Any instant given (a Date or an ISO time) is first turned into its date in China.
 *
 * Coverage: the package has notices for the years `CALENDAR_YEARS.from`–`to` (2004–2026 in 1.5.7). For a
 * later year the State Council has not yet published (usually each November), a day counts as working when
 * it is Monday–Friday; `isCovered` tells callers when a date relies on that fallback. Updating the package
 * brings the new year in.
 */

/** China time offset (no DST since 1991). */
const OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date (`YYYY-MM-DD`, read as a date in China) or an instant (Date or ISO time). */
export type DateInput = string | Date;

/** The years the holiday data covers. */
export const CALENDAR_YEARS: { from: number; to: number } = (() => {
  const data = calendarData as { holidays: Record<string, string>; workdays: Record<string, string> };
  const years = [...Object.keys(data.holidays), ...Object.keys(data.workdays)].map((d) => Number(d.slice(0, 4)));
  return { from: Math.min(...years), to: Math.max(...years) };
})();

/** The date in China (`YYYY-MM-DD`) of an instant, or a `YYYY-MM-DD` string checked and returned as is. */
export function shanghaiDate(d: DateInput): string {
  if (typeof d === 'string' && DATE_RE.test(d)) {
    if (Number.isNaN(Date.parse(`${d}T00:00:00Z`))) throw new RangeError(`invalid date: ${d}`);
    return d;
  }
  const t = typeof d === 'string' ? Date.parse(d) : d.getTime();
  if (Number.isNaN(t)) throw new RangeError(`invalid date: ${String(d)}`);
  return new Date(t + OFFSET_MS).toISOString().slice(0, 10);
}

/** Midnight at the start of a China date, as an instant. */
export function startOfShanghaiDay(d: DateInput): Date {
  return new Date(Date.parse(`${shanghaiDate(d)}T00:00:00Z`) - OFFSET_MS);
}

/** The last millisecond of a China date (23:59:59.999 +08:00): a deadline "on" that date. */
export function endOfShanghaiDay(d: DateInput): Date {
  return new Date(startOfShanghaiDay(d).getTime() + DAY_MS - 1);
}

/** An instant as ISO 8601 in China time: `2025-10-10T23:59:59.999+08:00`. */
export function toShanghaiIso(d: Date): string {
  return `${new Date(d.getTime() + OFFSET_MS).toISOString().slice(0, 23)}+08:00`;
}

/** `YYYY-MM-DD` plus `n` calendar days. */
export function addDays(d: DateInput, n: number): string {
  const t = Date.parse(`${shanghaiDate(d)}T00:00:00Z`) + n * DAY_MS;
  return new Date(t).toISOString().slice(0, 10);
}

const memo = new Map<string, boolean>();

/** True when the date (in China) is a working day: Mon–Fri not a holiday, or a 调休 weekend working day. */
export function isWorkingDay(d: DateInput): boolean {
  const date = shanghaiDate(d);
  let v = memo.get(date);
  if (v === undefined) {
    v = libIsWorkday(date);
    if (memo.size > 20_000) memo.clear();
    memo.set(date, v);
  }
  return v;
}

/** True when the date's year is in the holiday data (else only weekends count as days off). */
export function isCovered(d: DateInput): boolean {
  const y = Number(shanghaiDate(d).slice(0, 4));
  return y >= CALENDAR_YEARS.from && y <= CALENDAR_YEARS.to;
}

/**
 * The `n`th working day after the date (the date itself not counted): the deadline "within n working
 * days of" it. Negative `n` counts back ("n working days before"); 0 returns the date itself.
 */
export function addWorkingDays(d: DateInput, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`working days must be an integer: ${n}`);
  let date = shanghaiDate(d);
  const step = n < 0 ? -1 : 1;
  for (let left = Math.abs(n); left > 0; ) {
    date = addDays(date, step);
    if (isWorkingDay(date)) left -= 1;
  }
  return date;
}

/**
 * Working days in (a, b]: after `a`, up to and including `b` (so `addWorkingDays(a, n)` is n working days
 * after a). Negative when `b` is before `a`; 0 for the same date.
 */
export function workingDaysBetween(a: DateInput, b: DateInput): number {
  let from = shanghaiDate(a);
  const to = shanghaiDate(b);
  if (from === to) return 0;
  const sign = to > from ? 1 : -1;
  const [lo, hi] = sign > 0 ? [from, to] : [to, from];
  let n = 0;
  for (from = addDays(lo, 1); from <= hi; from = addDays(from, 1)) if (isWorkingDay(from)) n += 1;
  return sign * n;
}

/**
 * The deadline instant `n` working days after an instant or date: the end (23:59:59.999 China time) of
 * `addWorkingDays(from, n)`. The feedback module's 20-working-day answers use this.
 */
export function workingDeadline(from: DateInput, n: number): Date {
  return endOfShanghaiDay(addWorkingDays(from, n));
}
