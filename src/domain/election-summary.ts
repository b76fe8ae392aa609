import { ageOn } from './dates.ts';
import { compositionOf, type CompositionMember, type VillageComposition } from './election-procedure.ts';
import { EDUCATION_LABELS, educationRank, type EducationLevel } from './eligibility.ts';

/**
 * The county's 换届情况汇总表: one line per village of what its 换届 has elected so far, and the
 * township subtotals and the total added up. A village's line counts the people elected (a person
 * in both committees once), as the composition report does; reserves used and new secretaries
 * from the pool are known once the county has filed (the composition stored then).
 */

export interface ElectionSummaryLine {
  villages: number;
  filed: number;
  partySeats: number;
  villagersSeats: number;
  elected: number;
  secretaryAndDirector: number;
  women: number;
  /** Members aged 35 or under at the reference date. */
  young: number;
  /** Ages of the secretaries elected (one per village that has one). */
  secretaryAges: number[];
  secretariesWithCollege: number;
  reservesUsed: number;
  newSecretariesFromReserves: number;
}

export interface ElectionSummaryVillage {
  line: ElectionSummaryLine;
  secretaryAge: number | null;
  secretaryEducation: string | null;
}

/** A village's line: the elected members on the reference date (the township's approval, or today before it) and the composition stored at filing. */
export function electionSummaryVillage(input: {
  elected: readonly CompositionMember[]; on: string; partySeats: number | null; villagersSeats: number | null; filed: VillageComposition | null; youngMaximumAge?: number;
}): ElectionSummaryVillage {
  const youngMaximumAge = input.youngMaximumAge ?? 35;
  const composition = compositionOf(input.elected, input.on, youngMaximumAge);
  const people = new Map(input.elected.map((member) => [member.personId, member]));
  const secretary = input.elected.find((member) => member.committee === 'party' && member.post === 'secretary');
  return {
    line: {
      villages: 1, filed: input.filed ? 1 : 0, partySeats: input.partySeats ?? 0, villagersSeats: input.villagersSeats ?? 0,
      elected: composition.members, secretaryAndDirector: Number(composition.isSecretaryAndDirector), women: composition.womenMembers,
      young: [...people.values()].filter((member) => ageOn(member.birthDate, input.on) <= youngMaximumAge).length,
      secretaryAges: composition.secretaryAge === null ? [] : [composition.secretaryAge],
      secretariesWithCollege: secretary && educationRank(secretary.education) >= educationRank('juniorCollege') ? 1 : 0,
      reservesUsed: input.filed?.reservesUsed ?? 0, newSecretariesFromReserves: Number(input.filed?.isNewSecretaryFromReserves ?? false),
    },
    secretaryAge: composition.secretaryAge,
    secretaryEducation: secretary ? (EDUCATION_LABELS[secretary.education as EducationLevel] ?? secretary.education) : null,
  };
}

/** Lines added up (a township's subtotal, the total). */
export function addElectionSummaryLines(lines: readonly ElectionSummaryLine[]): ElectionSummaryLine {
  const sum = (pick: (line: ElectionSummaryLine) => number) => lines.reduce((total, line) => total + pick(line), 0);
  return {
    villages: sum((line) => line.villages), filed: sum((line) => line.filed), partySeats: sum((line) => line.partySeats), villagersSeats: sum((line) => line.villagersSeats),
    elected: sum((line) => line.elected), secretaryAndDirector: sum((line) => line.secretaryAndDirector), women: sum((line) => line.women), young: sum((line) => line.young),
    secretaryAges: lines.flatMap((line) => line.secretaryAges), secretariesWithCollege: sum((line) => line.secretariesWithCollege),
    reservesUsed: sum((line) => line.reservesUsed), newSecretariesFromReserves: sum((line) => line.newSecretariesFromReserves),
  };
}
