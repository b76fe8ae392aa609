import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Turns CSV text into an .xlsx with LibreOffice, as another program would make it (not exceljs).
 * `textColumns` (1-based) are imported as text, as a careful clerk formats the ID-number column.
 */
export function xlsxFromCsv(csv: string, textColumns: number[] = []): Buffer {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'houbei-lo-'));
  const csvFile = path.join(directory, 'roster.csv');
  fs.writeFileSync(csvFile, csv, 'utf8');
  const formats = textColumns.map((column) => `${column}/2`).join('/');
  execFileSync('soffice', [
    `-env:UserInstallation=file://${directory}/profile`,
    '--headless',
    `--infilter=CSV:44,34,76,1,${formats}`,
    '--convert-to', 'xlsx:Calc MS Excel 2007 XML',
    '--outdir', directory,
    csvFile,
  ], { stdio: 'pipe', timeout: 120_000 });
  const file = fs.readFileSync(path.join(directory, 'roster.xlsx'));
  fs.rmSync(directory, { recursive: true, force: true });
  return file;
}
