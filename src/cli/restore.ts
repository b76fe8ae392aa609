import fs from 'node:fs';
import type { Command } from 'commander';
import { restoreDatabase } from '../db/backup.ts';
import { checkpointFileIn } from '../modules/audit/audit-checkpoint.ts';
import { checkpointAuditChain, describeVerification, verifyAuditChain } from '../modules/audit/audit.service.ts';
import { readConfig } from '../server/config.ts';
import { openInstallationCipher, openMigratedDatabase } from './start.ts';

/**
 * `houbei restore FILE`: replaces the database with a backup (the server stopped), checks the
 * master key against it, verifies the audit log, and starts a new checkpoint file (the old one
 * is kept beside: a backup older than it lacks the events written since).
 */
export function registerRestoreCommand(program: Command): void {
  program
    .command('restore <file>')
    .description('用 houbei backup 的备份文件替换当前数据库（须先停止服务），并校验主密钥和操作日志')
    .action(async (file: string) => {
      const config = readConfig();
      const now = new Date();
      const aside = await restoreDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }, file, now);
      const checkpoints = checkpointFileIn(config.dataDir);
      if (fs.existsSync(checkpoints)) fs.renameSync(checkpoints, checkpoints.replace(/\.jsonl$/, `.before-restore-${now.toISOString().replace(/[:.]/g, '-')}.jsonl`));
      const database = await openMigratedDatabase(config);
      try {
        await openInstallationCipher(config, database);
        const verification = await verifyAuditChain(database.db);
        if (verification.firstBreak) throw new Error(`已恢复，但操作日志校验失败：${describeVerification(verification)}`);
        await checkpointAuditChain(database.db, now);
        console.log(`已从 ${file} 恢复${aside ? `（原数据目录已移到 ${aside}）` : ''}；${describeVerification(verification)}`);
      } finally {
        await database.close();
      }
    });
}
