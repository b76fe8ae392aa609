import { z } from 'zod';
import { errorResponses, ZDate, ZError, ZOrgCode } from '../../server/schemas.ts';
import type { App, ModuleDeps } from '../../server/types.ts';
import { sendTableExport } from '../../server/xlsx-table.ts';
import { generateAnalysisReport, type AnalysisReportFile } from './analysis-report.ts';
import { ZAnalysisReportRequest, ZFileSummaryTable, ZReportYear, ZSummaryFiling, ZSummaryFilingList } from './reports.schemas.ts';
import { exportStructureStatistics } from './structure-statistics.ts';
import { exportSummaryTable, fileSummaryTable, listSummaryFilings } from './summary-table.ts';

const tags = ['报表'];
const ZCodeParams = z.strictObject({ orgCode: ZOrgCode });
const ZXlsx = z.any().describe('xlsx 文件');

/** An attachment with an ASCII fallback name and the Chinese name RFC 5987-encoded. */
function attachment(file: AnalysisReportFile, fallback: string): string {
  const extension = file.fileName.slice(file.fileName.lastIndexOf('.') + 1);
  return `attachment; filename="${fallback}.${extension}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`;
}

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

  app.get('/api/structure-statistics/:orgCode/export', {
    schema: {
      tags, summary: '结构统计（xlsx）：后备力量与在任村党组织书记的年龄段、学历、性别、来源、政治面貌、成熟度人数和占比；日期早于今天时取该日及以前最近一次统计快照',
      params: ZCodeParams, querystring: z.strictObject({ date: ZDate.optional().describe('统计日期（YYYY-MM-DD），默认今天') }),
      response: { 200: ZXlsx, ...errorResponses },
    },
  }, async (request, reply) => sendTableExport(reply, await exportStructureStatistics(db, request.ctx, request.params.orgCode, request.query.date), request.log, 'structure-statistics.xlsx'));

  app.post('/api/analysis-reports/:orgCode', {
    schema: {
      tags, summary: '综合分析研判报告（Word 或 PDF）：县或乡镇半年的基本情况、结构图表、覆盖短板、培养教育、调整补充、择优使用、行动方案进度和需要关注的村；标题可修改。每次生成记入操作日志',
      params: ZCodeParams, body: ZAnalysisReportRequest,
      response: { 200: z.any().describe('报告文件（docx 或 pdf）'), ...errorResponses, 503: ZError.describe('服务器未安装 LibreOffice 或生成 PDF 超时') },
    },
  }, async (request, reply) => {
    const file = await generateAnalysisReport(db, request.ctx, request.params.orgCode, request.body);
    return reply.type(file.contentType).header('Content-Disposition', attachment(file, 'analysis-report')).send(file.data);
  });
}
