import type { Db } from '../db/database.ts';
import { installationSettingsRepository } from '../db/installation-settings.repository.ts';
import { shortFingerprint, type SensitiveCipher } from './sensitive-cipher.ts';

const FINGERPRINT = 'masterKeyFingerprint';

/**
 * Refuses a master key other than the one the database was first started with: the first start
 * stores the key's fingerprint, every later start compares. A database from before fingerprints
 * were stored gets one only when the key opens a value already encrypted in it.
 */
export async function checkMasterKey(db: Db, cipher: SensitiveCipher, source: string): Promise<void> {
  let stored = await installationSettingsRepository.find(db, FINGERPRINT);
  if (stored === undefined) {
    const sample = await installationSettingsRepository.findAnyEncryptedValue(db);
    if (sample !== undefined) {
      try {
        cipher.decrypt(sample);
      } catch {
        throw new Error(
          `主密钥不对：数据库中已有加密的身份证号码，但当前密钥（来自 ${source}，指纹 ${shortFingerprint(cipher.keyFingerprint)}）无法解密。`
          + '请设置加密这些数据时所用的密钥（HOUBEI_SECRET_KEY，或备份的数据目录 secret.key）后再启动',
        );
      }
    }
    stored = await installationSettingsRepository.insertOnce(db, FINGERPRINT, cipher.keyFingerprint);
  }
  if (stored !== cipher.keyFingerprint) {
    throw new Error(
      `主密钥与数据库不符：该数据库要求指纹为 ${shortFingerprint(stored)} 的密钥，当前密钥（来自 ${source}）的指纹为 ${shortFingerprint(cipher.keyFingerprint)}。`
      + '请设置首次启动时所用的密钥（HOUBEI_SECRET_KEY，或备份的数据目录 secret.key）后再启动；用其他密钥将无法解密身份证号码和联系电话',
    );
  }
}
