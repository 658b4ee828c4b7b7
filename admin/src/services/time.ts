import dayjs from 'dayjs';

/**
 * Formats an instant in China time (UTC+8, no daylight saving) whatever the browser's own zone: deadlines
 * are "the end of that day, China time", and an official travelling, or a test machine on UTC, must see the
 * same date. `pattern` is a dayjs format (`YYYY-MM-DD HH:mm`).
 */
export function chinaTime(iso: string | number | Date, pattern: string): string {
  const ms = typeof iso === 'number' ? iso : new Date(iso).getTime();
  const local = new Date(ms);
  return dayjs(ms + (480 + local.getTimezoneOffset()) * 60_000).format(pattern);
}
