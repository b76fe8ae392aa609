import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APPOINTMENT_ACTIONS } from './appointment-procedure.ts';
import { AUDIT_ACTION_LABELS, auditActionLabel, auditActionsNamed, auditFieldLabel, ENTITY_TYPE_LABELS, LOGIN_OUTCOME_LABELS, LOGIN_OUTCOMES } from './audit-labels.ts';

/** Every non-test TypeScript file under src/. */
function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

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

  it('names every action and record kind the code writes to the audit log', () => {
    const source = sourceFiles(path.resolve(import.meta.dirname, '..')).map((file) => fs.readFileSync(file, 'utf8')).join('\n');
    const actions = new Set([...source.matchAll(/\baction: '([a-z][A-Za-z]*\.[A-Za-z]+)'/g)].map((match) => match[1]!));
    // Actions written from a template: each value of the step.
    for (const action of APPOINTMENT_ACTIONS) actions.add(`appointment.${action}`);
    for (const decision of ['approve', 'refuse']) actions.add(`reserveRemoval.${decision}`);
    const entityTypes = new Set([...source.matchAll(/\bentityType: '([a-z][A-Za-z]*)'/g)].map((match) => match[1]!));
    expect(actions.size).toBeGreaterThan(60);
    expect([...actions].filter((action) => !(action in AUDIT_ACTION_LABELS))).toEqual([]);
    expect([...entityTypes].filter((type) => !(type in ENTITY_TYPE_LABELS))).toEqual([]);
    expect(auditActionLabel('appointment.takeEffect')).toBe('任用程序：任职生效');
  });

  it('names every login outcome', () => {
    expect(LOGIN_OUTCOMES.map((outcome) => LOGIN_OUTCOME_LABELS[outcome])).toEqual(['成功', '密码错误', '用户不存在', '账户已锁定', '账户已停用']);
  });
});
