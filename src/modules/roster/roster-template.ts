import ExcelJS from 'exceljs';
import type { Db } from '../../db/database.ts';
import { ROSTER_COLUMNS, ROSTER_OPTIONAL_COLUMNS } from '../../domain/roster.ts';
import { loadEnabledItems } from '../dictionaries/dictionaries.service.ts';

const TEMPLATE_ROWS = 1000;

/** What 填写说明 says of each roster column; the 两委 template takes its person columns from here. */
export const ROSTER_EXPLANATIONS: Record<string, string> = {
  序号: '可不填，导入时不读取。',
  乡镇: '乡镇（街道）名称，与系统中的名称一致，如「西龙镇」。导入到某个村时可不填。',
  '村(社区)': '村（社区）名称，如「石堰村」或「凤阳社区」；也可填写「××村村民委员会」。导入到某个村时可不填。',
  姓名: '必填。',
  性别: '可不填；填写时须与身份证号码一致（从下拉列表选择）。',
  出生年月: '可不填；填写时须与身份证号码一致。可写作 1985.03、1985-03、1985年3月 或 198503。',
  入党时间: '党员填写，写法同出生年月；填写了入党时间的视为中共党员，否则为群众（另有「政治面貌」列时以该列为准）。',
  年龄: '可不填，导出时按基准日期自动计算，导入时不读取。',
  学历: '必填，从下拉列表选择（也可填写「中专」「大学本科」「硕士」等常见写法）。',
  身份: '必填，即来源类别，从下拉列表选择。',
  身份证号码: '必填，18 位居民身份证号码。请保持该列为「文本」格式，否则 Excel 会丢失末几位。同一身份证号码视为同一人，重复导入不会重复建档。',
  联系电话: '11 位手机号码，或带区号的固定电话（如 028-38812345）。',
  结对干部姓名及职务: '如「王明 镇党委副书记」。',
  备注: '可不填。',
  政治面貌: '可选列，从下拉列表选择。',
  拟任岗位: '可选列，从下拉列表选择；不填为「两委委员」。',
  成熟度: '可选列，从下拉列表选择；不填为「1–2 年内可使用」。',
  是否在外: '可选列，在外能人填「是」。',
};

/** An import template: a sheet with a title row and a header, drop-down lists from a hidden sheet, and a sheet explaining each column. */
export interface ImportTemplate {
  sheetName: string;
  title: string;
  headers: readonly string[];
  /** Headers shown in grey: columns the import reads when present. */
  optionalHeaders?: readonly string[];
  widths: Readonly<Record<string, number>>;
  /** Columns kept as text (ID numbers, phones). */
  textHeaders: readonly string[];
  /** Drop-down lists, by header. */
  dropDowns: readonly (readonly [header: string, labels: readonly string[]])[];
  explanations: Readonly<Record<string, string>>;
  /** Lines under the explanations of the columns. */
  notes: readonly (readonly [string, string])[];
}

/** Writes an import template (exceljs): the data sheet with its drop-downs for TEMPLATE_ROWS rows, the hidden lists, and 填写说明. */
export async function writeImportTemplate(template: ImportTemplate): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(template.sheetName, { views: [{ state: 'frozen', ySplit: 2 }] });
  const guide = workbook.addWorksheet('填写说明');
  const lists = workbook.addWorksheet('字典', { state: 'veryHidden' });
  const headers = template.headers;
  sheet.mergeCells(1, 1, 1, headers.length);
  sheet.getCell(1, 1).value = `${template.title}（导入模板：请从第 3 行起填写，勿改动第 2 行表头）`;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  headers.forEach((header, index) => {
    const cell = sheet.getCell(2, index + 1);
    cell.value = header;
    cell.font = { bold: true, color: { argb: template.optionalHeaders?.includes(header) ? 'FF7F7F7F' : 'FF000000' } };
    sheet.getColumn(index + 1).width = template.widths[header] ?? 12;
  });
  for (const header of template.textHeaders) sheet.getColumn(headers.indexOf(header) + 1).numFmt = '@';

  template.dropDowns.forEach(([header, labels], listIndex) => {
    const listColumn = listIndex + 1;
    lists.getCell(1, listColumn).value = header;
    labels.forEach((label, index) => (lists.getCell(index + 2, listColumn).value = label));
    const letter = lists.getColumn(listColumn).letter;
    const column = headers.indexOf(header) + 1;
    for (let row = 3; row < 3 + TEMPLATE_ROWS; row += 1) {
      sheet.getCell(row, column).dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [`字典!$${letter}$2:$${letter}$${labels.length + 1}`],
        showErrorMessage: true,
        errorTitle: '请从下拉列表中选择',
        error: `${header}须为：${labels.join('、')}`,
      };
    }
  });

  guide.columns = [{ header: '列', width: 20 }, { header: '填写要求', width: 100 }];
  guide.getRow(1).font = { bold: true };
  for (const header of headers) guide.addRow([header, template.explanations[header] ?? '']);
  guide.addRow([]);
  for (const note of template.notes) guide.addRow([...note]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The rule of every import, for 填写说明. */
export const ALL_OR_NOTHING_NOTE = ['导入规则', '整个文件逐行逐格检查；只要有一处错误，整个文件都不导入，并列出每处错误所在的行和列（可下载标注了错误的文件修改后重新导入）。'] as const;

/** The import template: the roster's columns with drop-down lists from the dictionaries, and a sheet explaining each column. */
export async function buildRosterTemplate(db: Db): Promise<Buffer> {
  const items = await loadEnabledItems(db);
  const dropDowns: [string, keyof typeof items][] = [['性别', 'gender'], ['学历', 'education'], ['身份', 'sourceCategory'], ['政治面貌', 'politicalStatus'], ['拟任岗位', 'targetPost'], ['成熟度', 'readiness']];
  return writeImportTemplate({
    sheetName: '名册',
    title: '村级后备干部名册',
    headers: [...ROSTER_COLUMNS, ...ROSTER_OPTIONAL_COLUMNS],
    optionalHeaders: ROSTER_OPTIONAL_COLUMNS,
    widths: { 身份证号码: 22, 结对干部姓名及职务: 22 },
    textHeaders: ['身份证号码', '联系电话'],
    dropDowns: dropDowns.map(([header, dictionary]) => [header, items[dictionary].map((item) => item.label)]),
    explanations: ROSTER_EXPLANATIONS,
    notes: [
      ['人才台账', '同一模板也用于导入人才台账（一村一册）：「身份」列即来源类别，「结对干部姓名及职务」「拟任岗位」「成熟度」不读取。'],
      ALL_OR_NOTHING_NOTE,
    ],
  });
}
