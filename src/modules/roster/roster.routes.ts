import { z } from 'zod';
import { AppError } from '../../server/errors.ts';
import { errorResponses, ZError, ZOrgCode } from '../../server/schemas.ts';
import type { App, ModuleDeps } from '../../server/types.ts';
import { attachmentDisposition, sendTableExport, XLSX_TYPE as XLSX } from '../../server/xlsx-table.ts';
import { ZReserveFilter } from '../reserves/reserves.schemas.ts';
import { exportRoster } from './roster-export.service.ts';
import { exportLedger, ZLedgerExportQuery } from './export-ledger.ts';
import { importRoster } from './import-roster.ts';
import { annotateRosterErrors } from './roster-error-workbook.ts';
import { buildRosterTemplate } from './roster-template.ts';

const tags = ['名册导入导出'];
const ZImportQuery = z.strictObject({ orgCode: ZOrgCode.describe('导入到的单位：县、乡镇或村（社区）') });
const ZImportResult = z.object({ total: z.number().int(), created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() });
export const ZImportRejected = ZError.extend({ errors: z.array(z.object({ row: z.number().int(), column: z.string(), message: z.string() })) });

function attachment(fileName: string): string {
  return attachmentDisposition(fileName, 'roster.xlsx');
}

/** The uploaded .xlsx, the request body itself. */
export function requireXlsxBody(body: unknown): Buffer {
  if (!(body instanceof Buffer) || body.length === 0) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', `请上传 .xlsx 文件本身作为请求体（Content-Type: ${XLSX}）`);
  }
  return body;
}

export async function rosterRoutes(app: App, { database, cipher }: ModuleDeps): Promise<void> {
  const { db } = database;

  app.get('/api/roster/export', {
    schema: {
      tags,
      summary: '导出名册（xlsx，列同青神县村级后备干部名册）；默认脱敏，includeSensitive=true 时导出完整号码（须有权限，记入操作日志）',
      querystring: ZReserveFilter.extend({ includeSensitive: z.enum(['true', 'false']).transform((value) => value === 'true').optional() }).strict(),
      response: { 200: z.any().describe('xlsx 文件'), ...errorResponses },
    },
  }, async (request, reply) => {
    return sendTableExport(reply, await exportRoster(db, request.ctx, cipher, request.query), request.log, 'roster.xlsx');
  });

  app.get('/api/talent-ledger/export', {
    schema: {
      tags: ['人才台账'],
      summary: '导出人才台账（xlsx，列同名册导入模板，可修改后再导入）；默认脱敏，includeSensitive=true 时导出完整号码（须有权限，记入操作日志）',
      querystring: ZLedgerExportQuery,
      response: { 200: z.any().describe('xlsx 文件'), ...errorResponses },
    },
  }, async (request, reply) => sendTableExport(reply, await exportLedger(db, request.ctx, cipher, request.query), request.log, 'talent-ledger.xlsx'));

  app.get('/api/roster/template', {
    schema: { tags, summary: '名册导入模板（含下拉列表和填写说明）', response: { 200: z.any().describe('xlsx 文件'), ...errorResponses } },
  }, async (request, reply) => {
    request.ctx.access.requireAnywhere('reserve.write', '导入名册');
    return reply.type(XLSX).header('Content-Disposition', attachment('村级后备干部名册导入模板.xlsx')).send(await buildRosterTemplate(db));
  });

  app.post('/api/roster/import', {
    schema: {
      tags,
      summary: '导入名册：请求体为 .xlsx 文件本身；全部正确才导入，有错误时不导入并返回每处错误的行和列；按身份证号码匹配，重复导入不改变数据',
      querystring: ZImportQuery,
      response: { 200: ZImportResult, ...errorResponses, 413: ZError, 415: ZError, 422: ZImportRejected },
    },
  }, async (request) => importRoster(db, request.ctx, cipher, { orgCode: request.query.orgCode, file: requireXlsxBody(request.body) }));

  app.post('/api/talent-ledger/import', {
    schema: {
      tags: ['人才台账'],
      summary: '导入人才台账（同名册模板，「身份」即来源类别）：全部正确才导入；按身份证号码匹配，重复导入不改变数据',
      querystring: ZImportQuery,
      response: { 200: ZImportResult, ...errorResponses, 413: ZError, 415: ZError, 422: ZImportRejected },
    },
  }, async (request) => importRoster(db, request.ctx, cipher, { orgCode: request.query.orgCode, file: requireXlsxBody(request.body), kind: 'ledger' }));

  app.post('/api/roster/import/errors', {
    schema: {
      tags,
      summary: '对同一文件返回标注了错误的 xlsx（错误单元格标红并附批注，末列为错误说明）',
      querystring: ZImportQuery,
      response: { 200: z.any().describe('xlsx 文件'), ...errorResponses, 413: ZError, 415: ZError },
    },
  }, async (request, reply) => {
    const annotated = await annotateRosterErrors(db, request.ctx, cipher, { orgCode: request.query.orgCode, file: requireXlsxBody(request.body) });
    return reply.type(XLSX).header('Content-Disposition', attachment('名册错误标注.xlsx')).send(annotated);
  });
}
