import type { Db } from '../../db/database.ts';
import { LOGIN_OUTCOME_LABELS, type LoginOutcome } from '../../domain/audit-labels.ts';
import { formatBeijingTime } from '../../domain/lockout.ts';
import type { Context } from '../../server/access.ts';
import { readAllPages, writeTableWorkbook, type TableExport } from '../../server/xlsx-table.ts';
import { recordAuditEvent } from '../audit/audit.service.ts';
import type { LoginEventSearch } from './auth.repository.ts';
import { listLoginEvents } from './login-log.ts';

/** At most this many login attempts in one export. */
const LOGIN_EXPORT_LIMIT = 50_000;

function outcomeLabel(outcome: string): string {
  return LOGIN_OUTCOME_LABELS[outcome as LoginOutcome] ?? outcome;
}

/** The login log of the users the caller may see, with the page's filters, as xlsx (newest first); the export is recorded in the audit log. */
export async function exportLoginEvents(db: Db, ctx: Context, filter: LoginEventSearch): Promise<TableExport> {
  const first = await listLoginEvents(db, ctx, { ...filter, page: 1, pageSize: 1000 });
  const prefixes = ctx.access.prefixes('audit.read').sort((a, b) => a.length - b.length);
  const orgCode = (prefixes[0] ?? '').padEnd(12, '0');
  const conditions = [
    filter.username && `用户名 ${filter.username}`,
    filter.outcome && `结果 ${outcomeLabel(filter.outcome)}`,
    (filter.from || filter.to) && `日期 ${filter.from ?? '…'} 至 ${filter.to ?? '…'}`,
  ].filter(Boolean).join('，') || '全部';
  await db.transaction().execute((tx) => recordAuditEvent(tx, ctx, {
    action: 'loginLog.export', entityType: 'loginLog', entityId: orgCode, orgCode,
    summary: `导出登录日志（${conditions}，${Math.min(first.total, LOGIN_EXPORT_LIMIT)} 条）`, after: filter,
  }));
  async function* rows() {
    const pages = readAllPages(async (page, pageSize) => (await listLoginEvents(db, ctx, { ...filter, page, pageSize })).events, { pageSize: 1000, first: first.events, limit: LOGIN_EXPORT_LIMIT });
    for await (const events of pages) yield events.map((event) => [formatBeijingTime(event.at, true), event.username, event.ip, outcomeLabel(event.outcome)]);
  }
  return {
    fileName: `登录日志_${ctx.today}.xlsx`,
    write: (output) => writeTableWorkbook(output, {
      sheetName: '登录日志',
      title: '登录日志',
      subtitle: `筛选：${conditions}　　导出日期：${ctx.today}　　时间为北京时间`,
      columns: [{ header: '序号', width: 8 }, { header: '时间', width: 20 }, { header: '用户名', width: 16 }, { header: 'IP', width: 16 }, { header: '结果', width: 12 }],
      rows: rows(),
      isNumbered: true,
    }),
  };
}
