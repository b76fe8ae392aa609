import type { Db, Executor } from '../../db/database.ts';
import { ancestorCodes, levelOfCode, subtreePrefix } from '../../domain/org-code.ts';
import { DEFAULT_TRAINING_RULES, TRAINING_METHODS, type TrainingMethod, type TrainingRules } from '../../domain/training-rules.ts';
import type { Context } from '../../server/access.ts';
import { AppError, forbidden, notFound, versionConflict } from '../../server/errors.ts';
import type { SensitiveCipher } from '../../server/sensitive-cipher.ts';
import { recordAuditEvent } from '../audit/audit.service.ts';
import { orgUnitLookup } from '../org-units/org-units.service.ts';
import { cellText, findHeader, loadWorkbook } from '../roster/spreadsheet.ts';
import { findReserveBriefs, presentBrief } from './cultivation-access.ts';
import type { TTrainingSession } from './cultivation.schemas.ts';
import { trainingRepository, type TrainingSessionColumns, type TrainingSessionRow } from './training.repository.ts';
import { cultivationRepository } from './cultivation.repository.ts';

/** The significant prefix of a unit's code: its subtree. */
export function prefixOf(code: string): string {
  return subtreePrefix(code, levelOfCode(code));
}

/** Codes of the units strictly above the caller's units (whose sessions the caller also sees). */
function callerAncestors(ctx: Context): string[] {
  const prefixes = ctx.access.prefixes('cultivation.read');
  if (prefixes.includes('')) return [];
  return [...new Set(prefixes.flatMap((prefix) => ancestorCodes(prefix.padEnd(12, '0'))))];
}

function visibleCondition(ctx: Context) {
  return trainingRepository.visibleSessions(ctx.access.prefixes('cultivation.read'), callerAncestors(ctx));
}

function isSessionVisible(ctx: Context, orgCode: string): boolean {
  return ctx.access.can('cultivation.read', orgCode) || callerAncestors(ctx).includes(orgCode);
}

function presentSession(ctx: Context, row: TrainingSessionRow, attendeeCount: number): TTrainingSession {
  const canWrite = ctx.access.can('cultivation.write', row.org_code);
  return {
    id: row.id, orgCode: row.org_code, orgName: row.org_name, name: row.name, method: row.method as TrainingMethod, organiser: row.organiser,
    startDate: row.start_date, endDate: row.end_date, days: row.days, content: row.content, place: row.place, attendeeCount, version: row.version,
    policies: { update: canWrite, delete: canWrite, takeAttendance: ctx.access.canAnywhere('cultivation.write') },
  };
}

function checkSessionDates(columns: Pick<TrainingSessionColumns, 'startDate' | 'endDate' | 'days'>): void {
  if (columns.endDate < columns.startDate) throw new AppError('VALIDATION_FAILED', `结束日期 ${columns.endDate} 早于开始日期 ${columns.startDate}，请检查培训时间`);
  const span = Math.round((Date.parse(columns.endDate) - Date.parse(columns.startDate)) / 86_400_000) + 1;
  if (columns.days > span) throw new AppError('VALIDATION_FAILED', `培训天数 ${columns.days} 天超过了培训时间跨度（${span} 天），请核对`);
}

export async function listTrainingSessions(db: Db, ctx: Context, query: { orgCode?: string | undefined; year?: number | undefined; method?: string | undefined; page: number; pageSize: number }) {
  ctx.access.requireAnywhere('cultivation.read', '查看培训');
  const { total, rows } = await trainingRepository.listSessions(db, {
    visible: visibleCondition(ctx), orgPrefix: query.orgCode ? prefixOf(query.orgCode) : undefined, year: query.year, method: query.method,
    attendancePrefixes: ctx.access.prefixes('cultivation.read'),
  }, { offset: (query.page - 1) * query.pageSize, limit: query.pageSize });
  return { total, sessions: rows.map((row) => presentSession(ctx, row, row.attendee_count)), policies: { create: ctx.access.canAnywhere('cultivation.write') } };
}

async function requireSession(db: Executor, ctx: Context, id: string): Promise<TrainingSessionRow> {
  const session = await trainingRepository.findSession(db, id);
  if (!session || !isSessionVisible(ctx, session.org_code)) throw notFound('培训');
  return session;
}

