import type { Db, Executor } from '../../db/database.ts';
import { ageOn } from '../../domain/dates.ts';
import { defaultPolicy, evaluateEligibility, qingshenPreset, type EligibilityPolicy, type ExclusionCode } from '../../domain/eligibility.ts';
import { ancestorCodes, subtreePrefix } from '../../domain/org-code.ts';
import type { Context } from '../../server/access.ts';
import { AppError, notFound, versionConflict } from '../../server/errors.ts';
import { recordAuditEvent } from '../audit/audit.service.ts';
import { forgetCoverageOf } from '../coverage/forget-coverage.ts';
import { orgUnitLookup } from '../org-units/org-units.service.ts';
import { policyRepository, type EvaluatedPersonRow, type PolicyVersionRow } from './policy.repository.ts';
import { ZPolicyRules, type TPolicyDiff, type TPolicyRules } from './selection.schemas.ts';

/** Policies are set by a county, a city or a province; townships and villages inherit. */
const JURISDICTION_LEVELS = new Set(['province', 'city', 'county']);

/** The reference date of the built-in default: the end of the current quarter's election preparations. */
const DEFAULT_REFERENCE_DATE = '2026-03-31';

export interface EffectivePolicy {
  source: { orgCode: string | null; orgName: string; versionNumber: number | null };
  rules: EligibilityPolicy;
}

function parseRules(row: PolicyVersionRow): EligibilityPolicy {
  return ZPolicyRules.parse(row.rules) as EligibilityPolicy;
}

function presentVersion(row: PolicyVersionRow) {
  return { id: row.id, orgCode: row.org_code, versionNumber: row.version_number, rules: parseRules(row) as TPolicyRules, note: row.note, createdBy: row.created_by, createdAt: row.created_at };
}

/** The policy in force at a unit: its own newest version, else the nearest ancestor's, else the default. */
export async function resolveEffectivePolicy(db: Executor, orgCode: string): Promise<EffectivePolicy> {
  const chain = [...ancestorCodes(orgCode), orgCode];
  const latest = await policyRepository.findLatest(db, chain);
  const nearest = chain.reverse().map((code) => latest.find((row) => row.org_code === code)).find((row) => row !== undefined);
  if (!nearest) return { source: { orgCode: null, orgName: '系统默认（三年行动方案）', versionNumber: null }, rules: defaultPolicy(DEFAULT_REFERENCE_DATE) };
  const unit = await orgUnitLookup.findByCode(db, nearest.org_code);
  return { source: { orgCode: nearest.org_code, orgName: unit?.name ?? nearest.org_code, versionNumber: nearest.version_number }, rules: parseRules(nearest) };
}

/** Effective policies for many units at once: one read of the policies of every unit and its ancestors. */
export async function resolveEffectivePolicies(db: Executor, orgCodes: readonly string[]): Promise<Map<string, EffectivePolicy>> {
  const chains = new Map([...new Set(orgCodes)].map((orgCode) => [orgCode, [orgCode, ...ancestorCodes(orgCode).reverse()]]));
  const latest = new Map((await policyRepository.findLatest(db, [...new Set([...chains.values()].flat())])).map((row) => [row.org_code, row]));
  const names = new Map((await orgUnitLookup.findByCodes(db, [...latest.keys()])).map((unit) => [unit.code, unit.name]));
  const result = new Map<string, EffectivePolicy>();
  for (const [orgCode, chain] of chains) {
    const nearest = chain.map((code) => latest.get(code)).find((row) => row !== undefined);
    result.set(orgCode, nearest
      ? { source: { orgCode: nearest.org_code, orgName: names.get(nearest.org_code) ?? nearest.org_code, versionNumber: nearest.version_number }, rules: parseRules(nearest) }
      : { source: { orgCode: null, orgName: '系统默认（三年行动方案）', versionNumber: null }, rules: defaultPolicy(DEFAULT_REFERENCE_DATE) });
  }
  return result;
}

export async function getEffectivePolicy(db: Db, ctx: Context, orgCode: string) {
  if (!ctx.access.sees(orgCode)) throw notFound('组织单位');
  const unit = await orgUnitLookup.findByCode(db, orgCode);
  if (!unit) throw notFound('组织单位');
  const effective = await resolveEffectivePolicy(db, orgCode);
  return { orgCode, source: effective.source, rules: effective.rules as TPolicyRules, policies: { update: JURISDICTION_LEVELS.has(unit.level) && ctx.access.can('policy.manage', orgCode) } };
}

export async function listPolicyVersions(db: Db, ctx: Context, orgCode: string) {
  if (!ctx.access.sees(orgCode)) throw notFound('组织单位');
  return { versions: (await policyRepository.listVersions(db, orgCode)).map(presentVersion) };
}

export function listPolicyPresets() {
  return {
    presets: [
      { key: 'default', label: '默认：正式党员、大专及以上、45 周岁以下（三年行动方案）', rules: defaultPolicy(DEFAULT_REFERENCE_DATE) as TPolicyRules },
      { key: 'qingshen', label: '青神县：高中及以上、35 周岁左右（后备干部队伍建设通知）', rules: qingshenPreset(DEFAULT_REFERENCE_DATE) as TPolicyRules },
    ],
  };
}

