import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.ts';
import { CLI_TEST_TIMEOUT_MS, runCli } from '../helpers/cli.ts';
import { countAuditEvents, createTestWorld, openTestDatabase, type TestWorld } from '../helpers/test-app.ts';

let world: TestWorld;
let cookie: string;
beforeAll(async () => {
  world = await createTestWorld();
  cookie = await world.login('towna');
});
afterAll(async () => world.close());

describe('audit log', () => {
  it('writes exactly one event, with before and after, for one change', async () => {
    const code = world.townshipA.villageCode;
    const unit = (await world.app.inject({ method: 'GET', url: `/api/org-units/${code}`, headers: { cookie } })).json();
    const before = await countAuditEvents(world.database);
    const response = await world.app.inject({ method: 'PATCH', url: `/api/org-units/${code}`, headers: { cookie }, payload: { name: '新名村', version: unit.version } });
    expect(response.statusCode).toBe(200);
    expect(await countAuditEvents(world.database)).toBe(before + 1);
    const events = (await world.app.inject({ method: 'GET', url: `/api/audit-events?entityId=${code}`, headers: { cookie } })).json().events;
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorName: 'towna', action: 'orgUnit.update', before: { name: unit.name }, after: { name: '新名村' }, ip: '127.0.0.1' });
  });

  it('writes nothing when the change fails (stale version: 409)', async () => {
    const code = world.townshipA.villageCode;
    const before = await countAuditEvents(world.database);
    const response = await world.app.inject({ method: 'PATCH', url: `/api/org-units/${code}`, headers: { cookie }, payload: { name: '旧版本改名', version: 1 } });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toEqual({ code: 'VERSION_CONFLICT', message: '该组织单位已被他人修改，请刷新后重新编辑（您的修改未保存）' });
    expect(await countAuditEvents(world.database)).toBe(before);
    const unit = await world.database.db.selectFrom('org_unit').select('name').where('code', '=', code).executeTakeFirstOrThrow();
    expect(unit.name).toBe('新名村');
  });

  it('rolls the change back when writing its event fails, so change and event stand or fall together', async () => {
    const code = world.townshipA.villageCodes[1]!;
    const unit = await world.database.db.selectFrom('org_unit').select(['name', 'version']).where('code', '=', code).executeTakeFirstOrThrow();
    await sql`ALTER TABLE audit_event ADD CONSTRAINT audit_summary_short CHECK (length(summary) < 5) NOT VALID`.execute(world.database.db);
    try {
      const response = await world.app.inject({ method: 'PATCH', url: `/api/org-units/${code}`, headers: { cookie }, payload: { name: '不应保存', version: unit.version } });
      // The database refuses the event (a check constraint): answered from the error table, and nothing of the change stays.
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: 'VALIDATION_FAILED', message: '填写的内容不符合规则（如日期先后、取值范围），请检查后重试' });
    } finally {
      await sql`ALTER TABLE audit_event DROP CONSTRAINT audit_summary_short`.execute(world.database.db);
    }
    const after = await world.database.db.selectFrom('org_unit').select(['name', 'version']).where('code', '=', code).executeTakeFirstOrThrow();
    expect(after).toEqual(unit);
  });

  it('verifies an intact chain and names the first edited or deleted event', async () => {
    const admin = await world.login('admin');
    const intact = (await world.app.inject({ method: 'POST', url: '/api/audit-events/verify', headers: { cookie: admin } })).json();
    expect(intact.firstBreak).toBeNull();
    expect(intact.checked).toBe(await countAuditEvents(world.database));

    // Event 3 is the county user's creation: the second event of the county's chain.
    await sql`UPDATE audit_event SET summary = summary || '（篡改）' WHERE id = 3`.execute(world.database.db);
    const tampered = (await world.app.inject({ method: 'POST', url: '/api/audit-events/verify', headers: { cookie: admin } })).json();
    expect(tampered.firstBreak).toEqual({ kind: 'tampered', chain: '511425', seq: 2, id: 3 });
    expect(tampered.message).toBe('操作日志第 3 条（县级代码 511425 的日志链第 2 条）的内容与其校验码不符，日志被篡改');
    expect(tampered.checked).toBe(1);
  });

  it('lets a township officer read only the events of its own subtree', async () => {
    const events = (await world.app.inject({ method: 'GET', url: '/api/audit-events?pageSize=200', headers: { cookie } })).json().events as { orgCode: string }[];
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((event) => event.orgCode.startsWith(world.townshipA.code.slice(0, 9)))).toBe(true);
  });
});

describe('houbei audit verify', () => {
  it('passes on an intact log, and fails naming the chain after the newest event is deleted or a row is edited in the database', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'houbei-audit-'));
    const { databaseUrl, drop, database } = await openTestDatabase();
    await database.close();
    const env = databaseUrl ? { DATABASE_URL: databaseUrl, DATA_DIR: dataDir } : { DATA_DIR: dataDir, DATABASE_URL: '' };
    try {
      const first = runCli(['org', 'import', '511425'], env);
      expect(first.stderr).toBe('');
      expect(first.status).toBe(0);
      expect(runCli(['org', 'import', '511402'], env).status).toBe(0);
      const intact = runCli(['audit', 'verify'], env);
      expect(intact.stdout).toContain('操作日志完整，共校验 2 条，与检查点');
      expect(intact.status).toBe(0);

      // The newest event (511402's only one) deleted: the chain still links, the checkpoint tells.
      const direct = await openDatabase({ databaseUrl, dataDir });
      await sql`DELETE FROM audit_event WHERE id = 2`.execute(direct.db);
      await direct.close();
      const truncated = runCli(['audit', 'verify'], env);
      expect(truncated.status).toBe(1);
      expect(truncated.stderr).toMatch(/县级代码 511402 的日志链在检查点（[^）]+）时有 1 条，现只有 0 条：最新的日志被删除/);

      const reopened = await openDatabase({ databaseUrl, dataDir });
      await sql`UPDATE audit_event SET after = '{"inserted": 1}'::jsonb WHERE id = 1`.execute(reopened.db);
      await reopened.close();
      const broken = runCli(['audit', 'verify'], env);
      expect(broken.status).toBe(1);
      expect(broken.stderr).toContain('操作日志第 1 条（县级代码 511425 的日志链第 1 条）的内容与其校验码不符，日志被篡改');
    } finally {
      if (databaseUrl) await drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, CLI_TEST_TIMEOUT_MS);
});
