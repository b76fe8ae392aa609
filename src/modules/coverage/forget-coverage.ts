import type { Executor } from '../../db/database.ts';
import { subtreePrefix, type OrgLevel } from '../../domain/org-code.ts';
import { coverageRepository } from './coverage.repository.ts';

/**
 * After the rules of a unit changed (its eligibility policy: the young and the secretary ages):
 * the stored coverage of its villages is dropped and evaluated again when next read. Apart from
 * the coverage service so that the policy service, which coverage reads, can call it.
 */
export async function forgetCoverageOf(tx: Executor, orgCode: string, level: OrgLevel): Promise<void> {
  await coverageRepository.forgetStored(tx, subtreePrefix(orgCode, level));
}
