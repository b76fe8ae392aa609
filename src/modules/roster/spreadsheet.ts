import ExcelJS from 'exceljs';
import pLimit from 'p-limit';
import yauzl from 'yauzl';
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

const NOT_XLSX = '文件不是有效的 Excel（.xlsx）文件；如为 .xls 或 WPS 格式，请另存为 .xlsx 后再导入';

/** What an uploaded workbook may hold before it is parsed at all. */
export const ARCHIVE_LIMITS = {
  /** Files inside the .xlsx archive. */
  entries: 1000,
  /** All files together, inflated (declared and counted while inflating). */
  inflatedBytes: 100 * 1024 * 1024,
  /** Inflated size over compressed size, for archives inflating to more than 10 MB. */
  ratio: 100,
  /** Rows of one sheet (its declared dimension and the rows it holds): the import's limit. */
  rows: 20_000,
};

function tooLarge(detail: string): AppError {
  return new AppError('PAYLOAD_TOO_LARGE', `表格过大：${detail}。请分成几个文件分别导入`);
}

/**
 * Checks an .xlsx archive before anything parses it: the number of files, their declared and
 * actually inflated sizes (inflating stops at the declared size), the compression ratio, and each
 * sheet's declared dimension and row count against the import's limit. A file that would expand
 * to hundreds of megabytes is refused after reading at most the limit.
 */
export async function checkSpreadsheetArchive(file: Buffer, limits = ARCHIVE_LIMITS): Promise<void> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(file, { lazyEntries: true, validateEntrySizes: true });
  } catch {
    throw new AppError('VALIDATION_FAILED', NOT_XLSX);
  }
  try {
    if (zip.entryCount > limits.entries) throw tooLarge(`包含 ${zip.entryCount} 个内部文件，超过 ${limits.entries} 个`);
    let declared = 0;
    let inflated = 0;
    for await (const entry of zip.eachEntry()) {
      declared += entry.uncompressedSize;
      if (declared > limits.inflatedBytes) throw tooLarge(`解压后超过 ${limits.inflatedBytes / 1024 / 1024} MB`);
      if (declared > 10 * 1024 * 1024 && declared > limits.ratio * file.length) throw tooLarge(`压缩比超过 ${limits.ratio} 倍`);
      if (entry.fileName.endsWith('/')) continue;
      const isSheet = /^xl\/worksheets\/[^/]+\.xml$/.test(entry.fileName);
      let stream;
      try {
        stream = await zip.openReadStreamPromise(entry);
      } catch {
        throw new AppError('VALIDATION_FAILED', NOT_XLSX);
      }
      const rows = new SheetRowCounter(limits.rows);
      try {
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          inflated += chunk.length;
          if (inflated > limits.inflatedBytes) throw tooLarge(`解压后超过 ${limits.inflatedBytes / 1024 / 1024} MB`);
          if (isSheet) rows.add(chunk);
        }
      } catch (error) {
        stream.destroy();
        throw error instanceof AppError ? error : new AppError('VALIDATION_FAILED', NOT_XLSX);
      }
    }
  } finally {
    zip.close();
  }
}

/** Counts a sheet's rows as its XML streams by, and reads its declared dimension; throws past the limit. */
class SheetRowCounter {
  #rows = 0;
  #tail = '';
  #hasDimension = false;

  constructor(private readonly limit: number) {}

  add(chunk: Buffer): void {
    const text = this.#tail + chunk.toString('latin1');
    if (!this.#hasDimension) {
      const dimension = /<(?:\w+:)?dimension\s+ref="[A-Z]+\d+(?::[A-Z]+(\d+))?"/.exec(text);
      if (dimension) {
        this.#hasDimension = true;
        const lastRow = Number(dimension[1] ?? 1);
        if (lastRow > this.limit + 10) throw tooLarge(`工作表声明了 ${lastRow} 行，导入上限为 ${this.limit} 行`);
      }
    }
    const matches = text.match(/<(?:\w+:)?row[\s>]/g);
    this.#rows += matches?.length ?? 0;
    if (this.#rows > this.limit + 10) throw tooLarge(`工作表超过 ${this.limit} 行`);
    // A tag cut by the chunk's end is counted with the next chunk.
    const rest = text.slice(Math.max(0, text.lastIndexOf('<')));
    this.#tail = rest.length < 8 && !/^<(?:\w+:)?row[\s>]/.test(rest) ? rest : '';
  }
}

/** One workbook parsed at a time, so that parsing uploads cannot take every core from the other requests. */
const parseOneAtATime = pLimit(1);

/** An uploaded workbook, checked (`checkSpreadsheetArchive`) and then parsed by exceljs. */
export async function loadWorkbook(file: Buffer): Promise<ExcelJS.Workbook> {
  await checkSpreadsheetArchive(file);
  return parseOneAtATime(async () => {
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(file as unknown as ArrayBuffer);
    } catch {
      throw new AppError('VALIDATION_FAILED', NOT_XLSX);
    }
    return workbook;
  });
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
