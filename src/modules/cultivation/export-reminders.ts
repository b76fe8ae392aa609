import type { Db } from '../../db/database.ts';
import { ROLE_LABELS } from '../../domain/roles.ts';
import type { Context } from '../../server/access.ts';
import { writeTableWorkbook, type TableExport } from '../../server/xlsx-table.ts';
import { recordAuditEvent } from '../audit/audit.service.ts';
import { findExportUnit } from '../roster/roster-export.service.ts';
import { listUnitReminders } from './reminders.service.ts';

const STATUS_LABELS = { due: '待办', overdue: '逾期' } as const;

/** Every reminder of a unit's subtree on a date (the list of the 提醒 page, unpaged) as xlsx; recorded in the audit log. */
export async function exportReminders(db: Db, ctx: Context, query: { orgCode?: string | undefined; onDate?: string | undefined; kind?: string | undefined }): Promise<TableExport> {
  const list = await listUnitReminders(db, ctx, { ...query, page: 1, pageSize: Number.MAX_SAFE_INTEGER });
  const title = await findExportUnit(db, ctx, query.orgCode);
  await db.transaction().execute((tx) => recordAuditEvent(tx, ctx, {
    action: 'reminders.export', entityType: 'orgUnit', entityId: title.code, orgCode: title.code,
    summary: `导出${title.fullName} ${list.onDate} 的培养教育提醒（${list.total} 条）`, after: { ...query, onDate: list.onDate, total: list.total },
  }));
  return {
    fileName: `${title.name}培养教育提醒_${list.onDate}.xlsx`,
    write: (output) => writeTableWorkbook(output, {
      sheetName: '提醒',
      title: `${title.name}培养教育待办和逾期提醒`,
      subtitle: `单位：${title.fullName}　　计算日期：${list.onDate}　　导出日期：${ctx.today}`,
      columns: [
        { header: '序号', width: 6 }, { header: '状态', width: 8 }, { header: '事项', width: 16 }, { header: '村(社区)', width: 14 },
        { header: '后备力量', width: 10 }, { header: '期间', width: 12 }, { header: '截止日期', width: 12 }, { header: '责任方', width: 12 },
        { header: '责任人', width: 12 }, { header: '说明', width: 48 },
      ],
      rows: (async function* () {
        yield list.reminders.map((reminder) => [
          STATUS_LABELS[reminder.status], reminder.label, reminder.villageName, reminder.reserveName, reminder.period, reminder.dueBy,
          ROLE_LABELS[reminder.responsibleRole], reminder.responsibleName ?? '', reminder.message,
        ]);
      })(),
      isNumbered: true,
    }),
  };
}
