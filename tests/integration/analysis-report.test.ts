import fs from 'node:fs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANALYSIS_SECTION_HEADINGS, ANALYSIS_SECTIONS } from '../../src/domain/analysis-report.ts';
import { takeSnapshots } from '../../src/modules/dashboard/take-snapshots.ts';
import { systemContext } from '../../src/server/access.ts';
import { docxToPdf, pdfText } from '../helpers/pdf.ts';
import { addReserve, countAuditEvents, createTestWorld, type TestWorld } from '../helpers/test-app.ts';

/**
 * The semiannual analysis report: the .docx opens in LibreOffice and converts to PDF, whose text
 * holds every section and the figures of the seeded data; the charts are images in the document;
 * headings can be replaced; generation is audited and scoped.
 */
let world: TestWorld;
let county: string;
let township: string;
let townshipB: string;
let clerk: string;
let auditor: string;
const TODAY = '2026-11-20';

type Json = Record<string, unknown>;

async function ok(cookie: string, method: 'POST' | 'PATCH', url: string, payload: object): Promise<Json> {
  const response = await world.app.inject({ method, url, headers: { cookie }, payload });
  if (response.statusCode >= 300) throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
  return response.json() as Json;
}

beforeAll(async () => {
  world = await createTestWorld({ today: TODAY });
  county = await world.login('county');
  township = await world.login('towna');
  townshipB = await world.login('townb');
  clerk = await world.login('villagea');
  auditor = await world.login('auditor');
  // Half year's baseline: one reserve on 1 July.
  const village = world.townshipA.villageCode;
  await addReserve(world, township, village, { name: '研一', birthDate: '19950101', sex: 'female', education: 'bachelor' });
  await takeSnapshots(world.database.db, systemContext('2026-07-01'), world.countyCode);
  await addReserve(world, township, village, { name: '研二', birthDate: '19800101' });
  const leaving = await addReserve(world, township, village, { name: '研三', birthDate: '19850101' });
  await addReserve(world, townshipB, world.townshipB.villageCode, { name: '研四', birthDate: '19900101' });
  // A removal approved in the half year.
  const removal = await ok(clerk, 'POST', '/api/reserve-removals', { reserveId: leaving.reserveId, reasonCode: 'poorPerformance', reasonText: '连续两个季度未参加村务工作', proposedOn: '2026-11-18' });
  await ok(township, 'POST', `/api/reserve-removals/${String(removal.id)}/decision`, { decision: 'approve', decidedOn: '2026-11-19', version: removal.version });
  // An appointment that took effect in the half year.
  const appointed = await addReserve(world, township, village, { name: '任用甲', birthDate: '19920303' });
  await ok(township, 'PATCH', `/api/reserves/${appointed.reserveId}`, { readiness: 'readyNow', version: 1 });
  const vacancy = await ok(township, 'POST', '/api/vacancies', { orgCode: village, committee: 'party', post: 'member', openedOn: '2026-09-01', cause: '委员辞职' });
  const recommended = await ok(clerk, 'POST', '/api/appointments', { vacancyId: vacancy.id, reserveId: appointed.reserveId, termYear: 2021, recommendedOn: '2026-09-02', basis: '村党支部会议推荐' });
  const steps = `/api/appointments/${String(recommended.id)}/steps`;
  const approved = await ok(township, 'POST', steps, { action: 'approve', occurredOn: '2026-09-03', version: recommended.version });
  const filed = await ok(county, 'POST', steps, { action: 'file', occurredOn: '2026-09-04', version: approved.version });
  const noticed = await ok(township, 'POST', steps, { action: 'startNotice', occurredOn: '2026-09-07', version: filed.version, noticeStarts: [{ orgCode: village, startsOn: '2026-09-07' }] });
  await ok(township, 'POST', steps, { action: 'takeEffect', occurredOn: '2026-09-14', version: noticed.version });
  await ok(county, 'POST', '/api/campaigns', {
    orgCode: world.countyCode, name: '村级党组织书记后备力量培育储备三年行动', startYear: 2026, startedOn: '2026-01-01', matureReservesDeadline: '2026-12-31', secretaryCollegeShare: 60, secretaryAverageAge: 45,
  });
});
afterAll(async () => world.close());

