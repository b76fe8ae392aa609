/**
 * Pure helpers of the 村级后备干部日常管理纪实表 (record form, seed 002 attachment 2): dates as the
 * paper form writes them, quarters, photo sizes, padding with empty rows, file names.
 */
import * as CODES from './cultivation-codes.ts';

export const QUARTER_LABELS = ['第一季度', '第二季度', '第三季度', '第四季度'] as const;

/** 'YYYY-MM-DD' (or 'YYYY-MM') as the form writes a month: '1990.03'; empty when unknown. */
export function formatMonth(date: string | null | undefined): string {
  if (!date) return '';
  const match = /^(\d{4})-(\d{2})/.exec(date);
  return match ? `${match[1]}.${match[2]}` : date;
}

/** 'YYYY-MM-DD' as '2026.03.05'; empty when unknown. */
export function formatDay(date: string | null | undefined): string {
  if (!date) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return match ? `${match[1]}.${match[2]}.${match[3]}` : date;
}

/** A period of days: one day as '2026.03.05', several as '2026.03.05—03.09' (or with the year when it changes). */
export function formatPeriod(startDate: string, endDate: string | null | undefined): string {
  if (!endDate || endDate === startDate) return formatDay(startDate);
  const end = endDate.slice(0, 4) === startDate.slice(0, 4) ? formatDay(endDate).slice(5) : formatDay(endDate);
  return `${formatDay(startDate)}—${end}`;
}

/** The quarter (1–4) of a 'YYYY-MM-DD' date. */
export function quarterOf(date: string): 1 | 2 | 3 | 4 {
  const month = Number(date.slice(5, 7));
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`not a date: ${date}`);
  return (Math.floor((month - 1) / 3) + 1) as 1 | 2 | 3 | 4;
}

/** The rows followed by empty ones up to `minimum`, so a thin year still looks like the paper form. */
export function padRows<T>(rows: readonly T[], minimum: number, empty: () => T): T[] {
  const padded = [...rows];
  while (padded.length < minimum) padded.push(empty());
  return padded;
}

export interface PixelSize {
  width: number;
  height: number;
}

/** Width and height of a PNG or JPEG image from its header; null when the bytes are neither. */
export function imageSize(data: Uint8Array): PixelSize | null {
  const isPng = data.length >= 24 && data[0] === 0x89 && data[1] === 0x50 && data[2] === 0x4e && data[3] === 0x47;
  if (isPng) {
    const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    return { width: view.getUint32(16), height: view.getUint32(20) };
  }
  const isJpeg = data.length > 4 && data[0] === 0xff && data[1] === 0xd8;
  if (!isJpeg) return null;
  let offset = 2;
  while (offset + 9 < data.length) {
    if (data[offset] !== 0xff) return null;
    const marker = data[offset + 1]!;
    if (marker === 0xff) {
      offset += 1;
      continue;
    }
    const length = (data[offset + 2]! << 8) | data[offset + 3]!;
    // Start-of-frame markers carry the size; C4 (DHT), C8 (JPG) and CC (DAC) do not.
    const isStartOfFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isStartOfFrame) {
      return { height: (data[offset + 5]! << 8) | data[offset + 6]!, width: (data[offset + 7]! << 8) | data[offset + 8]! };
    }
    offset += 2 + length;
  }
  return null;
}

/** The largest size with the image's proportions that fits in the box (whole pixels, at least 1). */
export function fitWithin(size: PixelSize, box: PixelSize): PixelSize {
  if (size.width <= 0 || size.height <= 0) return box;
  const scale = Math.min(box.width / size.width, box.height / size.height);
  return { width: Math.max(1, Math.round(size.width * scale)), height: Math.max(1, Math.round(size.height * scale)) };
}

/** Characters Windows, macOS or a zip reader refuse in a file name, replaced by '_'. */
export function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').trim();
}

/** The file name of one reserve's form: '2026年度纪实表-张三-某某村.docx'. */
export function recordFormFileName(input: { year: number; personName: string; villageName: string; extension: 'docx' | 'pdf' }): string {
  return safeFileName(`${input.year}年度纪实表-${input.personName}-${input.villageName}.${input.extension}`);
}

/** Labels of the cultivation codes the form prints (codes as in migration 0006_cultivation.sql). */
/** The form prints the codes with the names the rest of the system shows (src/domain/cultivation-codes.ts), looked up by text. */
export const CONTACT_FORM_LABELS: Record<string, string> = CODES.CONTACT_FORM_LABELS;
export const GRADE_LABELS: Record<string, string> = CODES.GRADE_LABELS;
export const TRAINING_METHOD_LABELS: Record<string, string> = CODES.TRAINING_METHOD_LABELS;

/** Days as the form writes them: 5, 2.5 (half-day steps). */
export function formatDays(days: number): string {
  return Number.isInteger(days) ? String(days) : days.toFixed(1);
}

/** An opinion with its grade, as written in an opinion cell: '表现良好（等次：合格）'. */
export function opinionWithGrade(opinion: string, grade: string | null): string {
  const label = grade ? (GRADE_LABELS[grade] ?? grade) : null;
  return label ? `${opinion}（等次：${label}）` : opinion;
}

/** Names of files in one zip made unique: a second '张三.docx' becomes '张三（2）.docx'. */
export function uniqueFileNames(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((name) => {
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    if (count === 1) return name;
    const dot = name.lastIndexOf('.');
    return dot > 0 ? `${name.slice(0, dot)}（${count}）${name.slice(dot)}` : `${name}（${count}）`;
  });
}