export async function getTrainingSession(db: Db, ctx: Context, id: string) {
  ctx.access.requireAnywhere('cultivation.read', '查看培训');
  const session = await requireSession(db, ctx, id);
  const rows = await trainingRepository.listAttendance(db, id, ctx.access.prefixes('cultivation.read'));
  const briefs = await findReserveBriefs(db, rows.map((row) => row.reserve_id));
  const attendance = rows.map((row) => ({
    id: row.id, sessionId: row.session_id, reserve: presentBrief(briefs.get(row.reserve_id)!), attended: row.attended, daysAttended: row.days_attended, result: row.result, version: row.version,
  }));
  return { ...presentSession(ctx, session, attendance.length), attendance };
}

async function requireOrganiser(db: Executor, orgCode: string) {
  const unit = await orgUnitLookup.findByCode(db, orgCode);
  if (!unit) throw notFound('组织单位');
  return unit;
}

export async function createTrainingSession(db: Db, ctx: Context, input: TrainingSessionColumns & { orgCode: string }) {
  ctx.access.require('cultivation.write', [input.orgCode], { record: '组织单位', action: '为该单位登记培训' });
  checkSessionDates(input);
  return db.transaction().execute(async (tx) => {
    const unit = await requireOrganiser(tx, input.orgCode);
    const id = await trainingRepository.insertSession(tx, input.orgCode, input);
    await recordAuditEvent(tx, ctx, {
      action: 'training.create', entityType: 'trainingSession', entityId: id, orgCode: input.orgCode,
      summary: `登记「${unit.name}」举办的培训「${input.name}」（${input.startDate} 至 ${input.endDate}，${input.days} 天）`, after: input,
    });
    return presentSession(ctx, (await trainingRepository.findSession(tx, id))!, 0);
  });
}

export async function updateTrainingSession(db: Db, ctx: Context, id: string, input: Partial<TrainingSessionColumns> & { version: number }) {
  return db.transaction().execute(async (tx) => {
    const before = await requireSession(tx, ctx, id);
    ctx.access.require('cultivation.write', [before.org_code], { record: '培训', action: '修改该培训' });
    const { version, ...changes } = input;
    const columns: TrainingSessionColumns = {
      name: changes.name ?? before.name, method: changes.method ?? before.method, organiser: changes.organiser ?? before.organiser,
      startDate: changes.startDate ?? before.start_date, endDate: changes.endDate ?? before.end_date, days: changes.days ?? before.days,
      content: changes.content !== undefined ? changes.content : before.content, place: changes.place !== undefined ? changes.place : before.place,
    };
    checkSessionDates(columns);
    if (!(await trainingRepository.updateSession(tx, id, version, columns))) throw versionConflict('该培训');
    await recordAuditEvent(tx, ctx, { action: 'training.update', entityType: 'trainingSession', entityId: id, orgCode: before.org_code, summary: `修改培训「${before.name}」`, before, after: changes });
    return presentSession(ctx, (await trainingRepository.findSession(tx, id))!, await trainingRepository.countAttendance(tx, id));
  });
}

export async function deleteTrainingSession(db: Db, ctx: Context, id: string, version: number): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const before = await requireSession(tx, ctx, id);
    ctx.access.require('cultivation.write', [before.org_code], { record: '培训', action: '删除该培训' });
    const attendees = await trainingRepository.countAttendance(tx, id);
    if (!(await trainingRepository.deleteSession(tx, id, version))) throw versionConflict('该培训');
    await recordAuditEvent(tx, ctx, { action: 'training.delete', entityType: 'trainingSession', entityId: id, orgCode: before.org_code, summary: `删除培训「${before.name}」及其 ${attendees} 条参训记录`, before });
  });
}

type AttendanceEntry = { reserveId: string; attended: boolean; daysAttended?: number | undefined; result?: string | null | undefined };

/**
 * Records attendance of reserves the caller may write, who belong to the session's audience
 * (the organiser's subtree). All entries or none.
 */
export async function recordAttendance(db: Db, ctx: Context, sessionId: string, entries: readonly AttendanceEntry[]) {
  ctx.access.requireAnywhere('cultivation.write', '登记参训情况');
  await db.transaction().execute(async (tx) => {
    const session = await requireSession(tx, ctx, sessionId);
    await saveAttendance(tx, ctx, session, entries, '名单');
  });
  return getTrainingSession(db, ctx, sessionId);
}

