import type { Command } from 'commander';
import { backupDatabase } from '../db/backup.ts';
import { readConfig } from '../server/config.ts';

/** `houbei backup FILE`: the whole database into one file (without the master key). */
export function registerBackupCommand(program: Command): void {
  program
    .command('backup <file>')
    .description('备份数据库到一个文件：PostgreSQL 用 pg_dump（服务运行时即可备份）；内置数据库须先停止服务（或用定时备份）。主密钥不在备份中，请另行保管')
    .action(async (file: string) => {
      const config = readConfig();
      await backupDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }, file);
      console.log(`已备份到 ${file}。请把主密钥（HOUBEI_SECRET_KEY 或 ${config.dataDir}/secret.key）另行保管：没有它，备份中的身份证号码和电话无法解密`);
    });
}
