import { z } from 'zod';
import { errorResponses, ZUuid } from '../../server/schemas.ts';
import type { App, ModuleDeps } from '../../server/types.ts';
import { ZCreateLedgerEntry, ZLedgerEntry, ZLedgerList, ZLedgerListQuery, ZUpdateLedgerEntry } from './talent-ledger.schemas.ts';
import { createLedgerEntry, listLedger, updateLedgerEntry } from './talent-ledger.service.ts';

const tags = ['人才台账'];

export async function talentLedgerRoutes(app: App, { database, cipher }: ModuleDeps): Promise<void> {
  const { db } = database;

  app.get('/api/talent-ledger', {
    schema: { tags, summary: '人才台账（一村一册）：分页、排序、筛选', querystring: ZLedgerListQuery, response: { 200: ZLedgerList, ...errorResponses } },
  }, async (request) => listLedger(db, request.ctx, cipher, request.query));

  app.post('/api/talent-ledger', {
    schema: {
      tags,
      summary: '登记人才台账；身份证号码已在系统中的人员直接关联，不重复建档',
      body: ZCreateLedgerEntry,
      response: { 201: z.object({ entry: ZLedgerEntry, isNewPerson: z.boolean() }), ...errorResponses },
    },
  }, async (request, reply) => reply.code(201).send(await createLedgerEntry(db, request.ctx, cipher, request.body)));

  app.patch('/api/talent-ledger/:id', {
    schema: { tags, summary: '修改台账记录', params: z.strictObject({ id: ZUuid }), body: ZUpdateLedgerEntry, response: { 200: ZLedgerEntry, ...errorResponses } },
  }, async (request) => updateLedgerEntry(db, request.ctx, request.params.id, request.body));
}
