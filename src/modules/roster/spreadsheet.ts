import ExcelJS from 'exceljs';
import { AppError } from '../../server/errors.ts';
import { normaliseHeader } from '../../domain/roster.ts';

/** The raw value of a cell as people see it: text, number or date (formulas by their result). */
export function cellValue(cell: ExcelJS.Cell): string | number | Date | null {
  const value = cell.value;
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || value instanceof Date) return value;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('result' in value) {
      const result = value.result;
      return typeof result === 'string' || typeof result === 'number' || result instanceof Date ? result : null;
    }
    if ('text' in value && typeof value.text === 'string') return value.text;
  }
  return null;
}

export function cellText(cell: ExcelJS.Cell): string {
  const value = cellValue(cell);
  if (value === null) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).trim();
}

/** A cell value as the importer reads it. */
export type GridValue = string | number | Date | null;

export interface GridRow {
  /** The Excel row number (1-based). */
  row: number;
  /** Values by Excel column number (1-based; index 0 unused, missing cells undefined). */
  cells: (GridValue | undefined)[];
}

export interface GridSheet {
  name: string;
  /** Rows that have at least one cell, in ascending row order. */
  rows(): GridRow[];
}

/** A grid value as text, the way `cellText` shows a cell. */
export function gridText(value: GridValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).trim();
}

/** The cell values of every sheet, read once through exceljs. */
function gridFromWorkbook(workbook: ExcelJS.Workbook): GridSheet[] {
  return workbook.worksheets.map((sheet) => {
    const rows: GridRow[] = [];
    sheet.eachRow((row, rowNumber) => {
      const cells: (GridValue | undefined)[] = [];
      row.eachCell((cell, columnNumber) => {
        cells[columnNumber] = cellValue(cell);
      });
      rows.push({ row: rowNumber, cells });
    });
    return { name: sheet.name, rows: () => rows };
  });
}

/** The cell values of every sheet of an uploaded .xlsx (exceljs; an unreadable file gets its Chinese message). */
export async function loadGrid(file: Buffer): Promise<GridSheet[]> {
  return gridFromWorkbook(await loadWorkbook(file));
}

/** `findHeader` on a grid: the first sheet with a header row naming all `required` columns among its first 10 rows. */
export function findGridHeader(sheets: readonly GridSheet[], required: readonly string[]): { rows: GridRow[]; headerRow: number; columns: Map<string, number> } {
  for (const sheet of sheets) {
    const rows = sheet.rows();
    for (const row of rows) {
      if (row.row > 10) break;
      const columns = new Map<string, number>();
      row.cells.forEach((value, columnNumber) => {
        const header = normaliseHeader(gridText(value));
        if (header && !columns.has(header)) columns.set(header, columnNumber);
      });
      if (required.every((column) => columns.has(column))) return { rows, headerRow: row.row, columns };
    }
  }
  throw new AppError('VALIDATION_FAILED', `没有找到表头：表格前 10 行中应有一行包含这些列：${required.join('、')}。请使用系统提供的模板`);
}

export async function loadWorkbook(file: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw new AppError('VALIDATION_FAILED', '文件不是有效的 Excel（.xlsx）文件；如为 .xls 或 WPS 格式，请另存为 .xlsx 后再导入');
  }
  return workbook;
}

/**
 * The first sheet with a header row naming all `required` columns (among its first 10 rows),
 * with the column number of each header found.
 */
export function findHeader(workbook: ExcelJS.Workbook, required: readonly string[]): { sheet: ExcelJS.Worksheet; headerRow: number; columns: Map<string, number> } {
  for (const sheet of workbook.worksheets) {
    for (let rowNumber = 1; rowNumber <= Math.min(10, sheet.rowCount); rowNumber += 1) {
      const columns = new Map<string, number>();
      sheet.getRow(rowNumber).eachCell((cell, columnNumber) => {
        const header = normaliseHeader(cellText(cell));
        if (header && !columns.has(header)) columns.set(header, columnNumber);
      });
      if (required.every((column) => columns.has(column))) return { sheet, headerRow: rowNumber, columns };
    }
  }
  throw new AppError('VALIDATION_FAILED', `没有找到表头：表格前 10 行中应有一行包含这些列：${required.join('、')}。请使用系统提供的模板`);
}
