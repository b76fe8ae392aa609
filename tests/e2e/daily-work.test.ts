import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumberCheckCharacter } from '../../src/domain/id-number.ts';
import { DEMO_PASSWORD, startServer, type ServerProcess } from '../helpers/server-process.ts';
import { ARTIFACTS_DIR, chooseOption, launchBrowser, loginThroughForm, selectLabelled, type OrgUnitView } from './browser.ts';
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
      await chooseOption(page, selectLabelled(page.locator('body'), '操作类型'), '导出名册', '导出名册');
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

  it('the joint-review department sees each answer\'s deadline, reveals an ID number it needs, and prints the 联审表', async () => {
    const department = await Http.login(server.baseUrl, 'lianshen');
    const reviews = (await department.get<{ reviews: (JointReviewView & { deadline: string | null; sentOn: string })[] }>('/api/joint-reviews')).reviews;
    expect(reviews.length).toBeGreaterThan(0);
    const first = reviews[0]!;
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    const page = await context.newPage();
    try {
      await loginThroughForm(page, server.baseUrl, 'lianshen', DEMO_PASSWORD);
      await page.goto(`${server.baseUrl}/joint-reviews`);
      await page.locator('.joint-review-page .ant-segmented-item', { hasText: '全部' }).click();
      const card = page.locator(`.joint-review-item[data-review-id="${first.id}"]`);
      await card.waitFor();
      expect(first.deadline).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(await card.locator('.joint-review-dates').innerText()).toContain(`答复期限 ${first.deadline}`);
      await card.getByRole('button', { name: '查看身份证号码' }).click();
      await expect.poll(() => card.locator('.joint-review-id').innerText()).toMatch(/^身份证号码：\d{17}[\dX]$/);

      await page.emulateMedia({ media: 'print' });
      const sheet = page.locator('.joint-review-sheet');
      await sheet.waitFor({ state: 'visible' });
      expect(await sheet.locator('h1').innerText()).toContain('联审表');
      expect(await sheet.locator('tbody tr').count()).toBe(reviews.length);
      expect(await sheet.innerText()).toContain(first.candidate.name);
      expect(await page.locator('.joint-review-list').isVisible()).toBe(false);
      await page.pdf({ path: path.join(ARTIFACTS_DIR, 'joint-review-sheet.pdf'), format: 'A4' });
    } finally {
      await context.close();
    }
  });

  it('the login log is filtered by result and exported with the same filter', async () => {
    const wrong = await fetch(`${server.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'shenji', password: 'not-the-password-1' }) });
    expect(wrong.status).toBe(401);
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', acceptDownloads: true });
    const page = await context.newPage();
    try {
      await loginThroughForm(page, server.baseUrl, 'zuzhibu', DEMO_PASSWORD);
      await page.goto(`${server.baseUrl}/login-events`);
      await page.locator('.ant-table-tbody .ant-table-row').first().waitFor();
      await chooseOption(page, page.locator('.login-events-filters .ant-select'), '密码错误');
      const filtered = await responseOf(page, 'GET', /\/api\/login-events$/, () => page.getByRole('button', { name: '查询' }).click());
      expect(new URL(filtered.url()).searchParams.get('outcome')).toBe('wrongPassword');
      await expect.poll(async () => new Set((await page.locator('.ant-table-tbody .ant-table-row td:nth-child(4)').allInnerTexts()).map((text) => text.trim()))).toEqual(new Set(['密码错误']));
      const [download, request] = await Promise.all([
        page.waitForEvent('download'),
        page.waitForRequest((candidate) => candidate.url().includes('/api/login-events/export')),
        page.getByRole('button', { name: '导出' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^登录日志_\d{4}-\d{2}-\d{2}\.xlsx$/);
      expect(new URL(request.url()).searchParams.get('outcome')).toBe('wrongPassword');
    } finally {
      await context.close();
    }
  });

  it('a column hidden in 列设置 stays hidden after reloading, and the 操作 column stays in view', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    const page = await context.newPage();
    try {
      await loginThroughForm(page, server.baseUrl, 'zuzhibu', DEMO_PASSWORD);
      await page.goto(`${server.baseUrl}/reserves`);
      const headers = () => page.locator('.reserves-table thead th').allInnerTexts();
      await page.locator('.reserves-table .ant-table-row').first().waitFor();
      expect((await headers()).map((text) => text.trim())).toContain('电话');
      await page.getByRole('button', { name: '列设置' }).click();
      await page.locator('.column-settings').getByLabel('电话', { exact: true }).uncheck();
      await expect.poll(async () => (await headers()).map((text) => text.trim())).not.toContain('电话');
      await page.reload();
      await page.locator('.reserves-table .ant-table-row').first().waitFor();
      expect((await headers()).map((text) => text.trim())).not.toContain('电话');
      // The 操作 column is pinned at the right edge of the table's box.
      const action = await page.locator('.reserves-table thead th.actions-column').boundingBox();
      const table = await page.locator('.reserves-table .ant-table-container').boundingBox();
      expect(action && table).toBeTruthy();
      expect(Math.abs(action!.x + action!.width - (table!.x + table!.width))).toBeLessThan(3);
    } finally {
      await context.close();
    }
  });

  it('the selection board says for each village whether its pool and its candidates were checked, not 符合要求 by default', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    const page = await context.newPage();
    try {
      await loginThroughForm(page, server.baseUrl, 'xiangzhen', DEMO_PASSWORD);
      await page.goto(`${server.baseUrl}/selection`);
      const summary = page.locator('.board-villages-summary');
      await expect.poll(() => summary.innerText()).toMatch(/资源库：\d+ 个村达标，\d+ 个村不足/);
      expect(await summary.innerText()).toMatch(/人选：\d+ 个村已审核符合要求，\d+ 个村有问题，\d+ 个村尚未审核/);
      const headers = (await page.locator('.board-villages-table thead th').allInnerTexts()).map((text) => text.trim());
      expect(headers).toEqual(expect.arrayContaining(['资源库覆盖', '人选审核']));
      const cells = await page.locator('.board-villages-table tbody tr td:last-child').allInnerTexts();
      expect(cells.length).toBeGreaterThan(0);
      expect(cells.some((text) => /未审核|无人选|建议名单符合要求|不足|不符|缺/.test(text))).toBe(true);
      expect(cells.filter((text) => text.trim() === '符合要求')).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
