import { describe, expect, it } from 'vitest';
import { campaignTemplate, deadlineProblem, isTownshipMilestoneDone, isVillageMilestoneDone, milestoneState, rollUp } from './campaign.ts';

describe('the campaign template of seed 000', () => {
  const items = campaignTemplate(2024);
  const byCode = new Map(items.map((item) => [item.code, item]));

  it('carries the seed\'s deadlines and who each milestone applies to', () => {
    expect(byCode.get('survey')).toMatchObject({ deadline: '2024-08-25', appliesTo: 'village', rule: 'surveyWithMeeting' });
    expect(byCode.get('analysis')).toMatchObject({ deadline: '2024-09-15', appliesTo: 'township', rule: 'manual' });
    expect(byCode.get('shortlist')).toMatchObject({ deadline: '2024-09-30', rule: 'twoShortlisted' });
    expect(byCode.get('summaryTable')).toMatchObject({ deadline: '2024-10-31', appliesTo: 'township', rule: 'summaryTableFiled' });
    expect(byCode.get('mentors')).toMatchObject({ deadline: '2025-06-30', rule: 'everyReserveMentored' });
  });

  it('has a scheduling meeting every June and December of the three years, in date order', () => {
    expect(items.filter((item) => item.code.startsWith('schedulingMeeting')).map((item) => item.deadline)).toEqual([
      '2024-06-30', '2024-12-31', '2025-06-30', '2025-12-31', '2026-06-30', '2026-12-31',
    ]);
    expect(items.map((item) => item.deadline)).toEqual([...items.map((item) => item.deadline)].sort());
    expect(items.every((item) => deadlineProblem(item.deadline, 2024) === null)).toBe(true);
  });

  it('refuses a deadline outside the three years, in Chinese', () => {
    expect(deadlineProblem('2027-01-01', 2024)).toBe('完成时限 2027-01-01 不在三年行动期限内（2024-01-01 至 2026-12-31）');
  });
});

describe('a unit\'s milestone', () => {
  const deadline = '2024-09-30';

  it('is done by the data, whatever the date', () => {
    expect(milestoneState({ deadline, isDoneByData: true, confirmedOn: null }, '2024-12-01')).toEqual({ status: 'done', doneBy: 'data' });
  });

  it('is done by hand when confirmed with evidence though the data does not show it', () => {
    expect(milestoneState({ deadline, isDoneByData: false, confirmedOn: '2024-09-20' }, '2024-12-01')).toEqual({ status: 'done', doneBy: 'hand' });
  });

  it('is due on the deadline and overdue on the day after', () => {
    expect(milestoneState({ deadline, isDoneByData: false, confirmedOn: null }, '2024-09-30').status).toBe('due');
    expect(milestoneState({ deadline, isDoneByData: false, confirmedOn: null }, '2024-10-01').status).toBe('overdue');
  });
});

describe('the roll-up', () => {
  it('adds villages into a township and townships into a county, the worst state leading', () => {
    const first = rollUp(['done', 'done', 'due']);
    const second = rollUp(['done', 'overdue']);
    expect(first).toEqual({ done: 2, due: 1, overdue: 0, total: 3, progress: 66.7, status: 'due' });
    const county = rollUp([first, second]);
    expect(county).toEqual({ done: 3, due: 1, overdue: 1, total: 5, progress: 60, status: 'overdue' });
  });

  it('is done only when every part is, and empty without parts', () => {
    expect(rollUp(['done', 'done']).status).toBe('done');
    expect(rollUp([])).toEqual({ done: 0, due: 0, overdue: 0, total: 0, progress: null, status: null });
  });
});

describe('the milestone rules read from the data', () => {
  const facts = { ledgerEntries: 5, nominationMeetings: 1, reserves: 1, shortlisted: 1, mentored: 1 };

  it('needs the ledger and the village meeting for the survey', () => {
    expect(isVillageMilestoneDone('surveyWithMeeting', facts)).toBe(true);
    expect(isVillageMilestoneDone('surveyWithMeeting', { ...facts, nominationMeetings: 0 })).toBe(false);
    expect(isVillageMilestoneDone('surveyWithMeeting', { ...facts, ledgerEntries: 0 })).toBe(false);
  });

  it('counts reserves and shortlisted candidates towards two, and needs every reserve mentored', () => {
    expect(isVillageMilestoneDone('twoShortlisted', facts)).toBe(true);
    expect(isVillageMilestoneDone('twoShortlisted', { ...facts, shortlisted: 0 })).toBe(false);
    expect(isVillageMilestoneDone('everyReserveMentored', { ...facts, reserves: 2 })).toBe(false);
    expect(isVillageMilestoneDone('everyReserveMentored', { ...facts, reserves: 0, mentored: 0 })).toBe(false);
  });

  it('never marks a manual milestone done, and the 汇总表 only when filed in the deadline\'s year', () => {
    expect(isVillageMilestoneDone('manual', facts)).toBe(false);
    expect(isTownshipMilestoneDone('summaryTableFiled', { filedYears: [2024] }, '2024-10-31')).toBe(true);
    expect(isTownshipMilestoneDone('summaryTableFiled', { filedYears: [2023] }, '2024-10-31')).toBe(false);
    expect(isTownshipMilestoneDone('manual', { filedYears: [2024] }, '2024-10-31')).toBe(false);
  });
});
