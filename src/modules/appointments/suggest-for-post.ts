import type { Db } from '../../db/database.ts';
import { rankSuggestions, type SuggestionCandidate } from '../../domain/appointment-suggestions.ts';
import { postLabel } from '../../domain/committee.ts';
import { evaluateEligibility } from '../../domain/eligibility.ts';
import { subtreePrefix } from '../../domain/org-code.ts';
import type { Context } from '../../server/access.ts';
import { resolveEffectivePolicy } from '../selection/policy.service.ts';
import { findVacancy } from '../villages/committee-roster.ts';
import { findVillageNeeds } from '../villages/village-profile.ts';
import { appointmentsRepository } from './appointments.repository.ts';

/** Reserves beyond the post's township ranked at most (the likeliest first): keeps a province's ranking bounded. */
const OTHERS_LIMIT = 300;
/** Suggestions returned, best first. */
const SHOWN = 50;

function yearBefore(today: string): string {
  return `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
}

/**
 * The reserves suggested for a vacancy (择优使用): own village, then township, then county, each
 * checked against the post's rules and explained — within what the caller may read of the county.
 */
export async function suggestForVacancy(db: Db, ctx: Context, vacancyId: string) {
  const vacancy = await findVacancy(db, ctx, vacancyId);
  ctx.access.require('person.read', [vacancy.org_code], { record: '空缺职务', action: '查看任用建议人选' });
  const county = subtreePrefix(vacancy.org_code.slice(0, 6).padEnd(12, '0'), 'county');
  const prefixes = ctx.access.prefixes('person.read').map((prefix) => (prefix.startsWith(county) ? prefix : county.startsWith(prefix) ? county : null)).filter((prefix): prefix is string => prefix !== null);
  const rows = await appointmentsRepository.listSuggestionCandidates(db, { prefixes, townshipCode: vacancy.township_code, since: yearBefore(ctx.today), othersLimit: OTHERS_LIMIT });
  const policy = (await resolveEffectivePolicy(db, vacancy.org_code)).rules;
  const need = (await findVillageNeeds(db, [vacancy.org_code])).get(vacancy.org_code)!;
  const candidates: SuggestionCandidate[] = rows.map((row) => ({
    reserveId: row.reserve_id, name: row.name, orgCode: row.org_code, villageName: row.village_name, townshipCode: row.township_code,
    birthDate: row.birth_date, education: row.education, targetPost: row.target_post, readiness: row.readiness,
    lastAnnualGrade: row.last_annual_grade, recentOpinions: row.recent_opinions,
    grid: row.grid_performance !== null && row.grid_potential !== null ? { performance: row.grid_performance, potential: row.grid_potential } : null,
    policyVerdicts: vacancy.post === 'secretary' ? [] : evaluateEligibility({ birthDate: row.birth_date, politicalStatus: row.political_status, education: row.education, exclusionsFound: [] }, { ...policy, referenceDate: ctx.today }).verdicts,
  }));
  const ranked = rankSuggestions({ orgCode: vacancy.org_code, townshipCode: vacancy.township_code, post: vacancy.post, need: need.need, youngMaximumAge: policy.youngReserveMaximumAge }, candidates, ctx.today, policy.secretary);
  const versions = new Map(rows.map((row) => [row.reserve_id, row.version]));
  return {
    vacancy: { id: vacancy.id, orgCode: vacancy.org_code, villageName: vacancy.village_name, committee: vacancy.committee, post: vacancy.post, postLabel: postLabel(vacancy.committee, vacancy.post), openedOn: vacancy.opened_on, cause: vacancy.cause, closedOn: vacancy.closed_on },
    need: need.need, needExplanation: need.explanation,
    considered: ranked.length,
    suggestions: ranked.slice(0, SHOWN).map((suggestion, index) => ({ rank: index + 1, ...suggestion, reserveVersion: versions.get(suggestion.reserveId)! })),
  };
}
