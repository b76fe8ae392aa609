import { describe, expect, it } from 'vitest';
import { addCalendarDays } from './election-arithmetic.ts';
import { compositionOf, isDualSigned, rollUpComposition, signOffProblem, type CompositionMember, type SignOff } from './election-procedure.ts';

describe('双签 (dualSignOff)', () => {
  const minister: SignOff = { as: 'minister', userId: 'u1', name: '张部长', signedOn: '2026-10-15' };
  it('needs both roles', () => {
    expect(isDualSigned([minister])).toBe(false);
    expect(isDualSigned([minister, { as: 'countySecretary', userId: 'u2', name: '李书记', signedOn: '2026-10-16' }])).toBe(true);
  });
  it('refuses the same user twice and a role signed already', () => {
    expect(signOffProblem([minister], { as: 'countySecretary', userId: 'u1' })).toBe('“双签”须由组织部长和县委书记两人分别签字，张部长已作为组织部长签字，不能再作为县委书记签字');
    expect(signOffProblem([minister], { as: 'minister', userId: 'u3' })).toBe('组织部长已于 2026-10-15 签字（张部长）');
    expect(signOffProblem([minister], { as: 'countySecretary', userId: 'u2' })).toBeNull();
  });
});

const member = (personId: string, committee: 'party' | 'villagers', post: string, gender: string, birthDate: string, education = 'seniorHigh'): CompositionMember =>
  ({ personId, committee, post, gender, birthDate, education });

describe('composition against the targets', () => {
  it('counts the secretary, a member 35 or under, women, women heads and 一肩挑 once per person', () => {
    const composition = compositionOf([
      member('a', 'party', 'secretary', 'female', '1990-05-06', 'juniorCollege'), member('a', 'villagers', 'director', 'female', '1990-05-06', 'juniorCollege'),
      member('b', 'party', 'member', 'male', '1980-01-01'), member('c', 'villagers', 'member', 'female', '1991-12-02'),
    ], '2026-12-01');
    expect(composition).toEqual({ members: 3, secretaryAge: 36, secretaryHasCollege: true, hasYoungMember: true, womenMembers: 2, womenHeads: 1, isSecretaryAndDirector: true });
  });
  it('knows no secretary, and a member of 36 is not young', () => {
    expect(compositionOf([member('b', 'party', 'member', 'male', '1990-01-01')], '2026-12-01')).toMatchObject({ secretaryAge: null, secretaryHasCollege: null, hasYoungMember: false });
  });
  it('rolls up villages: averages, shares and counts', () => {
    const village = (before: number, after: number, hasCollege: boolean, fromReserves: boolean) => ({
      before: { members: 5, secretaryAge: before, secretaryHasCollege: false, hasYoungMember: false, womenMembers: 0, womenHeads: 0, isSecretaryAndDirector: false },
      after: { members: 5, secretaryAge: after, secretaryHasCollege: hasCollege, hasYoungMember: true, womenMembers: 1, womenHeads: 0, isSecretaryAndDirector: true },
      reservesUsed: fromReserves ? 1 : 0, isNewSecretaryFromReserves: fromReserves,
    });
    expect(rollUpComposition([village(60, 40, true, true), village(50, 45, false, false)])).toEqual({
      villages: 2, averageSecretaryAge: { before: 55, after: 42.5 }, secretaryCollegeShare: { before: 0, after: 0.5 },
      villagesWithYoungMember: { before: 0, after: 2 }, womenMembers: { before: 0, after: 2 }, womenHeads: { before: 0, after: 0 },
      secretaryAndDirector: { before: 0, after: 2 }, reservesUsed: 1, newSecretariesFromReserves: 1,
    });
    expect(rollUpComposition([]).averageSecretaryAge).toEqual({ before: null, after: null });
  });
});

describe('calendar days', () => {
  it('adds days across months and years', () => {
    expect(addCalendarDays('2026-12-25', 10)).toBe('2027-01-04');
    expect(addCalendarDays('2028-02-28', 1)).toBe('2028-02-29');
  });
});
