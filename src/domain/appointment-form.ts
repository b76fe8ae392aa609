/**
 * The 干部任免审批表 exchange file (.lrmx): the XML the organisation departments' appointment-form
 * software reads — root `Person`, one element per box of the form (pinyin names), months as
 * yyyyMM, the resume (简历) as lines 「2010.07--2015.09  单位职务」, family members as `Item`s
 * and the photo as Base64. Every box is written, empty when unknown, so the software finds them all.
 */

export interface AppointmentFormFamilyMember {
  relation: string;
  name: string;
  /** 'YYYY-MM-DD' or a typed date; empty when unknown. */
  birthDate: string;
  politicalStatus: string;
  workUnit: string;
}

export interface AppointmentFormHistoryEntry {
  from?: string | undefined;
  to?: string | undefined;
  place: string;
  role?: string | undefined;
}

export interface AppointmentFormData {
  name: string;
  gender: string;
  birthDate: string;
  ethnicity: string;
  nativePlace: string;
  birthplace: string;
  partyJoinDate: string | null;
  workStartDate: string | null;
  health: string;
  specialties: string;
  /** 全日制教育: the highest education, its degree, school and major. */
  fullTimeEducation: { education: string; degree: string; school: string };
  /** 在职教育, when known. */
  inServiceEducation: { education: string; degree: string; school: string };
  presentPosition: string;
  proposedPosition: string;
  resume: readonly AppointmentFormHistoryEntry[];
  annualResults: string;
  family: readonly AppointmentFormFamilyMember[];
  reportingUnit: string;
  /** The day the form is filled in and the age is counted at ('YYYY-MM-DD'). */
  filledOn: string;
  filledBy: string;
  /** Full or masked, as the caller may see it. */
  idNumber: string;
  photoBase64: string;
}

/** The file's format version written in `Version`. */
export const LRMX_VERSION = '3.2.1.16';

/** A date ('YYYY-MM-DD', '2005.09', '2005-9', '200509') as yyyyMM; empty when it names no month. */
export function lrmxMonth(date: string | null | undefined): string {
  if (!date) return '';
  const match = /^(\d{4})\D?(\d{1,2})/.exec(date.trim());
  if (!match) return /^\d{4}$/.test(date.trim()) ? date.trim() : '';
  const month = Number(match[2]);
  if (month < 1 || month > 12) return '';
  return `${match[1]}${String(month).padStart(2, '0')}`;
}

/** A date as 'yyyy.MM' for the resume; empty when it names no month. */
function resumeMonth(date: string | undefined): string {
  const month = lrmxMonth(date);
  return month.length === 6 ? `${month.slice(0, 4)}.${month.slice(4)}` : month;
}

/** The resume's lines, oldest first: 「2010.07--2015.09  某村村委会委员」, an open end 「2015.09--」. */
export function resumeText(entries: readonly AppointmentFormHistoryEntry[]): string {
  return [...entries]
    .sort((a, b) => lrmxMonth(a.from).localeCompare(lrmxMonth(b.from)))
    .map((entry) => `${resumeMonth(entry.from)}--${resumeMonth(entry.to)}  ${entry.place}${entry.role ?? ''}`.trimEnd())
    .join('\n');
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text for an XML element: escaped, and without the control characters XML 1.0 cannot carry. */
export function xmlText(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/[&<>"']/g, (character) => XML_ESCAPES[character]!);
}

function element(name: string, value: string, indent = '  '): string {
  return value === '' ? `${indent}<${name} />` : `${indent}<${name}>${xmlText(value)}</${name}>`;
}

/** The .lrmx document of one person. */
export function buildLrmx(data: AppointmentFormData): string {
  const fields: [string, string][] = [
    ['XingMing', data.name],
    ['XingBie', data.gender],
    ['ChuShengNianYue', lrmxMonth(data.birthDate)],
    ['MinZu', data.ethnicity],
    ['JiGuan', data.nativePlace],
    ['ChuShengDi', data.birthplace],
    ['RuDangShiJian', lrmxMonth(data.partyJoinDate)],
    ['CanJiaGongZuoShiJian', lrmxMonth(data.workStartDate)],
    ['JianKangZhuangKuang', data.health],
    ['ZhuanYeJiShuZhiWu', ''],
    ['ShuXiZhuanYeYouHeZhuanChang', data.specialties],
    ['QuanRiZhiJiaoYu_XueLi', data.fullTimeEducation.education],
    ['QuanRiZhiJiaoYu_XueWei', data.fullTimeEducation.degree],
    ['QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi', data.fullTimeEducation.school],
    ['QuanRiZhiJiaoYu_XueWei_BiYeYuanXiaoXi', data.fullTimeEducation.degree ? data.fullTimeEducation.school : ''],
    ['ZaiZhiJiaoYu_XueLi', data.inServiceEducation.education],
    ['ZaiZhiJiaoYu_XueWei', data.inServiceEducation.degree],
    ['ZaiZhiJiaoYu_XueLi_BiYeYuanXiaoXi', data.inServiceEducation.school],
    ['ZaiZhiJiaoYu_XueWei_BiYeYuanXiaoXi', data.inServiceEducation.degree ? data.inServiceEducation.school : ''],
    ['XianRenZhiWu', data.presentPosition],
    ['NiRenZhiWu', data.proposedPosition],
    ['NiMianZhiWu', ''],
    ['JianLi', resumeText(data.resume)],
    ['JiangChengQingKuang', ''],
    ['NianDuKaoHeJieGuo', data.annualResults],
    ['RenMianLiYou', ''],
  ];
  const family = data.family.map((member) => [
    '    <Item>',
    element('ChengWei', member.relation, '      '),
    element('XingMing', member.name, '      '),
    element('ChuShengRiQi', lrmxMonth(member.birthDate), '      '),
    element('ZhengZhiMianMao', member.politicalStatus, '      '),
    element('GongZuoDanWeiJiZhiWu', member.workUnit, '      '),
    '    </Item>',
  ].join('\n'));
  const tail: [string, string][] = [
    ['ChengBaoDanWei', data.reportingUnit],
    ['JiSuanNianLingShiJian', data.filledOn.replace(/-/g, '')],
    ['TianBiaoShiJian', lrmxMonth(data.filledOn)],
    ['TianBiaoRen', data.filledBy],
    ['ShenFenZheng', data.idNumber],
    ['ZhaoPian', data.photoBase64],
    ['Version', LRMX_VERSION],
  ];
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<Person>',
    ...fields.map(([name, value]) => element(name, value)),
    family.length === 0 ? '  <JiaTingChengYuan />' : `  <JiaTingChengYuan>\n${family.join('\n')}\n  </JiaTingChengYuan>`,
    ...tail.map(([name, value]) => element(name, value)),
    '</Person>',
    '',
  ].join('\n');
}

/** The file's name: 「张三.lrmx」, with characters a file system refuses replaced. */
export function lrmxFileName(name: string): string {
  return `${name.replace(/[\\/:*?"<>|\s]/g, '_') || '人员'}.lrmx`;
}
