import { idNumberCheckCharacter } from '../../src/domain/id-number.ts';
import type { Http } from './http.ts';

/**
 * A person entered in a village's talent ledger and admitted to the pool over HTTP, with an ID
 * number of the demo county made unique by `stamp`; `born` is the year and month (YYYYMM).
 */
export async function admitReserve(http: Http, orgCode: string, options: { name: string; born: string; stamp: number; readiness: string }): Promise<{ reserveId: string; personId: string }> {
  const day = String(10 + (options.stamp % 18)).padStart(2, '0');
  const first17 = `511425${options.born}${day}${String((options.stamp % 499) * 2 + 1).padStart(3, '0')}`;
  const { entry } = await http.call<{ entry: { person: { id: string } } }>('POST', '/api/talent-ledger', {
    orgCode,
    person: {
      name: options.name, birthDate: `${options.born.slice(0, 4)}-${options.born.slice(4)}-${day}`, idNumber: first17 + idNumberCheckCharacter(first17),
      politicalStatus: 'fullMember', partyJoinDate: '2016-07-01', education: 'bachelor',
    },
    sourceCategory: 'graduate',
  }, 201);
  const reserve = await http.call<{ id: string }>('POST', '/api/reserves', {
    orgCode, personId: entry.person.id, targetPost: 'committeeMember', readiness: options.readiness, sourceCategory: 'graduate',
    registration: { sourceDocument: '村级后备力量名册' },
  }, 201);
  return { reserveId: reserve.id, personId: entry.person.id };
}
