import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../src/server/access.ts';
import { createUser } from '../../src/modules/users/users.service.ts';
import { docxToPdf, pdfPageCount, pdfText, renderPdfPage } from '../helpers/pdf.ts';
import { addReserve, countAuditEvents, createTestWorld, TEST_PASSWORD, type TestWorld, testToday } from '../helpers/test-app.ts';
import { countyOf } from '../../src/db/distribution.ts';

const YEAR = 2026;
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const PAGE_PNG = path.resolve('test-artifacts/record-form-page1.png');

let world: TestWorld;
let township: string;
let reserve: Awaited<ReturnType<typeof addReserve>>;
let villageName: string;

/** A 150×200 PNG portrait: a grey head and shoulders on a light blue ground. */
function portraitPng(): Buffer {
  const width = 150;
  const height = 200;
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y += 1) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x += 1) {
      const isHead = (x - 75) ** 2 / 35 ** 2 + (y - 80) ** 2 / 45 ** 2 <= 1;
      const isShoulders = y > 135 && Math.abs(x - 75) < 20 + (y - 135) * 1.2;
      const colour = isHead ? [225, 190, 165] : isShoulders ? [40, 50, 70] : [190, 220, 245];
      row.set(colour, 1 + x * 3);
    }
    rows.push(row);
  }
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (data: Buffer) => {
    let c = 0xffffffff;
    for (const byte of data) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const check = Buffer.alloc(4);
    check.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, check]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function addUser(username: string, role: 'villageClerk' | 'mentor', orgCode: string): Promise<{ id: string; cookie: string }> {
  const { user } = await createUser(world.database.db, systemContext(testToday()), {
    username, displayName: username, orgCode, roles: [{ role, orgCode, department: null }], password: TEST_PASSWORD, mustChangePassword: false,
  });
  return { id: user.id, cookie: await world.login(username) };
}

