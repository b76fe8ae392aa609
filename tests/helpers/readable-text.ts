import ExcelJS from 'exceljs';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** What a response shows a reader: its body, or the text of every cell of an xlsx. */
export async function readableText(response: { headers: Record<string, unknown>; body: string; rawPayload: Buffer }): Promise<string> {
  if (response.headers['content-type'] !== XLSX) return response.body;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  const texts: string[] = [];
  workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value)))));
  return texts.join('\n');
}
