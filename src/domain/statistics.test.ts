import { describe, expect, it } from 'vitest';
import { ageOn } from './dates.ts';
import {
  addGroupedCounts, addSummaryLines, addUnitTotals, AGE_BANDS, ageBandOf, bandBirthDates, AGE_BAND_RANGES, changeSince, countBy, halfYearOf, halfYearRange, isCollegeOrAbove, isPartyMember,
  figuresOf, summaryAgeBandOf, targetProgress,
} from './statistics.ts';

const ON = '2026-06-30';

describe('age bands at a date', () => {
  it('puts someone who turns 36 on the date into 36–40, and the day before still into 31–35', () => {
    expect(ageBandOf('1990-06-30', ON)).toBe('from36To40');
    expect(ageBandOf('1990-07-01', ON)).toBe('from31To35');
  });

  it('puts 30 into the first band and 31 into the second, at the birthday', () => {
    expect(ageBandOf('1995-06-30', ON)).toBe('from31To35');
    expect(ageBandOf('1995-07-01', ON)).toBe('upTo30');
  });

  it('puts 50 into 46–50 and 51 into the last band', () => {
    expect(ageBandOf('1976-07-01', ON)).toBe('from46To50');
    expect(ageBandOf('1975-06-30', ON)).toBe('over50');
  });

  it('moves a person into the next band when the date passes the birthday', () => {
    expect(ageBandOf('1991-01-15', '2026-01-14')).toBe('from31To35');
    expect(ageBandOf('1991-01-15', '2026-01-15')).toBe('from31To35');
    expect(ageBandOf('1990-01-15', '2026-01-14')).toBe('from31To35');
    expect(ageBandOf('1990-01-15', '2026-01-15')).toBe('from36To40');
  });

  it('gives a birthday on 29 February its band from 1 March in a common year', () => {
    expect(ageBandOf('1992-02-29', '2023-02-28')).toBe('upTo30');
    expect(ageBandOf('1992-02-29', '2023-03-01')).toBe('from31To35');
  });

  it('agrees with ageOn for every band across a run of birth dates', () => {
    for (let day = 0; day < 800; day += 7) {
      const birth = new Date(Date.UTC(1975, 0, 1 + day * 12)).toISOString().slice(0, 10);
      const age = ageOn(birth, ON);
      const band = ageBandOf(birth, ON);
      const range = AGE_BAND_RANGES[band];
      expect(age).toBeGreaterThanOrEqual(range.ageMin ?? 0);
      expect(age).toBeLessThanOrEqual(range.ageMax ?? 200);
    }
    expect(AGE_BANDS).toHaveLength(6);
  });

  it('gives the birth-date cut of a band the same edges as the band itself', () => {
    const cut = bandBirthDates(AGE_BAND_RANGES.from31To35, ON);
    expect(cut).toEqual({ bornAfter: '1990-06-30', bornOnOrBefore: '1995-06-30' });
  });

  it('splits the 汇总表 bands at 35/36 and 45/46', () => {
    expect(summaryAgeBandOf('1991-06-30', ON)).toBe('upTo35');
    expect(summaryAgeBandOf('1990-06-30', ON)).toBe('from36To45');
    expect(summaryAgeBandOf('1981-07-01', ON)).toBe('from36To45');
    expect(summaryAgeBandOf('1980-06-30', ON)).toBe('over45');
  });
});

describe('groupings', () => {
  it('counts 大专 and above as college, 高中 not', () => {
    expect(isCollegeOrAbove('juniorCollege')).toBe(true);
    expect(isCollegeOrAbove('postgraduate')).toBe(true);
    expect(isCollegeOrAbove('seniorHigh')).toBe(false);
  });

  it('counts full and probationary members as Party members, activists not', () => {
    expect(isPartyMember('probationaryMember')).toBe(true);
    expect(isPartyMember('activist')).toBe(false);
  });

  it('lists every code of the order, with zero for the missing ones, and keeps unknown codes at the end', () => {
    expect(countBy(new Map([['male', 3], ['unknown', 1]]), ['male', 'female'])).toEqual([
      { code: 'male', count: 3 }, { code: 'female', count: 0 }, { code: 'unknown', count: 1 },
    ]);
  });
});

describe('change since the last snapshot', () => {
  it('is the difference, or null without a snapshot', () => {
    expect(changeSince(12, 9)).toBe(3);
    expect(changeSince(40.5, 42)).toBe(-1.5);
    expect(changeSince(12, undefined)).toBeNull();
    expect(changeSince(null, 3)).toBeNull();
  });
});

