import { ageOn } from './dates.ts';

/**
 * The eligibility policy (资格条件) of a jurisdiction and the engine that checks a person against
 * it, rule by rule, with a Chinese sentence for each verdict.
 */
export const EDUCATION_ORDER = ['primary', 'juniorHigh', 'seniorHigh', 'juniorCollege', 'bachelor', 'postgraduate'] as const;
export type EducationLevel = (typeof EDUCATION_ORDER)[number];
export const EDUCATION_LABELS: Record<EducationLevel, string> = {
  primary: '小学', juniorHigh: '初中', seniorHigh: '高中（中专）', juniorCollege: '大专', bachelor: '本科', postgraduate: '研究生',
};
export const POLITICAL_LABELS: Record<string, string> = {
  fullMember: '中共正式党员', probationaryMember: '中共预备党员', developmentTarget: '发展对象', activist: '入党积极分子', masses: '群众',
};

/** The disqualifications (十不推 / 不适任情况) of SPEC section 3. */
export const EXCLUSIONS = {
  poorConduct: '政治素质差或道德品行不良',
  crimeOrInvestigation: '涉黑涉恶、违法犯罪或正在接受调查',
  disciplinaryInvestigation: '正在接受纪律审查、监察调查',
  voteBuying: '参与贿选、拉票',
  illegalPetitions: '组织、煽动非法上访',
  superstitionOrCult: '参与封建迷信、邪教活动',
  badCredit: '个人信用不良（失信被执行人等）',
  ableButDishonest: '有能力但不诚信、不公道',
  integrityFailure: '廉洁方面有问题',
  lackOfAbility: '不具备履职能力',
} as const;
export type ExclusionCode = keyof typeof EXCLUSIONS;

export interface EligibilityPolicy {
  requiredPoliticalStatuses: readonly string[];
  minimumEducation: EducationLevel;
  maximumAge: number;
  referenceDate: string;
  exclusions: readonly ExclusionCode[];
  /** Each village needs at least one reserve this age or younger. */
  youngReserveMaximumAge: number;
  /** Candidates a township shortlists per village (at least). */
  minimumShortlistPerVillage: number;
  /** Public notice of the selection result: length in working days, and whether the posting day counts. */
  publicNotice: { workingDays: number; postingDayCounts: boolean };
  /** Secretary candidates at election time. */
  secretary: SecretaryRules;
}

export interface SecretaryRules {
  continuingMaximumAge: number;
  continuingMinimumEducation: EducationLevel;
  newMaximumAge: number;
  newMinimumEducation: EducationLevel;
  /** At least this share of the candidates must be `youngMaximumAge` or under. */
  youngShare: number;
  youngMaximumAge: number;
}

/** Seed 000: continuing secretary ≤ 50 with 初中+, new ≤ 45 with 高中+, ≥ 30 % of candidates 45 or under. */
export const DEFAULT_SECRETARY_RULES: SecretaryRules = {
  continuingMaximumAge: 50, continuingMinimumEducation: 'juniorHigh', newMaximumAge: 45, newMinimumEducation: 'seniorHigh', youngShare: 0.3, youngMaximumAge: 45,
};

/** Seed 000 (the township's three-year plan): full Party member, 大专 or above, 45 at most. */
export function defaultPolicy(referenceDate: string): EligibilityPolicy {
  return {
    requiredPoliticalStatuses: ['fullMember'],
    minimumEducation: 'juniorCollege',
    maximumAge: 45,
    referenceDate,
    exclusions: Object.keys(EXCLUSIONS) as ExclusionCode[],
    youngReserveMaximumAge: 35,
    minimumShortlistPerVillage: 2,
    publicNotice: { workingDays: 3, postingDayCounts: true },
    secretary: DEFAULT_SECRETARY_RULES,
  };
}

/** Seed 002 (青神县): about 35, 高中 or above; Party membership not required of every reserve. */
export function qingshenPreset(referenceDate: string): EligibilityPolicy {
  return { ...defaultPolicy(referenceDate), requiredPoliticalStatuses: [], minimumEducation: 'seniorHigh', maximumAge: 35 };
}

export interface CandidateFacts {
  birthDate: string;
  politicalStatus: string;
  education: string;
  /** Disqualifications found to apply (from the joint review or the interview). */
  exclusionsFound: readonly ExclusionCode[];
}

export interface RuleVerdict {
  rule: 'politicalStatus' | 'education' | 'age' | `exclusion.${ExclusionCode}`;
  passed: boolean;
  explanation: string;
}

