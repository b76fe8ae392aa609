import {
  AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlignTable, WidthType,
} from 'docx';
import type { Db } from '../../db/database.ts';
import type { Post } from '../../domain/committee.ts';
import { resultNoticeText, type NoticeText } from '../../domain/election-notice.ts';
import { safeFileName } from '../../domain/record-form.ts';
import { EDUCATION_LABELS, POLITICAL_LABELS, type EducationLevel } from '../../domain/eligibility.ts';
import type { Context } from '../../server/access.ts';
import { AppError } from '../../server/errors.ts';
import { recordAuditEvent } from '../audit/audit.service.ts';
import { orgUnitLookup } from '../org-units/org-units.service.ts';
import { electionsRepository } from './elections.repository.ts';
import { loadElection } from './village-election.ts';

/**
 * The 换届选举结果公示 for printing: the notice's text (src/domain/election-notice.ts) laid out as a
 * .docx on A4 — title, opening, the table of the elected and their posts, the period on the
 * official calendar, where objections go, the township Party committee's signature and date.
 */

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

// A4 portrait in twips; Word shows 仿宋 / 方正小标宋 where installed, otherwise its CJK fallback.
const PAGE = { width: 11906, height: 16838 };
const MARGIN = { top: 1440, bottom: 1440, left: 1588, right: 1474 };
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const BODY_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋', cs: 'Times New Roman' };
const TITLE_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '方正小标宋简体', cs: 'Times New Roman' };
const LANGUAGE = { value: 'zh-CN', eastAsia: 'zh-CN' };
const BODY_SIZE = 32; // half-points: 16 pt, 三号 as official notices are printed
const TABLE_SIZE = 24; // 12 pt, 小四
const COLUMN_SHARES = [3, 2, 2, 1, 2, 2, 2];
const border = { style: BorderStyle.SINGLE, size: 6, color: '000000' };

const run = (text: string, size = BODY_SIZE, font = BODY_FONT, bold = false) => new TextRun({ text, size, font, bold, language: LANGUAGE });
const paragraph = (text: string, options: { indent?: boolean; align?: 'left' | 'center' | 'right' } = {}) => new Paragraph({
  alignment: options.align === 'center' ? AlignmentType.CENTER : options.align === 'right' ? AlignmentType.RIGHT : AlignmentType.JUSTIFIED,
  indent: options.indent ? { firstLine: 640 } : undefined,
  spacing: { line: 560, before: 0, after: 0 },
  children: [run(text)],
});

function tableOf(text: NoticeText): Table {
  const unit = Math.floor(TEXT_WIDTH / COLUMN_SHARES.reduce((sum, share) => sum + share, 0));
  const cell = (value: string, index: number, bold = false) => new TableCell({
    width: { size: COLUMN_SHARES[index]! * unit, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { left: 60, right: 60, top: 60, bottom: 60 },
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(value, TABLE_SIZE, BODY_FONT, bold)] })],
  });
  return new Table({
    width: { size: unit * COLUMN_SHARES.reduce((sum, share) => sum + share, 0), type: WidthType.DXA },
    columnWidths: COLUMN_SHARES.map((share) => share * unit),
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: [
      new TableRow({ tableHeader: true, children: text.columns.map((column, index) => cell(column, index, true)) }),
      ...text.rows.map((row) => new TableRow({ cantSplit: true, children: row.map((value, index) => cell(value, index)) })),
    ],
  });
}

/** Lays out the notice as a .docx. */
export async function buildResultNoticeDocx(text: NoticeText): Promise<Buffer> {
  const document = new Document({
    creator: '后备力量选育管用系统',
    title: text.title,
    styles: { default: { document: { run: { font: BODY_FONT, size: BODY_SIZE } } } },
    sections: [{
      properties: { page: { size: PAGE, margin: MARGIN } },
      children: [
        new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 400 }, children: [run(text.title, 44, TITLE_FONT)] }),
        ...text.opening.map((line) => paragraph(line, { indent: true })),
        new Paragraph({ children: [] }),
        tableOf(text),
        new Paragraph({ children: [] }),
        ...text.closing.map((line) => paragraph(line, { indent: true })),
        new Paragraph({ children: [] }),
        paragraph(text.signature, { align: 'right' }),
        paragraph(text.signedOn, { align: 'right' }),
      ],
    }],
  });
  return Packer.toBuffer(document);
}

/** The facts of one village's notice: refused until the notice has started (its period comes from the official calendar then). */
export async function getResultNoticeText(db: Db, ctx: Context, id: string, contact: string | null): Promise<{ text: NoticeText; orgCode: string; villageName: string }> {
  ctx.access.requireAnywhere('election.read', '查看换届选举结果公示');
  const row = await loadElection(db, ctx, id);
  ctx.access.require('election.read', [row.org_code], { record: '村级换届', action: '查看换届选举结果公示' });
  if (!row.notice) throw new AppError('CONFLICT', `「${row.village_name}」尚未发布选举结果公示，请先在“发布结果公示”中登记公示开始日期，公示期按工作日计算后才能打印公示`);
  const [candidates, votes, township] = await Promise.all([
    electionsRepository.listCandidates(db, row.id), electionsRepository.listVotes(db, row.id), orgUnitLookup.findByCode(db, row.township_code),
  ]);
  const postOf = (candidateId: string): Post => (row.posts.find((post) => post.candidateId === candidateId)?.post as Post | undefined) ?? 'member';
  const lastVoteOn = (committee: 'party' | 'villagers') => votes.filter((vote) => vote.committee === committee).at(-1)?.held_on ?? null;
  const text = resultNoticeText({
    townshipName: township?.name ?? '', villageName: row.village_name, termYear: row.term_year,
    votedOn: { party: lastVoteOn('party'), villagers: lastVoteOn('villagers') },
    members: candidates.filter((candidate) => candidate.status === 'elected').map((candidate) => ({
      committee: candidate.committee, post: postOf(candidate.id), name: candidate.name, gender: candidate.gender, birthDate: candidate.birth_date,
      educationLabel: EDUCATION_LABELS[candidate.education as EducationLevel] ?? candidate.education, politicalLabel: POLITICAL_LABELS[candidate.political_status] ?? candidate.political_status,
    })),
    notice: row.notice, contact,
  });
  return { text, orgCode: row.org_code, villageName: row.village_name };
}

/** The notice as a .docx, its printing recorded in the audit log. */
export async function exportResultNotice(db: Db, ctx: Context, id: string, contact: string | null): Promise<{ fileName: string; data: Buffer }> {
  const { text, orgCode, villageName } = await getResultNoticeText(db, ctx, id, contact);
  const data = await buildResultNoticeDocx(text);
  await db.transaction().execute((tx) => recordAuditEvent(tx, ctx, {
    action: 'election.printNotice', entityType: 'villageElection', entityId: id, orgCode, summary: `「${villageName}」换届：打印选举结果公示`,
  }));
  return { fileName: `${safeFileName(text.title)}.docx`, data };
}
