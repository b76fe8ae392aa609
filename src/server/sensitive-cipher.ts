import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from './errors.ts';

const IV_BYTES = 12;
const IV_POOL_SIZE = 1024;

/**
 * Encryption of sensitive fields (ID numbers, phones) at rest: AES-256-GCM with a random IV per
 * value, and an HMAC-SHA256 "blind index" so that equal values can be found and kept unique
 * without decrypting. Both keys are derived (HKDF) from one master key.
 */
export class SensitiveCipher {
  readonly #encryptionKey: Buffer;
  readonly #indexKey: Buffer;
  /** Names the master key without revealing it: stored at first start, compared at every start. */
  readonly keyFingerprint: string;

  constructor(masterKey: Buffer) {
    if (masterKey.length !== 32) throw new Error('主密钥应为 32 字节');
    this.#encryptionKey = deriveKey(masterKey, 'houbei field encryption');
    this.#indexKey = deriveKey(masterKey, 'houbei blind index');
    this.keyFingerprint = crypto.createHmac('sha256', deriveKey(masterKey, 'houbei key fingerprint')).update('houbei').digest('hex');
  }

  /** Random bytes for IVs, drawn from the CSPRNG in blocks: one call per 1,024 values instead of one per value (4 µs each). */
  #ivPool = Buffer.alloc(0);
  #ivOffset = 0;

  #nextIv(): Buffer {
    if (this.#ivOffset === this.#ivPool.length) {
      this.#ivPool = crypto.randomBytes(IV_BYTES * IV_POOL_SIZE);
      this.#ivOffset = 0;
    }
    const iv = this.#ivPool.subarray(this.#ivOffset, this.#ivOffset + IV_BYTES);
    this.#ivOffset += IV_BYTES;
    return iv;
  }

  encrypt(plaintext: string): string {
    const iv = this.#nextIv();
    const cipher = crypto.createCipheriv('aes-256-gcm', this.#encryptionKey, iv);
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return `v1.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
  }

  /** The plaintext; a value this key cannot open (another key, a damaged value) is a 503 that says so. */
  decrypt(stored: string): string {
    if (!stored.startsWith('v1.')) throw undecryptable();
    const raw = Buffer.from(stored.slice(3), 'base64');
    try {
      const decipher = crypto.createDecipheriv('aes-256-gcm', this.#encryptionKey, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    } catch {
      throw undecryptable();
    }
  }

  /** The keyed hash used for uniqueness and lookup. */
  blindIndex(plaintext: string): string {
    return crypto.createHmac('sha256', this.#indexKey).update(plaintext, 'utf8').digest('hex');
  }
}

/** A 32-byte key for one purpose, derived (HKDF-SHA256) from the master key. */
export function deriveKey(masterKey: Buffer, purpose: string): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', masterKey, Buffer.alloc(0), purpose, 32));
}

function undecryptable(): AppError {
  return new AppError(
    'SERVICE_UNAVAILABLE',
    '无法解密身份证号码或联系电话：服务器当前的主密钥与加密这些数据时的不同（或数据已损坏）。请管理员恢复原来的主密钥（HOUBEI_SECRET_KEY 或数据目录中的 secret.key）后重启服务',
  );
}

/** The first 16 hex digits of a key fingerprint, grouped, as messages show it. */
export function shortFingerprint(fingerprint: string): string {
  return fingerprint.slice(0, 16).replace(/(.{4})(?!$)/g, '$1-');
}

/**
 * The master key: HOUBEI_SECRET_KEY (64 hex digits or base64 of 32 bytes), or the file
 * `secret.key` in the data directory, created at first start with mode 0600. Losing it makes the
 * encrypted fields unreadable: back it up with the data.
 */
export function loadMasterKey(options: { secretKey: string | undefined; dataDir: string }): Buffer {
  return loadMasterKeyWithSource(options).key;
}

/** The master key and where it came from (for messages). */
export function loadMasterKeyWithSource(options: { secretKey: string | undefined; dataDir: string }): { key: Buffer; source: string } {
  if (options.secretKey) return { key: parseKey(options.secretKey, 'HOUBEI_SECRET_KEY'), source: 'HOUBEI_SECRET_KEY' };
  const file = path.join(options.dataDir, 'secret.key');
  if (fs.existsSync(file)) return { key: parseKey(fs.readFileSync(file, 'utf8').trim(), file), source: file };
  fs.mkdirSync(options.dataDir, { recursive: true });
  const key = crypto.randomBytes(32);
  fs.writeFileSync(file, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  return { key, source: `${file}（新建）` };
}

function parseKey(text: string, source: string): Buffer {
  const key = /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  if (key.length !== 32) throw new Error(`${source} 中的密钥无效：应为 64 位十六进制数或 32 字节的 base64`);
  return key;
}
