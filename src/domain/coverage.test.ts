import { describe, expect, it } from 'vitest';
import { countReserves, coverageProfile, lastDayAtMostAge, youngBornAfter, isReadyNowSuccessor, percentage, reconcileShortfalls, shortfalls, villageCoverage as coverageOfCounts, type CoveringReserve } from './coverage.ts';

const villageCoverage = (reserves: readonly CoveringReserve[], need: 'mature' | 'youngPotential' | null, today: string) => coverageOfCounts(countReserves(reserves, today), need, today);

const TODAY = '2026-11-29';
const mature = (birthDate: string): CoveringReserve => ({ birthDate, profile: 'mature' });
const potential = (birthDate: string): CoveringReserve => ({ birthDate, profile: 'youngPotential' });

describe('villageCoverage', () => {
  it('is met with exactly two reserves, one young and one of the needed kind', () => {
    const results = villageCoverage([mature('1980-05-01'), potential('1995-01-01')], 'mature', TODAY);
    expect(shortfalls(results)).toEqual([]);
  });

  it('is short of the minimum with one reserve, and says how many there are', () => {
    const results = villageCoverage([potential('1995-01-01')], null, TODAY);
    expect(shortfalls(results)).toEqual(['minimumReserves']);
    expect(results[0]!.explanation).toBe('现有后备力量 1 名，要求不少于 2 名');
  });

  it('counts a reserve who turns 36 today as no longer young, and one who turns 36 tomorrow as young', () => {
    const turnsToday = villageCoverage([mature('1990-11-29'), mature('1970-01-01')], null, TODAY);
    expect(shortfalls(turnsToday)).toEqual(['youngReserve']);
    const turnsTomorrow = villageCoverage([mature('1990-11-30'), mature('1970-01-01')], null, TODAY);
    expect(shortfalls(turnsTomorrow)).toEqual([]);
  });

  it('asks for the kind the village needs, and for none when it needs no particular kind', () => {
    expect(shortfalls(villageCoverage([potential('1995-01-01'), potential('1996-01-01')], 'mature', TODAY))).toEqual(['neededKind']);
    expect(shortfalls(villageCoverage([potential('1995-01-01'), potential('1996-01-01')], null, TODAY))).toEqual([]);
  });

  it('fails every rule for a village without reserves', () => {
    expect(shortfalls(villageCoverage([], 'youngPotential', TODAY))).toEqual(['minimumReserves', 'youngReserve', 'neededKind']);
  });
});

describe('reconcileShortfalls', () => {
  it('opens new shortfalls today, keeps the date of those still short and closes those met', () => {
    const stored = new Map([['minimumReserves', '2026-01-05'], ['youngReserve', '2026-03-01']] as const);
    expect(reconcileShortfalls(stored, ['minimumReserves', 'neededKind'], TODAY)).toEqual({ open: [{ rule: 'neededKind', since: TODAY }], close: ['youngReserve'] });
  });
});

describe('bench strength', () => {
  it('counts only a reserve prepared for secretary, ready now and passing the new-secretary rules', () => {
    expect(isReadyNowSuccessor({ targetPost: 'secretary', readiness: 'readyNow', passesNewSecretaryRules: true })).toBe(true);
    expect(isReadyNowSuccessor({ targetPost: 'committeeMember', readiness: 'readyNow', passesNewSecretaryRules: true })).toBe(false);
    expect(isReadyNowSuccessor({ targetPost: 'secretary', readiness: 'withinTwoYears', passesNewSecretaryRules: true })).toBe(false);
    expect(isReadyNowSuccessor({ targetPost: 'secretary', readiness: 'readyNow', passesNewSecretaryRules: false })).toBe(false);
  });

  it('gives shares with one decimal and none of nothing', () => {
    expect(percentage(1, 3)).toBe(33.3);
    expect(percentage(0, 0)).toBeNull();
    expect(coverageProfile({ readiness: 'readyNow' })).toBe('mature');
    expect(coverageProfile({ readiness: 'longer' })).toBe('youngPotential');
  });
});

describe('countReserves', () => {
  it('treats a birthday on 29 February as 1 March in other years', () => {
    // Born 1992-02-29: turns 36 on 2028-02-29, and on 1 March in years without a 29 February.
    expect(countReserves([mature('1992-02-29')], '2028-02-28').young).toBe(1);
    expect(countReserves([mature('1992-02-29')], '2028-02-29').young).toBe(0);
    expect(countReserves([mature('1991-02-28')], '2027-02-28').young).toBe(0);
  });
});

describe('lastDayAtMostAge', () => {
  const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const isAtMost = (birthDate: string, age: number, on: string) => birthDate > youngBornAfter(on, age);

  it('is the day before the birthday that takes the person over the age', () => {
    expect(lastDayAtMostAge('1990-06-15', 35)).toBe('2026-06-14');
  });

  it('takes 1 March as the birthday of someone born on 29 February in a common year', () => {
    expect(lastDayAtMostAge('2000-02-29', 34)).toBe('2035-02-28');
    expect(lastDayAtMostAge('2000-02-29', 35)).toBe('2036-02-28');
  });

  it('agrees with the young cut-off on the day itself and the day after, at every edge', () => {
    for (const birthDate of ['2000-02-29', '1991-01-01', '1991-12-31', '1988-03-01', '1992-02-28']) {
      for (const age of [35, 45]) {
        const last = lastDayAtMostAge(birthDate, age);
        expect(isAtMost(birthDate, age, last)).toBe(true);
        expect(isAtMost(birthDate, age, nextDay(last))).toBe(false);
      }
    }
  });
});
