import { fetchFile, request, type DownloadedFile, type ProgressListener, type Query } from './client.ts';
import type { RosterImportResult } from './types.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 名册: export with the pool's filters, the blank template, and import of a filled-in workbook. */
export const rosterApi = {
  export: (query: Query, onProgress?: ProgressListener): Promise<DownloadedFile> => fetchFile('GET', '/api/roster/export', '后备力量名册.xlsx', { query, onProgress }),
  template: (onProgress?: ProgressListener): Promise<DownloadedFile> => fetchFile('GET', '/api/roster/template', '后备力量名册导入模板.xlsx', { onProgress }),
  /** Imports all rows or none: a bad row makes the server answer 422 IMPORT_REJECTED with the problems. */
  import: (orgCode: string, file: Blob) =>
    request<RosterImportResult>('POST', '/api/roster/import', { query: { orgCode }, raw: { data: file, contentType: XLSX_TYPE } }),
  /** The same workbook with the bad cells marked. */
  importErrors: (orgCode: string, file: Blob, fileName: string, onProgress?: ProgressListener): Promise<DownloadedFile> =>
    fetchFile('POST', '/api/roster/import/errors', fileName, { query: { orgCode }, raw: { data: file, contentType: XLSX_TYPE }, onProgress }),
};
