import JSZip from 'jszip';
import type { Db, Executor } from '../../db/database.ts';
import { subtreePrefix } from '../../domain/org-code.ts';
import {
  CONTACT_FORM_LABELS,
  formatDay,
  formatDays,
  formatMonth,
  formatPeriod,
  GRADE_LABELS,
  opinionWithGrade,
  quarterOf,
  recordFormFileName,
  safeFileName,
  TRAINING_METHOD_LABELS,
  uniqueFileNames,
} from '../../domain/record-form.ts';
import type { Context } from '../../server/access.ts';
import { AppError, notFound } from '../../server/errors.ts';
import type { SensitiveCipher } from '../../server/sensitive-cipher.ts';
import { recordAuditEvent } from '../audit/audit.service.ts';
import { requireReserve } from '../cultivation/cultivation-access.ts';
import { orgUnitLookup } from '../org-units/org-units.service.ts';
import { buildRecordFormDocx, type RecordFormData } from './record-form.docx.ts';
import { convertDocxToPdf } from './record-form.pdf.ts';
import { recordFormRepository, type RecordFormReserveRow } from './record-form.repository.ts';

export type RecordFormFormat = 'docx' | 'pdf';

export interface RecordFormFile {
  fileName: string;
  contentType: string;
  data: Buffer;
}

export const CONTENT_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  zip: 'application/zip',
} as const;

/** Most forms in one zip: PDFs cost a LibreOffice conversion each, Word files only memory. */
export const MAX_BATCH_FORMS: Record<RecordFormFormat, number> = { docx: 300, pdf: 100 };

const READ_ACTION = '查看该后备力量的纪实表';
const REVEAL_ACTION = '在纪实表中打印完整身份证号码和联系电话';

interface FormOptions {
  year: number;
  format: RecordFormFormat;
  includeSensitive: boolean;
}

/**
 * One reserve's 纪实表 for a year, as .docx or PDF. Readable with cultivation.read over the
 * reserve's village, or by a mentor assigned to the reserve. ID number and phone are masked unless
 * asked for in full by a role that may see them, which is recorded in the audit log.
 */
export async function exportRecordForm(db: Db, ctx: Context, cipher: SensitiveCipher, reserveId: string, options: FormOptions): Promise<RecordFormFile> {
  const forms = await db.transaction().execute(async (tx) => {
    await requireReserve(tx, ctx, reserveId, 'cultivation.read', 'read', READ_ACTION);
    const reserve = await recordFormRepository.findReserve(tx, reserveId);
    if (!reserve) throw notFound('后备力量');
    if (options.includeSensitive) requireReveal(ctx, reserve.org_code);
    return loadForms(tx, ctx, cipher, [reserve], options);
  });
  const [form] = forms;
  const [data] = await renderForms(forms.map((item) => item.data), options.format);
  return {
    fileName: recordFormFileName({ year: options.year, personName: form!.data.person.name, villageName: form!.data.villageName, extension: options.format }),
    contentType: CONTENT_TYPES[options.format],
    data: data!,
  };
}

