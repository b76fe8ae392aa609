import type { Db } from '../../db/database.ts';
import { TRAINING_METHOD_LABELS } from '../../domain/cultivation-codes.ts';
import type { Context } from '../../server/access.ts';
import { readAllPages, writeTableWorkbook, type TableExport } from '../../server/xlsx-table.ts';
import { recordAuditEvent } from '../audit/audit.service.ts';
import { findExportUnit } from '../roster/roster-export.service.ts';
import { getTrainingSession, listTrainingSessions } from './training.service.ts';

type SessionQuery = { orgCode?: string | undefined; year?: number | undefined; method?: string | undefined };

/**
 * Training attendance (参训情况) as xlsx: one row per session and attendee, for the sessions of the
 * list's filters and only the attendees in the caller's scope. Recorded in the audit log.
 */
export async function exportTrainingAttendance(db: Db, ctx: Context, query: SessionQuery): Promise<TableExport> {
  if (query.orgCode) ctx.access.require('cultivation.read', [query.orgCode], { record: '组织单位', action: '导出该单位的参训情况' });
  const first = await listTrainingSessions(db, ctx, { ...query, page: 1, pageSize: 200 });
  const unit = await findExportUnit(db, ctx, query.orgCode);
  const period = query.year === undefined ? '' : `${query.year} 年度`;
  await db.transaction().execute((tx) => recordAuditEvent(tx, ctx, {
    action: 'training.export', entityType: 'trainingSession', entityId: unit.code, orgCode: unit.code,
    summary: `导出${unit.fullName}${period}参训情况`, after: query,
  }));
  async function* rows() {
    for await (const sessions of readAllPages(async (page, pageSize) => (await listTrainingSessions(db, ctx, { ...query, page, pageSize })).sessions, { first: first.sessions })) {
      for (const session of sessions) {
        const detail = await getTrainingSession(db, ctx, session.id);
        yield detail.attendance.map((attendance) => [
          session.name, TRAINING_METHOD_LABELS[session.method], session.orgName, session.startDate, session.endDate, session.days,
          attendance.reserve.townshipName, attendance.reserve.villageName, attendance.reserve.name,
          attendance.attended ? '参训' : '缺席', attendance.daysAttended, attendance.result ?? '',
        ]);
      }
    }
  }
  return {
    fileName: `${unit.name}${period}参训情况_${ctx.today}.xlsx`,
    write: (output) => writeTableWorkbook(output, {
      sheetName: '参训情况',
      title: `${unit.name}${period}后备力量参训情况`,
      subtitle: `单位：${unit.fullName}　　导出日期：${ctx.today}`,
      columns: [
        { header: '序号', width: 6 }, { header: '培训名称', width: 24 }, { header: '方式', width: 12 }, { header: '举办单位', width: 14 },
        { header: '开始日期', width: 12 }, { header: '结束日期', width: 12 }, { header: '培训天数', width: 8 }, { header: '乡镇', width: 12 },
        { header: '村(社区)', width: 14 }, { header: '姓名', width: 10 }, { header: '是否参训', width: 8 }, { header: '参训天数', width: 8 },
        { header: '培训结果', width: 14 },
      ],
      rows: rows(),
      isNumbered: true,
    }),
  };
}
