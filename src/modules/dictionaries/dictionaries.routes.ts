import { z } from 'zod';
import { DICTIONARY_NAMES } from '../../domain/dictionaries.ts';
import { errorResponses, singleLineText, ZUuid, ZVersion } from '../../server/schemas.ts';
import type { App, ModuleDeps } from '../../server/types.ts';
import { createDictionaryItem, listDictionaries, updateDictionaryItem } from './dictionaries.service.ts';

const tags = ['数据字典'];

const ZDictionaryItem = z.object({
  id: z.string(),
  dictionary: z.string(),
  code: z.string(),
  label: z.string(),
  sortOrder: z.number().int(),
  isEnabled: z.boolean(),
  version: z.number().int(),
}).meta({ id: 'DictionaryItem' });

const ZDictionaries = z.object({
  dictionaries: z.array(z.object({ dictionary: z.enum(DICTIONARY_NAMES), label: z.string(), items: z.array(ZDictionaryItem) })),
  policies: z.object({ manage: z.boolean() }),
});

const ZLabel = singleLineText('名称', 50).min(1, '名称不能为空');
const ZSortOrder = z.number().int().min(0).max(9999);

export async function dictionariesRoutes(app: App, { database }: ModuleDeps): Promise<void> {
  const { db } = database;

  app.get('/api/dictionaries', {
    schema: { tags, summary: '全部字典及其字典项', response: { 200: ZDictionaries, ...errorResponses } },
  }, async (request) => listDictionaries(db, request.ctx));

  app.post('/api/dictionaries/:dictionary/items', {
    schema: {
      tags,
      summary: '新增字典项',
      params: z.strictObject({ dictionary: z.enum(DICTIONARY_NAMES, '没有这个字典') }),
      body: z.strictObject({ code: z.string().regex(/^[a-zA-Z0-9_]{1,40}$/, '代码应为 1–40 位字母、数字或下划线'), label: ZLabel, sortOrder: ZSortOrder }),
      response: { 201: ZDictionaryItem, ...errorResponses },
    },
  }, async (request, reply) => reply.code(201).send(await createDictionaryItem(db, request.ctx, request.params.dictionary, request.body)));

  app.patch('/api/dictionary-items/:id', {
    schema: {
      tags,
      summary: '修改、停用或启用字典项',
      params: z.strictObject({ id: ZUuid }),
      body: z.strictObject({ label: ZLabel.optional(), sortOrder: ZSortOrder.optional(), isEnabled: z.boolean().optional(), version: ZVersion }),
      response: { 200: ZDictionaryItem, ...errorResponses },
    },
  }, async (request) => updateDictionaryItem(db, request.ctx, request.params.id, request.body));
}
