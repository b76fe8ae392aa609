import { z } from 'zod';
import { errorResponses } from '../../server/schemas.ts';
import type { App, ModuleDeps } from '../../server/types.ts';
import { sendTableExport } from '../../server/xlsx-table.ts';
import * as schemas from './cultivation.schemas.ts';
import { exportTrainingAttendance } from './export-attendance.ts';
import { exportMentorContacts } from './export-mentor-contacts.ts';
import { exportReminders } from './export-reminders.ts';

const ZXlsx = z.any().describe('xlsx 文件');
const withoutPage = { page: true, pageSize: true } as const;

/** Exports of cultivation lists as xlsx: training attendance, contact logs, reminders (each recorded in the audit log). */
export async function cultivationExportRoutes(app: App, { database }: ModuleDeps): Promise<void> {
  const { db } = database;

  app.get('/api/training-attendance/export', {
    schema: {
      tags: ['培养教育：培训'],
      summary: '导出参训情况（xlsx）：所筛选培训的参训名单，只含您管理范围内的人员',
      querystring: schemas.ZTrainingSessionListQuery.omit(withoutPage),
      response: { 200: ZXlsx, ...errorResponses },
    },
  }, async (request, reply) => sendTableExport(reply, await exportTrainingAttendance(db, request.ctx, request.query), request.log, 'training-attendance.xlsx'));

  app.get('/api/mentor-contacts/export', {
    schema: {
      tags: ['培养教育：结对帮带'],
      summary: '导出帮带记录（xlsx），筛选条件同帮带记录列表',
      querystring: schemas.ZMentorContactListQuery.omit(withoutPage),
      response: { 200: ZXlsx, ...errorResponses },
    },
  }, async (request, reply) => sendTableExport(reply, await exportMentorContacts(db, request.ctx, request.query), request.log, 'mentor-contacts.xlsx'));

  app.get('/api/reminders/export', {
    schema: {
      tags: ['培养教育：提醒'],
      summary: '导出单位的待办和逾期提醒（xlsx，全部条目）',
      querystring: schemas.ZReminderQuery.omit(withoutPage),
      response: { 200: ZXlsx, ...errorResponses },
    },
  }, async (request, reply) => sendTableExport(reply, await exportReminders(db, request.ctx, request.query), request.log, 'reminders.xlsx'));
}
