import { describe, expect, it } from 'vitest';
import { addYears, DEFAULT_TRAINING_RULES, evaluateTraining, evaluateTrainingFacts, summariseTraining, type TrainingAttendance } from './training-rules.ts';

const session = (method: TrainingAttendance['method'], startDate: string, endDate: string, daysAttended: number): TrainingAttendance => ({ method, startDate, endDate, daysAttended });

describe('training rules', () => {
  it('adds days split across sessions within the year, and says how many are missing and by when', () => {
    const attendance = [session('online', '2026-03-02', '2026-03-02', 1), session('meetingAsTraining', '2026-06-10', '2026-06-10', 1)];
    expect(evaluateTraining(attendance, DEFAULT_TRAINING_RULES, { onDate: '2026-07-01', admittedOn: '2025-01-01' }).annual)
      .toEqual({ year: 2026, requiredDays: 3, attendedDays: 2, shortByDays: 1, dueBy: '2026-12-31', status: 'due' });
    const enough = [...attendance, session('fieldVisit', '2026-09-01', '2026-09-01', 1)];
    expect(evaluateTraining(enough, DEFAULT_TRAINING_RULES, { onDate: '2026-10-01', admittedOn: '2025-01-01' }).annual).toMatchObject({ attendedDays: 3, shortByDays: 0, status: 'met' });
  });

  it('counts a session spanning New Year in the year it ends', () => {
    const attendance = [session('centralised', '2025-12-29', '2026-01-02', 4)];
    expect(evaluateTraining(attendance, DEFAULT_TRAINING_RULES, { onDate: '2026-01-05', admittedOn: '2025-01-01' }).annual.attendedDays).toBe(4);
    expect(evaluateTraining(attendance, DEFAULT_TRAINING_RULES, { onDate: '2025-12-31', admittedOn: '2025-01-01' }).annual.attendedDays).toBe(0);
  });

  it('runs the 3-year centralised window from a mid-year admission', () => {
    const none: TrainingAttendance[] = [];
    expect(evaluateTraining(none, DEFAULT_TRAINING_RULES, { onDate: '2026-07-01', admittedOn: '2024-07-15' }).centralised).toEqual({ status: 'due', dueBy: '2027-07-15', lastQualifyingEnd: null });
    expect(evaluateTraining(none, DEFAULT_TRAINING_RULES, { onDate: '2027-07-16', admittedOn: '2024-07-15' }).centralised.status).toBe('overdue');
    const trained = [session('partySchool', '2025-10-08', '2025-10-12', 5)];
    expect(evaluateTraining(trained, DEFAULT_TRAINING_RULES, { onDate: '2027-07-16', admittedOn: '2024-07-15' }).centralised).toEqual({ status: 'met', dueBy: '2028-10-12', lastQualifyingEnd: '2025-10-12' });
  });

  it('does not count short or non-centralised sessions toward the centralised rule', () => {
    const attendance = [session('centralised', '2025-05-06', '2025-05-09', 4), session('online', '2025-06-01', '2025-06-10', 10)];
    expect(evaluateTraining(attendance, DEFAULT_TRAINING_RULES, { onDate: '2026-01-01', admittedOn: '2024-01-01' }).centralised.status).toBe('due');
  });

  it('handles leap days when adding years', () => {
    expect(addYears('2024-02-29', 3)).toBe('2027-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    const attendance = [session('centralised', '2024-02-25', '2024-02-29', 5)];
    expect(evaluateTraining(attendance, DEFAULT_TRAINING_RULES, { onDate: '2027-02-28', admittedOn: '2023-09-01' }).centralised.status).toBe('met');
    expect(evaluateTraining(attendance, DEFAULT_TRAINING_RULES, { onDate: '2027-03-01', admittedOn: '2023-09-01' }).centralised).toMatchObject({ status: 'overdue', dueBy: '2027-02-28' });
  });

  it('counts half days split across sessions, and only sessions ended by the date', () => {
    const attendance = [session('meetingAsTraining', '2026-02-03', '2026-02-03', 0.5), session('online', '2026-05-06', '2026-05-07', 1.5), session('fieldVisit', '2026-11-30', '2026-12-01', 1)];
    expect(evaluateTraining(attendance, DEFAULT_TRAINING_RULES, { onDate: '2026-11-30', admittedOn: '2025-01-01' }).annual).toMatchObject({ attendedDays: 2, shortByDays: 1 });
    expect(evaluateTraining(attendance, DEFAULT_TRAINING_RULES, { onDate: '2026-12-01', admittedOn: '2025-01-01' }).annual).toMatchObject({ attendedDays: 3, shortByDays: 0, status: 'met' });
  });

  it('gives the same answer from summed facts (as the reminder query sums them) as from the attendance itself', () => {
    const attendance = [session('centralised', '2023-03-01', '2023-03-05', 5), session('partySchool', '2024-02-25', '2024-02-29', 5), session('online', '2026-03-01', '2026-03-01', 1)];
    for (const onDate of ['2024-02-28', '2024-02-29', '2027-02-28', '2027-03-01', '2026-12-31']) {
      const options = { onDate, admittedOn: '2023-06-15' };
      expect(evaluateTrainingFacts(summariseTraining(attendance, DEFAULT_TRAINING_RULES, onDate), DEFAULT_TRAINING_RULES, options)).toEqual(evaluateTraining(attendance, DEFAULT_TRAINING_RULES, options));
    }
    // The 2023-03 session ended before admission (2023-06-15): it does not count; the leap-day one does.
    expect(evaluateTraining(attendance, DEFAULT_TRAINING_RULES, { onDate: '2024-02-28', admittedOn: '2023-06-15' }).centralised).toEqual({ status: 'due', dueBy: '2026-06-15', lastQualifyingEnd: null });
    expect(evaluateTraining(attendance, DEFAULT_TRAINING_RULES, { onDate: '2024-02-29', admittedOn: '2023-06-15' }).centralised).toEqual({ status: 'met', dueBy: '2027-02-28', lastQualifyingEnd: '2024-02-29' });
  });

  it('follows a jurisdiction’s own rules: other minimum days, methods and window', () => {
    const rules = { minimumDaysPerYear: 5, centralisedMinimumDays: 3, centralisedWindowYears: 2, centralisedMethods: ['centralised'] as const };
    const attendance = [session('partySchool', '2025-04-01', '2025-04-05', 5), session('centralised', '2025-09-01', '2025-09-03', 3)];
    expect(evaluateTraining(attendance, { ...rules, centralisedMethods: [...rules.centralisedMethods] }, { onDate: '2025-12-31', admittedOn: '2024-07-01' })).toEqual({
      annual: { year: 2025, requiredDays: 5, attendedDays: 8, shortByDays: 0, dueBy: '2025-12-31', status: 'met' },
      centralised: { status: 'met', dueBy: '2027-09-03', lastQualifyingEnd: '2025-09-03' },
    });
  });
});
