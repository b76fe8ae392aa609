import type { Db } from '../../db/database.ts';
import { ageOn } from '../../domain/dates.ts';
import { subtreePrefix } from '../../domain/org-code.ts';
import {  SELECTION_STAGES, STAGE_LABELS, checkVillageShortlist,
  type CandidateProfile } from '../../domain/selection-procedure.ts';


import type { Context } from '../../server/access.ts';
import { AppError, notFound, versionConflict } from '../../server/errors.ts';
import { recordAuditEvent } from '../audit/audit.service.ts';
import { orgUnitLookup } from '../org-units/org-units.service.ts';
import { resolveEffectivePolicy } from './policy.service.ts';
import { selectionRepository } from './selection.repository.ts';
import { presentCards } from './candidate-presenter.ts';
import { requireTownship } from './shortlist-candidates.ts';

/** The pipeline board of a township (or a village) and the need of each village (因村选人). */

/**
 * The pipeline board of a township; a village (for the village's own officers) gets the same board
 * narrowed to itself.
 */
export async function getBoard(db: Db, ctx: Context, orgCode: string) {
  ctx.access.require('selection.read', [orgCode], { record: '组织单位', action: '查看该单位的选拔工作' });
  const unit = await orgUnitLookup.findByCode(db, orgCode);
  if (!unit) throw notFound('组织单位');
  const isVillage = unit.level === 'village' || unit.level === 'community';
  const township = await requireTownship(db, isVillage ? unit.parentCode ?? '' : orgCode);
  const prefix = subtreePrefix(unit.code, unit.level);
  const today = ctx.today;
  const rows = (await selectionRepository.listCandidates(db, { prefixes: [prefix] }, { offset: 0, limit: 5000 })).rows.filter((row) => row.outcome === 'inProgress' || row.outcome === 'filed');
  const cards = await presentCards(db, rows, today);
  const villages = isVillage ? [unit] : (await orgUnitLookup.listChildren(db, township.code)).filter((child) => child.level === 'village' || child.level === 'community');
  const needs = new Map((await selectionRepository.listVillageNeeds(db, villages.map((village) => village.code))).map((need) => [need.org_code, need]));
  const admitted = await selectionRepository.countAdmittedReserves(db, prefix);
  const policy = (await resolveEffectivePolicy(db, township.code)).rules;
  const listed = rows.filter((row) => row.outcome === 'inProgress' && SELECTION_STAGES.indexOf(row.stage) > SELECTION_STAGES.indexOf('shortlist'));
  return {
    orgCode: unit.code,
    columns: SELECTION_STAGES.map((stage) => ({ stage, label: STAGE_LABELS[stage], candidates: cards.filter((card) => card.stage === stage) })),
    villages: villages.map((village) => {
      const need = needs.get(village.code);
      const onList = listed.filter((row) => row.org_code === village.code);
      const warnings = onList.length > 0
        ? checkVillageShortlist({ name: village.name, need: (need?.need as CandidateProfile | undefined) ?? null },
          onList.map((row) => ({ profile: row.profile as CandidateProfile, age: ageOn(row.birth_date, policy.referenceDate) })),
          { minimumPerVillage: policy.minimumShortlistPerVillage, youngMaximumAge: policy.youngReserveMaximumAge })
        : [];
      return {
        orgCode: village.code, name: village.name, need: (need?.need as CandidateProfile | undefined) ?? null, condition: need?.condition ?? null, needVersion: need?.version ?? null,
        inProgress: rows.filter((row) => row.org_code === village.code && row.outcome === 'inProgress').length, admitted: admitted.get(village.code) ?? 0, warnings,
      };
    }),
    policies: {
      nominate: villages.some((village) => ctx.access.can('selection.nominate', village.code)),
      review: ctx.access.can('selection.review', township.code),
    },
  };
}

export async function setVillageNeed(db: Db, ctx: Context, orgCode: string, input: { need: CandidateProfile; condition?: string | null | undefined; version: number | null }) {
  ctx.access.require('selection.review', [orgCode], { record: '组织单位', action: '设置该村的后备力量需求' });
  return db.transaction().execute(async (tx) => {
    const unit = await orgUnitLookup.findByCode(tx, orgCode);
    if (!unit) throw notFound('组织单位');
    if (unit.level !== 'village' && unit.level !== 'community') throw new AppError('VALIDATION_FAILED', `「${unit.name}」不是村或社区`);
    const [existing] = await selectionRepository.listVillageNeeds(tx, [orgCode]);
    const need = { orgCode, need: input.need, condition: input.condition ?? null };
    if (existing) {
      if (input.version === null || !(await selectionRepository.updateVillageNeed(tx, need, input.version))) throw versionConflict(`「${unit.name}」的后备力量需求`);
    } else {
      if (input.version !== null) throw versionConflict(`「${unit.name}」的后备力量需求`);
      await selectionRepository.insertVillageNeed(tx, need);
    }
    await recordAuditEvent(tx, ctx, {
      action: 'villageReserveNeed.update', entityType: 'orgUnit', entityId: orgCode, orgCode, summary: `设置「${unit.name}」需要${input.need === 'mature' ? '成熟型' : '潜力型'}后备力量`,
      before: existing ? { need: existing.need, condition: existing.condition } : null, after: { need: input.need, condition: need.condition },
    });
    const [saved] = await selectionRepository.listVillageNeeds(tx, [orgCode]);
    return { orgCode, need: saved!.need as CandidateProfile, condition: saved!.condition, version: saved!.version };
  });
}