describe('targets and their direction', () => {
  it('meets a rising target at the target and not below it', () => {
    expect(targetProgress({ baseline: 40, now: 60, target: 60, direction: 'rise' })).toMatchObject({ isMet: true, isImproving: true, gap: 0 });
    expect(targetProgress({ baseline: 40, now: 59.5, target: 60, direction: 'rise' })).toMatchObject({ isMet: false, isImproving: true, gap: 0.5 });
  });

  it('meets a falling target at or under the target, and sees a rise as going the wrong way', () => {
    expect(targetProgress({ baseline: 48, now: 45, target: 45, direction: 'fall' })).toMatchObject({ isMet: true, isImproving: true });
    expect(targetProgress({ baseline: 48, now: 49, target: 45, direction: 'fall' })).toMatchObject({ isMet: false, isImproving: false, gap: 4 });
  });

  it('cannot judge the way without a baseline, and is not met without a figure now', () => {
    expect(targetProgress({ baseline: null, now: 50, target: 45, direction: 'fall' }).isImproving).toBeNull();
    expect(targetProgress({ baseline: 50, now: null, target: 45, direction: 'fall' })).toMatchObject({ isMet: false, gap: null });
  });
});

describe('half years', () => {
  it('splits the year at the end of June', () => {
    expect(halfYearOf('2026-06-30')).toEqual({ year: 2026, half: 1 });
    expect(halfYearOf('2026-07-01')).toEqual({ year: 2026, half: 2 });
    expect(halfYearRange(2026, 2)).toEqual({ from: '2026-07-01', to: '2026-12-31' });
  });
});

describe('the 汇总表 totals', () => {
  it('adds every count and every source category of the lines', () => {
    const line = (reserves: number, women: number, bySource: Record<string, number>) => ({
      counts: { reserves, women, upTo35: 1, from36To45: 0, over45: reserves - 1, college: 0, partyMembers: reserves, withMentor: 0, trainedThisYear: 1 },
      bySource,
    });
    const total = addSummaryLines([line(3, 1, { veteran: 2, graduate: 1 }), line(2, 0, { veteran: 1, groupLeader: 1 })]);
    expect(total.counts).toMatchObject({ reserves: 5, women: 1, upTo35: 2, over45: 3, partyMembers: 5, trainedThisYear: 2 });
    expect(total.bySource).toEqual({ veteran: 3, graduate: 1, groupLeader: 1 });
    expect(addSummaryLines([]).counts.reserves).toBe(0);
  });
});

describe("a unit's figures from its counties' counts", () => {
  it("adds the counts and takes the shares and the average age of the sums, not the average of the counties' shares", () => {
    const small = { reserves: 2, villages: 1, trained: 2, secretaries: 1, collegeSecretaries: 1, secretaryAgeSum: 30, mentored: 2, mentoredContactedThisMonth: 2 };
    const large = { reserves: 8, villages: 4, trained: 2, secretaries: 3, collegeSecretaries: 0, secretaryAgeSum: 150, mentored: 0, mentoredContactedThisMonth: 0 };
    const totals = addUnitTotals([small, large]);
    expect(totals).toMatchObject({ reserves: 10, villages: 5, trained: 4, secretaries: 4, secretaryAgeSum: 180, shortVillages: 0 });
    const figures = figuresOf(totals);
    // 4 of 10 trained: 40 %, where the counties' shares (100 %, 25 %) would average 62.5 %.
    expect(figures.trainingCompliance).toBe(40);
    expect(figures.secretaryCollegeShare).toBe(25);
    expect(figures.secretaryAverageAge).toBe(45);
    expect(figures.mentoringThisMonth).toBe(100);
  });

  it("leaves a share or an average empty when there is nothing to count, and the campaign's progress to the campaign", () => {
    const figures = figuresOf(addUnitTotals([]));
    expect(figures.trainingCompliance).toBeNull();
    expect(figures.secretaryAverageAge).toBeNull();
    expect(figures.campaignProgress).toBeNull();
    expect(figures.reserves).toBe(0);
  });

  it('adds the grouped counts of the charts code by code, keeping codes only one unit has', () => {
    const total = addGroupedCounts([{ gender: { male: 3, female: 1 } }, { gender: { female: 2 }, education: { bachelor: 1 } }]);
    expect(total).toEqual({ gender: { male: 3, female: 3 }, education: { bachelor: 1 } });
  });
});
