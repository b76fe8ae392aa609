import { z } from 'zod';
import { errorResponses, ZOrgCode } from '../../server/schemas.ts';
import type { App, ModuleDeps } from '../../server/types.ts';
import { sendTableExport } from '../../server/xlsx-table.ts';
import { ZFileSummaryTable, ZReportYear, ZSummaryFiling, ZSummaryFilingList } from './reports.schemas.ts';
import { exportSummaryTable, fileSummaryTable, listSummaryFilings } from './summary-table.ts';

const tags = ['报表'];
const ZCodeParams = z.strictObject({ orgCode: ZOrgCode });
const ZXlsx = z.any().describe('xlsx 文件');

export async function reportsRoutes(app: App, { database }: ModuleDeps): Promise<void> {
  const { db } = database;

  app.get('/api/summary-tables/:orgCode/export', {
    schema: {
      tags, summary: '后备力量名单汇总表（xlsx）：乡镇或县，逐村统计并合计（女性、年龄段、大专以上、党员、来源、导师、本年度培训）',
      params: ZCodeParams, response: { 200: ZXlsx, ...errorResponses },
    },
  }, async (request, reply) => sendTableExport(reply, await exportSummaryTable(db, request.ctx, request.params.orgCode), request.log, 'summary-table.xlsx'));

  app.post('/api/summary-tables/:orgCode/filings', {
    schema: {
      tags, summary: '汇总表报备：记录报备日期和当时的合计数（同一年度再次报备须带版本号）', params: ZCodeParams, body: ZFileSummaryTable,
      response: { 201: ZSummaryFiling, ...errorResponses },
    },
  }, async (request, reply) => reply.code(201).send(await fileSummaryTable(db, request.ctx, request.params.orgCode, request.body)));

  app.get('/api/summary-tables/:orgCode/filings', {
    schema: {
      tags, summary: '汇总表报备情况：县查看各乡镇是否已报备', params: ZCodeParams,
      querystring: z.strictObject({ year: ZReportYear.optional() }), response: { 200: ZSummaryFilingList, ...errorResponses },
    },
  }, async (request) => listSummaryFilings(db, request.ctx, request.params.orgCode, request.query.year ?? Number(request.ctx.today.slice(0, 4))));
}
