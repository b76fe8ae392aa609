import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Executor } from '../../db/database.ts';
import { canonicalJson } from '../../domain/audit-chain.ts';
import { auditRepository } from './audit.repository.ts';

/** The name under which checkpoints record the unkeyed events written before keyed chains. */
export const UNKEYED_CHAIN = 'unkeyed';

export interface ChainHead {
  /** County code, `system`, or `unkeyed`. */
  chain: string;
  /** Events in the chain (the newest one's position). */
  count: number;
  hash: string;
}

/**
 * The heads of every audit chain at a moment, written outside the database (one JSON line per
 * checkpoint in `DATA_DIR/audit-checkpoints.jsonl`) and MACed with the chain key, so that
 * deleting the newest events — which leaves a shorter chain that still links — is found by
 * comparing with the last checkpoint.
 */
export interface AuditCheckpoint {
  at: string;
  heads: ChainHead[];
  mac: string;
}

export const CHECKPOINT_FILE_NAME = 'audit-checkpoints.jsonl';

export function checkpointFileIn(dataDir: string): string {
  return path.join(dataDir, CHECKPOINT_FILE_NAME);
}

/** The head of every chain now: the unkeyed events first, then the keyed chains by name. */
export async function readChainHeads(db: Executor): Promise<ChainHead[]> {
  const unkeyed = await auditRepository.findUnkeyedHead(db);
  const keyed = await auditRepository.listChainHeads(db);
  return [
    ...(unkeyed ? [{ chain: UNKEYED_CHAIN, count: unkeyed.id, hash: unkeyed.hash }] : []),
    ...keyed.map((head) => ({ chain: head.chain, count: head.seq, hash: head.hash })),
  ];
}

function macCheckpoint(key: Buffer, at: string, heads: readonly ChainHead[]): string {
  return crypto.createHmac('sha256', key).update(`houbei audit checkpoint\n${canonicalJson({ at, heads })}`).digest('hex');
}

/**
 * The checkpoints of the file, oldest first. A line whose MAC does not match (edited, or made
 * with another key) is an error naming its line, not silently skipped.
 */
export function readCheckpoints(file: string, key: Buffer): AuditCheckpoint[] {
  if (!fs.existsSync(file)) return [];
  const lines = fs.readFileSync(file, 'utf8').split('\n').filter((line) => line.trim() !== '');
  return lines.map((line, index) => {
    let checkpoint: AuditCheckpoint;
    try {
      checkpoint = JSON.parse(line) as AuditCheckpoint;
    } catch {
      // A line cut short by a crash while it was written is the last one: ignore only that.
      if (index === lines.length - 1) return null;
      throw new Error(`操作日志检查点文件 ${file} 第 ${index + 1} 行不是有效的 JSON，文件被改动`);
    }
    if (macCheckpoint(key, checkpoint.at, checkpoint.heads) !== checkpoint.mac) {
      throw new Error(`操作日志检查点文件 ${file} 第 ${index + 1} 行的校验码不符：检查点被改动，或主密钥不是写入时的密钥`);
    }
    return checkpoint;
  }).filter((checkpoint): checkpoint is AuditCheckpoint => checkpoint !== null);
}

/** Appends the chain heads as a checkpoint when they differ from the last one; answers the checkpoint that now stands. */
export async function writeCheckpoint(db: Executor, file: string, key: Buffer, now: Date): Promise<AuditCheckpoint | null> {
  const heads = await readChainHeads(db);
  const last = readCheckpoints(file, key).at(-1) ?? null;
  if (heads.length === 0 || (last && canonicalJson(last.heads) === canonicalJson(heads))) return last;
  const at = now.toISOString();
  const checkpoint: AuditCheckpoint = { at, heads, mac: macCheckpoint(key, at, heads) };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const handle = fs.openSync(file, 'a', 0o600);
  try {
    fs.writeSync(handle, `${JSON.stringify(checkpoint)}\n`);
    fs.fsyncSync(handle);
  } finally {
    fs.closeSync(handle);
  }
  return checkpoint;
}
