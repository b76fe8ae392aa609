import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumberCheckCharacter } from '../../src/domain/id-number.ts';
import { DEMO_PASSWORD, startServer, type ServerProcess } from '../helpers/server-process.ts';
import { ARTIFACTS_DIR, launchBrowser, loginThroughForm, type OrgUnitView } from './browser.ts';
import { Http, responseOf } from './http.ts';

interface ContactView { id: string; assignmentId: string; contactedOn: string; form: string; thoughts: string | null; work: string | null; problems: string | null; helpGiven: string | null; mentorName: string; reserve: { id: string } }
interface ReminderView { kind: string; reserveId: string; responsibleUserId: string | null }
interface SessionView { id: string; days: number; attendeeCount: number; attendance: { reserve: { id: string }; attended: boolean; daysAttended: number; result: string | null }[] }

/** Today in China (UTC+8), the date the server counts with. */
const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

describe('cultivation: a mentor records a monthly contact on a phone', () => {
  let server: ServerProcess;
  let browser: Browser;
  const stamp = Date.now();
  const mentorUsername = `mentor${stamp.toString(36).slice(-6)}`;
  const mentorDisplayName = `王老师${stamp.toString(36).slice(-3)}`;
  const mentorPassword = `Mentor${stamp % 100000}x`;
  let mentorUserId: string;
  let reserveId: string;
  let reserveName: string;
  let assignmentId: string;
  let township: Http;
  let townshipCode: string;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    township = await Http.login(server.baseUrl, 'xiangzhen');
    const [townshipUnit] = await township.get<OrgUnitView[]>('/api/org-units/roots');
    expect(townshipUnit?.level).toBe('township');
    townshipCode = townshipUnit!.code;
    const villages = (await township.get<OrgUnitView[]>(`/api/org-units/${townshipUnit!.code}/children`)).filter((unit) => unit.level === 'village');
    expect(villages.length, 'the demo township has villages').toBeGreaterThan(0);

    // A new reserve: a person entered in the talent ledger of the first village, then admitted.
    reserveName = `帮带${stamp.toString(36).slice(-4)}`;
    const first17 = `511425199204${String(10 + (stamp % 18)).padStart(2, '0')}${String((stamp % 499) * 2 + 1).padStart(3, '0')}`;
    const { entry } = await township.call<{ entry: { person: { id: string } } }>('POST', '/api/talent-ledger', {
      orgCode: villages[0]!.code,
      person: { name: reserveName, birthDate: `1992-04-${first17.slice(12, 14)}`, idNumber: first17 + idNumberCheckCharacter(first17), politicalStatus: 'fullMember', partyJoinDate: '2016-07-01', education: 'bachelor' },
      sourceCategory: 'graduate',
    }, 201);
    const reserve = await township.call<{ id: string; status: string }>('POST', '/api/reserves', {
      orgCode: villages[0]!.code, personId: entry.person.id, targetPost: 'committeeMember', readiness: 'withinTwoYears', sourceCategory: 'graduate',
      registration: { sourceDocument: '2025 年村级后备干部名册' },
    }, 201);
    expect(reserve.status).toBe('admitted');
    reserveId = reserve.id;

    // A new mentor user of the township, with a password of their own (the initial one must be changed).
    const created = await township.call<{ user: { id: string }; initialPassword: string }>('POST', '/api/users', {
      username: mentorUsername, displayName: mentorDisplayName, orgCode: townshipUnit!.code, roles: [{ role: 'mentor', orgCode: townshipUnit!.code }],
    }, 201);
    mentorUserId = created.user.id;
    const first = await Http.login(server.baseUrl, mentorUsername, created.initialPassword);
    await first.call('POST', '/api/auth/password', { currentPassword: created.initialPassword, newPassword: mentorPassword }, 204);

    // The township assigns the mentor from today.
    const assignment = await township.call<{ id: string; isActive: boolean }>('POST', '/api/mentoring-assignments', {
      reserveId, mentorUserId, mentorPost: 'townshipLeader', mentorTitle: '镇党委委员', startedOn: today,
    }, 201);
    expect(assignment.isActive).toBe(true);
    assignmentId = assignment.id;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('at 390 px the mentor opens the mentee from the menu, records a contact in the one-column form and sees it in the list', async () => {
    const mentor = await Http.login(server.baseUrl, mentorUsername, mentorPassword);
    // Before: the mentee is due a log this month, and the mentor's home page says so.
    const before = await mentor.get<{ reminders: ReminderView[] }>('/api/reminders/mine?pageSize=200');
    expect(before.reminders.some((reminder) => reminder.kind === 'mentorContact' && reminder.reserveId === reserveId && reminder.responsibleUserId === mentorUserId)).toBe(true);

    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', isMobile: true, hasTouch: true });
    const page = await context.newPage();
    try {
      await loginThroughForm(page, server.baseUrl, mentorUsername, mentorPassword);
      const reminders = page.locator('.home-reminders');
      await reminders.getByText(`${reserveName} 的`, { exact: false }).first().waitFor();

      // The menu is a drawer at phone width.
      await page.getByRole('button', { name: '打开菜单' }).click();
      await Promise.all([
        page.waitForResponse((response) => response.url().includes('/api/mentoring-assignments') && response.url().includes('mine=true')),
        page.getByRole('menuitem', { name: '结对帮带' }).click(),
      ]);
      await page.waitForURL('**/mentoring');
      const card = page.locator('.mentee-card', { hasText: reserveName });
      await card.waitFor();
      expect(await card.innerText()).toContain('本月未填写帮带记录');
      await card.click();
      await page.waitForURL(`**/mentoring/${reserveId}`);
      await page.getByRole('heading', { name: reserveName }).waitFor();

      const form = page.locator('.mentor-contact-form');
      await form.getByLabel('联系日期').fill(today);
      await form.locator('.ant-radio-button-wrapper', { hasText: '走访' }).click();
      const texts = {
        thoughts: '思想稳定，想在村里干出成绩',
        work: '协助开展人居环境整治，整理党建资料',
        problems: '群众工作方法不多',
        helpGiven: '带着走访农户，讲解惠农政策',
      };
      await form.getByLabel('思想动态').fill(texts.thoughts);
      await form.getByLabel('工作情况').fill(texts.work);
      await form.getByLabel('存在问题').fill(texts.problems);
      await form.getByLabel('帮助措施').fill(texts.helpGiven);

      // Laid out for a thumb: the fields and the save button span the width, nothing scrolls sideways.
      const saveButton = form.getByRole('button', { name: '保存帮带记录' });
      const buttonBox = await saveButton.boundingBox();
      const textBox = await form.getByLabel('帮助措施').boundingBox();
      const dateBox = await form.getByLabel('联系日期').boundingBox();
      expect(buttonBox && textBox && dateBox).toBeTruthy();
      expect(buttonBox!.height).toBeGreaterThanOrEqual(44);
      expect(buttonBox!.width).toBeGreaterThan(300);
      expect(textBox!.width).toBeGreaterThan(300);
      expect(dateBox!.width).toBeGreaterThan(300);
      expect(textBox!.x + textBox!.width).toBeLessThanOrEqual(390);

      const created = await responseOf(page, 'POST', /^\/api\/mentor-contacts$/, () => saveButton.click());
      const body = (await created.json()) as ContactView & { message?: string };
      expect(created.status(), body.message).toBe(201);

      // The new log heads the list below the form, and the month is marked done.
      const log = page.locator(`.contact-log[data-contact-id="${body.id}"]`);
      await log.waitFor();
      const logText = await log.innerText();
      expect(logText).toContain(today);
      expect(logText).toContain('走访');
      for (const text of Object.values(texts)) expect(logText).toContain(text);
      await page.getByText('本月已填写').waitFor();
      // The form is empty again for the next log.
      expect(await form.getByLabel('思想动态').inputValue()).toBe('');

      const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      expect(widths.scroll).toBeLessThanOrEqual(widths.client);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'mentor-log-390.png'), fullPage: true });
    } finally {
      await context.close();
    }

    // The server has it, for the mentor and for the township.
    const mine = await mentor.get<{ total: number; contacts: ContactView[] }>(`/api/mentor-contacts?reserveId=${reserveId}`);
    expect(mine.total).toBe(1);
    const saved = mine.contacts[0]!;
    expect(saved).toMatchObject({
      assignmentId, contactedOn: today, form: 'visit', mentorName: mentorDisplayName,
      thoughts: '思想稳定，想在村里干出成绩', work: '协助开展人居环境整治，整理党建资料', problems: '群众工作方法不多', helpGiven: '带着走访农户，讲解惠农政策',
    });
    const seen = await township.get<{ contacts: ContactView[] }>(`/api/mentor-contacts?reserveId=${reserveId}`);
    expect(seen.contacts.map((contact) => contact.id)).toEqual([saved.id]);
    // And the reminder for this month is gone.
    const after = await mentor.get<{ reminders: ReminderView[] }>('/api/reminders/mine?pageSize=200');
    expect(after.reminders.some((reminder) => reminder.kind === 'mentorContact' && reminder.reserveId === reserveId)).toBe(false);
  });

  it('at desktop width the township opens the reserve\'s cultivation page from the pool and downloads the 纪实表', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
    const page = await context.newPage();
    try {
      await loginThroughForm(page, server.baseUrl, 'xiangzhen', DEMO_PASSWORD);
      await Promise.all([
        page.waitForResponse((response) => response.url().includes('/api/reserves') && response.request().method() === 'GET'),
        page.getByRole('menuitem', { name: '后备力量库' }).click(),
      ]);
      await Promise.all([
        page.waitForResponse((response) => response.url().includes('/api/reserves?') && response.url().includes('search=')),
        (async () => {
          await page.getByPlaceholder('姓名，或完整的 18 位身份证号').fill(reserveName);
          await page.getByRole('button', { name: '查询' }).click();
        })(),
      ]);
      const row = page.locator('.reserves-table .ant-table-row', { hasText: reserveName });
      await row.waitFor();
      const cultivation = await responseOf(page, 'GET', new RegExp(`^/api/reserves/${reserveId}/cultivation$`), () => row.getByRole('link', { name: '培养记录' }).click());
      expect(cultivation.status()).toBe(200);
      await page.waitForURL(`**/reserves/${reserveId}/cultivation`);
      await page.getByRole('heading', { name: `培养记录：${reserveName}` }).waitFor();

      // Training tab: no training yet, so the yearly days fall short by the rule's minimum.
      const compliance = (await cultivation.json()) as { compliance: { annual: { shortByDays: number; requiredDays: number } } };
      expect(compliance.compliance.annual.shortByDays).toBe(compliance.compliance.annual.requiredDays);
      expect(compliance.compliance.annual.requiredDays).toBeGreaterThan(0);
      const complianceText = await page.locator('.compliance-card').innerText();
      expect(complianceText).toContain(`还差 ${compliance.compliance.annual.shortByDays} 天`);

      // Mentoring tab: the mentor and the contact recorded on the phone.
      await page.getByRole('tab', { name: /结对帮带/ }).click();
      await page.getByText(`${mentorDisplayName}（镇党委委员）`).waitFor();
      await page.locator('.contact-log', { hasText: '带着走访农户，讲解惠农政策' }).waitFor();

      // The 纪实表 of the year as Word.
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '纪实表（Word）' }).click()]);
      expect(download.suggestedFilename()).toMatch(/\.docx$/);
      const file = await download.path();
      const bytes = fs.readFileSync(file);
      expect(bytes.subarray(0, 2).toString()).toBe('PK');
      await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'reserve-cultivation.png'), fullPage: true });
    } finally {
      await context.close();
    }
  });

  it('at 390 px the township takes attendance of a session from the list and sees the sign-in sheet\'s row errors', async () => {
    const session = await township.call<SessionView>('POST', '/api/training-sessions', {
      orgCode: townshipCode, name: `以会代训${stamp.toString(36).slice(-4)}`, method: 'meetingAsTraining', organiser: '镇党委', startDate: today, endDate: today, days: 1, content: '村级事务管理', place: '镇会议室',
    }, 201);

    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', isMobile: true, hasTouch: true });
    const page = await context.newPage();
    try {
      await loginThroughForm(page, server.baseUrl, 'xiangzhen', DEMO_PASSWORD);
      await page.goto(`${server.baseUrl}/training/${session.id}`);
      await page.locator('.attendance-row').first().waitFor();
      await page.getByPlaceholder('按姓名或村查找').fill(reserveName);
      const row = page.locator(`.attendance-row[data-reserve-id="${reserveId}"]`);
      await row.waitFor();
      expect(await page.locator('.attendance-row').count()).toBe(1);
      await row.locator('.ant-checkbox-input').check();
      await row.getByLabel(`${reserveName}的培训结果`).fill('结业');
      const saved = await responseOf(page, 'PUT', new RegExp(`^/api/training-sessions/${session.id}/attendance$`), () => page.getByRole('button', { name: '保存参训情况' }).click());
      expect(saved.status()).toBe(200);
      await page.getByText('已保存参训情况：参训 1 人').waitFor();

      // A sign-in sheet with an unknown name and a bad number of days: nothing is imported, each row's problem is listed.
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('签到表');
      sheet.addRow(['姓名', '参训天数']);
      sheet.addRow(['查无此人', 1]);
      sheet.addRow([reserveName, '一天']);
      const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
      const imported = await responseOf(page, 'POST', new RegExp(`^/api/training-sessions/${session.id}/attendance/import$`), () => page.locator('input[type="file"]').setInputFiles({
        name: '签到表.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer,
      }));
      const result = (await imported.json()) as { imported: number; problems: { row: number; message: string }[] };
      expect(result.imported).toBe(0);
      expect(result.problems.map((problem) => problem.row)).toEqual([2, 3]);
      const problems = page.locator('.import-problems');
      await problems.waitFor();
      const problemText = await problems.innerText();
      expect(problemText).toContain('查无此人');
      expect(problemText).toContain('一天');

      const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      expect(widths.scroll).toBeLessThanOrEqual(widths.client);
      await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'training-attendance-390.png'), fullPage: true });
    } finally {
      await context.close();
    }

    // The server has the attendance from the list, and nothing from the refused sheet.
    const detail = await township.get<SessionView>(`/api/training-sessions/${session.id}`);
    expect(detail.attendance).toHaveLength(1);
    expect(detail.attendance[0]).toMatchObject({ reserve: { id: reserveId }, attended: true, daysAttended: 1, result: '结业' });
  });
});
