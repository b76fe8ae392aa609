import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FastifyBaseLogger, FastifyReply } from 'fastify';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A cell of an exported table. */
export type TableCell = string | number | null;

/** An export ready to be written: its file name and a writer that resolves with the rows written. */
export interface TableExport {
  fileName: string;
  write(output: Writable): Promise<number>;
}

export interface TableWorkbook {
  sheetName: string;
  /** The title row above the table (merged over all columns). */
  title: string;
  /** The line under the title: unit, dates, filters. */
  subtitle: string;
  columns: readonly { header: string; width: number }[];
  /** The rows, in batches, without the 序号 column when `isNumbered` (it is added). */
  rows: AsyncIterable<TableCell[][]>;
  /** Whether the first column is a running number (序号) written by the writer. */
  isNumbered?: boolean;
}

const THIN = { style: 'thin' } as const;

/**
 * Writes a titled table as xlsx with exceljs's streaming writer: title, subtitle, a frozen bold
 * header, then the rows as they come, so memory stays flat however many rows there are. Printed
 * landscape, fitted to the page's width. Every export of the system (名册, 台账, 提醒, 参训, 帮带记录,
 * 日志) is laid out by this one function.
 */
export async function writeTableWorkbook(output: Writable, table: TableWorkbook): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(table.sheetName, {
    views: [{ state: 'frozen', ySplit: 3 }],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3' },
  });
  const width = table.columns.length;
  sheet.columns = table.columns.map((column) => ({ width: column.width }));
  sheet.mergeCells(1, 1, 1, width);
  sheet.mergeCells(2, 1, 2, width);
  const title = sheet.getRow(1);
  title.getCell(1).value = table.title;
  title.getCell(1).font = { bold: true, size: 16 };
  title.getCell(1).alignment = { horizontal: 'center' };
  title.commit();
  const subtitle = sheet.getRow(2);
  subtitle.getCell(1).value = table.subtitle;
  subtitle.commit();
  const header = sheet.getRow(3);
  table.columns.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    cell.value = column.header;
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = { top: THIN, bottom: THIN, left: THIN, right: THIN };
  });
  header.commit();
  let count = 0;
  for await (const batch of table.rows) {
    for (const row of batch) {
      count += 1;
      sheet.addRow(table.isNumbered ? [count, ...row] : row).commit();
    }
  }
  sheet.commit();
  await workbook.commit();
  return count;
}

/** Runs an export into a stream that can be sent as a response body; a failure ends the stream with the error. */
export function streamTableExport(tableExport: TableExport, onError: (error: unknown) => void): PassThrough {
  const output = new PassThrough();
  tableExport.write(output).catch((error: unknown) => {
    onError(error);
    output.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return output;
}

/** The Content-Disposition of a download named in Chinese (an ASCII fallback for old clients). */
export function attachmentDisposition(fileName: string, fallback = 'export.xlsx'): string {
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** Sends an export as the xlsx response. */
export function sendTableExport(reply: FastifyReply, tableExport: TableExport, log: FastifyBaseLogger, fallbackName?: string): FastifyReply {
  const stream = streamTableExport(tableExport, (error) => log.error({ err: error }, 'xlsx export failed'));
  return reply.type(XLSX_TYPE).header('Content-Disposition', attachmentDisposition(tableExport.fileName, fallbackName)).send(stream);
}

/**
 * Reads a paged list to its end (or to `limit` rows), a page at a time: exports of lists whose
 * services page. `first` is page 1 when the export has read it already (to check access first).
 */
export async function* readAllPages<T>(
  readPage: (page: number, pageSize: number) => Promise<T[]>,
  options: { pageSize?: number; first?: T[]; limit?: number } = {},
): AsyncGenerator<T[]> {
  const pageSize = options.pageSize ?? 200;
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  let written = 0;
  for (let page = 1; written < limit; page += 1) {
    const rows = page === 1 && options.first ? options.first : await readPage(page, pageSize);
    const shown = rows.slice(0, limit - written);
    written += shown.length;
    if (shown.length > 0) yield shown;
    if (rows.length < pageSize) return;
  }
}
