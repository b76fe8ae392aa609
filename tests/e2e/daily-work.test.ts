import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumberCheckCharacter } from '../../src/domain/id-number.ts';
import { DEMO_PASSWORD, startServer, type ServerProcess } from '../helpers/server-process.ts';
import { launchBrowser, loginThroughForm, type OrgUnitView } from './browser.ts';
import { Http, responseOf } from './http.ts';
import { sendToJointReview } from './seed-selection.ts';

interface ReminderView { kind: string; reserveId: string; period: string }
interface JointReviewView { id: string; status: string; candidate: { name: string } }
interface CandidateView { id: string; orgCode: string; version: number; stage: string; jointReviewDepartments: string[] }

/** Today in China (UTC+8), the date the server counts with. */
const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
/** The first day of the month before today's (in China). */
function firstOfPreviousMonth(): string {
  const [year, month] = today.split('-').map(Number) as [number, number];
  return month === 1 ? `${year - 1}-12-01` : `${year}-${String(month - 1).padStart(2, '0')}-01`;
}

/** What officers do every week, each on the page where they do it. */
describe('daily work: reminders, joint reviews, the audit log', () => {
  let server: ServerProcess;
  let browser: Browser;
  let township: Http;
  let townshipCode: string;
  let villageCode: string;
  const stamp = Date.now();

  /** A person of the first village's talent ledger who meets the default policy. */
  async function addToLedger(index: number, name: string): Promise<{ orgCode: string; sourceCategory: string; person: { id: string } }> {
    const first17 = `511425199106${String(10 + index)}${String(((stamp + index) % 499) * 2 + 1).padStart(3, '0')}`;
    const created = await township.call<{ entry: { orgCode: string; sourceCategory: string; person: { id: string } } }>('POST', '/api/talent-ledger', {
      orgCode: villageCode,
      person: { name, birthDate: `1991-06-${10 + index}`, idNumber: first17 + idNumberCheckCharacter(first17), politicalStatus: 'fullMember', partyJoinDate: '2015-07-01', education: 'bachelor' },
      sourceCategory: 'graduate',
    }, 201);
    return created.entry;
  }

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer({ timeoutMs: 170_000 }), launchBrowser()]);
    township = await Http.login(server.baseUrl, 'xiangzhen');
    const [townshipUnit] = await township.get<OrgUnitView[]>('/api/org-units/roots');
    townshipCode = townshipUnit!.code;
    const villages = (await township.get<OrgUnitView[]>(`/api/org-units/${townshipCode}/children`)).filter((unit) => unit.level === 'village');
    villageCode = villages[0]!.code;
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the reminder link 填写帮带记录 of an earlier month opens a form dated in that month, and the reminder is gone after saving', async () => {
    const reserveName = `提醒${stamp.toString(36).slice(-4)}`;
    const entry = await addToLedger(1, reserveName);
    const reserve = await township.call<{ id: string }>('POST', '/api/reserves', {
      orgCode: villageCode, personId: entry.person.id, targetPost: 'committeeMember', readiness: 'withinTwoYears', sourceCategory: 'graduate', admittedOn: firstOfPreviousMonth(),
      registration: { sourceDocument: '2024 年村级后备干部名册' },
    }, 201);
    const username = `rem${stamp.toString(36).slice(-6)}`;
    const password = `Remind${stamp % 100000}x`;
    const created = await township.call<{ user: { id: string }; initialPassword: string }>('POST', '/api/users', {
      username, displayName: `李导师${stamp.toString(36).slice(-3)}`, orgCode: townshipCode, roles: [{ role: 'mentor', orgCode: townshipCode }],
    }, 201);
    const first = await Http.login(server.baseUrl, username, created.initialPassword);
    await first.call('POST', '/api/auth/password', { currentPassword: created.initialPassword, newPassword: password }, 204);
    // In the pool and mentored since the first of last month: last month's log is overdue.
    await township.call('POST', '/api/mentoring-assignments', {
      reserveId: reserve.id, mentorUserId: created.user.id, mentorPost: 'townshipLeader', mentorTitle: '镇党委委员', startedOn: firstOfPreviousMonth(),
    }, 201);
    const mentor = await Http.login(server.baseUrl, username, password);
    const period = firstOfPreviousMonth().slice(0, 7);
    const isDue = (list: { reminders: ReminderView[] }) => list.reminders.some((reminder) => reminder.kind === 'mentorContact' && reminder.reserveId === reserve.id && reminder.period === period);
    expect(isDue(await mentor.get<{ reminders: ReminderView[] }>('/api/reminders/mine?pageSize=200'))).toBe(true);

    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', isMobile: true, hasTouch: true });
    const page = await context.newPage();
    try {
      await loginThroughForm(page, server.baseUrl, username, password);
      const monthText = `${Number(period.slice(0, 4))} 年 ${Number(period.slice(5))} 月帮带记录未填写`;
      const item = page.locator('.home-reminders .reminder-item', { hasText: monthText });
      await item.getByRole('link', { name: '填写帮带记录' }).click();
      await page.waitForURL(`**/mentoring/${reserve.id}?month=${period}`);
      const dateBox = page.locator('.mentor-contact-form').getByLabel('联系日期');
      await expect.poll(() => dateBox.inputValue()).toMatch(new RegExp(`^${period}-\\d{2}$`));
      await page.locator('.mentor-contact-form').getByLabel('思想动态').fill('思想稳定，补记上月走访');
      const response = await responseOf(page, 'POST', /\/api\/mentor-contacts$/, () => page.getByRole('button', { name: '保存帮带记录' }).click());
      expect(response.status()).toBe(201);
      expect(((await response.json()) as { contactedOn: string }).contactedOn.slice(0, 7)).toBe(period);

      await page.getByRole('button', { name: '打开菜单' }).click();
      await page.getByRole('menuitem', { name: '首页' }).click();
      await page.locator('.home-reminders .ant-list').waitFor();
      await expect.poll(() => page.locator('.home-reminders .reminder-item', { hasText: monthText }).count()).toBe(0);
      expect(isDue(await mentor.get<{ reminders: ReminderView[] }>('/api/reminders/mine?pageSize=200'))).toBe(false);
    } finally {
      await context.close();
    }
  });

  it('the joint-review department sees its count on the home page and in the menu, and answers two candidates at once', async () => {
    // A second candidate sent to 纪检监察机关 (the demo sends one): through every step over HTTP.
    const entry = await addToLedger(2, `联审${stamp.toString(36).slice(-4)}`);
    const nominated = await township.call<CandidateView>('POST', '/api/selection-candidates', {
      orgCode: entry.orgCode, personId: entry.person.id, channel: 'organization', profile: 'mature', targetPost: 'committeeMember', sourceCategory: entry.sourceCategory,
      nominatedOn: today, meeting: { kind: '村党组织委员会会议', heldOn: today, minutes: '研究推荐后备力量人选' },
    }, 201);
    await sendToJointReview(township, townshipCode, nominated, today);

    const department = await Http.login(server.baseUrl, 'lianshen');
    const pending = (await department.get<{ reviews: JointReviewView[] }>('/api/joint-reviews?status=pending')).reviews;
    expect(pending.length).toBeGreaterThanOrEqual(2);

    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    const page = await context.newPage();
    try {
      await loginThroughForm(page, server.baseUrl, 'lianshen', DEMO_PASSWORD);
      const count = page.locator('.home-joint-reviews .ant-statistic-content-value');
      await expect.poll(() => count.innerText()).toBe(String(pending.length));
      await expect.poll(() => page.locator('.ant-menu .menu-count').innerText()).toBe(String(pending.length));

      await page.getByRole('link', { name: '进入联审' }).click();
      await page.waitForURL('**/joint-reviews');
      const chosen = pending.slice(0, 2);
      for (const review of chosen) await page.getByRole('checkbox', { name: `选择 ${review.candidate.name}` }).check();
      await page.getByRole('button', { name: '批量回复（2 人）' }).click();
      const modal = page.locator('.joint-review-modal');
      await modal.getByText(chosen.map((review) => review.candidate.name).join('、')).waitFor();
      await modal.getByLabel('通过').check();
      await modal.getByLabel('审查意见').fill('未发现问题');
      await modal.getByRole('button', { name: '提交' }).click();
      await page.getByText(`已回复 ${chosen.map((review) => review.candidate.name).join('、')} 的联审意见`).waitFor();

      const after = (await department.get<{ reviews: JointReviewView[] }>('/api/joint-reviews')).reviews;
      for (const review of chosen) expect(after.find((item) => item.id === review.id)?.status).toBe('passed');
      await page.getByRole('menuitem', { name: /首页/ }).click();
      await expect.poll(() => count.innerText()).toBe(String(pending.length - 2));
    } finally {
      await context.close();
    }
  });

  it('the audit log is filtered by a Chinese action name and shows the action in Chinese', async () => {
    const county = await Http.login(server.baseUrl, 'zuzhibu');
    const response = await county.fetch(`/api/roster/export?orgCode=${townshipCode}`);
    expect(response.status).toBe(200);
    await response.arrayBuffer();

    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    const page = await context.newPage();
    try {
      await loginThroughForm(page, server.baseUrl, 'zuzhibu', DEMO_PASSWORD);
      await page.getByRole('menuitem', { name: '操作日志' }).click();
      await page.waitForURL('**/audit-events');
      await page.locator('.ant-table-tbody .ant-table-row').first().waitFor();
      await page.getByLabel('操作类型').fill('导出名册');
      await page.locator('.ant-select-item-option', { hasText: '导出名册' }).click();
      const filtered = await responseOf(page, 'GET', /\/api\/audit-events$/, () => page.getByRole('button', { name: '查询' }).click());
      expect(new URL(filtered.url()).searchParams.get('action')).toBe('roster.export');
      const body = (await filtered.json()) as { total: number; events: { action: string }[] };
      expect(body.total).toBeGreaterThan(0);
      expect(body.events.every((event) => event.action === 'roster.export')).toBe(true);
      const actions = await page.locator('.ant-table-tbody .ant-table-row td:nth-child(5)').allInnerTexts();
      expect(actions.length).toBe(Math.min(body.total, 20));
      expect(new Set(actions.map((text) => text.trim()))).toEqual(new Set(['导出名册']));
    } finally {
      await context.close();
    }
  });

  it('at 390 px the reserve list shows each reserve as a card, without sideways scrolling', async () => {
    const county = await Http.login(server.baseUrl, 'zuzhibu');
    const list = await county.get<{ total: number; reserves: { person: { name: string } }[] }>('/api/reserves?page=1&pageSize=20');
    expect(list.reserves.length).toBeGreaterThan(0);
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', isMobile: true, hasTouch: true });
    const page = await context.newPage();
    try {
      await loginThroughForm(page, server.baseUrl, 'zuzhibu', DEMO_PASSWORD);
      await page.goto(`${server.baseUrl}/reserves`);
      const cards = page.locator('.reserves-table.table-as-cards .row-card');
      await cards.first().waitFor();
      await expect.poll(() => cards.count()).toBe(list.reserves.length);
      expect(await cards.first().locator('.ant-card-head-title').innerText()).toBe(list.reserves[0]!.person.name);
      expect(await cards.first().innerText()).toContain('身份证号：');
      expect(await page.locator('.reserves-table table').count()).toBe(0);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    } finally {
      await context.close();
    }
  });
});