/** A year of cultivation records for the reserve, written into the cultivation tables. */
async function seedCultivation(reserveId: string, orgCode: string, mentorUserId: string): Promise<void> {
  const db = world.database.db;
  const sessions = await db.insertInto('training_session').values([
    { org_code: world.countyCode, name: '后备干部集中轮训班', method: 'centralised', organiser: '县委组织部', start_date: '2026-03-05', end_date: '2026-03-09', days: 5, content: '乡村振兴政策与基层治理' },
    { org_code: world.townshipA.code, name: '党纪学习教育网络专题', method: 'online', organiser: '镇党委', start_date: '2026-06-12', end_date: '2026-06-12', days: 1, content: null },
    { org_code: world.townshipA.code, name: '上年度的培训不应出现', method: 'centralised', organiser: '镇党委', start_date: '2025-11-03', end_date: '2025-11-04', days: 2, content: null },
    { org_code: world.townshipA.code, name: '缺席的培训不应出现', method: 'fieldVisit', organiser: '镇党委', start_date: '2026-09-01', end_date: '2026-09-01', days: 1, content: null },
  ]).returning(['id', 'method', 'end_date', 'days']).execute();
  await db.insertInto('training_attendance').values(sessions.map((session, index) => ({
    session_id: session.id, reserve_id: reserveId, county_code: countyOf(orgCode), org_code: orgCode, attended: index !== 3, days_attended: index === 3 ? 0 : session.days, method: session.method, end_date: session.end_date,
  }))).execute();
  const assignment = await db.insertInto('mentoring_assignment').values({
    reserve_id: reserveId, county_code: countyOf(orgCode), org_code: orgCode, mentor_user_id: mentorUserId, mentor_name: '王建国', mentor_post: 'townshipLeader', mentor_title: '镇党委副书记', started_on: '2026-01-01',
  }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('mentoring_summary').values([
    { assignment_id: assignment.id, reserve_id: reserveId, county_code: countyOf(orgCode), org_code: orgCode, year: YEAR, quarter: 1, period_text: '1月15日、2月20日', content: '指导参与村务监督，学习会议记录规范', opinion: '积极主动，进步明显', recorded_by: 'mentor' },
    { assignment_id: assignment.id, reserve_id: reserveId, county_code: countyOf(orgCode), org_code: orgCode, year: YEAR, quarter: 3, period_text: null, content: '带领开展防汛入户走访', opinion: '作风扎实', recorded_by: 'mentor' },
    { assignment_id: assignment.id, reserve_id: reserveId, county_code: countyOf(orgCode), org_code: orgCode, year: YEAR, quarter: 4, period_text: null, content: '协助起草年度工作总结', opinion: '文字功底较好', recorded_by: 'mentor' },
  ]).execute();
  // The second quarter has a contact log but no summary: the form shows the contact.
  await db.insertInto('mentor_contact').values({
    assignment_id: assignment.id, reserve_id: reserveId, county_code: countyOf(orgCode), org_code: orgCode, contacted_on: '2026-05-08', form: 'talk', help_given: '谈心谈话了解思想动态', recorded_by: 'mentor',
  }).execute();
  await db.insertInto('practice_record').values([
    { reserve_id: reserveId, county_code: countyOf(orgCode), org_code: orgCode, kind: 'post', category: 'gridWorker', started_on: '2026-04-01', ended_on: '2026-09-30', content: '担任第三网格网格员', performance: '走访群众一百二十户', opinion: '表现优秀' },
    { reserve_id: reserveId, county_code: countyOf(orgCode), org_code: orgCode, kind: 'task', category: 'disputeMediation', started_on: '2024-01-01', ended_on: '2024-12-31', content: '前年的实践不应出现', performance: null, opinion: null },
  ]).execute();
  const quarterly = (assessor: 'village' | 'township', quarter: number, opinion: string) => ({
    reserve_id: reserveId, county_code: countyOf(orgCode), org_code: orgCode, kind: 'quarterly', assessor, year: YEAR, quarter, grade: null, opinion, assessed_on: `2026-${String(quarter * 3).padStart(2, '0')}-28`, recorded_by: 'towna',
  });
  await db.insertInto('assessment').values([
    quarterly('village', 1, '村一季度意见甲'), quarterly('village', 2, '村二季度意见乙'), quarterly('village', 3, '村三季度意见丙'), quarterly('village', 4, '村四季度意见丁'),
    quarterly('township', 1, '镇一季度意见子'), quarterly('township', 2, '镇二季度意见丑'), quarterly('township', 3, '镇三季度意见寅'), quarterly('township', 4, '镇四季度意见卯'),
    { reserve_id: reserveId, county_code: countyOf(orgCode), org_code: orgCode, kind: 'annual', assessor: 'township', year: YEAR, quarter: null, grade: 'excellent', opinion: '年度表现突出', assessed_on: '2026-12-20', recorded_by: 'towna' },
  ]).execute();
}

let mentor: { id: string; cookie: string };

beforeAll(async () => {
  world = await createTestWorld();
  township = await world.login('towna');
  reserve = await addReserve(world, township, world.townshipA.villageCode, { name: '李晓梅', sex: 'female', birthDate: '19900315' });
  const person = (await world.app.inject({ method: 'GET', url: `/api/people/${reserve.personId}`, headers: { cookie: township } })).json();
  const updated = await world.app.inject({
    method: 'PATCH', url: `/api/people/${reserve.personId}`, headers: { cookie: township },
    payload: {
      name: person.name, politicalStatus: person.politicalStatus, education: person.education, partyJoinDate: person.partyJoinDate, ethnicity: 'han', health: 'healthy',
      nativePlace: '四川青神', occupation: '个体经营', specialties: '电子商务', school: '四川农业大学', major: '茶学', workStartDate: '2012-09-01', version: person.version,
    },
  });
  expect(updated.statusCode).toBe(200);
  const photo = await world.app.inject({ method: 'PUT', url: `/api/people/${reserve.personId}/photo`, headers: { cookie: township, 'content-type': 'image/png' }, payload: portraitPng() });
  expect(photo.statusCode).toBe(204);
  mentor = await addUser('mentorwang', 'mentor', world.townshipA.code);
  await seedCultivation(reserve.reserveId, world.townshipA.villageCode, mentor.id);
  villageName = (await world.database.db.selectFrom('org_unit').select('name').where('code', '=', world.townshipA.villageCode).executeTakeFirstOrThrow()).name;
});
afterAll(async () => world.close());

const formUrl = (reserveId: string, query = `year=${YEAR}&format=docx`) => `/api/reserves/${reserveId}/record-form?${query}`;

describe('the 纪实表 record form of one reserve', () => {
  it('lays out every section of the paper form, with the photo, and LibreOffice prints it', async () => {
    const response = await world.app.inject({ method: 'GET', url: formUrl(reserve.reserveId), headers: { cookie: township } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(DOCX);
    const fileName = `${YEAR}年度纪实表-李晓梅-${villageName}.docx`;
    expect(response.headers['content-disposition']).toBe(`attachment; filename="record-form.docx"; filename*=UTF-8''${encodeURIComponent(fileName)}`);
    const docx = response.rawPayload;
    const media = Object.keys((await JSZip.loadAsync(docx)).files).filter((name) => name.startsWith('word/media/'));
    expect(media).toHaveLength(1);

    const pdf = docxToPdf(docx);
    expect(pdfPageCount(pdf)).toBe(2);
    renderPdfPage(pdf, PAGE_PNG, { dpi: 80 });
    const layout = pdfText(pdf, 'layout');
    if (process.env.RECORD_FORM_DUMP) fs.writeFileSync(process.env.RECORD_FORM_DUMP, `${layout}\n=====\n${pdfText(pdf, 'raw')}`);
    // Cells that wrap or stack (参加/培训/情况) are read in content order with spaces removed.
    const compact = pdfText(pdf, 'raw').replace(/\s+/g, '');

    expect(layout).toContain('村级后备干部日常管理纪实表');
    expect(layout).toMatch(new RegExp(`（${YEAR}\\s*年度）`));
    expect(layout).toMatch(new RegExp(`乡镇：${world.townshipA.name}\\s+村（社区）：${villageName}`));
    const labelRows = [
      ['姓名', '李晓梅', '性别', '女', '出生年月', '1990.03'],
      ['民族', '汉族', '籍贯', '四川青神', '出生地'],
      ['入党时间', '2015.07', '参加工作时间', '2012.09', '健康状况', '健康'],
      ['从事职业', '个体经营', '熟悉专业有何专长', '电子商务'],
      ['学历', '大专', '毕业院校及专业', '四川农业大学 茶学'],
      ['身份证号', `511425********${reserve.idNumber.slice(-4)}`, '电话号码', `${reserve.phone.slice(0, 3)}****${reserve.phone.slice(-4)}`],
    ];
    for (const cells of labelRows) expect(layout).toMatch(new RegExp(cells.map((text) => text.replace(/[.*]/g, '\\$&')).join('\\s+')));
    expect(layout).not.toContain(reserve.idNumber);
    expect(layout).not.toContain(reserve.phone);

    for (const text of ['参加培训情况培训方式培训时间培训天数培训内容', '集中培训2026.03.05—03.095后备干部集中轮训班：乡村振兴政策与基层治理', '网络培训2026.06.121党纪学习教育网络专题']) {
      expect(compact).toContain(text);
    }
    for (const absent of ['上年度的培训不应出现', '缺席的培训不应出现', '前年的实践不应出现']) expect(compact).not.toContain(absent);
    for (const text of [
      '结对帮扶情况帮扶时间帮扶责任人帮扶内容评定意见',
      '第一季度1月15日、2月20日王建国指导参与村务监督，学习会议记录规范积极主动，进步明显',
      '第二季度05.08王建国05.08谈心谈话：谈心谈话了解思想动态',
      '第三季度王建国带领开展防汛入户走访作风扎实',
      '第四季度王建国协助起草年度工作总结文字功底较好',
      '参加实践锻炼情况具体内容主要表现评定意见担任第三网格网格员（2026.04—2026.09）走访群众一百二十户表现优秀',
      '村（社区）评定意见第一季度第二季度第三季度第四季度村一季度意见甲村二季度意见乙村三季度意见丙村四季度意见丁',
      '乡镇评定意见第一季度第二季度第三季度第四季度镇一季度意见子镇二季度意见丑镇三季度意见寅镇四季度意见卯',
      '年度考核结果优秀年度表现突出',
    ]) expect(compact).toContain(text);
    // The quarterly opinion headers stand side by side on one printed line.
    expect(layout).toMatch(/第一季度\s+第二季度\s+第三季度\s+第四季度/);
  });

  it('serves the same form as PDF', async () => {
    const response = await world.app.inject({ method: 'GET', url: formUrl(reserve.reserveId, `year=${YEAR}&format=pdf`), headers: { cookie: township } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toContain(encodeURIComponent(`${YEAR}年度纪实表-李晓梅-${villageName}.pdf`));
    expect(response.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const compact = pdfText(response.rawPayload, 'raw').replace(/\s+/g, '');
    expect(compact).toContain('村级后备干部日常管理纪实表');
    expect(compact).toContain('年度考核结果优秀年度表现突出');
  });

  it('prints the full ID number and phone only when asked by a role that may see them, and records it', async () => {
    const before = await countAuditEvents(world.database);
    const full = await world.app.inject({ method: 'GET', url: formUrl(reserve.reserveId, `year=${YEAR}&includeSensitive=true`), headers: { cookie: township } });
    expect(full.statusCode).toBe(200);
    const documentXml = await (await JSZip.loadAsync(full.rawPayload)).file('word/document.xml')!.async('string');
    expect(documentXml).toContain(reserve.idNumber);
    expect(documentXml).toContain(reserve.phone);
    expect(await countAuditEvents(world.database)).toBe(before + 1);
    const event = await world.database.db.selectFrom('audit_event').select(['action', 'entity_id', 'summary']).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(event).toEqual({ action: 'person.reveal', entity_id: reserve.personId, summary: `导出 ${YEAR} 年度纪实表时打印了 李晓梅 的完整身份证号码和联系电话` });

    const clerk = await world.login('villagea');
    const masked = await world.app.inject({ method: 'GET', url: formUrl(reserve.reserveId), headers: { cookie: clerk } });
    expect(masked.statusCode).toBe(200);
    const maskedXml = await (await JSZip.loadAsync(masked.rawPayload)).file('word/document.xml')!.async('string');
    expect(maskedXml).not.toContain(reserve.idNumber);
    expect(maskedXml).toContain(`511425********${reserve.idNumber.slice(-4)}`);
    const refused = await world.app.inject({ method: 'GET', url: formUrl(reserve.reserveId, `year=${YEAR}&includeSensitive=true`), headers: { cookie: clerk } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toBe('您没有在纪实表中打印完整身份证号码和联系电话的权限，请去掉「包含完整身份证号码和电话」（includeSensitive）后再导出');
    expect(await countAuditEvents(world.database)).toBe(before + 1);
  });

  it('is refused to a clerk of another village and to another township, and served to the assigned mentor only', async () => {
    const otherVillage = world.townshipA.villageCodes.find((code) => code !== world.townshipA.villageCode)!;
    const otherClerk = await addUser('clerkother', 'villageClerk', otherVillage);
    for (const cookie of [otherClerk.cookie, await world.login('townb')]) {
      const response = await world.app.inject({ method: 'GET', url: formUrl(reserve.reserveId), headers: { cookie } });
      expect(response.statusCode).toBe(404);
      expect(response.json()).toEqual({ code: 'NOT_FOUND', message: '后备力量不存在或不在您的管理范围内' });
    }
    expect((await world.app.inject({ method: 'GET', url: formUrl(reserve.reserveId), headers: { cookie: mentor.cookie } })).statusCode).toBe(200);
    const townB = await addReserve(world, await world.login('admin'), world.townshipB.villageCode, { name: '乙镇后备' });
    for (const query of ['format=docx', 'format=pdf', 'includeSensitive=true']) {
      expect((await world.app.inject({ method: 'GET', url: formUrl(townB.reserveId, query), headers: { cookie: township } })).statusCode).toBe(404);
    }
    const otherMentor = await addUser('mentorli', 'mentor', world.townshipA.code);
    expect([403, 404]).toContain((await world.app.inject({ method: 'GET', url: formUrl(reserve.reserveId), headers: { cookie: otherMentor.cookie } })).statusCode);
  });

  it('answers bad parameters with a Chinese message', async () => {
    const badFormat = await world.app.inject({ method: 'GET', url: formUrl(reserve.reserveId, 'year=2026&format=xls'), headers: { cookie: township } });
    expect(badFormat.statusCode).toBe(400);
    expect(badFormat.json().message).toContain('格式只能是 docx（Word）或 pdf');
    const badYear = await world.app.inject({ method: 'GET', url: formUrl(reserve.reserveId, 'year=1999'), headers: { cookie: township } });
    expect(badYear.statusCode).toBe(400);
    expect(badYear.json().message).toContain('年度应在 2000 至 2100 之间');
  });

  it('says in Chinese that PDF needs LibreOffice when it is missing', async () => {
    process.env.SOFFICE_PATH = '/nonexistent/soffice';
    try {
      const response = await world.app.inject({ method: 'GET', url: formUrl(reserve.reserveId, `year=${YEAR}&format=pdf`), headers: { cookie: township } });
      expect(response.statusCode).toBe(503);
      expect(response.json().message).toBe('服务器未安装 LibreOffice，无法生成 PDF；请下载 Word 格式（format=docx），或请管理员安装 libreoffice-writer');
    } finally {
      delete process.env.SOFFICE_PATH;
    }
  });
});

describe('record forms of a village in a zip', () => {
  it('holds one file per admitted reserve of the unit', async () => {
    const second = await addReserve(world, township, world.townshipA.villageCode, { name: '张卫东' });
    const removed = await addReserve(world, township, world.townshipA.villageCode, { name: '已调出者' });
    await world.database.db.updateTable('reserve').set({ status: 'removed' }).where('id', '=', removed.reserveId).execute();
    await addReserve(world, await world.login('admin'), world.townshipB.villageCode, { name: '乙镇人员' });

    const response = await world.app.inject({ method: 'GET', url: `/api/record-forms?orgCode=${world.townshipA.villageCode}&year=${YEAR}&format=pdf`, headers: { cookie: township } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/zip');
    expect(response.headers['content-disposition']).toContain(encodeURIComponent(`${YEAR}年度纪实表-${villageName}.zip`));
    const zip = await JSZip.loadAsync(response.rawPayload);
    const names = Object.keys(zip.files).sort();
    expect(names).toEqual([`${YEAR}年度纪实表-张卫东-${villageName}.pdf`, `${YEAR}年度纪实表-李晓梅-${villageName}.pdf`].sort());
    for (const [name, person] of [[names.find((item) => item.includes('张卫东'))!, '张卫东'], [names.find((item) => item.includes('李晓梅'))!, '李晓梅']] as const) {
      const pdf = await zip.file(name)!.async('nodebuffer');
      expect(pdfText(pdf, 'layout')).toMatch(new RegExp(`姓名\\s+${person}`));
    }
    expect(second.name).toBe('张卫东');

    const wholeTownship = await world.app.inject({ method: 'GET', url: `/api/record-forms?orgCode=${world.townshipA.code}&year=${YEAR}`, headers: { cookie: await world.login('county') } });
    expect(wholeTownship.statusCode).toBe(200);
    expect(Object.keys((await JSZip.loadAsync(wholeTownship.rawPayload)).files)).toHaveLength(2);
  });

  it('refuses another township, a unit above a township, and more reserves than the cap', async () => {
    for (const code of [world.townshipB.code, world.townshipB.villageCode, world.countyCode]) {
      const foreign = await world.app.inject({ method: 'GET', url: `/api/record-forms?orgCode=${code}&year=${YEAR}&format=pdf`, headers: { cookie: township } });
      expect(foreign.statusCode).toBe(404);
    }
    const county = await world.app.inject({ method: 'GET', url: `/api/record-forms?orgCode=${world.countyCode}&year=${YEAR}`, headers: { cookie: await world.login('county') } });
    expect(county.statusCode).toBe(400);
    expect(county.json().message).toContain('不是乡镇或村（社区）');

    const crowded = world.townshipA.villageCodes.filter((code) => code !== world.townshipA.villageCode)[1]!;
    const db = world.database.db;
    const people = await db.insertInto('person').values(Array.from({ length: 101 }, (_, index) => ({
      name: `批量${index}`, gender: 'male', birth_date: '1990-01-01', id_number_cipher: 'x', id_number_hash: `record-form-cap-${index}`, id_number_masked: '511425********0000',
      political_status: 'masses', education: 'bachelor',
    }))).returning('id').execute();
    await db.insertInto('reserve').values(people.map((person) => ({
      person_id: person.id, county_code: countyOf(crowded), org_code: crowded, status: 'admitted', target_post: 'committeeMember', readiness: 'longer', source_category: 'graduate',
    }))).execute();
    const tooMany = await world.app.inject({ method: 'GET', url: `/api/record-forms?orgCode=${crowded}&year=${YEAR}&format=pdf`, headers: { cookie: township } });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().message).toMatch(/有 101 名在库后备力量，超过一次最多导出 100 份 PDF纪实表的上限；请按村（社区）分别导出，或改为 Word 格式（上限 300 份）$/);
    const empty = world.townshipA.villageCodes.filter((code) => code !== world.townshipA.villageCode)[0]!;
    const none = await world.app.inject({ method: 'GET', url: `/api/record-forms?orgCode=${empty}&year=${YEAR}`, headers: { cookie: township } });
    expect(none.statusCode).toBe(404);
    expect(none.json().message).toContain('没有在库的后备力量');
  });
});
