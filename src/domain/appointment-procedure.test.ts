import { describe, expect, it } from 'vitest';
import { byElectionProblem, checkAppointmentAction, requiredNoticeVillages, type AppointmentState } from './appointment-procedure.ts';

const HOME = '510000000001001';
const OTHER = '510000000001002';
const state = (changes: Partial<AppointmentState>): AppointmentState => ({ stage: 'approval', outcome: 'inProgress', committee: 'party', homeOrgCode: HOME, orgCode: HOME, ...changes });

describe('checkAppointmentAction', () => {
  it('moves approval → filing → notice → decision → effective', () => {
    expect(checkAppointmentAction(state({}), 'approve', { occurredOn: '2026-09-01' })).toEqual({ allowed: true, to: 'filing' });
    expect(checkAppointmentAction(state({ stage: 'filing' }), 'file', { occurredOn: '2026-09-02' })).toEqual({ allowed: true, to: 'publicNotice' });
    expect(checkAppointmentAction(state({ stage: 'publicNotice' }), 'startNotice', { occurredOn: '2026-09-03', noticeVillages: [HOME] })).toEqual({ allowed: true, to: 'decision' });
    const notices = [{ orgCode: HOME, startsOn: '2026-09-03', endsOn: '2026-09-09' }];
    expect(checkAppointmentAction(state({ stage: 'decision' }), 'takeEffect', { occurredOn: '2026-09-10', notices, openObjections: 0 })).toEqual({ allowed: true, to: 'effective' });
  });

  it('refuses filing before approval, and any step after the end', () => {
    expect(checkAppointmentAction(state({}), 'file', { occurredOn: '2026-09-01' })).toEqual({ allowed: false, message: '当前环节是「待乡镇审批」，不能县委组织部备案' });
    expect(checkAppointmentAction(state({ stage: 'effective', outcome: 'effective' }), 'withdraw', { occurredOn: '2026-09-01' })).toEqual({ allowed: false, message: '该任用程序已任职，不能再撤回' });
  });

  it('asks both villages to post the notice for a cross-village appointment', () => {
    const cross = state({ stage: 'publicNotice', orgCode: OTHER });
    expect(requiredNoticeVillages(cross)).toEqual([HOME, OTHER]);
    expect(checkAppointmentAction(cross, 'startNotice', { occurredOn: '2026-09-03', noticeVillages: [OTHER] })).toEqual({ allowed: false, message: '跨村任用须同时在后备力量所在村和拟任职村发布公示' });
    expect(checkAppointmentAction(cross, 'startNotice', { occurredOn: '2026-09-03', noticeVillages: [OTHER, HOME] }).allowed).toBe(true);
  });

  it('refuses the decision on the notice\'s last day, with an open objection, and an elected post without its by-election', () => {
    const notices = [{ orgCode: HOME, startsOn: '2026-09-03', endsOn: '2026-09-09' }];
    expect(checkAppointmentAction(state({ stage: 'decision' }), 'takeEffect', { occurredOn: '2026-09-09', notices, openObjections: 0 })).toEqual({ allowed: false, message: '公示至 2026-09-09 结束，结束后才能决定任职' });
    expect(checkAppointmentAction(state({ stage: 'decision' }), 'takeEffect', { occurredOn: '2026-09-10', notices, openObjections: 1 })).toEqual({ allowed: false, message: '还有 1 条公示期间反映的问题未办结，办结后才能决定任职' });
    const elected = state({ stage: 'decision', committee: 'villagers' });
    expect(checkAppointmentAction(elected, 'takeEffect', { occurredOn: '2026-09-10', notices, openObjections: 0, hasByElection: false }))
      .toEqual({ allowed: false, message: '村民委员会、村务监督委员会成员依法由选举产生，请先登记补选结果（日期、票数）' });
    expect(checkAppointmentAction(elected, 'takeEffect', { occurredOn: '2026-09-10', notices, openObjections: 0, hasByElection: true }).allowed).toBe(true);
  });
});

describe('byElectionProblem', () => {
  it('needs more than half of the voters to vote and more than half of the votes cast', () => {
    expect(byElectionProblem({ heldOn: '2026-09-20', eligibleVoters: 1000, votesCast: 600, votesFor: 301 })).toBeNull();
    expect(byElectionProblem({ heldOn: '2026-09-20', eligibleVoters: 1000, votesCast: 500, votesFor: 400 })).toBe('投票人数 500 未超过有选举权人数 1000 的一半，选举无效');
    expect(byElectionProblem({ heldOn: '2026-09-20', eligibleVoters: 1000, votesCast: 600, votesFor: 300 })).toBe('得票 300 未超过投票人数 600 的一半，未当选');
  });
});
