import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readableText, XLSX } from '../helpers/readable-text.ts';
import { addReserve, createTestWorld, makeIdNumber, type TestWorld } from '../helpers/test-app.ts';
import { cultivationProbes } from './scope-probes/cultivation.ts';
import { electionProbes } from './scope-probes/elections.ts';
import { managementProbes } from './scope-probes/management.ts';
import { reportsProbes } from './scope-probes/reports.ts';
import { selectionProbes } from './scope-probes/selection.ts';
import type { Method, Probe, ProbeSet, SeededIds } from './scope-probes/types.ts';

/**
 * Walks every route of the OpenAPI document as the township committee of town A and proves that
 * nothing of town B can be read or changed. Each route needs a probe below; a new route without
 * one fails this test, and so does a probe that reaches town B.
 */

/** Probe sets of the modules whose probes live in ./scope-probes (one file a module). */
const MODULE_PROBE_SETS: readonly ProbeSet[] = [selectionProbes, cultivationProbes, managementProbes, reportsProbes, electionProbes];

const B_VILLAGE_PATCH = { name: '越权改名', version: 1 };

const CORE_PROBES: Record<string, Probe> = {
  'GET /api/health': { kind: 'public' },
  'POST /api/auth/login': { kind: 'public' },
  'POST /api/auth/logout': { kind: 'self' },
  'GET /api/auth/me': { kind: 'self' },
  'POST /api/auth/password': { kind: 'self' },
  'GET /api/org-units/roots': { kind: 'list', requests: () => [{ method: 'GET', url: '/api/org-units/roots' }] },
  'GET /api/org-units/search': {
    kind: 'list',
    requests: (w) => [
      { method: 'GET', url: `/api/org-units/search?q=${encodeURIComponent(w.townshipB.name)}` },
      { method: 'GET', url: `/api/org-units/search?q=${w.townshipB.code.slice(0, 9)}` },
      { method: 'GET', url: `/api/org-units/search?q=${w.countyCode.slice(0, 6)}` },
    ],
  },
  'GET /api/org-units/{code}': {
    kind: 'foreign',
    requests: (w) => [w.townshipB.code, w.townshipB.villageCode!, w.countyCode].map((code) => ({ method: 'GET', url: `/api/org-units/${code}` })),
  },
  'GET /api/org-units/{code}/children': {
    kind: 'foreign',
    requests: (w) => [w.townshipB.code, w.townshipB.villageCode!, w.countyCode].map((code) => ({ method: 'GET', url: `/api/org-units/${code}/children` })),
  },
  'PATCH /api/org-units/{code}': {
    kind: 'foreign',
    requests: (w) => [w.townshipB.code, w.townshipB.villageCode!].map((code) => ({ method: 'PATCH', url: `/api/org-units/${code}`, payload: B_VILLAGE_PATCH })),
  },
  'POST /api/org-units/{code}/villager-groups': {
    kind: 'foreign',
    requests: (w) => [{ method: 'POST', url: `/api/org-units/${w.townshipB.villageCode}/villager-groups`, payload: { name: '越权小组' } }],
  },
  'POST /api/org-units/import': {
    kind: 'foreign',
    requests: () => [{ method: 'POST', url: '/api/org-units/import', payload: { countyCode: '511425' } }, { method: 'POST', url: '/api/org-units/import', payload: { countyCode: '511402' } }],
  },
  'GET /api/users': {
    kind: 'list',
    requests: () => [{ method: 'GET', url: '/api/users?pageSize=200' }, { method: 'GET', url: '/api/users?search=townb' }],
  },
  'POST /api/users': {
    kind: 'foreign',
    requests: (w) => [
      { method: 'POST', url: '/api/users', payload: { username: 'intruder1', displayName: '越权', orgCode: w.townshipB.code, roles: [] } },
      { method: 'POST', url: '/api/users', payload: { username: 'intruder2', displayName: '越权', orgCode: w.townshipA.code, roles: [{ role: 'villageClerk', orgCode: w.townshipB.villageCode }] } },
    ],
  },
  'GET /api/users/{id}': { kind: 'foreign', requests: (w) => [{ method: 'GET', url: `/api/users/${w.users.townshipB.id}` }] },
  'PATCH /api/users/{id}': {
    kind: 'foreign',
    requests: (w) => [{ method: 'PATCH', url: `/api/users/${w.users.townshipB.id}`, payload: { displayName: '越权', version: 1 } }],
  },
  'POST /api/users/{id}/reset-password': {
    kind: 'foreign',
    requests: (w) => [{ method: 'POST', url: `/api/users/${w.users.townshipB.id}/reset-password`, payload: { version: 1 } }],
  },
  // Dictionaries are shared by the whole system and hold no unit's records; changing them is the org department's.
  'GET /api/dictionaries': { kind: 'list', requests: () => [{ method: 'GET', url: '/api/dictionaries' }] },
  'POST /api/dictionaries/{dictionary}/items': {
    kind: 'foreign',
    requests: () => [{ method: 'POST', url: '/api/dictionaries/sourceCategory/items', payload: { code: 'intruder', label: '越权', sortOrder: 99 } }],
  },
  'PATCH /api/dictionary-items/{id}': {
    kind: 'foreign',
    requests: () => [{ method: 'PATCH', url: `/api/dictionary-items/${dictionaryItemId}`, payload: { label: '越权', version: 1 } }],
  },
  'GET /api/audit-events': {
    kind: 'list',
    requests: (w) => [
      { method: 'GET', url: '/api/audit-events?pageSize=200' },
      { method: 'GET', url: `/api/audit-events?entityId=${w.townshipB.villageCode}` },
    ],
  },
  'GET /api/login-events': { kind: 'list', requests: () => [{ method: 'GET', url: '/api/login-events?pageSize=200' }] },
  'GET /api/audit-events/export': {
    kind: 'list',
    requests: (w) => [{ method: 'GET', url: '/api/audit-events/export' }, { method: 'GET', url: `/api/audit-events/export?entityId=${w.townshipB.villageCode}` }],
  },
  'GET /api/login-events/export': { kind: 'list', requests: () => [{ method: 'GET', url: '/api/login-events/export' }, { method: 'GET', url: '/api/login-events/export?username=townb' }] },
  'POST /api/audit-events/verify': { kind: 'foreign', requests: () => [{ method: 'POST', url: '/api/audit-events/verify' }] },
  'GET /api/audit-events/checkpoints': { kind: 'foreign', requests: () => [{ method: 'GET', url: '/api/audit-events/checkpoints' }] },
  'GET /api/audit-events/checkpoints/export': { kind: 'foreign', requests: () => [{ method: 'GET', url: '/api/audit-events/checkpoints/export' }] },
  'GET /api/talent-ledger': {
    kind: 'list',
    requests: (w) => [
      { method: 'GET', url: '/api/talent-ledger?pageSize=200' },
      { method: 'GET', url: `/api/talent-ledger?search=${encodeURIComponent(townB.name)}` },
      { method: 'GET', url: `/api/talent-ledger?search=${townB.idNumber}` },
      { method: 'GET', url: `/api/talent-ledger?orgCode=${w.townshipB.villageCode}` },
    ],
  },
  'POST /api/talent-ledger': {
    kind: 'foreign',
    requests: (w) => [{
      method: 'POST', url: '/api/talent-ledger',
      payload: { orgCode: w.townshipB.villageCode, person: { name: '越权', idNumber: makeIdNumber('511425', '19900101', 901), politicalStatus: 'masses', education: 'bachelor' }, sourceCategory: 'graduate' },
    }],
  },
  'PATCH /api/talent-ledger/{id}': {
    kind: 'foreign',
    requests: () => [{ method: 'PATCH', url: `/api/talent-ledger/${townB.ledgerEntryId}`, payload: { notes: '越权', version: 1 } }],
  },
  'GET /api/people/{id}': { kind: 'foreign', requests: () => [{ method: 'GET', url: `/api/people/${townB.personId}` }] },
  'PATCH /api/people/{id}': {
    kind: 'foreign',
    requests: () => [{ method: 'PATCH', url: `/api/people/${townB.personId}`, payload: { name: '越权', politicalStatus: 'masses', education: 'bachelor', version: 1 } }],
  },
  'POST /api/people/{id}/reveal': { kind: 'foreign', requests: () => [{ method: 'POST', url: `/api/people/${townB.personId}/reveal` }] },
  'PUT /api/people/{id}/photo': {
    kind: 'foreign',
    requests: () => [{ method: 'PUT', url: `/api/people/${townB.personId}/photo`, payload: PNG, contentType: 'image/png' }],
  },
  'GET /api/people/{id}/photo': { kind: 'foreign', requests: () => [{ method: 'GET', url: `/api/people/${townB.personId}/photo` }] },
  'GET /api/reserves': {
    kind: 'list',
    requests: (w) => [
      { method: 'GET', url: '/api/reserves?pageSize=200' },
      { method: 'GET', url: `/api/reserves?search=${townB.idNumber}` },
      { method: 'GET', url: `/api/reserves?orgCode=${w.townshipB.code}` },
    ],
  },
  'POST /api/reserves': {
    kind: 'foreign',
    requests: (w) => [
      { method: 'POST', url: '/api/reserves', payload: { orgCode: w.townshipB.villageCode, personId: townB.personId, targetPost: 'secretary', readiness: 'readyNow', sourceCategory: 'graduate', registration: { sourceDocument: '越权' } } },
      { method: 'POST', url: '/api/reserves', payload: { orgCode: w.townshipA.villageCode, personId: townB.personId, targetPost: 'secretary', readiness: 'readyNow', sourceCategory: 'graduate', registration: { sourceDocument: '越权' } } },
    ],
  },
  'PATCH /api/reserves/{id}': {
    kind: 'foreign',
    requests: () => [{ method: 'PATCH', url: `/api/reserves/${townB.reserveId}`, payload: { notes: '越权', version: 1 } }],
  },
  'GET /api/reserves/{id}/history': { kind: 'foreign', requests: () => [{ method: 'GET', url: `/api/reserves/${townB.reserveId}/history` }] },
  'GET /api/roster/export': {
    kind: 'list',
    requests: (w) => [
      { method: 'GET', url: '/api/roster/export' },
      { method: 'GET', url: `/api/roster/export?search=${townB.idNumber}` },
      { method: 'GET', url: `/api/roster/export?orgCode=${w.townshipB.code}` },
    ],
  },
  'GET /api/talent-ledger/export': {
    kind: 'list',
    requests: (w) => [
      { method: 'GET', url: '/api/talent-ledger/export' },
      { method: 'GET', url: '/api/talent-ledger/export?includeSensitive=true' },
      { method: 'GET', url: `/api/talent-ledger/export?search=${townB.idNumber}` },
      { method: 'GET', url: `/api/talent-ledger/export?orgCode=${w.townshipB.villageCode}` },
    ],
  },
  'GET /api/roster/template': { kind: 'list', requests: () => [{ method: 'GET', url: '/api/roster/template' }] },
  'POST /api/roster/import': {
    kind: 'foreign',
    requests: (w) => [w.townshipB.code, w.townshipB.villageCode].map((code) => ({ method: 'POST', url: `/api/roster/import?orgCode=${code}`, payload: ROSTER, contentType: XLSX })),
  },
  'POST /api/talent-ledger/import': {
    kind: 'foreign',
    requests: (w) => [{ method: 'POST', url: `/api/talent-ledger/import?orgCode=${w.townshipB.villageCode}`, payload: ROSTER, contentType: XLSX }],
  },
  'GET /api/reserves/{id}/record-form': {
    kind: 'foreign',
    requests: () => ['format=docx', 'format=pdf', 'includeSensitive=true'].map((query) => ({ method: 'GET', url: `/api/reserves/${townB.reserveId}/record-form?${query}` })),
  },
  'GET /api/reserves/{id}/appointment-form': {
    kind: 'foreign',
    requests: () => ['', '?includeSensitive=true'].map((query) => ({ method: 'GET', url: `/api/reserves/${townB.reserveId}/appointment-form${query}` })),
  },
  'GET /api/record-forms': {
    kind: 'foreign',
    requests: (w) => [w.townshipB.code, w.townshipB.villageCode, w.countyCode].map((code) => ({ method: 'GET', url: `/api/record-forms?orgCode=${code}&format=pdf` })),
  },
  'POST /api/roster/import/errors': {
    kind: 'foreign',
    requests: (w) => [{ method: 'POST', url: `/api/roster/import/errors?orgCode=${w.townshipB.code}`, payload: ROSTER, contentType: XLSX }],
  },
};

