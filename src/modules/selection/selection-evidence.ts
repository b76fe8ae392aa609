import type { Db } from '../../db/database.ts';
import type { Context } from '../../server/access.ts';
import { AppError, notFound } from '../../server/errors.ts';
import { recordAuditEvent } from '../audit/audit.service.ts';
import { selectionRepository } from './selection.repository.ts';
import { ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES, type AttachmentType } from './selection.schemas.ts';
import { actorName, loadCandidate } from './candidate-steps.ts';
import { getCandidate } from './get-candidate.ts';
import { requireSideAction } from './candidate-policies.ts';

/** Evidence files (minutes, tally sheets) attached to a candidate, checked by content. */

// ---- Evidence attachments ----

/** Who records steps for a village may attach their evidence: the village clerk and the township. */
export const MAGIC: Record<AttachmentType, (data: Buffer) => boolean> = {
  'application/pdf': (data) => data.subarray(0, 5).toString('latin1') === '%PDF-',
  'image/jpeg': (data) => data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff,
  'image/png': (data) => data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': (data) => data.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])),
};

export async function attachEvidence(db: Db, ctx: Context, id: string, file: { fileName: string; step?: string | undefined; contentType: string; data: Buffer }) {
  if (!(file.contentType in ATTACHMENT_TYPES)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', `佐证材料只能是 ${Object.values(ATTACHMENT_TYPES).join('、')}，请转换后上传`);
  }
  const contentType = file.contentType as AttachmentType;
  if (file.data.length === 0) throw new AppError('VALIDATION_FAILED', '文件为空，请重新选择文件');
  if (file.data.length > MAX_ATTACHMENT_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', '佐证材料不能超过 10 MB');
  if (!MAGIC[contentType](file.data)) throw new AppError('VALIDATION_FAILED', `文件内容不是${ATTACHMENT_TYPES[contentType]}，请检查文件是否损坏或扩展名是否正确`);
  await db.transaction().execute(async (tx) => {
    const candidate = await loadCandidate(tx, ctx, id);
    requireSideAction(ctx, candidate, 'attach');
    const attachmentId = await selectionRepository.insertAttachment(tx, { candidateId: candidate.id, stepAction: file.step ?? null, fileName: file.fileName, contentType, data: file.data, uploadedBy: actorName(ctx) });
    await recordAuditEvent(tx, ctx, {
      action: 'selection.attach', entityType: 'selectionCandidate', entityId: candidate.id, orgCode: candidate.org_code,
      summary: `${candidate.name}（${candidate.village_name}）上传佐证材料「${file.fileName}」`, after: { attachmentId, fileName: file.fileName, contentType, sizeBytes: file.data.length, step: file.step ?? null },
    });
  });
  return getCandidate(db, ctx, id);
}

export async function getEvidence(db: Db, ctx: Context, id: string, attachmentId: string) {
  const candidate = await loadCandidate(db, ctx, id);
  ctx.access.require('selection.read', [candidate.org_code], { record: '选拔人选', action: '查看该人选的佐证材料' });
  const attachment = await selectionRepository.findAttachment(db, attachmentId);
  if (!attachment || attachment.candidate_id !== candidate.id) throw notFound('佐证材料');
  return attachment;
}
