import type { Executor } from '../../db/database.ts';

export interface DictionaryItemRecord {
  id: string;
  dictionary: string;
  code: string;
  label: string;
  sortOrder: number;
  isEnabled: boolean;
  version: number;
}

const COLUMNS = ['id', 'dictionary', 'code', 'label', 'sort_order', 'is_enabled', 'version'] as const;

function toRecord(row: { id: string; dictionary: string; code: string; label: string; sort_order: number; is_enabled: boolean; version: number }): DictionaryItemRecord {
  return { id: row.id, dictionary: row.dictionary, code: row.code, label: row.label, sortOrder: row.sort_order, isEnabled: row.is_enabled, version: row.version };
}

export const dictionariesRepository = {
  async listAll(db: Executor): Promise<DictionaryItemRecord[]> {
    const rows = await db.selectFrom('dictionary_item').select(COLUMNS).orderBy('dictionary').orderBy('sort_order').orderBy('code').execute();
    return rows.map(toRecord);
  },

  async findById(db: Executor, id: string): Promise<DictionaryItemRecord | undefined> {
    const row = await db.selectFrom('dictionary_item').select(COLUMNS).where('id', '=', id).executeTakeFirst();
    return row && toRecord(row);
  },

  async findByCode(db: Executor, dictionary: string, code: string): Promise<DictionaryItemRecord | undefined> {
    const row = await db.selectFrom('dictionary_item').select(COLUMNS).where('dictionary', '=', dictionary).where('code', '=', code).executeTakeFirst();
    return row && toRecord(row);
  },

  async insert(db: Executor, item: { dictionary: string; code: string; label: string; sortOrder: number }): Promise<DictionaryItemRecord> {
    const row = await db
      .insertInto('dictionary_item')
      .values({ dictionary: item.dictionary, code: item.code, label: item.label, sort_order: item.sortOrder })
      .returning(COLUMNS)
      .executeTakeFirstOrThrow();
    return toRecord(row);
  },

  async update(db: Executor, id: string, version: number, changes: { label?: string | undefined; sortOrder?: number | undefined; isEnabled?: boolean | undefined }): Promise<DictionaryItemRecord | undefined> {
    const row = await db
      .updateTable('dictionary_item')
      .set((eb) => ({
        ...(changes.label !== undefined && { label: changes.label }),
        ...(changes.sortOrder !== undefined && { sort_order: changes.sortOrder }),
        ...(changes.isEnabled !== undefined && { is_enabled: changes.isEnabled }),
        version: eb('version', '+', 1),
      }))
      .where('id', '=', id)
      .where('version', '=', version)
      .returning(COLUMNS)
      .executeTakeFirst();
    return row && toRecord(row);
  },
};
