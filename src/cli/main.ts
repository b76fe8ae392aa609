import fs from 'node:fs';
import { Command } from 'commander';
import { importRoster } from '../modules/roster/import-roster.ts';
import { exportRoster } from '../modules/roster/roster-export.service.ts';
import { exportCommittees } from '../modules/villages/export-committees.ts';
import { importCommittees } from '../modules/villages/import-committees.ts';
import type { TableExport } from '../server/xlsx-table.ts';
import { systemContext, type SystemContext } from '../server/access.ts';
import { clockFromSetting } from '../server/clock.ts';
import { readConfig } from '../server/config.ts';
import { openInstallationCipher, openMigratedDatabase, startServer } from './start.ts';
import { migrate } from '../db/migrate.ts';
import { openDatabase } from '../db/database.ts';
import { importCounty } from '../modules/org-units/org-units.service.ts';
import { checkpointAuditChain, describeChainBreak, describeVerification, verifyAuditChain } from '../modules/audit/audit.service.ts';
import { CHECKPOINT_FILE_NAME } from '../modules/audit/audit-checkpoint.ts';
import { AppError } from '../server/errors.ts';
import { registerBackupCommand } from './backup.ts';
import { registerRestoreCommand } from './restore.ts';
import { registerSnapshotCommand } from './snapshot.ts';

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
      const result = await importCounty(database.db, commandContext(), countyCode);
      await checkpointAuditChain(database.db, new Date());
      console.log(`${result.countyName}（${result.countyCode}）：乡镇（街道）${result.townships} 个，村（社区）${result.villages} 个；本次新增 ${result.inserted} 个单位${result.inserted === 0 ? '（已全部存在，未作改动）' : ''}`);
    } finally {
      await database.close();
    }
  });

/** The command acts as the system, on the business date of the installation's clock (HOUBEI_TODAY or the system's). */
function commandContext(): SystemContext {
  return systemContext(clockFromSetting(readConfig().today).today());
}

const importCommand = program.command('import').description('导入');
importCommand
  .command('roster <file>')
  .description('导入名册（.xlsx）：全部正确才导入，否则列出每处错误；如 houbei import roster 名册.xlsx --unit 511425110000')
  .requiredOption('--unit <code>', '导入到的单位代码（县、乡镇或村）')
  .action(async (file: string, options: { unit: string }) => {
    await runImport('roster', file, options.unit);
  });
importCommand
  .command('ledger <file>')
  .description('导入人才台账（.xlsx，同名册模板）：全部正确才导入，否则列出每处错误')
  .requiredOption('--unit <code>', '导入到的单位代码（县、乡镇或村）')
  .action(async (file: string, options: { unit: string }) => {
    await runImport('ledger', file, options.unit);
  });

importCommand
  .command('committees <file>')
  .description('导入现任村“两委”及村务监督委员会成员（.xlsx）：全部正确才导入，否则列出每处错误；如 houbei import committees 两委.xlsx --unit 511425000000')
  .requiredOption('--unit <code>', '导入到的单位代码（县、乡镇或村）')
  .action(async (file: string, options: { unit: string }) => {
    await runFileImport(async (database, cipher) => {
      const result = await importCommittees(database.db, commandContext(), cipher, { orgCode: options.unit, file: fs.readFileSync(file) });
      return `导入完成：共 ${result.total} 行，任职 ${result.seated} 人次（新建人员 ${result.createdPeople} 人），未变 ${result.unchanged} 行`;
    });
  });

/** Imports a roster or ledger file; on a rejected file lists every problem and exits with status 1. */
async function runImport(kind: 'roster' | 'ledger', file: string, unit: string): Promise<void> {
  await runFileImport(async (database, cipher) => {
    const result = await importRoster(database.db, commandContext(), cipher, { orgCode: unit, file: fs.readFileSync(file), kind });
    return `导入完成：共 ${result.total} 人，新增 ${result.created}，更新 ${result.updated}，未变 ${result.unchanged}`;
  });
}

