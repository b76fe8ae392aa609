import type { Db } from '../../db/database.ts';
import { ageOn } from '../../domain/dates.ts';
import { subtreePrefix } from '../../domain/org-code.ts';
import {  SELECTION_STAGES, STAGE_LABELS, checkVillageShortlist,
  type CandidateProfile } from '../../domain/selection-procedure.ts';


import type { Context } from '../../server/access.ts';
import { notFound } from '../../server/errors.ts';
import { orgUnitLookup } from '../org-units/org-units.service.ts';
import { resolveEffectivePolicy } from './policy.service.ts';
import { selectionRepository } from './selection.repository.ts';
import { presentCards } from './candidate-presenter.ts';
import { requireTownship } from './shortlist-candidates.ts';
import { findProfileVersions, findVillageNeeds, overrideVillageNeed } from '../villages/village-profile.ts';
import { refreshCoverage } from '../coverage/coverage.service.ts';

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
  const villageCodes = villages.map((village) => village.code);
  const needs = await findVillageNeeds(db, villageCodes);
  const versions = await findProfileVersions(db, villageCodes);
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
        ? checkVillageShortlist({ name: village.name, need: need?.need ?? null },
          onList.map((row) => ({ profile: row.profile as CandidateProfile, age: ageOn(row.birth_date, policy.referenceDate) })),
          { minimumPerVillage: policy.minimumShortlistPerVillage, youngMaximumAge: policy.youngReserveMaximumAge })
        : [];
      return {
        orgCode: village.code, name: village.name, need: need?.need ?? null, condition: need?.explanation ?? null, needVersion: versions.get(village.code) ?? null,
        inProgress: rows.filter((row) => row.org_code === village.code && row.outcome === 'inProgress').length, admitted: admitted.get(village.code) ?? 0, warnings,
      };
    }),
    policies: {
      nominate: villages.some((village) => ctx.access.can('selection.nominate', village.code)),
      review: ctx.access.can('selection.review', township.code),
    },
  };
}

/**
 * The board's setting of a village's need: the village profile's override (因村选人 is derived from
 * the profile; the township overrides it with a reason — the text given here, or a note that the
 * board set it), followed by the village's coverage.
 */
export async function setVillageNeed(db: Db, ctx: Context, orgCode: string, input: { need: CandidateProfile; condition?: string | null | undefined; version: number | null }) {
  ctx.access.require('selection.review', [orgCode], { record: '组织单位', action: '设置该村的后备力量需求' });
  return db.transaction().execute(async (tx) => {
    const unit = await orgUnitLookup.findByCode(tx, orgCode);
    if (!unit) throw notFound('组织单位');
    const profile = await overrideVillageNeed(tx, ctx, orgCode, { need: input.need, reason: input.condition?.trim() || '乡镇党委在选拔看板上设定', version: input.version });
    await refreshCoverage(tx, [orgCode], ctx.today);
    return { orgCode, need: input.need, condition: profile.needOverrideReason, version: profile.version! };
  });
}
