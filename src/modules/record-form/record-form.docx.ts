import {
  AlignmentType,
  BorderStyle,
  Document,
  HeightRule,
  ImageRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { fitWithin, imageSize, padRows, QUARTER_LABELS } from '../../domain/record-form.ts';

/** Everything printed on one reserve's 村级后备干部日常管理纪实表 for one year, as display text. */
export interface RecordFormData {
  year: number;
  townshipName: string;
  villageName: string;
  person: {
    name: string;
    gender: string;
    /** 出生年月, e.g. '1990.03'. */
    birthMonth: string;
    ethnicity: string;
    nativePlace: string;
    birthPlace: string;
    partyJoinMonth: string;
    workStartMonth: string;
    health: string;
    occupation: string;
    specialties: string;
    education: string;
    /** 毕业院校及专业. */
    schoolAndMajor: string;
    /** Full or masked, as the caller may see it. */
    idNumber: string;
    phone: string;
  };
  photo: { contentType: 'image/jpeg' | 'image/png'; data: Buffer } | null;
  /** One row per session attended in the year (参加培训情况). */
  trainings: { method: string; period: string; days: string; content: string }[];
  /** Exactly four rows, 第一季度 … 第四季度 (结对帮扶情况). */
  mentoring: { period: string; mentorNames: string; content: string; opinion: string }[];
  /** One row per practice placement (参加实践锻炼情况). */
  practice: { content: string; performance: string; opinion: string }[];
  /** Four quarterly opinions of the village (村（社区）评定意见); empty string when not given. */
  villageOpinions: string[];
  /** Four quarterly opinions of the township (乡镇评定意见). */
  townshipOpinions: string[];
  annualResult: string;
}

export const RECORD_FORM_TITLE = '村级后备干部日常管理纪实表';

// A4 portrait in twips (1/20 pt); the table sits on a grid of 24 equal columns.
const PAGE = { width: 11906, height: 16838 };
const MARGIN = { top: 1134, bottom: 1020, left: 1247, right: 1247 };
const GRID_COLUMNS = 24;
const GRID_UNIT = Math.floor((PAGE.width - MARGIN.left - MARGIN.right) / GRID_COLUMNS);
const TABLE_WIDTH = GRID_UNIT * GRID_COLUMNS;
const LABEL_SPAN = 3;

// Word shows 宋体 / 黑体 where installed; the PDF converter maps them to Noto CJK (see record-form.pdf.ts).
const BODY_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体', cs: 'Times New Roman' };
const TITLE_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体', cs: 'Times New Roman' };
const LANGUAGE = { value: 'zh-CN', eastAsia: 'zh-CN' };
const BODY_SIZE = 21; // half-points: 10.5 pt, 五号
const SMALL_SIZE = 18; // 9 pt, 小五

const ROW_HEIGHT = { personal: 560, header: 440, entry: 500, quarter: 620, opinions: 2600, annual: 2000 };
const MINIMUM_ROWS = { trainings: 5, practice: 3 };
// The photo cell spans the first three rows: about 2.5 × 3.3 cm.
const PHOTO_BOX = { width: 92, height: 124 };

const border = { style: BorderStyle.SINGLE, size: 6, color: '000000' };
const thickBorder = { style: BorderStyle.SINGLE, size: 12, color: '000000' };

interface CellOptions {
  span: number;
  /** Left and right cell margin in twips. */
  padding?: number;
  rowSpan?: number;
  bold?: boolean;
  size?: number;
  align?: 'left' | 'center';
}

function textParagraphs(text: string, options: Pick<CellOptions, 'bold' | 'size' | 'align'>): Paragraph[] {
  const lines = text === '' ? [''] : text.split('\n');
  return lines.map((line) => new Paragraph({
    alignment: options.align === 'left' ? AlignmentType.LEFT : AlignmentType.CENTER,
    spacing: { before: 0, after: 0, line: 300 },
    children: [new TextRun({ text: line, bold: options.bold ?? false, size: options.size ?? BODY_SIZE, font: BODY_FONT, language: LANGUAGE })],
  }));
}

function cell(text: string, options: CellOptions): TableCell {
  return new TableCell({
    children: textParagraphs(text, options),
    columnSpan: options.span,
    ...(options.rowSpan && options.rowSpan > 1 ? { rowSpan: options.rowSpan } : {}),
    width: { size: options.span * GRID_UNIT, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { left: options.padding ?? 80, right: options.padding ?? 80, top: 40, bottom: 40 },
  });
}

const LABEL_PADDING = 30;

/** A label on one line where 五号 or 小五 lets it fit the cell (CJK characters are one em wide). */
function label(text: string, span = LABEL_SPAN, rowSpan?: number): TableCell {
  const width = span * GRID_UNIT - 2 * LABEL_PADDING - 20;
  const longestLine = Math.max(...text.split('\n').map((line) => [...line].length));
  const size = longestLine * BODY_SIZE * 10 <= width ? BODY_SIZE : SMALL_SIZE;
  return cell(text, { span, rowSpan, align: 'center', padding: LABEL_PADDING, size });
}
const value = (text: string, span: number) => cell(text, { span, align: 'center' });
const prose = (text: string, span: number) => cell(text, { span, align: 'left' });

/** A block label written down its merged cell two characters a line, as on the paper form (参加/培训/情况). */
function blockLabel(lines: readonly string[], rowSpan: number): TableCell {
  return cell(lines.join('\n'), { span: LABEL_SPAN, rowSpan, align: 'center', padding: LABEL_PADDING });
}

interface RowSpec {
  cells: TableCell[];
  height: number;
}

function row(cells: TableCell[], height: number): RowSpec {
  return { cells, height };
}

/** The rows of one block, kept together on one page (every row but the last is kept with the next). */
function block(rows: readonly RowSpec[]): TableRow[] {
  return rows.map((spec, index) => new TableRow({
    children: spec.cells,
    height: { value: spec.height, rule: HeightRule.ATLEAST },
    cantSplit: true,
    keepNext: index < rows.length - 1,
  }));
}

function photoCell(photo: RecordFormData['photo'], span: number, rowSpan: number): TableCell {
  const size = photo ? imageSize(photo.data) : null;
  const children = photo && size
    ? [new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new ImageRun({
        type: photo.contentType === 'image/png' ? 'png' : 'jpg',
        data: photo.data,
        transformation: fitWithin(size, PHOTO_BOX),
        altText: { name: '照片', description: '本人照片', title: '照片' },
      })],
    })]
    : textParagraphs('照片', {});
  return new TableCell({
    children,
    columnSpan: span,
    rowSpan,
    width: { size: span * GRID_UNIT, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { left: 40, right: 40, top: 40, bottom: 40 },
  });
}

