import {
  CALENDAR_YEARS,
  addDays,
  addWorkingDays,
  endOfShanghaiDay,
  isCovered,
  isWorkingDay,
  shanghaiDate,
  startOfShanghaiDay,
  toShanghaiIso,
  workingDaysBetween,
  workingDeadline,
} from '.';

/*
 * National Day 2025 (国办发明电〔2024〕12号): 10-01 to 10-08 off (with Mid-Autumn), make-up working days
 * Sunday 09-28 and Saturday 10-11.
 */
describe('working-day calendar (chinese-days)', () => {
  it('covers the years of the holiday data, 2025 and 2026 included', () => {
    expect(CALENDAR_YEARS.from).toBeLessThanOrEqual(2024);
    expect(CALENDAR_YEARS.to).toBeGreaterThanOrEqual(2026);
    expect(isCovered('2025-10-01')).toBe(true);
    expect(isCovered(`${CALENDAR_YEARS.to + 1}-01-04`)).toBe(false);
  });

  it('knows the National Day 2025 holiday and its 调休 working weekend days', () => {
    expect(isWorkingDay('2025-09-27')).toBe(false); // ordinary Saturday
    expect(isWorkingDay('2025-09-28')).toBe(true); // Sunday, 调休
    for (let d = 1; d <= 8; d++) expect(isWorkingDay(`2025-10-0${d}`)).toBe(false);
    expect(isWorkingDay('2025-10-09')).toBe(true);
    expect(isWorkingDay('2025-10-11')).toBe(true); // Saturday, 调休
    expect(isWorkingDay('2025-10-12')).toBe(false);
  });

  it('counts n working days after a date across the holiday', () => {
    // Friday 09-26 + 5: 09-28 (Sun, 调休), 09-29, 09-30, 10-09, 10-10.
    expect(addWorkingDays('2025-09-26', 5)).toBe('2025-10-10');
    // 09-30 + 3: 10-09, 10-10, 10-11 (Sat, 调休).
    expect(addWorkingDays('2025-09-30', 3)).toBe('2025-10-11');
    // The statutory 20 working days from 09-30: 10-09 … 11-04 (10-11 counts, the weekends don't).
    expect(addWorkingDays('2025-09-30', 20)).toBe('2025-11-04');
    expect(addWorkingDays('2025-10-01', 0)).toBe('2025-10-01');
    // Backwards: 7 working days before 10-15 (hearing notice): 10-14, 10-13, 10-11, 10-10, 10-09, 09-30, 09-29.
    expect(addWorkingDays('2025-10-15', -7)).toBe('2025-09-29');
  });

  it('counts working days between two dates, exclusive of the first', () => {
    expect(workingDaysBetween('2025-09-30', '2025-10-10')).toBe(2);
    expect(workingDaysBetween('2025-09-26', '2025-10-12')).toBe(6);
    expect(workingDaysBetween('2025-10-12', '2025-09-26')).toBe(-6);
    expect(workingDaysBetween('2025-10-01', '2025-10-01')).toBe(0);
    for (const n of [1, 5, 10, 20, 33]) expect(workingDaysBetween('2025-09-20', addWorkingDays('2025-09-20', n))).toBe(n);
  });

  it('reads instants as dates in China time', () => {
    // 2025-09-30T17:00Z is already 10-01 01:00 in China: a holiday.
    expect(shanghaiDate('2025-09-30T17:00:00Z')).toBe('2025-10-01');
    expect(isWorkingDay(new Date('2025-09-30T17:00:00Z'))).toBe(false);
    expect(isWorkingDay(new Date('2025-09-30T15:00:00Z'))).toBe(true);
    expect(startOfShanghaiDay('2025-10-10').toISOString()).toBe('2025-10-09T16:00:00.000Z');
    expect(toShanghaiIso(endOfShanghaiDay('2025-10-10'))).toBe('2025-10-10T23:59:59.999+08:00');
    expect(workingDeadline('2025-09-26T10:00:00+08:00', 5).toISOString()).toBe('2025-10-10T15:59:59.999Z');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(() => shanghaiDate('2025-13-45x')).toThrow(RangeError);
  });

  it('knows the 2026 Spring Festival', () => {
    expect(isWorkingDay('2026-02-17')).toBe(false);
    expect(isWorkingDay('2026-02-14')).toBe(true); // Saturday, 调休
  });
});
