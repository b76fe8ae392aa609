import type { Db } from '../../db/database.ts';
import { youngBornAfter } from '../../domain/coverage.ts';
import { subtreePrefix } from '../../domain/org-code.ts';
import { figuresOf, type UnitTotals } from '../../domain/statistics.ts';
import type { Context } from '../../server/access.ts';
import { getCoverage } from '../coverage/coverage.service.ts';
import { effectiveTrainingRules } from '../cultivation/training.service.ts';
import type { OrgUnitRecord } from '../org-units/org-units.service.ts';
import { statisticsRepository } from './statistics.repository.ts';

/** The age under which a 两委 member counts as young for the campaign's target (seed 000: 35 and under). */
export const YOUNG_MEMBER_MAXIMUM_AGE = 35;

/**
 * A unit's figures on the caller's date: reserves and coverage (from the coverage module), training
 * and mentoring compliance, and the sitting secretaries. The campaign's progress is added by the
 * campaign module; here it is left empty.
 */
export async function computeUnitStatistics(db: Db, ctx: Context, unit: Pick<OrgUnitRecord, 'code' | 'level'>, options: { villages?: boolean } = {}) {
  const today = ctx.today;
  const prefix = subtreePrefix(unit.code, unit.level);
  const year = Number(today.slice(0, 4));
  const [coverage, training, mentoring, secretaries, youngMember, twoMature] = await Promise.all([
    getCoverage(db, ctx, unit.code, { shortOnly: options.villages !== true }),
    effectiveTrainingRules(db, unit.code),
    statisticsRepository.mentoring(db, prefix, today),
    statisticsRepository.secretaryFigures(db, prefix, today),
    statisticsRepository.villagesWithYoungMember(db, prefix, today, youngBornAfter(today, YOUNG_MEMBER_MAXIMUM_AGE)),
    statisticsRepository.villagesWithTwoMature(db, prefix),
  ]);
  const trained = await statisticsRepository.trainedReserves(db, prefix, year, training.rules.minimumDaysPerYear);
  const { summary } = coverage;
  const totals: UnitTotals = {
    reserves: summary.reserves,
    villages: summary.villages,
    villagesWithTwo: summary.counts.atLeastTwo,
    villagesWithTwoMature: twoMature,
    villagesWithYoung: summary.counts.young,
    villagesWithSuccessor: summary.counts.readySuccessor,
    shortVillages: summary.shortVillages,
    shortMinimumReserves: summary.byRule.minimumReserves,
    shortYoungReserve: summary.byRule.youngReserve,
    shortNeededKind: summary.byRule.neededKind,
    trained,
    mentored: mentoring.mentored,
    mentoredContactedThisMonth: mentoring.contactedThisMonth,
    mentorContactsThisMonth: mentoring.contactsThisMonth,
    secretaries: secretaries.secretaries,
    collegeSecretaries: secretaries.college,
    secretaryAgeSum: secretaries.ageSum,
    villagesWithYoungMember: youngMember,
  };
  const figures = figuresOf(totals);
  return { figures, totals, coverage, trained, mentoring, minimumTrainingDays: training.rules.minimumDaysPerYear };
}