const PROBES: Record<string, Probe> = Object.assign({}, CORE_PROBES, ...MODULE_PROBE_SETS.map((set) => set.probes));

let ROSTER: Buffer;
let seeded: SeededIds = {};


/** The smallest PNG: a 1×1 transparent pixel. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

let world: TestWorld;
let cookie: string;
let dictionaryItemId: string;
let townB: Awaited<ReturnType<typeof addReserve>>;
let operations: { method: Method; path: string }[];

beforeAll(async () => {
  // The seeded selection records are dated August to October 2026: the app runs on a day after them.
  world = await createTestWorld({ today: '2026-11-20' });
  // Records of town B that a leak would show: audit events, a login, a villager group.
  const admin = await world.login('admin');
  const village = world.townshipB.villageCode;
  expect((await world.app.inject({ method: 'POST', url: `/api/org-units/${village}/villager-groups`, headers: { cookie: admin }, payload: { name: '第一村民小组' } })).statusCode).toBe(201);
  townB = await addReserve(world, admin, world.townshipB.villageCode, { name: '乙镇后备甲' });
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('名册').addRows([['姓名', '身份证号码'], ['越权', townB.idNumber]]);
  ROSTER = Buffer.from(await workbook.xlsx.writeBuffer());
  for (const set of MODULE_PROBE_SETS) if (set.seedTownB) seeded = { ...seeded, ...(await set.seedTownB(world, admin)) };
  await world.login('townb');
  dictionaryItemId = (await world.database.db.selectFrom('dictionary_item').select('id').executeTakeFirstOrThrow()).id;
  cookie = await world.login('towna');
  const document = (await world.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
  operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.keys(methods).map((method) => ({ method: method.toUpperCase() as Method, path })),
  );
});
afterAll(async () => world.close());

/** Everything of town B whose appearance in a response would be a leak. */
function townBMarkers(): string[] {
  return [
    world.townshipB.code, ...world.townshipB.villageCodes, world.townshipB.name, world.users.townshipB.id, '"townb"',
    townB.personId, townB.name, `${townB.idNumber.slice(0, 6)}********${townB.idNumber.slice(-4)}`, townB.ledgerEntryId, townB.reserveId,
    ...Object.values(seeded),
  ];
}

