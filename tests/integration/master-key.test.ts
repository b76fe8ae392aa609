import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { readConfig } from '../../src/server/config.ts';
import { checkMasterKey } from '../../src/server/master-key-check.ts';
import { SensitiveCipher, shortFingerprint } from '../../src/server/sensitive-cipher.ts';
import type { App } from '../../src/server/types.ts';
import { addReserve, createTestWorld, type TestWorld, testClock } from '../helpers/test-app.ts';

let world: TestWorld;
let personId: string;
let otherApp: App;
const otherCipher = new SensitiveCipher(crypto.randomBytes(32));
beforeAll(async () => {
  world = await createTestWorld();
  personId = (await addReserve(world, await world.login('towna'), world.townshipA.villageCode)).personId;
  otherApp = await buildApp({ config: { ...readConfig({}), dataDir: 'memory://' }, database: world.database, cipher: otherCipher, clock: testClock });
});
afterAll(async () => {
  await otherApp.close();
  await world.close();
});

describe('the master key', () => {
  it('is refused at start when it cannot open the values already encrypted, naming where it came from', async () => {
    await expect(checkMasterKey(world.database.db, otherCipher, 'HOUBEI_SECRET_KEY')).rejects.toThrow(
      `主密钥不对：数据库中已有加密的身份证号码，但当前密钥（来自 HOUBEI_SECRET_KEY，指纹 ${shortFingerprint(otherCipher.keyFingerprint)}）无法解密`,
    );
  });

  it('is stored by fingerprint at the first start, and another key is then refused with the expected fingerprint', async () => {
    await checkMasterKey(world.database.db, world.cipher, 'secret.key');
    await checkMasterKey(world.database.db, world.cipher, 'secret.key');
    await expect(checkMasterKey(world.database.db, otherCipher, 'HOUBEI_SECRET_KEY')).rejects.toThrow(
      `主密钥与数据库不符：该数据库要求指纹为 ${shortFingerprint(world.cipher.keyFingerprint)} 的密钥，当前密钥（来自 HOUBEI_SECRET_KEY）的指纹为 ${shortFingerprint(otherCipher.keyFingerprint)}`,
    );
  });

  it('that cannot decrypt a value answers a reveal with a 503 saying the key differs, not a bare 500', async () => {
    const login = await otherApp.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'towna', password: 'Test12345' } });
    const cookie = `houbei_session=${login.cookies.find((item) => item.name === 'houbei_session')!.value}`;
    const reveal = await otherApp.inject({ method: 'POST', url: `/api/people/${personId}/reveal`, headers: { cookie } });
    expect(reveal.statusCode).toBe(503);
    expect(reveal.json().message).toContain('服务器当前的主密钥与加密这些数据时的不同');
  });
});
