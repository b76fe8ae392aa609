import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMasterKey, SensitiveCipher } from './sensitive-cipher.ts';

describe('sensitive field encryption', () => {
  const cipher = new SensitiveCipher(crypto.randomBytes(32));

  it('round-trips, with a different ciphertext each time and no plaintext inside', () => {
    const first = cipher.encrypt('11010519491231002X');
    const second = cipher.encrypt('11010519491231002X');
    expect(first).not.toBe(second);
    expect(first).not.toContain('11010519491231002X');
    expect(cipher.decrypt(first)).toBe('11010519491231002X');
  });

  it('never repeats an IV, across the refills of its pool of random bytes', () => {
    const fresh = new SensitiveCipher(crypto.randomBytes(32));
    const ivs = new Set<string>();
    const values = Array.from({ length: 3000 }, (_, index) => fresh.encrypt(`1380000${String(index).padStart(4, '0')}`));
    for (const stored of values) ivs.add(Buffer.from(stored.slice(3), 'base64').subarray(0, 12).toString('hex'));
    expect(ivs.size).toBe(3000);
    expect(fresh.decrypt(values[2999]!)).toBe('13800002999');
  });

  it('detects a changed ciphertext', () => {
    const stored = cipher.encrypt('13812345678');
    const raw = Buffer.from(stored.slice(3), 'base64');
    raw.writeUInt8(raw.readUInt8(raw.length - 1) ^ 1, raw.length - 1);
    expect(() => cipher.decrypt(`v1.${raw.toString('base64')}`)).toThrow();
  });

  it('gives equal values the same blind index, and another key another index', () => {
    expect(cipher.blindIndex('11010519491231002X')).toBe(cipher.blindIndex('11010519491231002X'));
    expect(new SensitiveCipher(crypto.randomBytes(32)).blindIndex('11010519491231002X')).not.toBe(cipher.blindIndex('11010519491231002X'));
  });

  it('creates the key file once, readable by the owner only, and reads it back', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'houbei-key-'));
    const key = loadMasterKey({ secretKey: undefined, dataDir });
    expect(fs.statSync(path.join(dataDir, 'secret.key')).mode & 0o777).toBe(0o600);
    expect(loadMasterKey({ secretKey: undefined, dataDir })).toEqual(key);
    expect(loadMasterKey({ secretKey: key.toString('hex'), dataDir: '/nonexistent' })).toEqual(key);
    expect(() => loadMasterKey({ secretKey: 'short', dataDir })).toThrow('HOUBEI_SECRET_KEY 中的密钥无效');
  });
});