describe('scope: a township officer reaches nothing of another township', () => {
  it('has a probe for every route of the OpenAPI document', () => {
    expect(operations.length).toBeGreaterThan(15);
    const missing = operations.map(({ method, path }) => `${method} ${path}`).filter((key) => !(key in PROBES));
    expect(missing, 'routes without a scope probe: add one to tests/integration/scope.test.ts').toEqual([]);
  });

  it('refuses every request naming a record of the other township, and lists none of its records', async () => {
    const failures: string[] = [];
    let probed = 0;
    for (const { method, path } of operations) {
      const probe = PROBES[`${method} ${path}`];
      if (!probe || probe.kind === 'public' || probe.kind === 'self') continue;
      for (const request of probe.requests(world, seeded)) {
        probed += 1;
        const headers: Record<string, string> = { cookie, ...(request.contentType && { 'content-type': request.contentType }) };
        const response = await world.app.inject({ method: request.method, url: request.url, headers, ...(request.payload !== undefined && { payload: request.payload as object }) });
        if (probe.kind === 'foreign' && ![403, 404].includes(response.statusCode)) {
          failures.push(`${request.method} ${request.url} → ${response.statusCode} (expected 403 or 404)`);
        }
        if (probe.kind === 'list') {
          if (![200, 403, 404].includes(response.statusCode)) failures.push(`${request.method} ${request.url} → ${response.statusCode}`);
          const text = await readableText(response);
          const leaked = townBMarkers().filter((marker) => text.includes(marker));
          if (leaked.length > 0) failures.push(`${request.method} ${request.url} shows ${leaked.join(', ')}`);
        }
        if (response.statusCode >= 400) expect(response.json().message).toMatch(/[\u4e00-\u9fa5]/);
      }
    }
    expect(failures).toEqual([]);
    expect(probed).toBeGreaterThan(20);
  });

  it('left every record of the other township as it was', async () => {
    const units = await world.database.db.selectFrom('org_unit').select(['code', 'name', 'version']).where('code', 'like', `${world.townshipB.code.slice(0, 9)}%`).execute();
    expect(units.every((unit) => unit.version === 1 && unit.name !== '越权改名')).toBe(true);
    const names = units.map((unit) => unit.name);
    expect(names).not.toContain('越权小组');
    const userB = await world.database.db.selectFrom('app_user').select(['display_name', 'version']).where('id', '=', world.users.townshipB.id).executeTakeFirstOrThrow();
    expect(userB).toEqual({ display_name: 'townb', version: 1 });
    const intruders = await world.database.db.selectFrom('app_user').select('username').where('username', 'like', 'intruder%').execute();
    expect(intruders).toEqual([]);
  });

  it('still serves the township its own records (the probes are not refused for everything)', async () => {
    const own = await world.app.inject({ method: 'GET', url: `/api/org-units/${world.townshipA.code}/children`, headers: { cookie } });
    expect(own.statusCode).toBe(200);
    expect(own.json().map((unit: { code: string }) => unit.code)).toEqual(world.townshipA.villageCodes);
    const search = await world.app.inject({ method: 'GET', url: `/api/org-units/search?q=${world.countyCode.slice(0, 6)}`, headers: { cookie } });
    expect(search.json().length).toBeGreaterThan(0);
    expect(search.json().every((unit: { code: string }) => unit.code.startsWith(world.townshipA.code.slice(0, 9)))).toBe(true);
  });
});
