import type { Db, Executor } from '../../db/database.ts';
import { ageOn } from '../../domain/dates.ts';
import { subtreePrefix } from '../../domain/org-code.ts';
import { SELECTION_STAGES, checkVillageShortlist,
  type CandidateProfile } from '../../domain/selection-procedure.ts';


import type { Context } from '../../server/access.ts';
import { AppError, notFound } from '../../server/errors.ts';
import { orgUnitLookup } from '../org-units/org-units.service.ts';
import { resolveEffectivePolicy } from './policy.service.ts';
import { selectionRepository, type CandidateRow } from './selection.repository.ts';
import { loadCandidate, takeStep } from './candidate-steps.ts';
import { findVillageNeeds } from '../villages/village-profile.ts';

/** The township's shortlist (建议名单) with the 因村选人 warnings. */

export async function requireTownship(db: Executor, orgCode: string) {
  const unit = await orgUnitLookup.findByCode(db, orgCode);
  if (!unit) throw notFound('组织单位');
  if (unit.level !== 'township') throw new AppError('VALIDATION_FAILED', `「${unit.name}」不是乡镇（街道），请选择乡镇`);
  return unit;
}

/** The 因村选人 warnings of a township: villages short of candidates, of the profile they need, or of young ones. */
export async function shortlistWarnings(db: Executor, townshipCode: string, candidates: readonly CandidateRow[]): Promise<string[]> {
  const villageCodes = [...new Set(candidates.map((candidate) => candidate.org_code))];
  const needs = await findVillageNeeds(db, villageCodes);
  const policy = (await resolveEffectivePolicy(db, townshipCode)).rules;
  return villageCodes.flatMap((code) => {
    const ofVillage = candidates.filter((candidate) => candidate.org_code === code);
    return checkVillageShortlist(
      { name: ofVillage[0]!.village_name, need: needs.get(code)?.need ?? null },
      ofVillage.map((candidate) => ({ profile: candidate.profile as CandidateProfile, age: ageOn(candidate.birth_date, policy.referenceDate) })),
      { minimumPerVillage: policy.minimumShortlistPerVillage, youngMaximumAge: policy.youngReserveMaximumAge },
    );
  });
}

export async function shortlistCandidates(db: Db, ctx: Context, input: { orgCode: string; meetingOn: string; minutes: string; candidateIds: string[] }) {
  ctx.access.require('selection.read', [input.orgCode], { record: '组织单位', action: '查看该乡镇的选拔工作' });
  return db.transaction().execute(async (tx) => {
    const township = await requireTownship(tx, input.orgCode);
    const prefix = subtreePrefix(township.code, township.level);
    const shortlisted: CandidateRow[] = [];
    for (const candidateId of new Set(input.candidateIds)) {
      const candidate = await loadCandidate(tx, ctx, candidateId);
      if (!candidate.org_code.startsWith(prefix)) throw new AppError('VALIDATION_FAILED', `${candidate.name}不是「${township.name}」的人选`);
      await takeStep(tx, ctx, candidate, {
        action: 'shortlist', isBatch: true, version: candidate.version, occurredOn: input.meetingOn, details: { minutes: input.minutes, townshipCode: township.code },
        summary: `列入${township.name}党委建议名单`,
      });
      shortlisted.push(candidate);
    }
    // Everyone on the township's list so far: this meeting's and those already past the shortlist.
    const onList = (await selectionRepository.listCandidates(tx, { prefixes: [prefix], outcome: 'inProgress' }, { offset: 0, limit: 5000 })).rows
      .filter((candidate) => SELECTION_STAGES.indexOf(candidate.stage) > SELECTION_STAGES.indexOf('shortlist'));
    return { shortlisted: shortlisted.length, warnings: await shortlistWarnings(tx, township.code, onList) };
  });
}