async function saveAttendance(tx: Executor, ctx: Context, session: TrainingSessionRow, entries: readonly AttendanceEntry[], source: string): Promise<void> {
  const ids = entries.map((entry) => entry.reserveId);
  if (new Set(ids).size !== ids.length) throw new AppError('VALIDATION_FAILED', '名单中有重复的人员，请每人只登记一次');
  const briefs = await findReserveBriefs(tx, ids);
  const audience = prefixOf(session.org_code);
  const problems: string[] = [];
  for (const entry of entries) {
    const reserve = briefs.get(entry.reserveId);
    if (!reserve || !ctx.access.sees(reserve.org_code)) throw notFound('后备力量');
    if (!ctx.access.can('cultivation.write', reserve.org_code)) throw forbidden(`登记 ${reserve.name} 的参训情况`);
    if (!reserve.org_code.startsWith(audience)) problems.push(`${reserve.name}（${reserve.village_name}）不在「${session.org_name}」的培训对象范围内`);
    if ((entry.daysAttended ?? 0) > session.days) problems.push(`${reserve.name} 的参训天数 ${entry.daysAttended} 超过培训天数 ${session.days}`);
    if (!entry.attended && (entry.daysAttended ?? 0) > 0) problems.push(`${reserve.name} 标为未参训，参训天数应为 0`);
  }
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', `${problems.slice(0, 5).join('；')}。请修改后重新提交（本次未保存）`);
  await trainingRepository.upsertAttendance(tx, { id: session.id, method: session.method, endDate: session.end_date }, entries.map((entry) => ({
    reserveId: entry.reserveId, orgCode: briefs.get(entry.reserveId)!.org_code, attended: entry.attended,
    daysAttended: entry.daysAttended ?? (entry.attended ? session.days : 0), result: entry.result ?? null,
  })));
  await recordAuditEvent(tx, ctx, {
    action: 'training.attendance', entityType: 'trainingSession', entityId: session.id, orgCode: session.org_code,
    summary: `按${source}登记培训「${session.name}」的参训情况 ${entries.length} 人（参训 ${entries.filter((entry) => entry.attended).length} 人）`,
    after: entries.map((entry) => ({ reserveId: entry.reserveId, attended: entry.attended, daysAttended: entry.daysAttended ?? null })),
  });
}

const SIGN_IN_HEADERS = { name: '姓名', idNumber: '身份证号码', days: '参训天数', result: '培训结果', attended: '是否参训' } as const;

/**
 * Attendance from an xlsx sign-in sheet: a header row with 姓名 and optionally 身份证号码, 参训天数,
 * 是否参训, 培训结果. People are matched by ID number, else by a name unique among the reserves the
 * caller may write in the session's audience. All rows or none.
 */
export async function importAttendance(db: Db, ctx: Context, cipher: SensitiveCipher, sessionId: string, file: Buffer) {
  ctx.access.requireAnywhere('cultivation.write', '登记参训情况');
  const workbook = await loadWorkbook(file);
  const { sheet, headerRow, columns } = findHeader(workbook, [SIGN_IN_HEADERS.name]);
  const imported = await db.transaction().execute(async (tx) => {
    const session = await requireSession(tx, ctx, sessionId);
    const prefixes = ctx.access.prefixes('cultivation.write').filter((prefix) => prefix.startsWith(prefixOf(session.org_code)) || prefixOf(session.org_code).startsWith(prefix));
    const audience = prefixOf(session.org_code);
    const candidates = (await cultivationRepository.listReservesForMatching(tx, prefixes)).filter((row) => row.org_code.startsWith(audience));
    const byHash = new Map(candidates.map((row) => [row.id_number_hash, row]));
    const byName = new Map<string, typeof candidates>();
    for (const row of candidates) byName.set(row.name, [...(byName.get(row.name) ?? []), row]);
    const problems: { row: number; message: string }[] = [];
    const entries: AttendanceEntry[] = [];
    for (let rowNumber = headerRow + 1; rowNumber <= sheet.rowCount; rowNumber += 1) {
      const row = sheet.getRow(rowNumber);
      const read = (header: string) => { const column = columns.get(header); return column ? cellText(row.getCell(column)) : ''; };
      const name = read(SIGN_IN_HEADERS.name);
      const idNumber = read(SIGN_IN_HEADERS.idNumber).toUpperCase();
      if (!name && !idNumber) continue;
      let match = idNumber ? byHash.get(cipher.blindIndex(idNumber)) : undefined;
      if (idNumber && !match) { problems.push({ row: rowNumber, message: `第 ${rowNumber} 行：身份证号码对应的人员不是本次培训范围内您管理的后备力量` }); continue; }
      if (!match) {
        const named = byName.get(name) ?? [];
        if (named.length !== 1) {
          problems.push({ row: rowNumber, message: named.length === 0 ? `第 ${rowNumber} 行：没有名为「${name}」的后备力量（本次培训范围内）` : `第 ${rowNumber} 行：有 ${named.length} 名「${name}」，请填写身份证号码以区分` });
          continue;
        }
        match = named[0]!;
      }
      const attendedText = read(SIGN_IN_HEADERS.attended);
      const attended = !['否', '缺席', '未参加', '0'].includes(attendedText);
      const daysText = read(SIGN_IN_HEADERS.days);
      const days = daysText === '' ? undefined : Number(daysText);
      if (days !== undefined && (!Number.isFinite(days) || days < 0 || !Number.isInteger(days * 2))) { problems.push({ row: rowNumber, message: `第 ${rowNumber} 行：参训天数「${daysText}」应为数字，以半天为单位` }); continue; }
      if (entries.some((entry) => entry.reserveId === match.id)) { problems.push({ row: rowNumber, message: `第 ${rowNumber} 行：${match.name} 重复签到` }); continue; }
      entries.push({ reserveId: match.id, attended, daysAttended: attended ? days : 0, result: read(SIGN_IN_HEADERS.result) || null });
    }
    if (problems.length === 0 && entries.length === 0) problems.push({ row: headerRow, message: '签到表中没有人员' });
    if (problems.length > 0) return { imported: 0, problems };
    await saveAttendance(tx, ctx, session, entries, '签到表');
    return { imported: entries.length, problems };
  });
  return imported;
}

