import fs from 'node:fs';
import { expect, it } from 'vitest';
import { launchBrowser, loginThroughForm } from './browser.ts';
const B = 'http://127.0.0.1:3477';
it('flows', async () => {
  const browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text()); });
  await loginThroughForm(page, B, 'xiangzhen', 'Demo12345');
  await page.goto(`${B}/reserves`);
  await page.getByRole('button', { name: '导入名册' }).click();
  const modal = page.locator('.roster-import-modal');
  await modal.locator('.ant-select').click();
  await page.keyboard.type('西龙镇');
  await page.locator('.ant-select-dropdown:visible .ant-select-tree-title', { hasText: '西龙镇' }).first().click();
  // bad file first
  await modal.locator('input[type=file]').setInputFiles('/tmp/bad.xlsx');
  const [bad] = await Promise.all([page.waitForResponse((r) => r.url().includes('/api/roster/import')), modal.getByRole('button', { name: '开始导入' }).click()]);
  console.log('bad', bad.status(), bad.url(), page.url()); await page.screenshot({ path: '/tmp/shots/after-bad.png' });
  await modal.getByText('文件中有错误，未导入任何数据').waitFor();
  await page.waitForTimeout(400);
  await page.screenshot({ path: '/tmp/shots/import-rejected.png' });
  const [download] = await Promise.all([page.waitForEvent('download'), modal.getByRole('button', { name: '下载标注错误的文件' }).click()]);
  console.log('marked file', download.suggestedFilename());
  await modal.getByRole('button', { name: '修改后重新选择文件' }).click();
  await modal.locator('input[type=file]').setInputFiles('/tmp/good.xlsx');
  const [good] = await Promise.all([page.waitForResponse((r) => r.url().includes('/api/roster/import')), modal.getByRole('button', { name: '开始导入' }).click()]);
  console.log('good', good.status());
  await modal.getByText('导入成功').waitFor();
  await page.waitForTimeout(400);
  await page.screenshot({ path: '/tmp/shots/import-ok.png' });
  await modal.getByRole('button', { name: '完成' }).click();
  await page.waitForURL('**/reserves');
  await page.locator('.reserves-table .ant-table-row', { hasText: '赵一' }).waitFor();
  // export
  await page.getByText('包含完整身份证号和电话').click();
  const [exp] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出名册' }).click()]);
  console.log('export', exp.suggestedFilename());
  await exp.saveAs('/tmp/export-ui.xlsx');
  // filters in URL
  await page.getByLabel('姓名或身份证号').fill('赵');
  await page.getByRole('button', { name: '查询' }).click();
  await page.waitForURL(/search=/);
  console.log('url', page.url(), await page.locator('.reserves-table .ant-table-row').count());
  // sort by age
  await page.locator('.reserves-table th', { hasText: '年龄' }).click();
  await page.waitForURL(/sortBy=age/);
  console.log('url2', page.url());
  // person: edit + version conflict
  await page.locator('.reserves-table .ant-table-row', { hasText: '赵一' }).getByRole('link', { name: '赵一' }).click();
  await page.waitForURL('**/people/**');
  await page.getByRole('button', { name: '编辑' }).click();
  const drawer = page.locator('.person-edit-drawer');
  await drawer.getByLabel('专长').fill('电商');
  const [saved] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'PATCH'), drawer.getByRole('button', { name: '保存' }).click()]);
  console.log('patch', saved.status());
  await page.locator('.person-page').getByText('电商').waitFor();
  // stale edit: change via API in another session, then save in UI
  await page.getByRole('button', { name: '编辑' }).click();
  const id = page.url().split('/').pop()!;
  const other = await page.request.get(`${B}/api/people/${id}`);
  const p = await other.json() as Record<string, unknown>;
  const body = Object.fromEntries(['name','gender','birthDate','politicalStatus','education','specialties'].map((k) => [k, p[k]]));
  const r2 = await page.request.patch(`${B}/api/people/${id}`, { data: { ...body, specialties: '直播', version: p.version } });
  console.log('concurrent patch', r2.status());
  await drawer.getByLabel('专长').fill('养殖');
  const [conflict] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'PATCH'), drawer.getByRole('button', { name: '保存' }).click()]);
  console.log('conflict', conflict.status());
  await page.locator('.person-page').getByText('直播').waitFor();
  console.log('drawer visible after conflict', await drawer.isVisible());
  // bad edit: invalid birth date mismatch
  await page.getByRole('button', { name: '编辑' }).click();
  await drawer.getByLabel('出生日期').fill('1990-01-01');
  await drawer.getByRole('button', { name: '保存' }).click();
  await drawer.locator('.form-error-alert').waitFor();
  await page.waitForTimeout(400);
  await page.screenshot({ path: '/tmp/shots/edit-error.png' });
  console.log('alert', await drawer.locator('.form-error-alert').innerText());
  await drawer.getByRole('button', { name: '取消' }).click();
  // photo
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360f8cfc0f01f0005000201ffa2a3f3b50000000049454e44ae426082', 'hex');
  fs.writeFileSync('/tmp/p.png', png);
  const [up] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'PUT'), page.locator('.person-photo-box input[type=file]').setInputFiles('/tmp/p.png')]);
  console.log('photo', up.status());
  await page.locator('img.person-photo').waitFor();
  const natural = await page.locator('img.person-photo').evaluate((img: HTMLImageElement) => new Promise((res) => { if (img.complete) res(img.naturalWidth); else img.onload = () => res(img.naturalWidth); }));
  console.log('photo natural width', natural);
  // reserve create from ledger person (赵一 already reserve -> try from ledger)
  await page.goto(`${B}/audit-events`);
  await page.locator('.ant-table-row').first().waitFor();
  await page.screenshot({ path: '/tmp/shots/audit.png' });
  console.log(errors.join('\n'));
  expect(true).toBe(true);
  await browser.close();
}, 120000);