/** The forms of every admitted reserve of a township or village, one file each, in a zip. */
export async function exportRecordFormBatch(db: Db, ctx: Context, cipher: SensitiveCipher, orgCode: string, options: FormOptions): Promise<RecordFormFile> {
  ctx.access.require('cultivation.read', [orgCode], { record: '组织单位', action: '导出该单位的纪实表' });
  if (options.includeSensitive) requireReveal(ctx, orgCode);
  const { unit, forms } = await db.transaction().execute(async (tx) => {
    const unit = await orgUnitLookup.findByCode(tx, orgCode);
    if (!unit) throw notFound('组织单位');
    if (!['township', 'village', 'community'].includes(unit.level)) {
      throw new AppError('VALIDATION_FAILED', `纪实表按乡镇或村（社区）批量导出，「${unit.name}」不是乡镇或村（社区），请选择其下的乡镇或村`);
    }
    const prefix = subtreePrefix(unit.code, unit.level);
    const limit = MAX_BATCH_FORMS[options.format];
    const total = await recordFormRepository.countAdmittedReserves(tx, prefix);
    if (total === 0) throw new AppError('NOT_FOUND', `「${unit.name}」没有在库的后备力量，没有可导出的纪实表`);
    if (total > limit) {
      throw new AppError('VALIDATION_FAILED', `「${unit.name}」有 ${total} 名在库后备力量，超过一次最多导出 ${limit} 份${options.format === 'pdf' ? ' PDF' : ''}纪实表的上限；请按村（社区）分别导出${options.format === 'pdf' ? '，或改为 Word 格式（上限 ' + MAX_BATCH_FORMS.docx + ' 份）' : ''}`);
    }
    const reserves = await recordFormRepository.listAdmittedReserves(tx, prefix, limit);
    return { unit, forms: await loadForms(tx, ctx, cipher, reserves, options) };
  });
  const files = await renderForms(forms.map((form) => form.data), options.format);
  const names = uniqueFileNames(forms.map((form) => recordFormFileName({ year: options.year, personName: form.data.person.name, villageName: form.data.villageName, extension: options.format })));
  const zip = new JSZip();
  names.forEach((name, index) => zip.file(name, files[index]!));
  return {
    fileName: safeFileName(`${options.year}年度纪实表-${unit.name}.zip`),
    contentType: CONTENT_TYPES.zip,
    data: await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } }),
  };
}

function requireReveal(ctx: Context, orgCode: string): void {
  if (!ctx.access.can('person.revealSensitive', orgCode)) {
    throw new AppError('FORBIDDEN', `您没有${REVEAL_ACTION}的权限，请去掉「包含完整身份证号码和电话」（includeSensitive）后再导出`);
  }
}

async function renderForms(forms: readonly RecordFormData[], format: RecordFormFormat): Promise<Buffer[]> {
  const documents: Buffer[] = [];
  for (const form of forms) documents.push(await buildRecordFormDocx(form));
  return format === 'pdf' ? convertDocxToPdf(documents) : documents;
}