const generate = (cookie: string, orgCode: string, payload: object) => world.app.inject({ method: 'POST', url: `/api/analysis-reports/${orgCode}`, headers: { cookie }, payload });

describe('the analysis report', () => {
  it('converts to PDF with every section, the figures and the chart images, and is audited', async () => {
    const events = await countAuditEvents(world.database);
    const response = await generate(county, world.countyCode, { year: 2026, half: 2, format: 'docx', headings: { attention: '八、亟待补强的村' } });
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    expect(response.headers['content-type']).toContain('wordprocessingml');
    expect(response.headers['content-disposition']).toContain(encodeURIComponent('2026年下半年综合分析研判报告.docx'));
    expect(await countAuditEvents(world.database)).toBe(events + 1);

    const docx = response.rawPayload;
    const media = Object.keys((await JSZip.loadAsync(docx)).files).filter((name) => name.startsWith('word/media/') && name.endsWith('.png'));
    expect(media).toHaveLength(6);

    const pdf = docxToPdf(docx);
    if (process.env.ANALYSIS_REPORT_DUMP) fs.writeFileSync(process.env.ANALYSIS_REPORT_DUMP, pdf);
    const text = pdfText(pdf, 'raw').replace(/\s+/g, '');
    for (const section of ANALYSIS_SECTIONS.filter((entry) => entry !== 'attention')) expect(text).toContain(ANALYSIS_SECTION_HEADINGS[section].replace(/\s+/g, ''));
    expect(text).toContain('八、亟待补强的村');
    expect(text).not.toContain(ANALYSIS_SECTION_HEADINGS.attention);
    // Now: 研一, 研二 and 研四 in the pool (研三 removed, 任用甲 appointed); on 1 July: 研一.
    expect(text).toContain('共有在库后备力量3名');
    expect(text).toContain('后备力量较半年初增加2人');
    expect(text).toContain('经乡镇党委批准调整出库的后备力量1名');
    expect(text).toContain('现实表现不好');
    expect(text).toContain('择优选用后备力量进入村“两委”班子1名');
    expect(text).toContain('任用甲');
    expect(text).toContain('村级党组织书记后备力量培育储备三年行动');
    expect(text).toContain(`${world.townshipA.name}`);
    expect(text).toContain(`${world.townshipB.name}`);
  }, 180_000);

  it('comes as PDF for a township, with its own title, showing only its own subtree', async () => {
    const response = await generate(township, world.townshipA.code, { year: 2026, half: 2, format: 'pdf', title: '某镇后备力量研判' });
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const text = pdfText(response.rawPayload, 'raw').replace(/\s+/g, '');
    expect(text).toContain('某镇后备力量研判');
    expect(text).toContain('共有在库后备力量2名');
    expect(text).not.toContain('研四');
  }, 180_000);

  it('is readable by the auditor, refused outside the caller\'s unit, for a village and for a half year not begun', async () => {
    expect((await generate(auditor, world.townshipA.code, { year: 2026, half: 1 })).statusCode).toBe(200);
    const events = await countAuditEvents(world.database);
    expect((await generate(townshipB, world.townshipA.code, { year: 2026, half: 2 })).statusCode).toBe(404);
    const village = await generate(township, world.townshipA.villageCode, { year: 2026, half: 2 });
    expect(village.statusCode).toBe(400);
    expect(village.json().message).toBe('综合分析研判报告按县（区）或乡镇（街道）生成，请选择县或乡镇');
    const future = await generate(township, world.townshipA.code, { year: 2027, half: 1 });
    expect(future.statusCode).toBe(400);
    expect(future.json().message).toBe('2027 年上半年尚未开始（今天是 2026-11-20），请选择已开始的半年');
    const badHalf = await generate(township, world.townshipA.code, { year: 2026, half: 3 });
    expect(badHalf.statusCode).toBe(400);
    expect(badHalf.json().message).toContain('半年只能是 1（上半年）或 2（下半年）');
    expect(await countAuditEvents(world.database)).toBe(events);
  }, 120_000);
});
