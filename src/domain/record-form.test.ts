import { describe, expect, it } from 'vitest';
import { fitWithin, formatDay, formatDays, formatMonth, formatPeriod, imageSize, opinionWithGrade, padRows, quarterOf, recordFormFileName, safeFileName, uniqueFileNames } from './record-form.ts';

// A 3×2 PNG and a 5×7 baseline JPEG header (SOI, APP0, SOF0).
const PNG_HEADER = Buffer.from('89504e470d0a1a0a0000000d49484452000000030000000208020000', 'hex');
const JPEG_HEADER = Buffer.concat([
  Buffer.from('ffd8', 'hex'),
  Buffer.from('ffe000104a46494600010100000100010000', 'hex'),
  Buffer.from('ffc0001108000700050301220002110103110100', 'hex'),
]);

describe('record form dates', () => {
  it('writes months and days as the paper form does', () => {
    expect(formatMonth('1990-03-15')).toBe('1990.03');
    expect(formatMonth('2015-07')).toBe('2015.07');
    expect(formatMonth(null)).toBe('');
    expect(formatDay('2026-03-05')).toBe('2026.03.05');
  });

  it('writes a period with the year once when it does not change', () => {
    expect(formatPeriod('2026-03-05', '2026-03-09')).toBe('2026.03.05—03.09');
    expect(formatPeriod('2025-12-30', '2026-01-02')).toBe('2025.12.30—2026.01.02');
    expect(formatPeriod('2026-03-05', '2026-03-05')).toBe('2026.03.05');
    expect(formatPeriod('2026-03-05', null)).toBe('2026.03.05');
  });

  it('puts each month in its quarter', () => {
    expect(['2026-01-01', '2026-03-31', '2026-04-01', '2026-06-30', '2026-07-15', '2026-09-30', '2026-10-01', '2026-12-31'].map(quarterOf)).toEqual([1, 1, 2, 2, 3, 3, 4, 4]);
    expect(() => quarterOf('2026-13-01')).toThrow(RangeError);
  });
});

describe('record form rows and files', () => {
  it('pads to the minimum and keeps longer lists whole', () => {
    expect(padRows(['a'], 3, () => '')).toEqual(['a', '', '']);
    expect(padRows(['a', 'b', 'c', 'd'], 3, () => '')).toEqual(['a', 'b', 'c', 'd']);
  });

  it('reads the size of PNG and JPEG photos and rejects other bytes', () => {
    expect(imageSize(PNG_HEADER)).toEqual({ width: 3, height: 2 });
    expect(imageSize(JPEG_HEADER)).toEqual({ width: 5, height: 7 });
    expect(imageSize(Buffer.from('GIF89a000000000000000000000', 'latin1'))).toBeNull();
  });

  it('fits a photo in the box with its proportions', () => {
    expect(fitWithin({ width: 300, height: 400 }, { width: 90, height: 126 })).toEqual({ width: 90, height: 120 });
    expect(fitWithin({ width: 400, height: 300 }, { width: 90, height: 126 })).toEqual({ width: 90, height: 68 });
  });

  it('names files without characters a file system refuses', () => {
    expect(recordFormFileName({ year: 2026, personName: '张三', villageName: '某某村', extension: 'pdf' })).toBe('2026年度纪实表-张三-某某村.pdf');
    expect(safeFileName('a/b:c*?.docx')).toBe('a_b_c__.docx');
  });
});

describe('record form cells', () => {
  it('writes half days and grades', () => {
    expect(formatDays(5)).toBe('5');
    expect(formatDays(2.5)).toBe('2.5');
    expect(opinionWithGrade('表现良好', 'competent')).toBe('表现良好（等次：合格）');
    expect(opinionWithGrade('表现良好', null)).toBe('表现良好');
  });

  it('makes file names in one zip unique', () => {
    expect(uniqueFileNames(['a.docx', 'b.docx', 'a.docx', 'a.docx'])).toEqual(['a.docx', 'b.docx', 'a（2）.docx', 'a（3）.docx']);
  });
});
