import { describe, expect, it } from 'vitest';
import { checkTransition, checkVillageShortlist, SELECTION_STAGES, summariseEvaluation } from './selection-procedure.ts';

const running = (stage: (typeof SELECTION_STAGES)[number]) => ({ stage, outcome: 'inProgress' as const });

describe('the selection state machine', () => {
  it('moves each step to the next stage, in order', () => {
    const steps = [
      ['reviewQualification', 'qualificationReview', 'democraticEvaluation'],
      ['recordEvaluation', 'democraticEvaluation', 'interview'],
      ['recordInterview', 'interview', 'shortlist'],
      ['shortlist', 'shortlist', 'jointReview'],
    ] as const;
    for (const [action, from, to] of steps) expect(checkTransition(running(from), action)).toEqual({ allowed: true, to });
    expect(checkTransition(running('jointReview'), 'startPublicNotice', { jointReviewsSent: 2, pendingJointReviews: [], unresolvedConcerns: [] })).toEqual({ allowed: true, to: 'publicNotice' });
    expect(checkTransition(running('publicNotice'), 'decide', { noticeEndsOn: '2025-10-09', occurredOn: '2025-10-10', openObjections: 0 })).toEqual({ allowed: true, to: 'filing' });
    expect(checkTransition(running('filing'), 'file')).toEqual({ allowed: true, to: 'filed' });
  });

  it('names the step to finish first when one is skipped, and refuses going back', () => {
    expect(checkTransition(running('qualificationReview'), 'recordInterview')).toEqual({
      allowed: false, message: '「谈话考察」须在「谈话考察」环节进行，该人选当前处于「资格审查」环节，请先完成「资格审查」',
    });
    expect(checkTransition(running('interview'), 'reviewQualification')).toEqual({
      allowed: false, message: '该人选已过「资格审查」环节（当前为「谈话考察」），不能重复进行「资格审查」',
    });
  });

  it('refuses every step once the procedure has ended', () => {
    expect(checkTransition({ stage: 'interview', outcome: 'withdrawn' }, 'recordInterview')).toEqual({ allowed: false, message: '该人选的选拔程序已结束（本人退出），不能再进行「谈话考察」' });
    expect(checkTransition({ stage: 'interview', outcome: 'rejected' }, 'reject').allowed).toBe(false);
  });

  it('allows rejection and withdrawal at any stage before the decision, and not after', () => {
    for (const stage of ['qualificationReview', 'democraticEvaluation', 'interview', 'shortlist', 'jointReview', 'publicNotice'] as const) {
      expect(checkTransition(running(stage), 'reject')).toEqual({ allowed: true, to: null });
      expect(checkTransition(running(stage), 'withdraw')).toEqual({ allowed: true, to: null });
    }
    expect(checkTransition(running('filing'), 'withdraw').allowed).toBe(false);
  });

  it('blocks the qualification review on unwaived failed rules and undecided exceptions', () => {
    expect(checkTransition(running('qualificationReview'), 'reviewQualification', { unwaivedFailedRules: ['学历初中，低于大专及以上的要求'] })).toEqual({
      allowed: false, message: '资格条件未通过且未经批准破格：学历初中，低于大专及以上的要求。可不予通过，或申请破格并经乡镇党委批准',
    });
    expect(checkTransition(running('qualificationReview'), 'reviewQualification', { undecidedExceptions: 1 }).allowed).toBe(false);
  });

  it('blocks the public notice until every department answered and every concern is resolved', () => {
    expect(checkTransition(running('jointReview'), 'startPublicNotice', { jointReviewsSent: 0 })).toMatchObject({ allowed: false, message: '尚未送联审部门审查，请先选择联审部门并送审' });
    expect(checkTransition(running('jointReview'), 'startPublicNotice', { jointReviewsSent: 2, pendingJointReviews: ['公安机关'] })).toMatchObject({ message: '联审尚未完成：公安机关还未回复' });
    expect(checkTransition(running('jointReview'), 'startPublicNotice', { jointReviewsSent: 2, pendingJointReviews: [], unresolvedConcerns: ['法院'] })).toMatchObject({
      message: '联审有未解决的问题（法院提出），须由乡镇党委核实处理后才能公示',
    });
  });

  it('refuses the decision on the last day of the notice and while an objection is open', () => {
    expect(checkTransition(running('publicNotice'), 'decide', { noticeEndsOn: '2025-10-09', occurredOn: '2025-10-09' })).toEqual({
      allowed: false, message: '公示期至 2025-10-09 结束，须在公示期满后（2025-10-09 之后）研究决定',
    });
    expect(checkTransition(running('publicNotice'), 'decide', { noticeEndsOn: '2025-10-09', occurredOn: '2025-10-10', openObjections: 2 })).toEqual({
      allowed: false, message: '公示期间收到的 2 件异议尚未办结，请先记录处理结果',
    });
    expect(checkTransition(running('publicNotice'), 'decide', {})).toEqual({ allowed: false, message: '尚未公示，不能研究决定' });
  });
});

describe('democratic evaluation', () => {
  it('computes the approval rate over valid votes', () => {
    expect(summariseEvaluation({ excellent: 20, competent: 12, basicallyCompetent: 5, incompetent: 1 }, 40)).toEqual({ validVotes: 38, approvalRate: 84.2 });
    expect(summariseEvaluation({ excellent: 1, competent: 0, basicallyCompetent: 2, incompetent: 0 }, 3)).toEqual({ validVotes: 3, approvalRate: 33.3 });
  });

  it('refuses more votes than attendees, no votes and negative counts', () => {
    expect(summariseEvaluation({ excellent: 30, competent: 11, basicallyCompetent: 0, incompetent: 0 }, 40)).toEqual({ error: '有效票 41 张，超过参会人数 40 人，请核对' });
    expect(summariseEvaluation({ excellent: 0, competent: 0, basicallyCompetent: 0, incompetent: 0 }, 40)).toEqual({ error: '有效票为 0，请填写测评票数' });
    expect(summariseEvaluation({ excellent: -1, competent: 3, basicallyCompetent: 0, incompetent: 0 }, 40)).toEqual({ error: '票数须为不小于 0 的整数' });
  });
});

describe('因村选人: a village shortlist against its need', () => {
  const options = { minimumPerVillage: 2, youngMaximumAge: 35 };
  it('is silent when two candidates fit the need and one is young', () => {
    expect(checkVillageShortlist({ name: '石堰村', need: 'mature' }, [{ profile: 'mature', age: 42 }, { profile: 'youngPotential', age: 35 }], options)).toEqual([]);
  });

  it('flags too few, the wrong profile and nobody young enough', () => {
    expect(checkVillageShortlist({ name: '石堰村', need: 'youngPotential' }, [{ profile: 'mature', age: 36 }], options)).toEqual([
      '石堰村建议人选 1 人，少于每村 2 人的要求',
      '石堰村需要潜力型（年轻储备）人选，建议名单中没有',
      '石堰村建议人选中没有 35 周岁及以下的年轻人选',
    ]);
  });
});
