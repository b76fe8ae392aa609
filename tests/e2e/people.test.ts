import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumberCheckCharacter } from '../../src/domain/id-number.ts';
import { DEMO_PASSWORD, startServer, type ServerProcess } from '../helpers/server-process.ts';
import { ApiSession, ARTIFACTS_DIR, chooseOption, launchBrowser, loginThroughForm, selectLabelled, type OrgUnitView } from './browser.ts';

/** A valid 18-digit ID number (GB 11643) from 青神县 (511425): region, birth date, sequence, check character. */
function idNumberFor(birthDate: string, sequence: number): string {
  const first17 = `511425${birthDate}${String(sequence).padStart(3, '0')}`;
  return first17 + idNumberCheckCharacter(first17);
}

describe('people: talent ledger and person file', () => {
  let server: ServerProcess;
  let browser: Browser;
  let village: OrgUnitView;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const session = await ApiSession.login(server.baseUrl, 'xiangzhen', DEMO_PASSWORD);
    const [township] = await session.get<OrgUnitView[]>('/api/org-units/roots');
    const villages = await session.get<OrgUnitView[]>(`/api/org-units/${township!.code}/children`);
    const found = villages.find((unit) => unit.level === 'village');
    expect(found, 'the demo township has a village').toBeDefined();
    village = found!;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('adds a person to the talent ledger and shows the ID number masked in the list and the person file', async () => {
    // Unique per run, since with TEST_DATABASE_URL the database outlives the test; odd sequence: a man.
    const stamp = Date.now();
    const name = `测试${stamp.toString(36).slice(-5)}`;
    const idNumber = idNumberFor('19900315', (stamp % 499) * 2 + 1);
    const masked = `${idNumber.slice(0, 6)}********${idNumber.slice(-4)}`;
    expect(masked).toMatch(/^511425\*{8}\d{3}[\dX]$/);

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    try {
      await loginThroughForm(page, server.baseUrl, 'xiangzhen', DEMO_PASSWORD);
      const [firstList] = await Promise.all([
        page.waitForResponse((response) => response.url().includes('/api/talent-ledger') && response.request().method() === 'GET'),
        page.getByRole('menuitem', { name: '人才台账' }).click(),
      ]);
      expect(firstList.status()).toBe(200);
      await page.waitForURL('**/talent-ledger');

      await page.getByRole('button', { name: '新增' }).click();
      const modal = page.locator('.ledger-entry-modal');
      await modal.getByText('新增人才台账人员').waitFor();

      // The village, found by typing its name into the unit picker.
      const unitField = modal.locator('.ant-form-item').filter({ has: page.locator('label[title="所在村（社区）"]') });
      await unitField.locator('.ant-select').click();
      const [searched] = await Promise.all([
        page.waitForResponse((response) => response.url().includes('/api/org-units/search')),
        page.keyboard.type(village.name),
      ]);
      expect(searched.status()).toBe(200);
      await page.locator('.ant-select-dropdown:visible .ant-select-tree-title', { hasText: village.name }).first().click();
      await unitField.locator('.ant-select-content', { hasText: village.name }).waitFor();

      await modal.getByLabel('姓名', { exact: true }).fill(name);
      await modal.getByLabel('身份证号码').fill(idNumber);
      await modal.getByLabel('联系电话').fill('13800001234');
      await chooseOption(page, selectLabelled(modal, '政治面貌'), '群众');
      await chooseOption(page, selectLabelled(modal, '学历'), '高中·中专');
      await chooseOption(page, selectLabelled(modal, '来源类别'), '退役军人');

      const [created] = await Promise.all([
        page.waitForResponse((response) => response.url().endsWith('/api/talent-ledger') && response.request().method() === 'POST').catch(async (error: unknown) => {
          // No request: say which field the form refused, rather than only that time ran out.
          const problems = await modal.locator('.ant-form-item-explain-error').allInnerTexts();
          throw new Error(`保存没有发出请求；表单提示：${problems.join('；') || '无'}（${String(error)}）`);
        }),
        modal.getByRole('button', { name: '保存' }).click(),
      ]);
      const body = (await created.json()) as { entry?: { person: { id: string; idNumberMasked: string } }; message?: string };
      expect(created.status(), body.message).toBe(201);
      expect(body.entry?.person.idNumberMasked).toBe(masked);

      // Find the new row among the demo's people by searching for the name.
      const [filtered] = await Promise.all([
        page.waitForResponse((response) => response.url().includes('/api/talent-ledger?') && response.url().includes('search=')),
        (async () => {
          await page.getByPlaceholder('姓名，或完整的 18 位身份证号').fill(name);
          await page.getByRole('button', { name: '查询' }).click();
        })(),
      ]);
      expect(filtered.status()).toBe(200);

      // The new row: ID number masked (6 digits, 8 asterisks, 4), phone masked, the full numbers nowhere.
      const row = page.locator('.talent-ledger-table .ant-table-row', { hasText: name });
      await row.waitFor();
      await expect.poll(() => row.locator('.masked-id').innerText()).toBe(masked);
      const rowText = await row.innerText();
      expect(rowText).toContain('138****1234');
      expect(rowText).toContain(village.name);
      expect(rowText).toContain('退役军人');
      expect(rowText).not.toContain(idNumber);
      expect(await page.locator('body').innerText()).not.toContain(idNumber);
      await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'talent-ledger.png'), fullPage: true });

      // The person file shows the masked number too.
      const [personResponse] = await Promise.all([
        page.waitForResponse((response) => /\/api\/people\/[0-9a-f-]+$/.test(response.url())),
        row.getByRole('link', { name }).click(),
      ]);
      expect(personResponse.status()).toBe(200);
      await page.waitForURL(`**/people/${body.entry!.person.id}`);
      await page.getByRole('heading', { name: `人员档案：${name}` }).waitFor();
      expect((await page.locator('.person-id-number').innerText()).trim()).toBe(masked);
      const fileText = await page.locator('.person-page').innerText();
      expect(fileText).toContain('138****1234');
      expect(fileText).toContain('1990-03-15');
      expect(fileText).not.toContain(idNumber);
      await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'person-file.png'), fullPage: true });
    } finally {
      await context.close();
    }
  });

  it('works at phone width: the ledger does not scroll sideways and the form is one column', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', isMobile: true, hasTouch: true });
    const page = await context.newPage();
    try {
      await loginThroughForm(page, server.baseUrl, 'xiangzhen', DEMO_PASSWORD);
      await Promise.all([
        page.waitForResponse((response) => response.url().includes('/api/talent-ledger') && response.request().method() === 'GET'),
        page.goto(`${server.baseUrl}/talent-ledger`),
      ]);
      await page.locator('.talent-ledger-table').waitFor();
      const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      expect(widths.scroll).toBeLessThanOrEqual(390);

      await page.getByRole('button', { name: '新增' }).click();
      const modal = page.locator('.ledger-entry-modal');
      await modal.getByLabel('姓名', { exact: true }).waitFor();
      // Measure once the modal's zoom-in has finished.
      await expect.poll(() => modal.getAttribute('class')).not.toContain('ant-zoom');
      const fieldBox = (label: string) => modal.locator('.ant-form-item').filter({ has: page.locator(`label[title="${label}"]`) }).boundingBox();
      const nameBox = await fieldBox('姓名');
      const idBox = await fieldBox('身份证号码');
      expect(nameBox && idBox).toBeTruthy();
      // One column: the ID number's field sits below the name's, not beside it.
      expect(idBox!.y).toBeGreaterThan(nameBox!.y + nameBox!.height);
      expect(Math.abs(idBox!.x - nameBox!.x)).toBeLessThan(2);
      await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'talent-ledger-mobile.png'), fullPage: true });
    } finally {
      await context.close();
    }
  });

  it('exports the village\'s ledger with full numbers, and imports the edited file through the import wizard', async () => {
    const session = await ApiSession.login(server.baseUrl, 'xiangzhen', DEMO_PASSWORD);
    const before = await session.get<{ total: number; entries: { person: { name: string; education: string } }[] }>(`/api/talent-ledger?orgCode=${village.code}&pageSize=200`);
    expect(before.total).toBeGreaterThan(0);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
    const page = await context.newPage();
    try {
      await loginThroughForm(page, server.baseUrl, 'xiangzhen', DEMO_PASSWORD);
      await page.goto(`${server.baseUrl}/talent-ledger?orgCode=${village.code}`);
      await page.locator('.talent-ledger-table .ant-table-row').first().waitFor();
      await page.getByText('包含完整身份证号和电话').click();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出台账' }).click()]);
      expect(download.suggestedFilename()).toMatch(/人才资源台账_\d{4}-\d{2}-\d{2}\.xlsx$/);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile((await download.path())!);
      const sheet = workbook.worksheets[0]!;
      const headers = (sheet.getRow(3).values as unknown[]).map((value) => String(value ?? ''));
      const column = (header: string) => headers.indexOf(header);
      expect(sheet.rowCount - 3).toBe(before.total);
      // Full ID numbers, since the box was ticked by a role that may see them.
      expect(String(sheet.getCell(4, column('身份证号码')).value)).toMatch(/^\d{17}[\dX]$/);

      // Raise the first person's education and import the file back into the same village.
      const name = String(sheet.getCell(4, column('姓名')).value);
      const education = before.entries.find((entry) => entry.person.name === name)!.person.education === 'postgraduate' ? '本科' : '研究生';
      sheet.getCell(4, column('学历')).value = education;
      const edited = path.join(ARTIFACTS_DIR, `ledger-edited-${Date.now()}.xlsx`);
      await workbook.xlsx.writeFile(edited);

      await page.getByRole('button', { name: '导入台账' }).click();
      const modal = page.locator('.roster-import-modal');
      await modal.getByText('导入人才台账').waitFor();
      await modal.locator('input[type=file]').setInputFiles(edited);
      const [response] = await Promise.all([
        page.waitForResponse((candidate) => candidate.url().includes('/api/talent-ledger/import')),
        modal.getByRole('button', { name: '开始导入' }).click(),
      ]);
      expect(response.status()).toBe(200);
      await modal.getByText('导入成功').waitFor();
      const count = (title: string) => modal.locator('.import-counts .ant-statistic').filter({ hasText: title }).locator('.ant-statistic-content-value').textContent();
      expect([await count('共计'), await count('新增'), await count('更新'), await count('无变化')]).toEqual([String(before.total), '0', '1', String(before.total - 1)]);
      await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'talent-ledger-import.png') });
      await modal.getByRole('button', { name: '完成' }).click();
      // The list on screen was refreshed: the person now shows the new education.
      await page.locator('.talent-ledger-table .ant-table-row', { hasText: name }).filter({ hasText: education }).waitFor();
      fs.rmSync(edited, { force: true });
    } finally {
      await context.close();
    }
  });
});
