import type { Db } from '../../db/database.ts';
import { COMMITTEES } from '../../domain/committee.ts';
import { loadEnabledItems } from '../dictionaries/dictionaries.service.ts';
import { ALL_OR_NOTHING_NOTE, ROSTER_EXPLANATIONS, writeImportTemplate } from '../roster/roster-template.ts';
import { COMMITTEE_SHEET_COLUMNS, COMMITTEE_SHEET_LABELS, POST_WORDS } from './committee-sheet-checker.ts';

const EXPLANATIONS: Record<string, string> = {
  ...Object.fromEntries(['序号', '乡镇', '村(社区)', '性别', '出生年月', '学历', '联系电话'].map((header) => [header, ROSTER_EXPLANATIONS[header] ?? ''])),
  姓名: '必填。一人同时任村党组织书记和村民委员会主任（一肩挑）或在两个委员会任职（交叉任职）的，每个职务填一行。',
  身份证号码: '必填，18 位居民身份证号码。请保持该列为「文本」格式，否则 Excel 会丢失末几位。按身份证号码查找已有人员，没有的新建档案。',
  政治面貌: '可不填，从下拉列表选择；不填时，填写了入党时间的视为中共党员，否则为群众。',
  入党时间: '党员填写，写法同出生年月。',
  组织: `必填，从下拉列表选择：${COMMITTEES.map((committee) => COMMITTEE_SHEET_LABELS[committee]).join('、')}（也可填写「村党组织委员会」「村委会」「监委会」等）。`,
  职务: '必填，从下拉列表选择。党组织委员会：书记、副书记、委员；村民委员会：主任、副主任、委员；村务监督委员会：主任、委员。同一村的书记、主任各只能有一人。',
  届别: '必填，换届选举的年份，如 2021。',
  任职日期: '必填，写到日，如 2021.03.15 或 2021-03-15，不能晚于今天，不能早于届别的年份。',
};

/** The 两委 roster import template: the columns with drop-downs and 填写说明. */
export async function buildCommitteeTemplate(db: Db): Promise<Buffer> {
  const items = await loadEnabledItems(db);
  const labels = (dictionary: keyof typeof items) => items[dictionary].map((item) => item.label);
  return writeImportTemplate({
    sheetName: '两委成员',
    title: '村（社区）“两委”及村务监督委员会成员名册',
    headers: COMMITTEE_SHEET_COLUMNS,
    widths: { 身份证号码: 22, 组织: 16, 任职日期: 12 },
    textHeaders: ['身份证号码', '联系电话', '任职日期'],
    dropDowns: [
      ['性别', labels('gender')], ['学历', labels('education')], ['政治面貌', labels('politicalStatus')],
      ['组织', COMMITTEES.map((committee) => COMMITTEE_SHEET_LABELS[committee])], ['职务', POST_WORDS],
    ],
    explanations: EXPLANATIONS,
    notes: [
      ['重复导入', '已在任的成员（同一人、同一委员会、同一职务、同一届别和任职日期）再次导入时不作改动；书记或主任已由他人担任、或同一人已在该委员会担任其他职务的行不能导入：请先在村（社区）页面登记原成员离任。'],
      ['未列入的成员', '文件中没有的在任成员保持在任；成员离任请在村（社区）页面登记（届满、辞职等）。'],
      ALL_OR_NOTHING_NOTE,
    ],
  });
}
