import { nextRun } from './schedule';

describe('nextRun', () => {
  it('finds the next daily slot in China Standard Time', () => {
    // 2026-10-01 07:59 CST = 2026-09-30T23:59Z → the 08:00 CST slot the same morning
    expect(nextRun({ dailyAt: '08:00' }, new Date('2026-09-30T23:59:00Z')).toISOString()).toBe('2026-10-01T00:00:00.000Z');
    // 08:00 CST exactly → the next day's
    expect(nextRun({ dailyAt: '08:00' }, new Date('2026-10-01T00:00:00Z')).toISOString()).toBe('2026-10-02T00:00:00.000Z');
  });

  it('aligns interval slots to multiples of the interval', () => {
    expect(nextRun({ everyMs: 60_000 }, new Date('2026-10-01T00:00:30Z')).toISOString()).toBe('2026-10-01T00:01:00.000Z');
  });

  it('rejects a malformed clock time', () => {
    expect(() => nextRun({ dailyAt: '8am' })).toThrow(/HH:MM/);
  });
});