// ---------- training rules ----------

/** The rules that apply to a unit: the rule set of the nearest unit at or above it, else the defaults. */
export async function effectiveTrainingRules(db: Executor, orgCode: string): Promise<{ orgCode: string | null; rules: TrainingRules; version: number | null }> {
  const sets = await trainingRepository.listRuleSetsFor(db, [...ancestorCodes(orgCode), orgCode]);
  const nearest = sets.sort((a, b) => b.org_prefix.length - a.org_prefix.length)[0];
  if (!nearest) return { orgCode: null, rules: DEFAULT_TRAINING_RULES, version: null };
  return {
    orgCode: nearest.org_code, version: nearest.version,
    rules: {
      minimumDaysPerYear: nearest.minimum_days_per_year, centralisedMinimumDays: nearest.centralised_minimum_days,
      centralisedWindowYears: nearest.centralised_window_years, centralisedMethods: nearest.centralised_methods.filter((method): method is TrainingMethod => (TRAINING_METHODS as readonly string[]).includes(method)),
    },
  };
}

export async function getTrainingRules(db: Db, ctx: Context, orgCode: string) {
  ctx.access.require('cultivation.read', [orgCode], { record: '组织单位', action: '查看该单位的培训规则' });
  const { orgCode: owner, rules, version } = await effectiveTrainingRules(db, orgCode);
  return { orgCode: owner, ...rules, centralisedMethods: [...rules.centralisedMethods], version };
}

export async function saveTrainingRules(db: Db, ctx: Context, input: TrainingRules & { orgCode: string; version?: number | undefined }) {
  ctx.access.require('policy.manage', [input.orgCode], { record: '组织单位', action: '设置该单位的培训规则' });
  return db.transaction().execute(async (tx) => {
    const unit = await requireOrganiser(tx, input.orgCode);
    const saved = await trainingRepository.upsertRuleSet(tx, { ...input, orgPrefix: prefixOf(input.orgCode), centralisedMethods: [...input.centralisedMethods] }, input.version);
    if (!saved) throw input.version === undefined ? new AppError('CONFLICT', `「${unit.name}」已有培训规则，请带上其版本号修改`) : versionConflict('该培训规则');
    await recordAuditEvent(tx, ctx, {
      action: 'training.rules', entityType: 'trainingRuleSet', entityId: input.orgCode, orgCode: input.orgCode,
      summary: `设置「${unit.name}」的培训规则：每年不少于 ${input.minimumDaysPerYear} 天，${input.centralisedWindowYears} 年内至少一次不少于 ${input.centralisedMinimumDays} 天的集中培训`, after: input,
    });
    const { orgCode: owner, rules, version } = await effectiveTrainingRules(tx, input.orgCode);
    return { orgCode: owner, ...rules, centralisedMethods: [...rules.centralisedMethods], version };
  });
}