/** Reads everything the forms of these reserves print for the year, in one query per table. */
async function loadForms(tx: Executor, ctx: Context, cipher: SensitiveCipher, reserves: readonly RecordFormReserveRow[], options: FormOptions): Promise<{ reserveId: string; data: RecordFormData }[]> {
  const reserveIds = reserves.map((reserve) => reserve.reserve_id);
  const [labels, photos, trainings, summaries, contacts, practice, assessments] = await Promise.all([
    recordFormRepository.listDictionaryLabels(tx),
    recordFormRepository.listPhotos(tx, reserves.map((reserve) => reserve.person_id)),
    recordFormRepository.listTrainings(tx, reserveIds, options.year),
    recordFormRepository.listMentoringSummaries(tx, reserveIds, options.year),
    recordFormRepository.listMentorContacts(tx, reserveIds, options.year),
    recordFormRepository.listPractice(tx, reserveIds, options.year),
    recordFormRepository.listAssessments(tx, reserveIds, options.year),
  ]);
  const labelOf = (dictionary: string, code: string | null) => (code === null ? '' : labels.find((item) => item.dictionary === dictionary && item.code === code)?.label ?? code);
  const forms: { reserveId: string; data: RecordFormData }[] = [];
  for (const reserve of reserves) {
    const id = reserve.reserve_id;
    if (options.includeSensitive) {
      await recordAuditEvent(tx, ctx, {
        action: 'person.reveal',
        entityType: 'person',
        entityId: reserve.person_id,
        orgCode: reserve.org_code,
        summary: `导出 ${options.year} 年度纪实表时打印了 ${reserve.name} 的完整身份证号码和联系电话`,
      });
    }
    const photo = photos.find((item) => item.person_id === reserve.person_id);
    const mine = <T extends { reserve_id: string }>(rows: readonly T[]) => rows.filter((row) => row.reserve_id === id);
    const reserveAssessments = mine(assessments);
    const quarterlyOpinions = (assessor: 'village' | 'township') => [1, 2, 3, 4].map((quarter) => reserveAssessments
      .filter((row) => row.kind === 'quarterly' && row.assessor === assessor && row.quarter === quarter)
      .map((row) => opinionWithGrade(row.opinion, row.grade))
      .join('\n'));
    const annual = reserveAssessments.filter((row) => row.kind === 'annual').sort((a, b) => (a.assessor === 'township' ? -1 : 0) - (b.assessor === 'township' ? -1 : 0))[0];
    forms.push({
      reserveId: id,
      data: {
        year: options.year,
        townshipName: reserve.township_name ?? '',
        villageName: reserve.village_name,
        person: {
          name: reserve.name,
          gender: labelOf('gender', reserve.gender),
          birthMonth: formatMonth(reserve.birth_date),
          ethnicity: labelOf('ethnicity', reserve.ethnicity),
          nativePlace: reserve.native_place ?? '',
          birthPlace: reserve.birthplace ?? '',
          partyJoinMonth: formatMonth(reserve.party_join_date),
          workStartMonth: formatMonth(reserve.work_start_date),
          health: labelOf('health', reserve.health),
          occupation: reserve.occupation ?? '',
          specialties: reserve.specialties ?? '',
          education: labelOf('education', reserve.education),
          schoolAndMajor: [reserve.school, reserve.major].filter(Boolean).join(' '),
          idNumber: options.includeSensitive ? cipher.decrypt(reserve.id_number_cipher) : reserve.id_number_masked,
          phone: options.includeSensitive ? (reserve.phone_cipher ? cipher.decrypt(reserve.phone_cipher) : '') : (reserve.phone_masked ?? ''),
        },
        photo: photo && (photo.content_type === 'image/jpeg' || photo.content_type === 'image/png') ? { contentType: photo.content_type, data: photo.data } : null,
        trainings: mine(trainings).map((row) => ({
          method: TRAINING_METHOD_LABELS[row.method] ?? row.method,
          period: formatPeriod(row.start_date, row.end_date),
          days: formatDays(row.days_attended),
          content: row.content ? `${row.name}：${row.content}` : row.name,
        })),
        mentoring: [1, 2, 3, 4].map((quarter) => {
          const quarterSummaries = mine(summaries).filter((row) => row.quarter === quarter);
          const quarterContacts = mine(contacts).filter((row) => quarterOf(row.contacted_on) === quarter);
          const periods = quarterSummaries.map((row) => row.period_text).filter((text): text is string => Boolean(text));
          return {
            period: (periods.length > 0 ? periods : quarterContacts.map((row) => formatDay(row.contacted_on).slice(5))).join('、'),
            mentorNames: [...new Set((quarterSummaries.length > 0 ? quarterSummaries : quarterContacts).map((row) => row.mentor_name))].join('、'),
            content: quarterSummaries.length > 0
              ? quarterSummaries.map((row) => row.content).join('\n')
              : quarterContacts.map((row) => `${formatDay(row.contacted_on).slice(5)} ${CONTACT_FORM_LABELS[row.form] ?? row.form}：${row.help_given ?? row.work ?? ''}`).join('\n'),
            opinion: quarterSummaries.map((row) => row.opinion).join('\n'),
          };
        }),
        practice: mine(practice).map((row) => ({
          content: `${row.content}（${formatMonth(row.started_on)}—${row.ended_on ? formatMonth(row.ended_on) : '至今'}）`,
          performance: row.performance ?? '',
          opinion: row.opinion ?? '',
        })),
        villageOpinions: quarterlyOpinions('village'),
        townshipOpinions: quarterlyOpinions('township'),
        annualResult: annual ? `${GRADE_LABELS[annual.grade ?? ''] ?? annual.grade ?? ''}${annual.opinion ? `　${annual.opinion}` : ''}` : '',
      },
    });
  }
  return forms;
}