function failedRules(person: Pick<EvaluatedPersonRow, 'birth_date' | 'political_status' | 'education' | 'exclusions_found'>, policy: EligibilityPolicy): string[] {
  const { verdicts } = evaluateEligibility({ birthDate: person.birth_date, politicalStatus: person.political_status, education: person.education, exclusionsFound: person.exclusions_found as ExclusionCode[] }, policy);
  return verdicts.filter((verdict) => !verdict.passed).map((verdict) => verdict.explanation);
}

/**
 * `failedRules` under one policy, remembered per distinct set of facts: the engine reads the birth
 * date only as the age on the policy's reference date, so people of the same age, status,
 * education and disqualifications get the same verdicts (a jurisdiction of 100,000 people has a
 * few thousand such sets).
 */
export function failedRulesMemo(policy: EligibilityPolicy): (person: Pick<EvaluatedPersonRow, 'birth_date' | 'political_status' | 'education' | 'exclusions_found'>) => string[] {
  const known = new Map<string, string[]>();
  return (person) => {
    const key = `${ageOn(person.birth_date, policy.referenceDate)}|${person.political_status}|${person.education}|${person.exclusions_found.join(',')}`;
    let failed = known.get(key);
    if (!failed) {
      failed = failedRules(person, policy);
      known.set(key, failed);
    }
    return failed;
  };
}

/**
 * Re-evaluates every admitted reserve and in-progress candidate governed by the jurisdiction's
 * policy (units below it with a policy of their own are left out) under the current and the new
 * rules, and lists whose eligibility changes.
 */
async function computePolicyDiff(db: Executor, unit: { code: string; level: Parameters<typeof subtreePrefix>[1] }, next: EligibilityPolicy): Promise<TPolicyDiff> {
  const current = (await resolveEffectivePolicy(db, unit.code)).rules;
  const prefix = subtreePrefix(unit.code, unit.level);
  const below = await orgUnitLookup.findByCodes(db, await policyRepository.listJurisdictionsBelow(db, prefix, unit.code));
  const excluded = below.map((jurisdiction) => subtreePrefix(jurisdiction.code, jurisdiction.level));
  const people = (await policyRepository.listEvaluatedPeople(db, prefix)).filter((person) => !excluded.some((other) => person.org_code.startsWith(other)));
  const diff: TPolicyDiff = { evaluated: people.length, becameIneligible: [], becameEligible: [], unchangedEligible: 0, unchangedIneligible: 0 };
  const failedBefore = failedRulesMemo(current);
  const failedAfter = failedRulesMemo(next);
  for (const person of people) {
    const before = failedBefore(person);
    const after = failedAfter(person);
    const summary = { personId: person.person_id, name: person.name, villageName: person.village_name, kind: person.kind };
    if (before.length === 0 && after.length > 0) diff.becameIneligible.push({ ...summary, failedRules: after });
    else if (before.length > 0 && after.length === 0) diff.becameEligible.push({ ...summary, failedRulesBefore: before });
    else if (after.length === 0) diff.unchangedEligible += 1;
    else diff.unchangedIneligible += 1;
  }
  return diff;
}

async function requireJurisdiction(db: Executor, ctx: Context, orgCode: string) {
  ctx.access.require('policy.manage', [orgCode], { record: '组织单位', action: '制定该单位的资格条件' });
  const unit = await orgUnitLookup.findByCode(db, orgCode);
  if (!unit) throw notFound('组织单位');
  if (!JURISDICTION_LEVELS.has(unit.level)) throw new AppError('VALIDATION_FAILED', `资格条件由县（市、区）以上组织部门制定，「${unit.name}」沿用上级的资格条件`);
  return unit;
}

export async function previewPolicy(db: Db, ctx: Context, input: { orgCode: string; rules: TPolicyRules }): Promise<TPolicyDiff> {
  const unit = await requireJurisdiction(db, ctx, input.orgCode);
  return computePolicyDiff(db, unit, input.rules);
}

/** Saves a new version and answers with the diff it caused (computed in the same transaction). */
export async function savePolicy(db: Db, ctx: Context, input: { orgCode: string; rules: TPolicyRules; note: string; basedOnVersion: number | null }) {
  return db.transaction().execute(async (tx) => {
    const unit = await requireJurisdiction(tx, ctx, input.orgCode);
    const versions = await policyRepository.listVersions(tx, input.orgCode);
    const latest = versions[0]?.version_number ?? null;
    if (latest !== input.basedOnVersion) throw versionConflict('该单位的资格条件');
    const diff = await computePolicyDiff(tx, unit, input.rules);
    await forgetCoverageOf(tx, unit.code, unit.level);
    const saved = await policyRepository.insertVersion(tx, { orgCode: input.orgCode, versionNumber: (latest ?? 0) + 1, rules: input.rules, note: input.note, createdBy: ctx.actor?.username ?? 'system' });
    await recordAuditEvent(tx, ctx, {
      action: 'eligibilityPolicy.create',
      entityType: 'eligibilityPolicy',
      entityId: saved.id,
      orgCode: input.orgCode,
      summary: `制定「${unit.name}」资格条件第 ${saved.version_number} 版：${input.note}（${diff.becameIneligible.length} 人由符合变为不符合，${diff.becameEligible.length} 人由不符合变为符合）`,
      before: versions[0] ? versions[0].rules : null,
      after: input.rules,
    });
    return { version: presentVersion(saved), diff };
  });
}
