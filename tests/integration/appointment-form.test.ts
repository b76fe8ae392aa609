import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseLrmx as parse } from '../helpers/lrmx.ts';
import { addReserve, countAuditEvents, createTestWorld, type TestWorld } from '../helpers/test-app.ts';

/** The .lrmx of a reserve: well-formed XML with the person file's facts; the ID number masked unless revealed, and audited. */
let world: TestWorld;
let township: string;
let townshipB: string;
let auditor: string;
let reserve: Awaited<ReturnType<typeof addReserve>>;
const TODAY = '2026-11-20';
const PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

beforeAll(async () => {
  world = await createTestWorld({ today: TODAY });
  township = await world.login('towna');
  townshipB = await world.login('townb');
  auditor = await world.login('auditor');
  reserve = await addReserve(world, township, world.townshipA.villageCode, { name: '任免甲', birthDate: '19900315', sex: 'female' });
  const updated = await world.app.inject({
    method: 'PATCH', url: `/api/people/${reserve.personId}`, headers: { cookie: township },
    payload: {
      name: '任免甲', politicalStatus: 'fullMember', partyJoinDate: '2012.06', education: 'bachelor', school: '四川农业大学', major: '农学', ethnicity: 'han',
      nativePlace: '四川青神', birthplace: '四川眉山', workStartDate: '2012.07', presentPosition: '村委会委员',
      workHistory: [{ from: '2016.09', place: '本村', role: '村委会委员' }, { from: '2012.07', to: '2016.09', place: '青神县某合作社', role: '技术员' }],
      familyMembers: [{ relation: '丈夫', name: '王强', workUnit: '青神县某公司职员', politicalStatus: 'masses' }],
      version: 1,
    },
  });
  expect(updated.statusCode, updated.body).toBe(200);
  expect(updated.json().birthplace).toBe('四川眉山');
  const photo = await world.app.inject({ method: 'PUT', url: `/api/people/${reserve.personId}/photo`, headers: { cookie: township, 'content-type': 'image/png' }, payload: PHOTO });
  expect(photo.statusCode).toBe(204);
});
afterAll(async () => world.close());


const exportForm = (cookie: string, query = '') => world.app.inject({ method: 'GET', url: `/api/reserves/${reserve.reserveId}/appointment-form${query}`, headers: { cookie } });

async function lastActions(count: number): Promise<string[]> {
  const { rows } = await sql<{ action: string }>`SELECT action FROM audit_event ORDER BY id DESC LIMIT ${count}`.execute(world.database.db);
  return rows.map((row) => row.action).reverse();
}

describe('the .lrmx export', () => {
  it('holds the person file\'s facts with the ID number masked, and is audited', async () => {
    const events = await countAuditEvents(world.database);
    const response = await exportForm(township);
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    expect(response.headers['content-disposition']).toContain(encodeURIComponent('任免甲.lrmx'));
    const { root, fields, family } = parse(response.body);
    expect(root).toBe('Person');
    expect(fields).toMatchObject({
      XingMing: '任免甲', XingBie: '女', ChuShengNianYue: '199003', MinZu: '汉族', JiGuan: '四川青神', ChuShengDi: '四川眉山', RuDangShiJian: '201206',
      CanJiaGongZuoShiJian: '201207', QuanRiZhiJiaoYu_XueLi: '本科', QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi: '四川农业大学农学', XianRenZhiWu: '村委会委员',
      NiRenZhiWu: expect.stringContaining('村党组织书记'), ShenFenZheng: expect.stringContaining('*'), ZhaoPian: PHOTO.toString('base64'),
    });
    expect(fields.ShenFenZheng).not.toBe(reserve.idNumber);
    expect(fields.JianLi).toBe('2012.07--2016.09  青神县某合作社技术员\n2016.09--  本村村委会委员');
    expect(family).toEqual([{ ChengWei: '丈夫', XingMing: '王强', ZhengZhiMianMao: '群众', GongZuoDanWeiJiZhiWu: '青神县某公司职员' }]);
    expect(await countAuditEvents(world.database)).toBe(events + 1);
    expect(await lastActions(1)).toEqual(['appointmentForm.export']);
  });

  it('holds the full ID number only for a role that may see it, recorded as a reveal', async () => {
    const events = await countAuditEvents(world.database);
    const response = await exportForm(township, '?includeSensitive=true');
    expect(response.statusCode).toBe(200);
    expect(parse(response.body).fields.ShenFenZheng).toBe(reserve.idNumber);
    expect(await lastActions(2)).toEqual(['person.reveal', 'appointmentForm.export']);
    expect(await countAuditEvents(world.database)).toBe(events + 2);

    const masked = await exportForm(auditor);
    expect(masked.statusCode).toBe(200);
    expect(masked.body).not.toContain(reserve.idNumber);
    const before = await countAuditEvents(world.database);
    const refused = await exportForm(auditor, '?includeSensitive=true');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toBe('您没有查看完整身份证号码的权限，请去掉「包含完整身份证号码」（includeSensitive）后再导出');
    expect((await exportForm(townshipB)).statusCode).toBe(404);
    expect(await countAuditEvents(world.database)).toBe(before);
  });
});
