import { describe, expect, it } from 'vitest';
import { collectCarriedOver, collectReminders, computeReminders, describeReminder, monthsAsked, pageOfReminders, quartersAsked, toMask, type AssignmentFacts, type ReserveFacts } from './reminders.ts';
import { DEFAULT_TRAINING_RULES } from './training-rules.ts';

const ALL_MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

function assignment(overrides: Partial<AssignmentFacts> = {}): AssignmentFacts {
  return { assignmentId: 'a1', mentorUserId: 'u1', mentorName: '王导师', startedOn: '2025-01-01', endedOn: null, contactMonths: toMask(ALL_MONTHS), summaryQuarters: toMask([1, 2, 3, 4]), ...overrides };
}

function reserve(overrides: Partial<ReserveFacts> = {}): ReserveFacts {
  return {
    reserveId: 'r1', reserveName: '张三', orgCode: '511425100200', admittedOn: '2024-03-01', rules: DEFAULT_TRAINING_RULES,
    training: { attendedDaysThisYear: 6, qualifyingEnds: ['2025-05-09'] },
    villageQuarters: toMask([1, 2, 3, 4]), townshipQuarters: toMask([1, 2, 3, 4]), hasAnnualTalk: true, hasMentorOnDate: true,
    assignments: [assignment()], ...overrides,
  };
}

const kinds = (list: ReturnType<typeof computeReminders>) => list.map((item) => `${item.kind}:${item.period}:${item.status}`);

