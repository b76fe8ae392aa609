import type { Db } from '../../db/database.ts';
import { buildLrmx, lrmxFileName, type AppointmentFormData } from '../../domain/appointment-form.ts';
import { postLabel } from '../../domain/committee.ts';
import { actorName, type Context } from '../../server/access.ts';
import { AppError, notFound } from '../../server/errors.ts';
import type { SensitiveCipher } from '../../server/sensitive-cipher.ts';
import { recordAuditEvent } from '../audit/audit.service.ts';
import { loadEnabledItems } from '../dictionaries/dictionaries.service.ts';
import { orgUnitLookup } from '../org-units/org-units.service.ts';
import { getPerson, getPersonPhoto, revealPersonOnBehalf } from '../people/people.service.ts';
import { findReserve } from '../reserves/reserves.service.ts';
import { appointmentsRepository } from './appointments.repository.ts';

/**
 * A reserve's file for the 干部任免审批表 software (.lrmx): the person file's facts, the present
 * post, the proposed post (the appointment under way, or else the reserve's target post), the
 * resume from the work history, the family and the photo. The ID number is masked unless asked for
 * in full by a role that may see it, which is recorded as a reveal; every export is audited.
 */
export async function exportAppointmentForm(db: Db, ctx: Context, cipher: SensitiveCipher, reserveId: string, options: { includeSensitive: boolean }) {
  const reserve = await findReserve(db, reserveId);
  if (!reserve || !ctx.access.can('person.read', reserve.org_code)) throw notFound('后备力量');
  if (options.includeSensitive && !ctx.access.can('person.revealSensitive', reserve.org_code)) {
    throw new AppError('FORBIDDEN', '您没有查看完整身份证号码的权限，请去掉「包含完整身份证号码」（includeSensitive）后再导出');
  }
  const [person, labels, current, township] = await Promise.all([
    getPerson(db, ctx, reserve.person_id),
    loadEnabledItems(db),
    appointmentsRepository.findCurrentPostOfReserve(db, reserve.id),
    orgUnitLookup.findByCode(db, `${reserve.org_code.slice(0, 9)}000`),
  ]);
  const photo = person.hasPhoto ? await getPersonPhoto(db, ctx, person.id) : null;
  const label = (dictionary: keyof typeof labels, code: string | null | undefined) => (code ? labels[dictionary].find((item) => item.code === code)?.label ?? code : '');
  const proposedPosition = current
    ? `${current.village_name}${postLabel(current.committee, current.post)}`
    : `${reserve.village_name}${label('targetPost', reserve.target_post)}后备人选`;
  const idNumber = options.includeSensitive
    ? (await revealPersonOnBehalf(db, ctx, cipher, person.id, { orgCode: reserve.org_code, summary: `导出干部任免审批表（.lrmx）时写入了 ${person.name} 的完整身份证号码` })).idNumber
    : person.idNumberMasked;
  const data: AppointmentFormData = {
    name: person.name,
    gender: label('gender', person.gender),
    birthDate: person.birthDate,
    ethnicity: label('ethnicity', person.ethnicity),
    nativePlace: person.nativePlace ?? '',
    birthplace: person.birthplace ?? '',
    partyJoinDate: person.partyJoinDate,
    workStartDate: person.workStartDate,
    health: label('health', person.health),
    specialties: person.specialties ?? '',
    fullTimeEducation: { education: label('education', person.education), degree: '', school: [person.school, person.major].filter(Boolean).join('') },
    inServiceEducation: { education: '', degree: '', school: '' },
    presentPosition: person.presentPosition ?? '',
    proposedPosition,
    resume: person.workHistory,
    annualResults: '',
    family: person.familyMembers.map((member) => ({
      relation: member.relation, name: member.name, birthDate: '', politicalStatus: label('politicalStatus', member.politicalStatus), workUnit: member.workUnit ?? '',
    })),
    reportingUnit: township ? `中共${township.name}委员会` : '',
    filledOn: ctx.today,
    filledBy: actorName(ctx),
    idNumber,
    photoBase64: photo ? photo.data.toString('base64') : '',
  };
  await db.transaction().execute((tx) => recordAuditEvent(tx, ctx, {
    action: 'appointmentForm.export', entityType: 'person', entityId: person.id, orgCode: reserve.org_code,
    summary: `导出 ${person.name} 的干部任免审批表（.lrmx）${options.includeSensitive ? '，含完整身份证号码' : ''}`,
  }));
  return { fileName: lrmxFileName(person.name), data: Buffer.from(buildLrmx(data), 'utf8') };
}
