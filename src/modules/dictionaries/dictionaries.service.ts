import type { Db, Executor } from '../../db/database.ts';
import { DICTIONARIES, DICTIONARY_NAMES, type DictionaryName } from '../../domain/dictionaries.ts';
import type { Context } from '../../server/access.ts';
import { AppError, notFound, versionConflict } from '../../server/errors.ts';
import { recordAuditEvent } from '../audit/audit.service.ts';
import { dictionariesRepository, type DictionaryItemRecord } from './dictionaries.repository.ts';

export interface DictionaryView {
  dictionary: DictionaryName;
  label: string;
  items: DictionaryItemRecord[];
}

const MANAGE = '维护数据字典';

export async function listDictionaries(db: Db, ctx: Context): Promise<{ dictionaries: DictionaryView[]; policies: { manage: boolean } }> {
  const items = await dictionariesRepository.listAll(db);
  return {
    dictionaries: DICTIONARY_NAMES.map((dictionary) => ({
      dictionary,
      label: DICTIONARIES[dictionary],
      items: items.filter((item) => item.dictionary === dictionary),
    })),
    policies: { manage: ctx.access.canAnywhere('dictionary.manage') },
  };
}

export async function createDictionaryItem(
  db: Db,
  ctx: Context,
  dictionary: DictionaryName,
  input: { code: string; label: string; sortOrder: number },
): Promise<DictionaryItemRecord> {
  ctx.access.requireAnywhere('dictionary.manage', MANAGE);
  return db.transaction().execute(async (tx) => {
    if (await dictionariesRepository.findByCode(tx, dictionary, input.code)) {
      throw new AppError('CONFLICT', `字典「${DICTIONARIES[dictionary]}」中已有代码为「${input.code}」的项，请换一个代码`);
    }
    const item = await dictionariesRepository.insert(tx, { dictionary, ...input });
    await recordAuditEvent(tx, ctx, {
      action: 'dictionary.create',
      entityType: 'dictionaryItem',
      entityId: item.id,
      orgCode: null,
      summary: `在字典「${DICTIONARIES[dictionary]}」中新增「${item.label}」`,
      after: input,
    });
    return item;
  });
}

export async function updateDictionaryItem(
  db: Db,
  ctx: Context,
  id: string,
  input: { label?: string | undefined; sortOrder?: number | undefined; isEnabled?: boolean | undefined; version: number },
): Promise<DictionaryItemRecord> {
  ctx.access.requireAnywhere('dictionary.manage', MANAGE);
  return db.transaction().execute(async (tx) => {
    const before = await dictionariesRepository.findById(tx, id);
    if (!before) throw notFound('字典项');
    const after = await dictionariesRepository.update(tx, id, input.version, input);
    if (!after) throw versionConflict('该字典项');
    await recordAuditEvent(tx, ctx, {
      action: 'dictionary.update',
      entityType: 'dictionaryItem',
      entityId: id,
      orgCode: null,
      summary: `修改字典「${DICTIONARIES[before.dictionary as DictionaryName] ?? before.dictionary}」的「${before.label}」`,
      before: { label: before.label, sortOrder: before.sortOrder, isEnabled: before.isEnabled },
      after: { label: after.label, sortOrder: after.sortOrder, isEnabled: after.isEnabled },
    });
    return after;
  });
}

/** Enabled codes of every dictionary, for checking what forms and imports send. */
export async function loadEnabledCodes(db: Db | Executor): Promise<Record<DictionaryName, Set<string>>> {
  const items = await dictionariesRepository.listAll(db);
  const codes = Object.fromEntries(DICTIONARY_NAMES.map((name) => [name, new Set<string>()])) as Record<DictionaryName, Set<string>>;
  for (const item of items) if (item.isEnabled && item.dictionary in codes) codes[item.dictionary as DictionaryName].add(item.code);
  return codes;
}

/** Enabled items of every dictionary with their labels, for reading and writing spreadsheets. */
export async function loadEnabledItems(db: Db | Executor): Promise<Record<DictionaryName, { code: string; label: string }[]>> {
  const items = await dictionariesRepository.listAll(db);
  const byName = Object.fromEntries(DICTIONARY_NAMES.map((name) => [name, [] as { code: string; label: string }[]])) as Record<DictionaryName, { code: string; label: string }[]>;
  for (const item of items) if (item.isEnabled && item.dictionary in byName) byName[item.dictionary as DictionaryName].push({ code: item.code, label: item.label });
  return byName;
}
