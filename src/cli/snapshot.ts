import type { Command } from 'commander';
import { checkpointAuditChain } from '../modules/audit/audit.service.ts';
import { takeSnapshots } from '../modules/dashboard/take-snapshots.ts';
import { systemContext } from '../server/access.ts';
import { clockFromSetting } from '../server/clock.ts';
import { readConfig } from '../server/config.ts';
import { openMigratedDatabase } from './start.ts';

/** `houbei snapshot [--unit CODE]`: the statistics of a unit and of its units down to the townships, as of today. */
export function registerSnapshotCommand(program: Command): void {
  program
    .command('snapshot')
    .description('生成统计快照：指定单位（默认全部）及其下级直至乡镇，按今天（HOUBEI_TODAY 或系统日期）统计；同一天再次生成时替换')
    .option('--unit <code>', '单位的 12 位统计用区划代码', '000000000000')
    .action(async (options: { unit: string }) => {
      const config = readConfig();
      const database = await openMigratedDatabase(config);
      try {
        const result = await takeSnapshots(database.db, systemContext(clockFromSetting(config.today).today()), options.unit);
        await checkpointAuditChain(database.db, new Date());
        console.log(`已生成 ${result.takenOn} 的统计快照：${result.units} 个单位`);
      } finally {
        await database.close();
      }
    });
}
