import { openDatabase, type Database } from '../db/database.ts';
import { loadDemo } from './demo.ts';
import { migrate } from '../db/migrate.ts';
import { ensureAdministrator } from '../modules/users/bootstrap.ts';
import { buildApp } from '../server/app.ts';
import { clockFromSetting } from '../server/clock.ts';
import { readConfig, type Config } from '../server/config.ts';
import { loadMasterKey, SensitiveCipher } from '../server/sensitive-cipher.ts';

/** Opens the database and brings it up to date: what both the server and the CLI need first. */
export async function openMigratedDatabase(config: Config): Promise<Database> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrate(database);
  return database;
}

/** config → database → migrations → first administrator (→ demo) → HTTP server. */
export async function startServer(options: { demo: boolean }): Promise<void> {
  const config = readConfig();
  const clock = clockFromSetting(config.today);
  const database = await openMigratedDatabase(config);
  const cipher = new SensitiveCipher(loadMasterKey({ secretKey: config.secretKey, dataDir: config.dataDir }));
  const admin = await ensureAdministrator(database.db, clock, config.adminPassword);
  if (admin.password) {
    console.log(`\n已创建管理员账户 admin，初始密码（仅显示这一次，首次登录须修改）：${admin.password}\n`);
  } else if (admin.created) {
    console.log('已创建管理员账户 admin，密码为 HOUBEI_ADMIN_PASSWORD 的值');
  }
  if (options.demo) {
    const demo = await loadDemo(database.db, cipher, clock, config.demoPassword);
    if (demo.loaded) {
      console.log(`已载入演示数据（四川省眉山市青神县），演示用户：${demo.usernames.join('、')}`);
      console.log(demo.password ? `演示用户的初始密码（仅显示这一次，首次登录须修改）：${demo.password}\n` : '演示用户的密码为 HOUBEI_DEMO_PASSWORD 的值\n');
    }
  }
  const app = await buildApp({ config, database, cipher, clock, logger: true });
  const close = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
  await app.listen({ port: config.port, host: config.host });
  console.log(`后备力量选育管用系统已启动：http://${config.host}:${config.port}/ （数据库：${database.kind === 'pglite' ? `内置 PGlite，数据目录 ${config.dataDir}` : 'PostgreSQL'}）`);
}
