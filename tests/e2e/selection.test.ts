import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ageOn } from '../../src/domain/dates.ts';
import { educationRank } from '../../src/domain/eligibility.ts';
import { idNumberCheckCharacter } from '../../src/domain/id-number.ts';
import { DEMO_PASSWORD, startServer, type ServerProcess } from '../helpers/server-process.ts';
import { ARTIFACTS_DIR, launchBrowser, loginThroughForm, type OrgUnitView } from './browser.ts';
import { Http, responseOf } from './http.ts';
import { sendToJointReview } from './seed-selection.ts';

interface PersonView { id: string; name: string; birthDate: string; politicalStatus: string; education: string }
interface LedgerView { entries: { orgCode: string; sourceCategory: string; person: PersonView }[] }
interface CandidateView { id: string; orgCode: string; version: number; stage: string; jointReviewDepartments: string[]; person: PersonView }
interface PolicyView { rules: { requiredPoliticalStatuses: string[]; minimumEducation: string; maximumAge: number; referenceDate: string } }

interface Seeded { id: string; name: string; orgCode: string; ageOnReference: number }

const today = new Date().toISOString().slice(0, 10);

describe('selection: board, candidate, policy preview and joint review inbox', () => {
  let server: ServerProcess;
  let browser: Browser;
  /** At 资格审查: the township reviews it in the browser. */
  let reviewed: Seeded;
  /** Sent to 纪检监察机关 for joint review over HTTP: the department answers in the browser. */
  let sent: Seeded;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const township = await Http.login(server.baseUrl, 'xiangzhen');
    const county = await Http.login(server.baseUrl, 'zuzhibu');
    const [townshipUnit] = await township.get<OrgUnitView[]>('/api/org-units/roots');
    expect(townshipUnit?.level).toBe('township');
    const townshipCode = townshipUnit!.code;

    // Two new people in the first village's talent ledger who meet the default policy (中共党员, 本科, 35 or so).
    const villages = (await township.get<OrgUnitView[]>(`/api/org-units/${townshipCode}/children`)).filter((unit) => unit.level === 'village');
    expect(villages.length, 'the demo township has villages').toBeGreaterThan(0);
    const policy = await county.get<PolicyView>(`/api/eligibility-policies/effective?orgCode=${townshipCode}`);
    const stamp = Date.now();
    const addToLedger = async (index: number): Promise<LedgerView['entries'][number]> => {
      const birthDate = `1990051${index}`;
      const first17 = `511425${birthDate}${String(((stamp + index) % 499) * 2 + 1).padStart(3, '0')}`;
      const created = await township.call<{ entry: LedgerView['entries'][number] }>('POST', '/api/talent-ledger', {
        orgCode: villages[0]!.code,
        person: {
          name: `选拔${index === 1 ? '甲' : '乙'}${stamp.toString(36).slice(-4)}`,
          birthDate: `1990-05-1${index}`,
          idNumber: first17 + idNumberCheckCharacter(first17),
          politicalStatus: 'fullMember',
          partyJoinDate: '2015-07-01',
          education: 'bachelor',
        },
        sourceCategory: 'graduate',
      }, 201);
      return created.entry;
    };
    const eligible = [await addToLedger(1), await addToLedger(2)];
    const { rules } = policy;
    for (const { person } of eligible) {
      expect(rules.requiredPoliticalStatuses.length === 0 || rules.requiredPoliticalStatuses.includes(person.politicalStatus)).toBe(true);
      expect(educationRank(person.education)).toBeGreaterThanOrEqual(educationRank(rules.minimumEducation));
      expect(ageOn(person.birthDate, rules.referenceDate)).toBeLessThanOrEqual(rules.maximumAge);
    }

    const nominate = async (entry: LedgerView['entries'][number]): Promise<CandidateView> => township.call<CandidateView>('POST', '/api/selection-candidates', {
      orgCode: entry.orgCode,
      personId: entry.person.id,
      channel: 'organization',
      profile: 'mature',
      targetPost: 'committeeMember',
      sourceCategory: entry.sourceCategory,
      nominatedOn: today,
      meeting: { kind: '村党组织委员会会议', heldOn: today, minutes: '研究推荐后备力量人选' },
    }, 201);
    const seeded = (candidate: CandidateView): Seeded => ({ id: candidate.id, name: candidate.person.name, orgCode: candidate.orgCode, ageOnReference: ageOn(candidate.person.birthDate, rules.referenceDate) });

    reviewed = seeded(await nominate(eligible[0]!));

    // The second goes through every step up to the joint review over HTTP.
    const entry = eligible[1]!;
    const candidate = await sendToJointReview(township, townshipCode, await nominate(entry), today);
    sent = seeded(candidate);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the township sees the board, opens a candidate, records the qualification review and sees it in the history', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    try {
      await loginThroughForm(page, server.baseUrl, 'xiangzhen', DEMO_PASSWORD);
      const board = await responseOf(page, 'GET', /^\/api\/selection-board$/, () => page.getByRole('menuitem', { name: '选拔工作' }).click());
      expect(board.status()).toBe(200);

      const reviewColumn = page.locator('.board-column[data-stage="qualificationReview"]');
      const card = reviewColumn.locator('.candidate-card', { hasText: reviewed.name });
      await card.waitFor();
      expect(await reviewColumn.locator('.board-column-title').innerText()).toBe('资格审查');
      await page.locator('.board-column[data-stage="jointReview"] .candidate-card', { hasText: sent.name }).waitFor();
      // The village strip lists the township's villages with their counts.
      expect(await page.locator('.board-villages-table .ant-table-row').count()).toBeGreaterThan(0);
      await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'selection-board.png'), fullPage: true });

      const detail = await responseOf(page, 'GET', /^\/api\/selection-candidates\/[0-9a-f-]+$/, () => card.getByRole('link', { name: reviewed.name }).click());
      expect(detail.status()).toBe(200);
      await page.waitForURL(`**/selection/candidates/${reviewed.id}`);
      await page.getByRole('heading', { name: `人选：${reviewed.name}` }).waitFor();

      // Every rule passed, each with its sentence; the age rule names the limit.
      const verdicts = page.locator('.verdict-list li');
      expect(await verdicts.count()).toBeGreaterThanOrEqual(3);
      expect(await page.locator('.verdict-list li.verdict-failed').count()).toBe(0);
      expect(await verdicts.filter({ hasText: '年龄' }).innerText()).toMatch(/年龄 \d+ 岁，未超过 \d+ 周岁上限/);

      // Steps of later stages are disabled; the current one is offered.
      await expect.poll(() => page.locator('.action-buttons button[data-action="recordInterview"]').isDisabled()).toBe(true);
      const reviewButton = page.locator('.action-buttons button[data-action="reviewQualification"]');
      expect(await reviewButton.isEnabled()).toBe(true);
      await reviewButton.click();

      const modal = page.locator('.candidate-action-modal');
      await modal.getByText(`资格审查：${reviewed.name}`).waitFor();
      expect(await modal.locator('.exclusion-checklist .ant-checkbox-wrapper').count()).toBe(10);
      await modal.getByLabel('审查意见').fill('经核实，无负面清单情形，符合资格条件');
      const saved = await responseOf(page, 'POST', /\/qualification-review$/, () => modal.getByRole('button', { name: '提交' }).click());
      const body = (await saved.json()) as { stage?: string; message?: string };
      expect(saved.status(), body.message).toBe(200);
      expect(body.stage).toBe('democraticEvaluation');

      // The history shows the review with its notes; the candidate has moved on to 民主测评.
      const step = page.locator('.step-history .step-entry[data-action="reviewQualification"]');
      await step.waitFor();
      expect(await step.innerText()).toContain('经核实，无负面清单情形，符合资格条件');
      await page.locator('.stage-progress .stage-step.current', { hasText: '民主测评' }).waitFor();
      await page.locator('.candidate-action-modal').waitFor({ state: 'hidden' });
      await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'selection-candidate.png'), fullPage: true });
    } finally {
      await context.close();
    }
  });

  it('the organisation department previews a policy change and sees who would become ineligible', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    try {
      await loginThroughForm(page, server.baseUrl, 'zuzhibu', DEMO_PASSWORD);
      const effective = await responseOf(page, 'GET', /^\/api\/eligibility-policies\/effective$/, () => page.getByRole('menuitem', { name: '资格条件' }).click());
      expect(effective.status()).toBe(200);
      const maximumAge = page.getByLabel('年龄上限（周岁）');
      await expect.poll(() => maximumAge.inputValue()).toMatch(/^\d+$/);
      expect(await page.locator('.policy-source').innerText()).toContain('现行资格条件');

      // Below the age of the candidate reviewed above: the preview must list them as failing on age.
      await maximumAge.fill(String(reviewed.ageOnReference - 1));
      await maximumAge.blur();
      const preview = await responseOf(page, 'POST', /^\/api\/eligibility-policies\/preview$/, () => page.getByRole('button', { name: '预览影响' }).click());
      expect(preview.status()).toBe(200);
      // The whole county's reserves are re-evaluated too: find the candidate by name among them.
      expect(await page.locator('.policy-diff').innerText()).toMatch(/重新评估\s*\d+/);
      await page.getByPlaceholder('按姓名或村（社区）查找').fill(reviewed.name);
      const row = page.locator('.diff-ineligible .ant-table-row', { hasText: reviewed.name });
      await row.waitFor();
      expect(await row.innerText()).toContain('年龄');
      expect(await row.innerText()).toContain('选拔中的人选');
      await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'selection-policy-preview.png'), fullPage: true });
    } finally {
      await context.close();
    }
  });

  it('the joint-review department sees the candidate sent to it and answers 通过', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    try {
      await loginThroughForm(page, server.baseUrl, 'lianshen', DEMO_PASSWORD);
      // The home page has already read the inbox for its count: the inbox page may show it from there.
      await page.getByRole('menuitem', { name: '联审' }).click();
      await page.waitForURL('**/joint-reviews');
      const item = page.locator('.joint-review-item', { hasText: sent.name });
      await item.waitFor();
      expect(await item.innerText()).toContain('纪检监察机关');
      expect(await item.innerText()).toContain('待回复');

      await item.getByRole('button', { name: '回复' }).click();
      const modal = page.locator('.joint-review-modal');
      await modal.getByText(`联审回复：${sent.name}`).waitFor();
      await modal.getByText('通过', { exact: true }).click();
      await modal.getByLabel('审查意见').fill('未发现问题');
      const answered = await responseOf(page, 'POST', /\/api\/joint-reviews\/[0-9a-f-]+\/answer$/, () => modal.getByRole('button', { name: '提交' }).click());
      expect(answered.status()).toBe(200);
      // Answered: no longer among the pending ones, listed under 已通过.
      await item.waitFor({ state: 'detached' });
      await responseOf(page, 'GET', /^\/api\/joint-reviews$/, () => page.getByText('已通过', { exact: true }).click());
      expect(await page.locator('.joint-review-item', { hasText: sent.name }).innerText()).toContain('未发现问题');
    } finally {
      await context.close();
    }
  });

  it('the township records the village democratic evaluation, with the approval rate shown as the tallies are typed', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    try {
      await loginThroughForm(page, server.baseUrl, 'xiangzhen', DEMO_PASSWORD);
      await responseOf(page, 'GET', /^\/api\/selection-candidates$/, () => page.goto(`${server.baseUrl}/selection/evaluation?village=${reviewed.orgCode}`));
      const rows = page.locator('.tally-table .ant-table-row');
      await rows.filter({ hasText: reviewed.name }).waitFor();
      await page.getByLabel('参会人数').fill('40');
      // Every candidate of the village at this stage is tallied at the same meeting.
      for (const row of await rows.all()) {
        const inputs = row.locator('input');
        for (const [index, votes] of ['20', '10', '3', '1'].entries()) await inputs.nth(index).fill(votes);
      }
      // (20 + 10) / 34 = 88.2 %
      await expect.poll(() => rows.filter({ hasText: reviewed.name }).locator('.approval-rate').innerText()).toBe('有效票 34 张，好评率 88.2%');
      const saved = await responseOf(page, 'POST', /^\/api\/evaluation-meetings$/, () => page.getByRole('button', { name: '提交测评结果' }).click());
      const body = (await saved.json()) as { candidates?: { name: string; approvalRate: number }[]; message?: string };
      expect(saved.status(), body.message).toBe(200);
      expect(body.candidates?.find((entry) => entry.name === reviewed.name)?.approvalRate).toBe(88.2);
      await page.getByText('民主测评结果已记录').waitFor();
      expect(await page.locator('.ant-result-subtitle').innerText()).toContain(`${reviewed.name}：有效票 34 张，好评率 88.2%`);
    } finally {
      await context.close();
    }
  });

  it('works at phone width: the board and the candidate page do not scroll sideways', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', isMobile: true, hasTouch: true });
    const page = await context.newPage();
    try {
      await loginThroughForm(page, server.baseUrl, 'xiangzhen', DEMO_PASSWORD);
      await responseOf(page, 'GET', /^\/api\/selection-board$/, () => page.goto(`${server.baseUrl}/selection`));
      await page.locator('.board-column[data-stage="interview"] .candidate-card', { hasText: reviewed.name }).waitFor();
      const width = () => page.evaluate(() => document.documentElement.scrollWidth);
      expect(await width()).toBeLessThanOrEqual(390);
      // Columns stack: the second stage sits below the first.
      const first = await page.locator('.board-column').nth(0).boundingBox();
      const second = await page.locator('.board-column').nth(1).boundingBox();
      expect(second!.y).toBeGreaterThan(first!.y + first!.height - 1);
      await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'selection-board-mobile.png'), fullPage: true });

      await responseOf(page, 'GET', /^\/api\/selection-candidates\/[0-9a-f-]+$/, () => page.goto(`${server.baseUrl}/selection/candidates/${reviewed.id}`));
      await page.locator('.step-history').waitFor();
      expect(await width()).toBeLessThanOrEqual(390);
    } finally {
      await context.close();
    }
  });
});
