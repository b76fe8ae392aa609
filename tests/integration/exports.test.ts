import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInChina } from '../../src/domain/dates.ts';
import { XLSX } from '../helpers/readable-text.ts';
import { addLedgerPerson, addReserve, countAuditEvents, createTestWorld, type TestWorld } from '../helpers/test-app.ts';
import { addMentor, lastYear, pad, setAdmittedOn } from './cultivation-fixtures.ts';

/** The xlsx exports of the ledger, reminders, attendance, contact logs and both logs: content, masking, scope, audit. */

let world: TestWorld;
let township: string;
let clerk: string;
let mentorCookie: string;
let reserve: Awaited<ReturnType<typeof addReserve>>;
let ledgerPerson: Awaited<ReturnType<typeof addLedgerPerson>>;
let townBPerson: Awaited<ReturnType<typeof addLedgerPerson>>;
const year = lastYear();

async function call(cookie: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) {
  const response = await world.app.inject({ method, url, headers: { cookie }, ...(payload !== undefined && { payload: payload as Record<string, unknown> }) });
  if (response.statusCode >= 300) throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
  return response.json();
}

/** The export's rows below its title, subtitle and header, as text by header. */
async function exported(url: string, cookie = township): Promise<{ title: string; subtitle: string; headers: string[]; rows: Record<string, string>[]; file: Buffer }> {
  const response = await world.app.inject({ method: 'GET', url, headers: { cookie } });
  expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
  expect(response.headers['content-type']).toBe(XLSX);
  expect(String(response.headers['content-disposition'])).toMatch(/^attachment; filename="[a-z-]+\.xlsx"; filename\*=UTF-8''%/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const headers = (sheet.getRow(3).values as unknown[]).slice(1).map(String);
  const rows: Record<string, string>[] = [];
  for (let row = 4; row <= sheet.rowCount; row += 1) {
    rows.push(Object.fromEntries(headers.map((header, index) => [header, String(sheet.getCell(row, index + 1).value ?? '')])));
  }
  return { title: String(sheet.getCell(1, 1).value), subtitle: String(sheet.getCell(2, 1).value), headers, rows, file: response.rawPayload };
}

async function lastAuditEvent(action: string) {
  return world.database.db.selectFrom('audit_event').select(['action', 'org_code', 'summary', 'actor_name']).where('action', '=', action).orderBy('id', 'desc').executeTakeFirst();
}

beforeAll(async () => {
  world = await createTestWorld();
  township = await world.login('towna');
  clerk = await world.login('villagea');
  reserve = await addReserve(world, township, world.townshipA.villageCode, { name: '导出甲' });
  await setAdmittedOn(world, reserve.reserveId, `${year - 2}-07-15`);
  ledgerPerson = await addLedgerPerson(world, township, world.townshipA.villageCode, { name: '台账乙', education: 'bachelor' });
  const townB = await world.login('townb');
  townBPerson = await addLedgerPerson(world, townB, world.townshipB.villageCode, { name: '乙镇人员' });
  const mentor = await addMentor(world, 'daoshiexport', world.townshipA.code);
  mentorCookie = await world.login('daoshiexport');
  const assignment = await call(township, 'POST', '/api/mentoring-assignments', {
    reserveId: reserve.reserveId, mentorUserId: mentor.id, mentorPost: 'townshipLeader', mentorTitle: '镇党委副书记', startedOn: `${year}-01-01`,
  });
  for (const month of [3, 4]) {
    await call(mentorCookie, 'POST', '/api/mentor-contacts', { assignmentId: assignment.id, contactedOn: `${year}-${pad(month)}-10`, form: 'talk', thoughts: `${month} 月思想稳定`, helpGiven: '带着走访农户' });
  }
  const session = await call(township, 'POST', '/api/training-sessions', {
    orgCode: world.townshipA.code, name: '后备干部集中轮训', method: 'centralised', organiser: '镇党委', startDate: `${year}-05-06`, endDate: `${year}-05-10`, days: 5,
  });
  await call(township, 'PUT', `/api/training-sessions/${session.id}/attendance`, { entries: [{ reserveId: reserve.reserveId, attended: true, result: '结业' }] });
});
afterAll(async () => world.close());

describe('talent ledger export', () => {
  it('lists the ledger of the caller’s scope in the import template’s columns, masked, and records the export', async () => {
    const sheet = await exported(`/api/talent-ledger/export?orgCode=${world.townshipA.code}`);
    expect(sheet.title).toContain('人才资源台账');
    expect(sheet.headers).toEqual(['序号', '乡镇', '村(社区)', '姓名', '性别', '出生年月', '入党时间', '年龄', '学历', '政治面貌', '身份', '身份证号码', '联系电话', '是否在外', '摸排日期', '备注']);
    expect(sheet.rows.map((row) => row['姓名']).sort()).toEqual(['台账乙', '导出甲']);
    const row = sheet.rows.find((item) => item['姓名'] === '台账乙')!;
    expect(row).toMatchObject({ 学历: '本科', 身份: expect.any(String), 身份证号码: `${ledgerPerson.idNumber.slice(0, 6)}********${ledgerPerson.idNumber.slice(-4)}` });
    expect(row['联系电话']).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(await lastAuditEvent('talentLedger.export')).toMatchObject({ org_code: world.townshipA.code, actor_name: 'towna' });
  });

  it('never lists another township, even asked for by name', async () => {
    const sheet = await exported(`/api/talent-ledger/export?search=${encodeURIComponent(townBPerson.name)}`);
    expect(sheet.rows).toEqual([]);
    const refused = await world.app.inject({ method: 'GET', url: `/api/talent-ledger/export?orgCode=${world.townshipB.villageCode}`, headers: { cookie: township } });
    expect([403, 404]).toContain(refused.statusCode);
    expect(refused.json().message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('writes full numbers only for a role that may see them; such a file imports again with nothing changed', async () => {
    const refused = await world.app.inject({ method: 'GET', url: `/api/talent-ledger/export?orgCode=${world.townshipA.villageCode}&includeSensitive=true`, headers: { cookie: clerk } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toContain('请取消「包含完整身份证号码和电话」');
    const sheet = await exported(`/api/talent-ledger/export?orgCode=${world.townshipA.villageCode}&includeSensitive=true`);
    expect(sheet.rows.map((row) => row['身份证号码']).sort()).toEqual([ledgerPerson.idNumber, reserve.idNumber].sort());
    const before = await countAuditEvents(world.database);
    const imported = await world.app.inject({
      method: 'POST', url: `/api/talent-ledger/import?orgCode=${world.townshipA.villageCode}`, headers: { cookie: township, 'content-type': XLSX }, payload: sheet.file,
    });
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toEqual({ total: 2, created: 0, updated: 0, unchanged: 2 });
    expect(await countAuditEvents(world.database)).toBeLessThanOrEqual(before + 1);
  });
});

describe('cultivation exports', () => {
  it('exports every reminder of the unit on a date, as the list counts them', async () => {
    const onDate = `${year}-12-31`;
    const list = await call(township, 'GET', `/api/reminders?orgCode=${world.townshipA.code}&onDate=${onDate}&pageSize=200`);
    expect(list.total).toBeGreaterThan(0);
    const sheet = await exported(`/api/reminders/export?orgCode=${world.townshipA.code}&onDate=${onDate}`);
    expect(sheet.rows).toHaveLength(list.total);
    expect(sheet.subtitle).toContain(`计算日期：${onDate}`);
    expect(new Set(sheet.rows.map((row) => row['后备力量']))).toEqual(new Set(['导出甲']));
    expect(sheet.rows.every((row) => ['待办', '逾期'].includes(row['状态']!) && row['说明']!.length > 0)).toBe(true);
    expect(await lastAuditEvent('reminders.export')).toMatchObject({ org_code: world.townshipA.code });
  });

  it('exports the attendance of the year’s sessions', async () => {
    const sheet = await exported(`/api/training-attendance/export?year=${year}`);
    expect(sheet.rows).toEqual([expect.objectContaining({ 培训名称: '后备干部集中轮训', 方式: '集中培训', 姓名: '导出甲', 是否参训: '参训', 参训天数: '5', 培训结果: '结业' })]);
    expect(await lastAuditEvent('training.export')).toBeDefined();
  });

  it('exports the contact logs a mentor may read, and the same logs for the township', async () => {
    const mine = await exported(`/api/mentor-contacts/export?year=${year}`, mentorCookie);
    expect(mine.rows.map((row) => [row['联系日期'], row['方式'], row['思想动态']])).toEqual([[`${year}-04-10`, '谈心谈话', '4 月思想稳定'], [`${year}-03-10`, '谈心谈话', '3 月思想稳定']]);
    const month = await exported(`/api/mentor-contacts/export?year=${year}&month=3&orgCode=${world.townshipA.code}`);
    expect(month.rows.map((row) => row['联系日期'])).toEqual([`${year}-03-10`]);
    expect(month.title).toContain(`${year} 年3 月`);
    expect(await lastAuditEvent('mentoring.export')).toMatchObject({ org_code: world.townshipA.code });
  });
});

describe('log exports', () => {
  it('exports the audit log with the filters, in Chinese, and records that', async () => {
    const sheet = await exported('/api/audit-events/export?action=talentLedger.export');
    expect(sheet.rows.length).toBeGreaterThanOrEqual(2);
    expect(sheet.rows.every((row) => row['操作'] === '导出人才台账' && row['对象类型'] === '人才台账')).toBe(true);
    expect(sheet.subtitle).toContain('操作 导出人才台账');
    expect(await lastAuditEvent('audit.export')).toMatchObject({ org_code: world.townshipA.code, summary: expect.stringContaining('导出人才台账') });
  });

  it('filters the login log by outcome and exports it', async () => {
    const failed = await world.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'villagea', password: 'wrong-password-1' } });
    expect(failed.statusCode).toBe(401);
    const list = await call(township, 'GET', '/api/login-events?outcome=wrongPassword');
    expect(list.events.map((event: { username: string }) => event.username)).toEqual(['villagea']);
    const sheet = await exported('/api/login-events/export?outcome=wrongPassword');
    expect(sheet.rows.map((row) => [row['用户名'], row['结果']])).toEqual([['villagea', '密码错误']]);
    // Login events carry the real time of the login, whatever business date the app runs on.
    const loggedInOn = todayInChina(new Date());
    const byName = await call(township, 'GET', `/api/login-events?username=towna&from=${loggedInOn}&to=${loggedInOn}`);
    expect(byName.total).toBeGreaterThan(0);
    expect(byName.events.every((event: { username: string; outcome: string }) => event.username === 'towna' && event.outcome === 'success')).toBe(true);
  });
});
