import { describe, expect, it } from 'vitest';
import { handoverCheck, proxyVoteProblem, type ProxyVote } from './election-arithmetic.ts';

const proxy = (voterName: string, proxyName: string, authorizedOn = '2026-11-20'): ProxyVote => ({ voterName, proxyName, relationship: 'spouse', authorizedOn });

describe('proxy votes (委托投票)', () => {
  const existing = [proxy('张一', '李甲'), proxy('张二', '李甲')];

  it('accepts a close relative with written authority before election day, up to three entrustments', () => {
    expect(proxyVoteProblem(existing, proxy('张三', '李甲', '2026-11-22'), '2026-11-22')).toBeNull();
    expect(proxyVoteProblem([...existing, proxy('张三', '李甲')], proxy('张四', '李甲'), '2026-11-22'))
      .toBe('李甲已接受 3 名选民的委托，每一选民接受委托投票不得超过 3 人');
  });

  it('refuses the same person, a second entrustment, a chain, and authority after election day', () => {
    expect(proxyVoteProblem(existing, proxy('王五', '王五'), '2026-11-22')).toBe('委托人和受委托人不能是同一人（王五）');
    expect(proxyVoteProblem(existing, proxy('张一', '赵六'), '2026-11-22')).toBe('张一已委托李甲代为投票，一名选民只能委托一人');
    expect(proxyVoteProblem(existing, proxy('李甲', '赵六'), '2026-11-22')).toBe('李甲已接受他人委托，不能再委托他人投票');
    expect(proxyVoteProblem(existing, proxy('赵六', '张一'), '2026-11-22')).toBe('张一已委托他人投票，不能再接受委托');
    expect(proxyVoteProblem(existing, proxy('赵六', '赵七', '2026-11-23'), '2026-11-22')).toBe('书面委托日期（2026-11-23）晚于选举日（2026-11-22）');
  });
});

describe('the handover within 10 days', () => {
  const base = { approvedOn: '2026-12-01', leaving: ['老书记', '老委员'], talks: [{ name: '老书记' }], handedOverOn: null, today: '2026-12-05', days: 10 };

  it('names those leaving without a talk', () => {
    expect(handoverCheck(base)).toEqual({ deadline: '2026-12-11', leaving: ['老书记', '老委员'], missingTalks: ['老委员'], problems: ['离任人员老委员尚未进行落选离职谈话'] });
  });

  it('is due on the tenth day and late the day after', () => {
    const all = { ...base, talks: [{ name: '老书记' }, { name: '老委员' }] };
    expect(handoverCheck({ ...all, today: '2026-12-11' }).problems).toEqual([]);
    expect(handoverCheck({ ...all, today: '2026-12-12' }).problems).toEqual(['新老班子应在审批后 10 日内（2026-12-11 前）完成交接，至今未登记交接']);
    expect(handoverCheck({ ...all, handedOverOn: '2026-12-11', today: '2026-12-20' }).problems).toEqual([]);
    expect(handoverCheck({ ...all, handedOverOn: '2026-12-12', today: '2026-12-20' }).problems).toEqual(['新老班子于 2026-12-12 交接，超过审批后 10 日的期限（2026-12-11）']);
  });
});
