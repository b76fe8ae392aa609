import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countAuditEvents, createTestWorld, type TestWorld } from '../helpers/test-app.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const SHEET = 'xl/worksheets/sheet1.xml';
const SHEET_START = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';

let world: TestWorld;
let cookie: string;
let template: Buffer;
beforeAll(async () => {
  world = await createTestWorld();
  cookie = await world.login('towna');
  template = (await world.app.inject({ method: 'GET', url: '/api/roster/template', headers: { cookie } })).rawPayload;
});
afterAll(async () => world.close());

/** The import template with its first sheet's XML replaced. */
async function withSheet(sheetXml: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(template);
  zip.file(SHEET, sheetXml);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

async function postImport(file: Buffer) {
  return world.app.inject({ method: 'POST', url: `/api/roster/import?orgCode=${world.townshipA.code}`, headers: { cookie, 'content-type': XLSX }, payload: file });
}

/** Rewrites the declared inflated size of one archive member, in its local header and in the central directory. */
function declareSize(file: Buffer, name: string, size: number): Buffer {
  const patched = Buffer.from(file);
  const nameBytes = Buffer.from(name);
  for (let offset = 0; offset < patched.length - 4; offset += 1) {
    const signature = patched.readUInt32LE(offset);
    if (signature === 0x04034b50 && patched.subarray(offset + 30, offset + 30 + nameBytes.length).equals(nameBytes)) patched.writeUInt32LE(size, offset + 22);
    if (signature === 0x02014b50 && patched.subarray(offset + 46, offset + 46 + nameBytes.length).equals(nameBytes)) patched.writeUInt32LE(size, offset + 24);
  }
  return patched;
}

describe('an uploaded spreadsheet is checked before it is parsed', () => {
  it('refuses an archive that inflates past the limit, in Chinese, changing nothing', async () => {
    const auditBefore = await countAuditEvents(world.database);
    const bomb = await withSheet(`${SHEET_START}<!--${'0'.repeat(110 * 1024 * 1024)}--><sheetData/></worksheet>`);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const response = await postImport(bomb);
    expect(response.statusCode).toBe(413);
    expect(response.json()).toEqual({ code: 'PAYLOAD_TOO_LARGE', message: '表格过大：解压后超过 100 MB。请分成几个文件分别导入' });
    expect(await countAuditEvents(world.database)).toBe(auditBefore);
  });

  it('refuses an archive whose member inflates to more than it declares', async () => {
    const liar = declareSize(await withSheet(`${SHEET_START}<!--${'0'.repeat(20 * 1024 * 1024)}--><sheetData/></worksheet>`), SHEET, 1000);
    const response = await postImport(liar);
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toBe('文件不是有效的 Excel（.xlsx）文件；如为 .xls 或 WPS 格式，请另存为 .xlsx 后再导入');
  });

  it('refuses a sheet with more rows than an import takes, by its rows and by its declared dimension', async () => {
    const rows = Array.from({ length: 25_000 }, (_, index) => `<row r="${index + 1}"><c r="A${index + 1}"><v>1</v></c></row>`).join('');
    const manyRows = await postImport(await withSheet(`${SHEET_START}<sheetData>${rows}</sheetData></worksheet>`));
    expect(manyRows.statusCode).toBe(413);
    expect(manyRows.json().message).toBe('表格过大：工作表超过 20000 行。请分成几个文件分别导入');

    const declared = await postImport(await withSheet(`${SHEET_START}<dimension ref="A1:XFD1048576"/><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`));
    expect(declared.statusCode).toBe(413);
    expect(declared.json().message).toBe('表格过大：工作表声明了 1048576 行，导入上限为 20000 行。请分成几个文件分别导入');
  });

  it('still reads the template itself', async () => {
    const response = await postImport(template);
    expect(response.statusCode).toBe(422);
    expect(response.json().code).toBe('IMPORT_REJECTED');
  });
});
