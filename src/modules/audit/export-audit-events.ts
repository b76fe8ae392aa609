import type { Db } from '../../db/database.ts';
import { auditActionLabel, ENTITY_TYPE_LABELS } from '../../domain/audit-labels.ts';
import { formatBeijingTime } from '../../domain/lockout.ts';
import type { Context } from '../../server/access.ts';
import { readAllPages, writeTableWorkbook, type TableExport } from '../../server/xlsx-table.ts';
import { recordAuditEvent, searchAuditEvents } from './audit.service.ts';

type AuditFilter = { actorName?: string | undefined; action?: string | undefined; entityType?: string | undefined; entityId?: string | undefined; from?: string | undefined; to?: string | undefined };

/** At most this many events in one export (narrow the dates for more). */
export const AUDIT_EXPORT_LIMIT = 50_000;

function describeFilter(filter: AuditFilter): string {
  return [
    filter.actorName && `操作人 ${filter.actorName}`,
    filter.action && `操作 ${auditActionLabel(filter.action)}`,
    filter.entityType && `对象 ${ENTITY_TYPE_LABELS[filter.entityType] ?? filter.entityType}`,
    filter.entityId && '指定对象编号',
    (filter.from || filter.to) && `日期 ${filter.from ?? '…'} 至 ${filter.to ?? '…'}`,
  ].filter(Boolean).join('，') || '全部';
}

/**
 * The audit log of the caller's scope with the page's filters, as xlsx with actions and record
 * kinds in Chinese (newest first, at most AUDIT_EXPORT_LIMIT events). The export is itself recorded.
 */
export async function exportAuditEvents(db: Db, ctx: Context, filter: AuditFilter): Promise<TableExport> {
  const first = await searchAuditEvents(db, ctx, { ...filter, page: 1, pageSize: 1000 });
  const prefixes = ctx.access.prefixes('audit.read').sort((a, b) => a.length - b.length);
  const orgCode = (prefixes[0] ?? '').padEnd(12, '0');
  const conditions = describeFilter(filter);
  await db.transaction().execute((tx) => recordAuditEvent(tx, ctx, {
    action: 'audit.export', entityType: 'auditLog', entityId: orgCode, orgCode,
    summary: `导出操作日志（${conditions}，${Math.min(first.total, AUDIT_EXPORT_LIMIT)} 条）`, after: filter,
  }));
  async function* rows() {
    const pages = readAllPages(async (page, pageSize) => (await searchAuditEvents(db, ctx, { ...filter, page, pageSize })).events, { pageSize: 1000, first: first.events, limit: AUDIT_EXPORT_LIMIT });
    for await (const events of pages) {
      yield events.map((event) => [
        event.id, formatBeijingTime(event.at, true), event.actorName, auditActionLabel(event.action), ENTITY_TYPE_LABELS[event.entityType] ?? event.entityType,
        event.entityId, event.orgCode ?? '', event.summary, event.ip,
      ]);
    }
  }
  return {
    fileName: `操作日志_${ctx.today}.xlsx`,
    write: (output) => writeTableWorkbook(output, {
      sheetName: '操作日志',
      title: '操作日志',
      subtitle: `筛选：${conditions}　　导出日期：${ctx.today}　　时间为北京时间${first.total > AUDIT_EXPORT_LIMIT ? `　　仅含最新 ${AUDIT_EXPORT_LIMIT} 条，请缩小日期范围分次导出` : ''}`,
      columns: [
        { header: '序号', width: 8 }, { header: '时间', width: 20 }, { header: '操作人', width: 12 }, { header: '操作', width: 18 },
        { header: '对象类型', width: 12 }, { header: '对象编号', width: 38 }, { header: '单位代码', width: 14 }, { header: '摘要', width: 60 }, { header: 'IP', width: 16 },
      ],
      rows: rows(),
    }),
  };
}
