import { describe, expect, it } from 'vitest';
import { chineseDate, resultNoticeText, type NoticeMember } from './election-notice.ts';

const member = (committee: NoticeMember['committee'], post: NoticeMember['post'], name: string, gender = 'male'): NoticeMember => ({
  committee, post, name, gender, birthDate: '1990-05-06', educationLabel: '大专', politicalLabel: '中共党员',
});

describe('the result notice text', () => {
  const facts = {
    townshipName: '甲镇', villageName: '东村', termYear: 2026, votedOn: { party: '2026-11-10', villagers: '2026-11-22' },
    members: [member('villagers', 'member', '村民庚'), member('party', 'member', '委员丙', 'female'), member('villagers', 'director', '新书记'), member('party', 'secretary', '新书记'),
      member('party', 'deputySecretary', '委员乙')],
    notice: { startsOn: '2026-11-24', endsOn: '2026-11-30', workingDays: 5 }, contact: '镇党政办 0833-1234567',
  };

  it('writes dates as a notice does', () => {
    expect(chineseDate('2026-01-05')).toBe('2026年1月5日');
  });

  it('lists the Party committee first, heads before deputies before members, with their posts', () => {
    const text = resultNoticeText(facts);
    expect(text.rows.map((row) => `${row[0]}${row[1]}${row[2]}`)).toEqual([
      '村党组织委员会书记新书记', '村党组织委员会副书记委员乙', '村党组织委员会委员委员丙', '村民委员会主任新书记', '村民委员会委员村民庚',
    ]);
    expect(text.rows[2]!.slice(3)).toEqual(['女', '1990.05', '大专', '中共党员']);
  });

  it('names both votes, the period on the official calendar and where objections go', () => {
    const text = resultNoticeText(facts);
    expect(text.title).toBe('东村2026年村“两委”换届选举结果公示');
    expect(text.opening[0]).toContain('东村于2026年11月10日召开党员大会，选举产生了新一届村党组织委员会；于2026年11月22日召开村民选举大会，选举产生了新一届村民委员会。');
    expect(text.closing[0]).toBe('公示时间：2026年11月24日至2026年11月30日（5个工作日）。');
    expect(text.closing[1]).toContain('向中共甲镇委员会反映（镇党政办 0833-1234567）');
    expect(text.signature).toBe('中共甲镇委员会');
    expect(text.signedOn).toBe('2026年11月24日');
  });

  it('leaves out a committee that has not voted and the contact when none is given', () => {
    const text = resultNoticeText({ ...facts, votedOn: { party: '2026-11-10', villagers: null }, contact: null });
    expect(text.opening[0]).not.toContain('村民选举大会');
    expect(text.closing[1]).toContain('向中共甲镇委员会反映。');
  });
});
