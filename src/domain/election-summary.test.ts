import { describe, expect, it } from 'vitest';
import { addElectionSummaryLines, electionSummaryVillage } from './election-summary.ts';
import type { CompositionMember, VillageComposition } from './election-procedure.ts';

const member = (personId: string, committee: CompositionMember['committee'], post: string, extra: Partial<CompositionMember> = {}): CompositionMember => ({
  personId, committee, post, gender: 'male', birthDate: '1980-01-01', education: 'seniorHigh', ...extra,
});

describe('a village line of the 换届 summary table', () => {
  const elected = [
    member('a', 'party', 'secretary', { birthDate: '1990-05-06', education: 'juniorCollege' }), member('a', 'villagers', 'director', { birthDate: '1990-05-06', education: 'juniorCollege' }),
    member('b', 'party', 'member', { gender: 'female', birthDate: '1991-12-02' }), member('c', 'villagers', 'member', { gender: 'female', birthDate: '1991-12-01' }),
  ];

  it('counts a person in both committees once, the women, those 35 or under on the date, and the secretary', () => {
    const village = electionSummaryVillage({ elected, on: '2026-12-01', partySeats: 3, villagersSeats: 3, filed: null });
    expect(village.line).toMatchObject({ villages: 1, filed: 0, elected: 3, secretaryAndDirector: 1, women: 2, young: 2, secretaryAges: [36], secretariesWithCollege: 1, reservesUsed: 0 });
    expect(village).toMatchObject({ secretaryAge: 36, secretaryEducation: '大专' });
  });

  it('takes the reserves used and the new secretary from the composition filed', () => {
    const filed = { reservesUsed: 2, isNewSecretaryFromReserves: true } as VillageComposition;
    const village = electionSummaryVillage({ elected, on: '2026-12-01', partySeats: 3, villagersSeats: 3, filed });
    expect(village.line).toMatchObject({ filed: 1, reservesUsed: 2, newSecretariesFromReserves: 1 });
  });

  it('has no secretary before the posts are decided, and adds lines up', () => {
    const none = electionSummaryVillage({ elected: [], on: '2026-12-01', partySeats: null, villagersSeats: null, filed: null });
    expect(none).toMatchObject({ secretaryAge: null, secretaryEducation: null, line: { elected: 0, secretaryAges: [], partySeats: 0 } });
    const one = electionSummaryVillage({ elected, on: '2026-12-01', partySeats: 3, villagersSeats: 5, filed: null });
    expect(addElectionSummaryLines([none.line, one.line, one.line])).toMatchObject({ villages: 3, partySeats: 6, villagersSeats: 10, elected: 6, women: 4, young: 4, secretaryAges: [36, 36] });
  });
});
