import { describe, expect, it } from 'vitest';
import { auditActionLabel, auditActionsNamed, auditFieldLabel, LOGIN_OUTCOME_LABELS, LOGIN_OUTCOMES } from './audit-labels.ts';

describe('audit labels', () => {
  it('finds every export by the Chinese word 导出', () => {
    expect(auditActionsNamed('导出')).toEqual(expect.arrayContaining([
      'roster.export', 'talentLedger.export', 'training.export', 'reminders.export', 'mentoring.export', 'audit.export', 'loginLog.export',
    ]));
    expect(auditActionsNamed('  ')).toEqual([]);
  });

  it('names actions and fields in Chinese, and leaves unknown ones as they are', () => {
    expect(auditActionLabel('talentLedger.export')).toBe('导出人才台账');
    expect(auditActionLabel('something.new')).toBe('something.new');
    expect(auditFieldLabel('idNumber')).toBe('身份证号码');
    expect(auditFieldLabel('unknownField')).toBe('unknownField');
  });

  it('names every record of a village\'s 换届', () => {
    expect(auditActionLabel('election.signOff')).toBe('书记候选人“双签”');
    expect(auditActionLabel('election.recordPartyVote')).toBe('登记党员大会选举结果');
    expect(auditActionLabel('election.proxyVote')).toBe('登记委托投票');
    expect(auditActionLabel('election.createPlan')).toBe('制定乡镇村级换届工作方案');
  });

  it('names every login outcome', () => {
    expect(LOGIN_OUTCOMES.map((outcome) => LOGIN_OUTCOME_LABELS[outcome])).toEqual(['成功', '密码错误', '用户不存在', '账户已锁定', '账户已停用']);
  });
});
