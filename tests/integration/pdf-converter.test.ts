import { Document, Packer, Paragraph } from 'docx';
import { afterAll, describe, expect, it } from 'vitest';
import { convertDocxToPdf, keepSpareConverter, pdfConversions, spareConverterReady } from '../../src/modules/record-form/record-form.pdf.ts';
import { pdfText } from '../helpers/pdf.ts';

/** The PDF conversion hands a conversion to a spare LibreOffice instance started ahead, and the PDF is the same. */
const stop = keepSpareConverter();
afterAll(() => stop());

async function document(text: string): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph(text)] }] }));
}

describe('the PDF converter with a spare instance', () => {
  it('converts the first document cold, the next on the spare started after it, each with its own text', async () => {
    const before = { ...pdfConversions };
    const [first] = await convertDocxToPdf([await document('第一份：后备力量分析研判')]);
    expect(pdfConversions.cold).toBe(before.cold + 1);
    expect(pdfText(first!, 'raw').replace(/\s+/g, '')).toContain('第一份：后备力量分析研判');
    expect(await spareConverterReady()).toBe(true);
    const [second] = await convertDocxToPdf([await document('第二份：汇总表说明')]);
    expect(pdfConversions.warm).toBe(before.warm + 1);
    const text = pdfText(second!, 'raw').replace(/\s+/g, '');
    expect(text).toContain('第二份：汇总表说明');
    expect(text).not.toContain('第一份');
    // Another spare is started after the warm conversion, and takes several documents at once.
    expect(await spareConverterReady()).toBe(true);
    const batch = await convertDocxToPdf(await Promise.all(['甲村纪实表', '乙村纪实表', '丙村纪实表'].map(document)));
    expect(pdfConversions.warm).toBe(before.warm + 2);
    expect(batch.map((pdf) => pdfText(pdf, 'raw').replace(/\s+/g, ''))).toEqual(['甲村纪实表', '乙村纪实表', '丙村纪实表']);
  });

  it('keeps no spare once stopped, and converts cold again', async () => {
    stop();
    const before = { ...pdfConversions };
    const [pdf] = await convertDocxToPdf([await document('第三份')]);
    expect(pdfConversions.cold).toBe(before.cold + 1);
    expect(pdfText(pdf!, 'raw')).toContain('第三份');
    expect(await spareConverterReady()).toBe(false);
  });
});