function personalRows(data: RecordFormData): RowSpec[] {
  const { person } = data;
  return [
    row([label('姓名'), value(person.name, 4), label('性别'), value(person.gender, 3), label('出生年月'), value(person.birthMonth, 3), photoCell(data.photo, 5, 3)], ROW_HEIGHT.personal),
    row([label('民族'), value(person.ethnicity, 4), label('籍贯'), value(person.nativePlace, 3), label('出生地'), value(person.birthPlace, 3)], ROW_HEIGHT.personal),
    row([label('入党时间'), value(person.partyJoinMonth, 4), label('参加工作时间'), value(person.workStartMonth, 3), label('健康状况'), value(person.health, 3)], ROW_HEIGHT.personal),
    row([label('从事职业'), value(person.occupation, 7), label('熟悉专业有何专长', 4), value(person.specialties, 10)], ROW_HEIGHT.personal),
    row([label('学历'), value(person.education, 7), label('毕业院校及专业', 4), value(person.schoolAndMajor, 10)], ROW_HEIGHT.personal),
    row([label('身份证号'), value(person.idNumber, 10), label('电话号码'), value(person.phone, 8)], ROW_HEIGHT.personal),
  ];
}

function trainingRows(data: RecordFormData): RowSpec[] {
  const trainings = padRows(data.trainings, MINIMUM_ROWS.trainings, () => ({ method: '', period: '', days: '', content: '' }));
  return [
    row([blockLabel(['参加', '培训', '情况'], trainings.length + 1), label('培训方式', 4), label('培训时间', 5), label('培训天数', 3), label('培训内容', 9)], ROW_HEIGHT.header),
    ...trainings.map((training) => row([value(training.method, 4), value(training.period, 5), value(training.days, 3), prose(training.content, 9)], ROW_HEIGHT.entry)),
  ];
}

