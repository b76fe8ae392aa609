import { driveToPublicNotice, nominateForTest } from '../../helpers/selection.ts';
import type { PathFiller } from './types.ts';

/**
 * Path values for the selection GET routes (see sensitive-fields.test.ts): the first seeded person,
 * surveyed in a second village of the township, nominated there and taken into a public notice.
 */
export const selectionPaths: PathFiller = async (world, admin, reserves) => {
  const person = reserves[0]!;
  const village = world.townshipA.villageCodes.find((code) => code !== world.townshipA.villageCode)!;
  const ledger = await world.app.inject({
    method: 'POST', url: '/api/talent-ledger', headers: { cookie: admin },
    payload: { orgCode: village, person: { name: person.name, idNumber: person.idNumber, politicalStatus: 'fullMember', partyJoinDate: '2015.07', education: 'juniorCollege' }, sourceCategory: 'graduate' },
  });
  if (ledger.statusCode !== 201) throw new Error(`ledger: ${ledger.statusCode} ${ledger.body}`);
  const candidateId = await nominateForTest(world, admin, village, person.personId);
  const { publicNoticeId } = await driveToPublicNotice(world, admin, await world.login('reviewer'), candidateId, village, world.townshipA.code);
  const attached = await world.app.inject({
    method: 'POST', url: `/api/selection-candidates/${candidateId}/attachments?fileName=${encodeURIComponent('会议记录.pdf')}`,
    headers: { cookie: admin, 'content-type': 'application/pdf' }, payload: Buffer.from(`%PDF-1.4 ${person.name}`),
  });
  if (attached.statusCode !== 200) throw new Error(`attachment: ${attached.statusCode} ${attached.body}`);
  const attachmentId = (attached.json() as { attachments: { id: string }[] }).attachments[0]!.id;
  return {
    '/api/selection-candidates/{id}': candidateId,
    '/api/selection-candidates/{id}/attachments/{attachmentId}': attachmentId,
    '/api/public-notices/{id}': publicNoticeId,
  };
};