/** Runs an import and prints its outcome; on a rejected file lists every problem and exits with status 1. */
async function runFileImport(run: (database: Awaited<ReturnType<typeof openMigratedDatabase>>, cipher: Awaited<ReturnType<typeof openInstallationCipher>>) => Promise<string>): Promise<void> {
  const database = await openMigratedDatabase(readConfig());
  try {
    const outcome = await run(database, await openInstallationCipher(readConfig(), database));
    await checkpointAuditChain(database.db, new Date());
    console.log(outcome);
  } catch (error) {
    if (error instanceof AppError && Array.isArray(error.details)) {
      console.error(error.message);
      for (const item of error.details as { row: number; column: string; message: string }[]) console.error(`  第 ${item.row} 行「${item.column}」：${item.message}`);
      await database.close();
      process.exit(1);
    }
    throw error;
  } finally {
    await database.close();
  }
}

const exportCommand = program.command('export').description('导出');
exportCommand
  .command('roster')
  .description('导出名册（.xlsx），如 houbei export roster --unit 511425000000 --out 名册.xlsx')
  .requiredOption('--unit <code>', '单位代码')
  .requiredOption('--out <file>', '输出文件')
  .option('--sensitive', '导出完整身份证号码和联系电话（默认脱敏）')
  .option('--date <YYYY-MM-DD>', '年龄计算日期，默认今天')
  .action(async (options: { unit: string; out: string; sensitive?: boolean; date?: string }) => {
    await runExport(options.out, '人', (database, cipher) => exportRoster(database.db, commandContext(), cipher, {
      orgCode: options.unit, includeSensitive: options.sensitive === true, referenceDate: options.date,
    }));
  });
exportCommand
  .command('committees')
  .description('导出单位下各村（社区）在任“两委”及村务监督委员会成员（.xlsx，列同导入模板），如 houbei export committees --unit 511425000000 --out 两委.xlsx')
  .requiredOption('--unit <code>', '单位代码')
  .requiredOption('--out <file>', '输出文件')
  .option('--sensitive', '导出完整身份证号码和联系电话（默认脱敏；脱敏的文件不能再导入）')
  .action(async (options: { unit: string; out: string; sensitive?: boolean }) => {
    await runExport(options.out, '人次', (database, cipher) => exportCommittees(database.db, commandContext(), cipher, { orgCode: options.unit, includeSensitive: options.sensitive === true }));
  });

/** Writes an export to a file and says how many rows it holds. */
async function runExport(out: string, counted: string, prepare: (database: Awaited<ReturnType<typeof openMigratedDatabase>>, cipher: Awaited<ReturnType<typeof openInstallationCipher>>) => Promise<TableExport>): Promise<void> {
  const database = await openMigratedDatabase(readConfig());
  try {
    const tableExport = await prepare(database, await openInstallationCipher(readConfig(), database));
    const output = fs.createWriteStream(out);
    const count = await tableExport.write(output);
    await new Promise<void>((resolve) => output.on('close', () => resolve()));
    console.log(`已导出 ${count} ${counted}到 ${out}`);
  } finally {
    await database.close();
  }
}

const audit = program.command('audit').description('操作日志');
audit
  .command('verify')
  .description('校验操作日志的各条日志链，并与数据目录中最近的检查点比对；发现篡改、缺失或被删除的最新日志时以状态 1 退出')
  .action(async () => {
    const database = await openMigratedDatabase(readConfig());
    const result = await verifyAuditChain(database.db).finally(() => database.close());
    if (result.firstBreak) {
      console.error(`校验失败：${describeChainBreak(result.firstBreak)}（此前 ${result.checked} 条完好）`);
      process.exit(1);
    }
    console.log(describeVerification(result));
  });
audit
  .command('checkpoint')
  .description(`把各日志链的链头（条数与哈希）写入数据目录的 ${CHECKPOINT_FILE_NAME}（服务运行时每 10 分钟自动写入）`)
  .action(async () => {
    const database = await openMigratedDatabase(readConfig());
    const checkpoint = await checkpointAuditChain(database.db, new Date()).finally(() => database.close());
    console.log(checkpoint ? `检查点（${checkpoint.at}）：${checkpoint.heads.map((head) => `${head.chain} ${head.count} 条`).join('，')}` : '尚无操作日志，未写检查点');
  });

registerBackupCommand(program);
registerSnapshotCommand(program);
registerRestoreCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  console.error(error instanceof AppError || error instanceof Error ? `错误：${error.message}` : error);
  process.exit(1);
}
