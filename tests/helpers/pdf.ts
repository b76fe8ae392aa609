import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Converts a .docx to PDF with LibreOffice, as a person opening the download in an office suite would print it. */
export function docxToPdf(docx: Buffer): Buffer {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'houbei-pdf-test-'));
  try {
    const file = path.join(directory, 'form.docx');
    fs.writeFileSync(file, docx);
    execFileSync('soffice', [`-env:UserInstallation=file://${directory}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', directory, file], { stdio: 'pipe', timeout: 120_000 });
    return fs.readFileSync(path.join(directory, 'form.pdf'));
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
}

function withPdfFile<T>(pdf: Buffer, use: (file: string) => T): T {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'houbei-pdf-read-'));
  try {
    const file = path.join(directory, 'input.pdf');
    fs.writeFileSync(file, pdf);
    return use(file);
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
}

/**
 * The text of a PDF by pdftotext: 'layout' keeps each printed line (cells of one table row side
 * by side), 'raw' follows the content stream (the lines of one cell one after another).
 */
export function pdfText(pdf: Buffer, mode: 'layout' | 'raw' = 'layout'): string {
  return withPdfFile(pdf, (file) => execFileSync('pdftotext', [`-${mode}`, '-enc', 'UTF-8', file, '-'], { timeout: 60_000 }).toString('utf8'));
}

export function pdfPageCount(pdf: Buffer): number {
  const info = withPdfFile(pdf, (file) => execFileSync('pdfinfo', [file], { timeout: 60_000 }).toString('utf8'));
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
}

/** Renders one page of a PDF to a PNG file with pdftoppm (for a person to look at). */
export function renderPdfPage(pdf: Buffer, pngFile: string, options: { page?: number; dpi?: number } = {}): void {
  const page = String(options.page ?? 1);
  fs.mkdirSync(path.dirname(pngFile), { recursive: true });
  const stem = pngFile.replace(/\.png$/, '');
  withPdfFile(pdf, (file) => execFileSync('pdftoppm', ['-png', '-r', String(options.dpi ?? 80), '-f', page, '-l', page, '-singlefile', file, stem], { timeout: 60_000 }));
}
