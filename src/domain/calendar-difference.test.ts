import { describe, expect, it } from 'vitest';
import { describeDifference, differenceFromOfficial, isSameAsOfficial } from './calendar-difference.ts';

/** 2026's National Day: 1–7 October off (3–4 October a weekend), Sunday 27 September and Saturday 10 October worked. */
const official = {
  holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
  makeUpWorkdays: ['2026-09-27', '2026-10-10'],
};

describe('difference from the official calendar', () => {
  it('finds nothing when the same schedule is entered in another order', () => {
    const difference = differenceFromOfficial(2026, official, { holidays: [...official.holidays].reverse(), makeUpWorkdays: official.makeUpWorkdays });
    expect(difference).toEqual({ becomeWorkingDays: [], becomeDaysOff: [] });
    expect(isSameAsOfficial(difference)).toBe(true);
    expect(describeDifference(difference)).toBe('与官方安排一致');
  });

  it('lists holidays made working days, and working days made holidays, in date order', () => {
    const entered = {
      holidays: ['2026-09-30', '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05'],
      makeUpWorkdays: ['2026-09-27'],
    };
    const difference = differenceFromOfficial(2026, official, entered);
    // 6 and 7 October become working days; 10 October (a Saturday no longer worked) becomes a day off, as does 30 September.
    expect(difference).toEqual({ becomeWorkingDays: ['2026-10-06', '2026-10-07'], becomeDaysOff: ['2026-09-30', '2026-10-10'] });
    expect(describeDifference(difference)).toBe('2 天由放假改为上班（2026-10-06、2026-10-07）；2 天由上班改为放假（2026-09-30、2026-10-10）');
  });

  it('ignores a holiday on a weekend, which is a day off either way', () => {
    const difference = differenceFromOfficial(2026, official, { holidays: official.holidays.filter((date) => date !== '2026-10-03'), makeUpWorkdays: official.makeUpWorkdays });
    expect(isSameAsOfficial(difference)).toBe(true);
  });
});