describe('reminders', () => {
  it('are empty for a reserve whose year is complete', () => {
    expect(computeReminders([reserve()], '2025-12-31')).toEqual([]);
  });

  it('ask for this month’s log from its first day (due) and call earlier months overdue, across the month boundary', () => {
    const facts = reserve({ assignments: [assignment({ contactMonths: toMask([1, 2]), summaryQuarters: toMask([]) })], villageQuarters: toMask([]), townshipQuarters: toMask([]) });
    expect(kinds(computeReminders([facts], '2025-02-28'))).toEqual([]);
    expect(kinds(computeReminders([facts], '2025-03-01'))).toEqual([
      'mentorContact:2025-03:due', 'mentoringSummary:2025Q1:due', 'villageOpinion:2025Q1:due', 'townshipOpinion:2025Q1:due',
    ]);
    const april = computeReminders([facts], '2025-04-01');
    expect(kinds(april).filter((item) => item.startsWith('mentorContact'))).toEqual(['mentorContact:2025-03:overdue', 'mentorContact:2025-04:due']);
    expect(april.find((item) => item.kind === 'mentorContact')).toMatchObject({ responsibleRole: 'mentor', responsibleUserId: 'u1', dueBy: '2025-03-31' });
  });

  it('give one reminder for one missing month, addressed to that mentor only', () => {
    const facts = reserve({ assignments: [assignment(), assignment({ assignmentId: 'a2', mentorUserId: 'u2', mentorName: '李导师', contactMonths: toMask(ALL_MONTHS.filter((month) => month !== 7)) })] });
    const list = computeReminders([facts], '2025-12-31');
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ kind: 'mentorContact', period: '2025-07', status: 'overdue', responsibleUserId: 'u2', dueBy: '2025-07-31' });
  });

  it('ask for a quarter’s opinion from the first day of its last month, overdue after its last day', () => {
    expect(quartersAsked('2025-05-31')).toEqual([{ quarter: 1, from: '2025-01-01', to: '2025-03-31', status: 'overdue' }]);
    expect(quartersAsked('2025-06-01').map((quarter) => `${quarter.quarter}:${quarter.status}`)).toEqual(['1:overdue', '2:due']);
    expect(quartersAsked('2025-06-30').at(-1)).toEqual({ quarter: 2, from: '2025-04-01', to: '2025-06-30', status: 'due' });
    expect(quartersAsked('2025-07-01').at(-1)?.status).toBe('overdue');
    expect(quartersAsked('2025-01-15')).toEqual([]);
  });

  it('count February to its last day in leap and common years', () => {
    expect(monthsAsked('2024-02-29').at(-1)).toEqual({ month: 2, from: '2024-02-01', to: '2024-02-29', status: 'due' });
    expect(monthsAsked('2025-02-28').at(-1)?.to).toBe('2025-02-28');
    const facts = reserve({ admittedOn: '2023-01-01', assignments: [assignment({ startedOn: '2024-01-01', contactMonths: toMask([1]) })] });
    expect(computeReminders([facts], '2024-03-01').find((item) => item.period === '2024-02')).toMatchObject({ status: 'overdue', dueBy: '2024-02-29' });
  });

  it('do not ask for months before the assignment began or after it ended, nor before admission', () => {
    const late = reserve({ admittedOn: '2025-05-20', villageQuarters: toMask([2, 3, 4]), townshipQuarters: toMask([2, 3, 4]), assignments: [assignment({ startedOn: '2025-06-10', contactMonths: toMask([6, 7, 8, 9, 10, 11, 12]), summaryQuarters: toMask([2, 3, 4]) })] });
    expect(computeReminders([late], '2025-12-31')).toEqual([]);
    const ended = assignment({ assignmentId: 'a0', mentorUserId: 'u0', endedOn: '2025-02-15', contactMonths: toMask([1]) });
    const list = computeReminders([reserve({ assignments: [ended, assignment({ startedOn: '2025-02-16', contactMonths: toMask([3, 4, 5, 6, 7, 8, 9, 10, 11, 12]) })] })], '2025-12-31');
    expect(kinds(list)).toEqual(['mentorContact:2025-02:overdue', 'mentorContact:2025-02:overdue']);
    expect(list.map((item) => item.responsibleUserId).sort()).toEqual(['u0', 'u1']);
  });

  it('remind training days short only from October, and the centralised window six months before it closes', () => {
    const short = reserve({ training: { attendedDaysThisYear: 2.5, qualifyingEnds: ['2025-05-09'] } });
    expect(computeReminders([short], '2025-09-30')).toEqual([]);
    const shortOnOctober = computeReminders([short], '2025-10-01');
    expect(shortOnOctober).toEqual([expect.objectContaining({ kind: 'annualTraining', status: 'due', dueBy: '2025-12-31', responsibleRole: 'villageClerk' })]);
    expect(describeReminder(shortOnOctober[0]!)).toBe('张三 2025 年已参加培训 2.5 天，还差 0.5 天（每年不少于 3 天）');
    // Admitted mid-year 2023-07-15 without a centralised session: window closes 2026-07-15.
    const untrained = reserve({ admittedOn: '2023-07-15', training: { attendedDaysThisYear: 3, qualifyingEnds: [] }, assignments: [assignment({ startedOn: '2026-01-01' })] });
    expect(kinds(computeReminders([untrained], '2026-01-15'))).toEqual([]);
    expect(kinds(computeReminders([untrained], '2026-01-16'))).toEqual(['centralisedTraining:2026-07-15:due']);
    expect(kinds(computeReminders([untrained], '2026-07-16'))).toContain('centralisedTraining:2026-07-15:overdue');
  });

  it('remind the township of a reserve without a mentor and of the yearly talk', () => {
    const list = computeReminders([reserve({ assignments: [], hasMentorOnDate: false, hasAnnualTalk: false })], '2025-10-01');
    expect(kinds(list)).toEqual(['noMentor:2025-10-01:overdue', 'annualTalk:2025:due']);
    expect(list.every((item) => item.responsibleRole === 'townshipCommittee')).toBe(true);
  });

  it('leave out reserves admitted after the date', () => {
    expect(computeReminders([reserve({ admittedOn: '2026-01-01', assignments: [], hasMentorOnDate: false })], '2025-12-31')).toEqual([]);
  });

  it('give any page in the list order without sorting the whole list, pages never overlapping', () => {
    // 400 reserves in 7 villages, some sharing a name, with gaps of every kind: ties on everything but the reserve and the mentor.
    const reserves = Array.from({ length: 400 }, (_, index) => reserve({
      reserveId: `r${String(index).padStart(3, '0')}`, reserveName: ['张三', '李四', '王五'][index % 3]!, orgCode: `51142510020${index % 7}`,
      villageQuarters: toMask(index % 5 === 0 ? [1] : [1, 2, 3]), hasAnnualTalk: index % 4 !== 0,
      assignments: [assignment({ contactMonths: toMask(ALL_MONTHS.filter((month) => (month + index) % 6 !== 0)) }), assignment({ assignmentId: 'a2', mentorUserId: null, mentorName: '李导师', contactMonths: toMask([1, 2, 3]) })],
    }));
    const collected = collectReminders(reserves, '2025-11-20');
    const sorted = computeReminders(reserves, '2025-11-20');
    expect(collected.length).toBe(sorted.length);
    expect(sorted.length).toBeGreaterThan(3000);
    const shuffled = [...collected].reverse();
    for (const page of [1, 2, 7, 40]) {
      expect(pageOfReminders(shuffled, { page, pageSize: 20 })).toEqual(sorted.slice((page - 1) * 20, page * 20));
    }
    expect(pageOfReminders(shuffled, { page: 1, pageSize: 1000 })).toEqual(sorted.slice(0, 1000));
    expect(pageOfReminders(shuffled, { page: 999, pageSize: 20 })).toEqual([]);
  });

  it('carry the previous year\'s December, fourth quarter and yearly duties into January to March, overdue', () => {
    const lastYear = reserve({
      villageQuarters: toMask([1, 2, 3]), townshipQuarters: toMask([1, 2, 3, 4]), hasAnnualTalk: false,
      training: { attendedDaysThisYear: 1, qualifyingEnds: ['2025-05-09'] },
      assignments: [assignment({ contactMonths: toMask(ALL_MONTHS.filter((month) => month !== 11 && month !== 12)), summaryQuarters: toMask([1, 2, 3]) })],
    });
    const carried = collectCarriedOver([lastYear], '2026-01-10', new Set(['r1']));
    expect(kinds(carried).sort()).toEqual(['annualTalk:2025:overdue', 'annualTraining:2025:overdue', 'mentorContact:2025-12:overdue', 'mentoringSummary:2025Q4:overdue', 'villageOpinion:2025Q4:overdue']);
    const december = carried.find((item) => item.kind === 'mentorContact')!;
    expect(december).toMatchObject({ dueBy: '2025-12-31', responsibleUserId: 'u1' });
    expect(describeReminder(december)).toBe('王导师 对 张三 的 2025 年 12 月帮带记录未填写');
    // November was overdue all December: it is not carried. Nor is anything after March, or for a reserve no longer listed.
    expect(collectCarriedOver([lastYear], '2026-03-31', new Set(['r1']))).toHaveLength(5);
    expect(collectCarriedOver([lastYear], '2026-04-01', new Set(['r1']))).toEqual([]);
    expect(collectCarriedOver([lastYear], '2026-01-10', new Set(['r2']))).toEqual([]);
  });

  it('describe every kind in a sentence that names who and what', () => {
    const behind = reserve({
      admittedOn: '2022-01-01', hasMentorOnDate: false, hasAnnualTalk: false, villageQuarters: toMask([1, 2]), townshipQuarters: toMask([1, 2]),
      training: { attendedDaysThisYear: 1, qualifyingEnds: [] },
      assignments: [assignment({ startedOn: '2022-01-01', endedOn: '2025-11-01', contactMonths: toMask(ALL_MONTHS.filter((month) => month !== 10)), summaryQuarters: toMask([1, 2]) })],
    });
    expect(computeReminders([behind], '2025-11-05').map(describeReminder)).toEqual([
      '张三 应于 2025-01-01 前参加一次不少于 5 天的集中培训，已逾期',
      '王导师 对 张三 的 2025 年第 3 季度帮带小结未填写',
      '张三 2025 年第 3 季度村（社区）评定意见未填写',
      '张三 2025 年第 3 季度乡镇评定意见未填写',
      '王导师 对 张三 的 2025 年 10 月帮带记录未填写',
      '张三 尚未落实帮带干部，请为其指定导师',
      '张三 2025 年已参加培训 1 天，还差 2 天（每年不少于 3 天）',
      '乡镇党委书记 2025 年尚未与 张三 谈心谈话',
    ]);
  });
});
