import { describe, expect, it } from 'vitest';
import { chineseDate, composePublicNoticeText } from './public-notice.ts';

describe('composePublicNoticeText', () => {
  it('names each candidate, the period in working days and where objections go, signed by the township committee', () => {
    const text = composePublicNoticeText({
      townshipName: '西龙镇',
      candidates: [
        { name: '张三', gender: 'male', birthDate: '1990-03-15', educationLabel: '大专', politicalLabel: '中共党员', villageName: '新桥村', targetPostLabel: '村党组织书记' },
        { name: '李梅', gender: 'female', birthDate: '1995-11-02', educationLabel: '本科', politicalLabel: '中共预备党员', villageName: '石佛村', targetPostLabel: '两委委员' },
      ],
      period: { startsOn: '2026-09-28', endsOn: '2026-10-09', workingDays: 3 },
      contact: '镇党委组织办（电话 028-12345678）',
    });
    const lines = text.split('\n');
    expect(lines[0]).toBe('关于西龙镇村级后备力量人选的公示');
    expect(lines).toContain('1. 张三，男，1990年3月生，大专，中共党员，新桥村，拟作为村党组织书记后备力量培养。');
    expect(lines).toContain('2. 李梅，女，1995年11月生，本科，中共预备党员，石佛村，拟作为两委委员后备力量培养。');
    expect(lines).toContain('公示期：2026年9月28日至2026年10月9日（3 个工作日）。');
    expect(text).toContain('拟将以下 2 名同志确定为村级后备力量');
    expect(text).toContain('向镇党委组织办（电话 028-12345678）反映');
    expect(lines.slice(-2)).toEqual(['中共西龙镇委员会', '2026年9月28日']);
  });

  it('writes dates without leading zeros', () => {
    expect(chineseDate('2026-01-05')).toBe('2026年1月5日');
  });
});
