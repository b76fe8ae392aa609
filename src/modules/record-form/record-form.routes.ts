import { z } from 'zod';
import { errorResponses, ZError, ZUuid } from '../../server/schemas.ts';
import type { App, ModuleDeps } from '../../server/types.ts';
import { ZRecordFormBatchQuery, ZRecordFormQuery } from './record-form.schemas.ts';
import { exportRecordForm, exportRecordFormBatch, type RecordFormFile } from './record-form.service.ts';

const tags = ['纪实表'];

/** An attachment with an ASCII fallback name and the Chinese name RFC 5987-encoded. */
function attachment(file: RecordFormFile): string {
  const extension = file.fileName.slice(file.fileName.lastIndexOf('.') + 1);
  return `attachment; filename="record-form.${extension}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`;
}

/** Routes of the 纪实表 record form: one reserve's form as .docx or PDF, and a zipped batch. */
export async function recordFormRoutes(app: App, { database, cipher }: ModuleDeps): Promise<void> {
  const { db } = database;

  app.get('/api/reserves/:id/record-form', {
    schema: {
      tags,
      summary: '一名后备力量的村级后备干部日常管理纪实表（Word 或 PDF）：基本情况、照片、当年培训、结对帮扶、实践锻炼、村和乡镇季度评定意见、年度考核结果',
      params: z.strictObject({ id: ZUuid.describe('后备力量编号') }),
      querystring: ZRecordFormQuery,
      response: { 200: z.any().describe('纪实表文件（docx 或 pdf）'), ...errorResponses, 503: ZError.describe('服务器未安装 LibreOffice 或生成 PDF 超时') },
    },
  }, async (request, reply) => {
    const { year, format, includeSensitive } = request.query;
    const file = await exportRecordForm(db, request.ctx, cipher, request.params.id, { year: year ?? Number(request.ctx.today.slice(0, 4)), format, includeSensitive: includeSensitive === true });
    return reply.type(file.contentType).header('Content-Disposition', attachment(file)).send(file.data);
  });

  app.get('/api/record-forms', {
    schema: {
      tags,
      summary: '批量导出乡镇或村（社区）全部在库后备力量的纪实表：zip 压缩包，每人一个文件（Word 最多 300 份，PDF 最多 100 份）',
      querystring: ZRecordFormBatchQuery,
      response: { 200: z.any().describe('zip 压缩包'), ...errorResponses, 503: ZError.describe('服务器未安装 LibreOffice 或生成 PDF 超时') },
    },
  }, async (request, reply) => {
    const { orgCode, year, format, includeSensitive } = request.query;
    const file = await exportRecordFormBatch(db, request.ctx, cipher, orgCode, { year: year ?? Number(request.ctx.today.slice(0, 4)), format, includeSensitive: includeSensitive === true });
    return reply.type(file.contentType).header('Content-Disposition', attachment(file)).send(file.data);
  });
}