export function educationRank(education: string): number {
  return EDUCATION_ORDER.indexOf(education as EducationLevel);
}

/** Every rule of the policy with its verdict and the reason, in a fixed order. */
export function evaluateEligibility(facts: CandidateFacts, policy: EligibilityPolicy): { isEligible: boolean; verdicts: RuleVerdict[] } {
  const verdicts: RuleVerdict[] = [];
  const status = POLITICAL_LABELS[facts.politicalStatus] ?? facts.politicalStatus;
  if (policy.requiredPoliticalStatuses.length > 0) {
    const passed = policy.requiredPoliticalStatuses.includes(facts.politicalStatus);
    const required = policy.requiredPoliticalStatuses.map((code) => POLITICAL_LABELS[code] ?? code).join('或');
    verdicts.push({ rule: 'politicalStatus', passed, explanation: passed ? `政治面貌为${status}，符合要求` : `政治面貌为${status}，要求为${required}` });
  }
  const rank = educationRank(facts.education);
  const minimum = EDUCATION_LABELS[policy.minimumEducation];
  const education = rank >= 0 ? EDUCATION_LABELS[EDUCATION_ORDER[rank]!] : facts.education;
  const isEducated = rank >= educationRank(policy.minimumEducation);
  verdicts.push({ rule: 'education', passed: isEducated, explanation: isEducated ? `学历${education}，达到${minimum}及以上的要求` : `学历${education}，低于${minimum}及以上的要求` });
  const age = ageOn(facts.birthDate, policy.referenceDate);
  const isYoungEnough = age <= policy.maximumAge;
  verdicts.push({
    rule: 'age',
    passed: isYoungEnough,
    explanation: isYoungEnough
      ? `年龄 ${age} 岁，未超过 ${policy.maximumAge} 周岁上限（以 ${policy.referenceDate} 计）`
      : `年龄 ${age} 岁，超过 ${policy.maximumAge} 周岁上限（以 ${policy.referenceDate} 计）`,
  });
  for (const exclusion of policy.exclusions) {
    const isFound = facts.exclusionsFound.includes(exclusion);
    verdicts.push({ rule: `exclusion.${exclusion}`, passed: !isFound, explanation: isFound ? `存在「${EXCLUSIONS[exclusion]}」情形，不得推荐` : `无「${EXCLUSIONS[exclusion]}」情形` });
  }
  return { isEligible: verdicts.every((verdict) => verdict.passed), verdicts };
}

/** Secretary candidates at election time: by default continuing ≤ 50 with 初中+, new ≤ 45 with 高中+. */
export function evaluateSecretaryCandidate(
  facts: Pick<CandidateFacts, 'birthDate' | 'education'>,
  options: { isContinuing: boolean; electionDate: string },
  rules: SecretaryRules = DEFAULT_SECRETARY_RULES,
): RuleVerdict[] {
  const maximumAge = options.isContinuing ? rules.continuingMaximumAge : rules.newMaximumAge;
  const minimum = options.isContinuing ? rules.continuingMinimumEducation : rules.newMinimumEducation;
  const who = options.isContinuing ? '连任书记' : '新任书记';
  const age = ageOn(facts.birthDate, options.electionDate);
  const isEducated = educationRank(facts.education) >= educationRank(minimum);
  return [
    { rule: 'age', passed: age <= maximumAge, explanation: `${who}人选年龄一般不超过 ${maximumAge} 周岁，本人 ${age} 岁（以 ${options.electionDate} 计）` },
    { rule: 'education', passed: isEducated, explanation: `${who}人选应具有${EDUCATION_LABELS[minimum]}及以上学历，本人为${EDUCATION_LABELS[facts.education as EducationLevel] ?? facts.education}` },
  ];
}

/** At least 30 % of secretary candidates 45 or under. */
export function hasEnoughYoungCandidates(ages: readonly number[], options: { share: number; maximumAge: number } = { share: 0.3, maximumAge: 45 }): boolean {
  if (ages.length === 0) return false;
  return ages.filter((age) => age <= options.maximumAge).length >= Math.ceil(options.share * ages.length - 1e-9);
}

/** Each village needs at least one reserve aged at most the policy's young age on the reference date. */
export function hasYoungReserve(birthDates: readonly string[], policy: Pick<EligibilityPolicy, 'youngReserveMaximumAge' | 'referenceDate'>): boolean {
  return birthDates.some((birthDate) => ageOn(birthDate, policy.referenceDate) <= policy.youngReserveMaximumAge);
}
