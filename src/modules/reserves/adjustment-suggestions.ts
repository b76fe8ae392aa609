import type { Db } from '../../db/database.ts';
import { adjustmentReasons } from '../../domain/removal.ts';
import type { Context } from '../../server/access.ts';
import { listingPrefixes } from '../org-units/org-units.service.ts';
import { failedRulesMemo, resolveEffectivePolicies } from '../selection/policy.service.ts';
import { removalRepository } from './reserve-removal.repository.ts';

/**
 * 建议调整: the admitted reserves the village and the township should consider removing — the
 * newest annual result 不合格, 基本合格 twice, or failing the policy in force now. Suggestions
 * only: removing one is the ordinary removal procedure, proposed by the village.
 */
export async function listAdjustmentSuggestions(db: Db, ctx: Context, query: { orgCode?: string | undefined }) {
  const prefixes = await listingPrefixes(db, ctx, query.orgCode, '查看建议调整名单');
  const rows = await removalRepository.listAdjustmentFacts(db, prefixes);
  const policies = await resolveEffectivePolicies(db, [...new Set(rows.map((row) => row.township_code || row.org_code))]);
  const checkers = new Map([...policies].map(([code, policy]) => [code, failedRulesMemo(policy.rules)]));
  const suggestions = rows.flatMap((row) => {
    const failed = checkers.get(row.township_code || row.org_code)!({ ...row, exclusions_found: [] });
    const reasons = adjustmentReasons({ annualGrades: row.annual_grades, failedRules: failed });
    if (reasons.length === 0) return [];
    return [{
      reserveId: row.reserve_id, personName: row.name, orgCode: row.org_code, villageName: row.village_name, reasons,
      hasOpenRemoval: row.has_open_removal,
      policies: { propose: !row.has_open_removal && ctx.access.can('removal.propose', row.org_code) },
    }];
  });
  return { suggestions };
}
