import { Command } from 'commander';
import { systemContext } from '../server/access.ts';
import { readConfig } from '../server/config.ts';
import { openMigratedDatabase, startServer } from '../server/main.ts';
import { migrate } from '../db/migrate.ts';
import { openDatabase } from '../db/database.ts';
import { importCounty } from '../modules/org-units/org-units.service.ts';
import { describeChainBreak, verifyAuditChain } from '../modules/audit/audit.service.ts';
import { AppError } from '../server/errors.ts';

/** The `houbei` command. Each subcommand calls the same services as the HTTP routes. */
const program = new Command('houbei').description('后备力量选育管用系统');

program
  .command('start')
  .description('启动服务（自动执行数据库迁移；首次启动创建管理员账户）')
  .option('--demo', '数据库为空时载入演示数据（青神县及各角色演示用户）')
  .action(async (options: { demo?: boolean }) => {
    await startServer({ demo: options.demo === true });
  });

program
  .command('migrate')
  .description('执行数据库迁移')
  .action(async () => {
    const config = readConfig();
    const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    const { applied } = await migrate(database);
    console.log(applied.length ? `已执行迁移：${applied.join('、')}` : '数据库已是最新，无需迁移');
    await database.close();
  });

const org = program.command('org').description('组织机构');
org
  .command('import <countyCode>')
  .description('从行政区划数据导入一个县（区）的全部乡镇（街道）和村（社区），如 houbei org import 511425')
  .action(async (countyCode: string) => {
    const database = await openMigratedDatabase(readConfig());
    try {
      const result = await importCounty(database.db, systemContext(), countyCode);
      console.log(`${result.countyName}（${result.countyCode}）：乡镇（街道）${result.townships} 个，村（社区）${result.villages} 个；本次新增 ${result.inserted} 个单位${result.inserted === 0 ? '（已全部存在，未作改动）' : ''}`);
    } finally {
      await database.close();
    }
  });

const audit = program.command('audit').description('操作日志');
audit
  .command('verify')
  .description('校验操作日志哈希链，报告第一条被篡改或缺失的日志')
  .action(async () => {
    const database = await openMigratedDatabase(readConfig());
    const result = await verifyAuditChain(database.db).finally(() => database.close());
    if (result.firstBreak) {
      console.error(`校验失败：${describeChainBreak(result.firstBreak)}（此前 ${result.checked} 条完好）`);
      process.exit(1);
    }
    console.log(`操作日志完整，共校验 ${result.checked} 条`);
  });

try {
  await program.parseAsync(process.argv);
} catch (error) {
  console.error(error instanceof AppError || error instanceof Error ? `错误：${error.message}` : error);
  process.exit(1);
}
