import type { Db } from '../../db/database.ts';
import { CONTACT_FORM_LABELS } from '../../domain/cultivation-codes.ts';
import type { Context } from '../../server/access.ts';
import { readAllPages, writeTableWorkbook, type TableExport } from '../../server/xlsx-table.ts';
import { recordAuditEvent } from '../audit/audit.service.ts';
import { findExportUnit } from '../roster/roster-export.service.ts';
import { listContacts } from './mentoring.service.ts';

type ContactQuery = { reserveId?: string | undefined; assignmentId?: string | undefined; orgCode?: string | undefined; year?: number | undefined; month?: number | undefined };

/**
 * The monthly contact logs (帮带记录) the caller may read, with the filters of the list, as xlsx:
 * a mentor gets their own mentees' logs, officers their subtree's. Recorded in the audit log.
 */
export async function exportMentorContacts(db: Db, ctx: Context, query: ContactQuery): Promise<TableExport> {
  if (query.orgCode && !ctx.access.can('mentoring.log', query.orgCode)) {
    ctx.access.require('cultivation.read', [query.orgCode], { record: '组织单位', action: '导出该单位的帮带记录' });
  }
  // The first page checks the caller's access before anything is recorded.
  const first = await listContacts(db, ctx, { ...query, page: 1, pageSize: 200 });
  const unit = await findExportUnit(db, ctx, query.orgCode);
  const period = query.year === undefined ? '' : `${query.year} 年${query.month ? `${query.month} 月` : ''}`;
  await db.transaction().execute((tx) => recordAuditEvent(tx, ctx, {
    action: 'mentoring.export', entityType: 'mentorContact', entityId: unit.code, orgCode: unit.code,
    summary: `导出${unit.fullName}${period}帮带记录`, after: query,
  }));
  async function* rows() {
    for await (const contacts of readAllPages(async (page, pageSize) => (await listContacts(db, ctx, { ...query, page, pageSize })).contacts, { first: first.contacts })) {
      yield contacts.map((contact) => [
        contact.reserve.townshipName, contact.reserve.villageName, contact.reserve.name, contact.mentorName, contact.contactedOn,
        CONTACT_FORM_LABELS[contact.form], contact.thoughts ?? '', contact.work ?? '', contact.problems ?? '', contact.helpGiven ?? '',
        `${contact.recordedBy}${contact.isProxy ? '（代录）' : ''}`,
      ]);
    }
  }
  return {
    fileName: `${unit.name}${period}帮带记录_${ctx.today}.xlsx`,
    write: (output) => writeTableWorkbook(output, {
      sheetName: '帮带记录',
      title: `${unit.name}${period}结对帮带记录`,
      subtitle: `单位：${unit.fullName}　　导出日期：${ctx.today}`,
      columns: [
        { header: '序号', width: 6 }, { header: '乡镇', width: 12 }, { header: '村(社区)', width: 14 }, { header: '后备力量', width: 10 },
        { header: '导师', width: 10 }, { header: '联系日期', width: 12 }, { header: '方式', width: 10 }, { header: '思想动态', width: 30 },
        { header: '工作情况', width: 30 }, { header: '存在问题', width: 30 }, { header: '帮助措施', width: 30 }, { header: '录入人', width: 14 },
      ],
      rows: rows(),
      isNumbered: true,
    }),
  };
}