function mentoringRows(data: RecordFormData): RowSpec[] {
  const quarters = QUARTER_LABELS.map((quarter, index) => ({ quarter, ...(data.mentoring[index] ?? { period: '', mentorNames: '', content: '', opinion: '' }) }));
  return [
    row([blockLabel(['结对', '帮扶', '情况'], 5), label('帮扶时间', 4), label('帮扶责任人', 4), label('帮扶内容', 8), label('评定意见', 5)], ROW_HEIGHT.header),
    ...quarters.map((item) => row([
      new TableCell({
        children: [...textParagraphs(item.quarter, {}), ...(item.period ? textParagraphs(item.period, { size: SMALL_SIZE }) : [])],
        columnSpan: 4,
        width: { size: 4 * GRID_UNIT, type: WidthType.DXA },
        verticalAlign: VerticalAlignTable.CENTER,
        margins: { left: 60, right: 60, top: 40, bottom: 40 },
      }),
      value(item.mentorNames, 4),
      prose(item.content, 8),
      prose(item.opinion, 5),
    ], ROW_HEIGHT.quarter)),
  ];
}

function practiceRows(data: RecordFormData): RowSpec[] {
  const practice = padRows(data.practice, MINIMUM_ROWS.practice, () => ({ content: '', performance: '', opinion: '' }));
  return [
    row([blockLabel(['参加', '实践', '锻炼', '情况'], practice.length + 1), label('具体内容', 9), label('主要表现', 7), label('评定意见', 5)], ROW_HEIGHT.header),
    ...practice.map((item) => row([prose(item.content, 9), prose(item.performance, 7), prose(item.opinion, 5)], ROW_HEIGHT.entry)),
  ];
}

function opinionRows(title: readonly string[], opinions: readonly string[]): RowSpec[] {
  const spans = [5, 5, 5, 6];
  return [
    row([blockLabel(title, 2), ...QUARTER_LABELS.map((quarter, index) => label(quarter, spans[index]))], ROW_HEIGHT.header),
    row(QUARTER_LABELS.map((_quarter, index) => prose(opinions[index] ?? '', spans[index]!)), ROW_HEIGHT.opinions),
  ];
}

function heading(data: RecordFormData): Paragraph[] {
  const unitLine = `乡镇：${data.townshipName}　　村（社区）：${data.villageName}`;
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 0, after: 120 },
      children: [new TextRun({ text: RECORD_FORM_TITLE, bold: true, size: 36, font: TITLE_FONT, language: LANGUAGE })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 0, after: 120 },
      children: [new TextRun({ text: `（${data.year}年度）`, size: 24, font: BODY_FONT, language: LANGUAGE })],
    }),
    new Paragraph({
      alignment: AlignmentType.LEFT,
      spacing: { before: 0, after: 80 },
      children: [new TextRun({ text: unitLine, size: BODY_SIZE, font: BODY_FONT, language: LANGUAGE })],
    }),
  ];
}

/** Lays out the record form of seed 002 (attachment 2) as a .docx: one bordered table on A4 portrait. */
export async function buildRecordFormDocx(data: RecordFormData): Promise<Buffer> {
  const table = new Table({
    width: { size: TABLE_WIDTH, type: WidthType.DXA },
    columnWidths: Array.from({ length: GRID_COLUMNS }, () => GRID_UNIT),
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders: { top: thickBorder, bottom: thickBorder, left: thickBorder, right: thickBorder, insideHorizontal: border, insideVertical: border },
    rows: [
      ...block(personalRows(data)),
      ...block(trainingRows(data)),
      ...block(mentoringRows(data)),
      ...block(practiceRows(data)),
      ...block(opinionRows(['村（社区）', '评定意见'], data.villageOpinions)),
      ...block(opinionRows(['乡镇', '评定意见'], data.townshipOpinions)),
      ...block([row([label('年度考核\n结果'), prose(data.annualResult, GRID_COLUMNS - LABEL_SPAN)], ROW_HEIGHT.annual)]),
    ],
  });
  const document = new Document({
    creator: '后备力量选育管用系统',
    title: `${RECORD_FORM_TITLE}（${data.year}年度）${data.person.name}`,
    styles: { default: { document: { run: { font: BODY_FONT, size: BODY_SIZE } } } },
    sections: [{
      properties: { page: { size: PAGE, margin: MARGIN } },
      children: [...heading(data), table],
    }],
  });
  return Packer.toBuffer(document);
}
