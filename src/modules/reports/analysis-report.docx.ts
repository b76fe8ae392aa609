import {
  AlignmentType, BorderStyle, Document, HeadingLevel, ImageRun, Packer, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType,
} from 'docx';
import type { ChartImage } from './chart-images.ts';

/**
 * The analysis report laid out as a .docx (docx package): a title, a line naming the unit and the
 * period, then the sections, each a heading followed by paragraphs, tables and chart images.
 */

export type ReportBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; headers: readonly string[]; rows: readonly (readonly (string | number)[])[]; note?: string }
  | { kind: 'image'; image: ChartImage; caption: string };

export interface ReportDocument {
  title: string;
  subtitle: string;
  sections: readonly { heading: string; blocks: readonly ReportBlock[] }[];
  footer: string;
}

// A4 portrait in twips (1/20 pt).
const PAGE = { width: 11906, height: 16838 };
const MARGIN = { top: 1440, bottom: 1440, left: 1588, right: 1474 };
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
// Images are placed at this width in points (docx ImageRun sizes are in pixels at 96 dpi).
const IMAGE_WIDTH_PX = 560;

// Word shows 仿宋 / 黑体 where installed; the PDF converter maps them to Noto CJK (record-form.pdf.ts).
const BODY_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋', cs: 'Times New Roman' };
const HEADING_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体', cs: 'Times New Roman' };
const TITLE_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '方正小标宋简体', cs: 'Times New Roman' };
const LANGUAGE = { value: 'zh-CN', eastAsia: 'zh-CN' };
const BODY_SIZE = 28; // half-points: 14 pt, 四号
const TABLE_SIZE = 21; // 10.5 pt, 五号

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

function paragraph(text: string): Paragraph {
  return new Paragraph({
    indent: { firstLine: BODY_SIZE * 20 },
    spacing: { line: 520, before: 0, after: 0 },
    children: [new TextRun({ text, size: BODY_SIZE, font: BODY_FONT, language: LANGUAGE })],
  });
}

function cell(text: string | number, isHeader: boolean, width: number): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: [new Paragraph({
      alignment: typeof text === 'number' || isHeader ? AlignmentType.CENTER : AlignmentType.LEFT,
      children: [new TextRun({ text: String(text), bold: isHeader, size: TABLE_SIZE, font: isHeader ? HEADING_FONT : BODY_FONT, language: LANGUAGE })],
    })],
  });
}

function table(block: Extract<ReportBlock, { kind: 'table' }>): (Table | Paragraph)[] {
  const width = Math.floor(TEXT_WIDTH / block.headers.length);
  const rows = [
    new TableRow({ tableHeader: true, children: block.headers.map((header) => cell(header, true, width)) }),
    ...block.rows.map((row) => new TableRow({ cantSplit: true, children: row.map((value) => cell(value, false, width)) })),
  ];
  const result: (Table | Paragraph)[] = [new Table({
    width: { size: width * block.headers.length, type: WidthType.DXA },
    columnWidths: block.headers.map(() => width),
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows,
  })];
  if (block.note) result.push(new Paragraph({ children: [new TextRun({ text: block.note, size: TABLE_SIZE, font: BODY_FONT, language: LANGUAGE })] }));
  result.push(new Paragraph({ children: [] }));
  return result;
}

function image(block: Extract<ReportBlock, { kind: 'image' }>): Paragraph[] {
  const height = Math.round((block.image.height / block.image.width) * IMAGE_WIDTH_PX);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      children: [new ImageRun({ type: 'png', data: block.image.png, transformation: { width: IMAGE_WIDTH_PX, height }, altText: { name: block.caption, description: block.caption, title: block.caption } })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 200 },
      children: [new TextRun({ text: block.caption, size: TABLE_SIZE, font: BODY_FONT, language: LANGUAGE })],
    }),
  ];
}

function blockContent(block: ReportBlock): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'paragraph': return [paragraph(block.text)];
    case 'table': return table(block);
    case 'image': return image(block);
  }
}

/** The report as a .docx. */
export async function buildAnalysisReportDocx(report: ReportDocument): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [new TextRun({ text: report.title, size: 40, font: TITLE_FONT, language: LANGUAGE })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 360 },
      children: [new TextRun({ text: report.subtitle, size: TABLE_SIZE + 3, font: BODY_FONT, language: LANGUAGE })],
    }),
  ];
  for (const section of report.sections) {
    children.push(new Paragraph({
      heading: HeadingLevel.HEADING_1,
      spacing: { before: 240, after: 120 },
      keepNext: true,
      children: [new TextRun({ text: section.heading, size: 32, font: HEADING_FONT, color: '000000', language: LANGUAGE })],
    }));
    for (const block of section.blocks) children.push(...blockContent(block));
  }
  children.push(new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { before: 360 }, children: [new TextRun({ text: report.footer, size: TABLE_SIZE, font: BODY_FONT, language: LANGUAGE })] }));
  const document = new Document({
    creator: '后备力量选育管用系统',
    title: report.title,
    styles: { default: { document: { run: { font: BODY_FONT, size: BODY_SIZE } } } },
    sections: [{ properties: { page: { size: PAGE, margin: MARGIN } }, children }],
  });
  return Packer.toBuffer(document);
}
