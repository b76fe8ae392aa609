import type { Executor } from './database.ts';

/** The installation's own facts (table installation_setting): written once, then only read. */
export const installationSettingsRepository = {
  async find(db: Executor, name: string): Promise<string | undefined> {
    const row = await db.selectFrom('installation_setting').select('value').where('name', '=', name).executeTakeFirst();
    return row?.value;
  },

  /** Stores the value unless one is already there; answers the value that stands. */
  async insertOnce(db: Executor, name: string, value: string): Promise<string> {
    await db.insertInto('installation_setting').values({ name, value }).onConflict((conflict) => conflict.column('name').doNothing()).execute();
    return (await this.find(db, name))!;
  },

  /** One stored encrypted value (an ID number), to try the key on when no fingerprint is stored yet. */
  async findAnyEncryptedValue(db: Executor): Promise<string | undefined> {
    const row = await db.selectFrom('person').select('id_number_cipher').limit(1).executeTakeFirst();
    return row?.id_number_cipher;
  },
};
