import { checkIdNumber, checkPhone } from './id-number.ts';
import { parseLooseDate, toIsoDate } from './dates.ts';
import { normalizePersonName, textProblem } from './text.ts';

/** The fields of a person file (一人一档) as entered, before checking. */
export interface PersonInput {
  name: string;
  gender?: string | null | undefined;
  ethnicity?: string | null | undefined;
  birthDate?: string | null | undefined;
  idNumber: string;
  phone?: string | null | undefined;
  nativePlace?: string | null | undefined;
  /** 出生地; undefined leaves a stored one as it is. */
  birthplace?: string | null | undefined;
  politicalStatus: string;
  partyJoinDate?: string | null | undefined;
  education: string;
  school?: string | null | undefined;
  major?: string | null | undefined;
  health?: string | null | undefined;
  occupation?: string | null | undefined;
  specialties?: string | null | undefined;
  workStartDate?: string | null | undefined;
  presentPosition?: string | null | undefined;
  isLivingAway?: boolean | undefined;
}

/** A checked person: ID number normalised, birth date and gender taken from it. */
export interface CheckedPerson extends Omit<PersonInput, 'gender' | 'birthDate' | 'phone'> {
  gender: 'male' | 'female';
  birthDate: string;
  phone: string | null;
}

export interface FieldProblem {
  field: keyof PersonInput;
  message: string;
}

/** The dictionary codes a field must come from. */
export interface PersonDictionaries {
  ethnicity: ReadonlySet<string>;
  politicalStatus: ReadonlySet<string>;
  education: ReadonlySet<string>;
  health: ReadonlySet<string>;
}

const PARTY_STATUSES = new Set(['fullMember', 'probationaryMember']);
/** The fields typed as free text, which hold one line without control characters. */
const TEXT_FIELDS = ['name', 'nativePlace', 'birthplace', 'school', 'major', 'occupation', 'specialties', 'presentPosition'] as const;

/**
 * Checks a person against the rules of SPEC section 2 and returns every problem, each naming its
 * field: the name (its spaces normalised: 「张　三」 is 张三) and other free text (one line, no
 * control characters), the ID number (GB 11643), birth date and gender as entered against the ID number, the
 * phone, dictionary values, and dates that must be real and in order.
 */
export function checkPerson(
  input: PersonInput,
  dictionaries: PersonDictionaries,
  isKnownRegion: (code: string) => boolean,
  today: string,
): { person: CheckedPerson; problems: [] } | { person: null; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const id = checkIdNumber(input.idNumber, isKnownRegion, new Date(`${today}T23:59:59Z`));
  if (!id.isValid) problems.push({ field: 'idNumber', message: id.message });
  if (id.isValid && input.gender && input.gender !== id.gender) {
    problems.push({ field: 'gender', message: `性别与身份证号码不符：按身份证号码应为「${id.gender === 'male' ? '男' : '女'}」` });
  }
  if (id.isValid && input.birthDate) {
    const entered = parseLooseDate(input.birthDate);
    const fromId = id.birthDate;
    const matches = entered !== null && entered.year === Number(fromId.slice(0, 4)) && entered.month === Number(fromId.slice(5, 7)) && (entered.day === null || entered.day === Number(fromId.slice(8, 10)));
    if (!matches) problems.push({ field: 'birthDate', message: `出生日期与身份证号码不符：按身份证号码应为 ${fromId}` });
  }
  let phone: string | null = null;
  if (input.phone) {
    const checked = checkPhone(input.phone);
    if (checked.isValid) phone = checked.phone;
    else problems.push({ field: 'phone', message: checked.message });
  }
  const name = normalizePersonName(input.name);
  if (!name) problems.push({ field: 'name', message: '姓名不能为空' });
  for (const field of TEXT_FIELDS) {
    const value = input[field];
    const problem = typeof value === 'string' ? textProblem(value, 'singleLine') : null;
    if (problem) problems.push({ field, message: problem });
  }
  const dictionaryFields = [
    ['ethnicity', '民族'], ['politicalStatus', '政治面貌'], ['education', '学历'], ['health', '健康状况'],
  ] as const;
  for (const [field, label] of dictionaryFields) {
    const value = input[field];
    if (value && !dictionaries[field].has(value)) problems.push({ field, message: `${label}「${value}」不在字典中，请从下拉列表中选择` });
  }
  const dates = { partyJoinDate: input.partyJoinDate, workStartDate: input.workStartDate };
  const isoDates: Record<string, string | null> = {};
  for (const [field, value] of Object.entries(dates) as [keyof typeof dates, string | null | undefined][]) {
    if (!value) {
      isoDates[field] = null;
      continue;
    }
    const parsed = parseLooseDate(value);
    const label = field === 'partyJoinDate' ? '入党时间' : '参加工作时间';
    if (!parsed) problems.push({ field, message: `${label}「${value}」不是有效日期，可写作 1985.03、1985-03-15 或 1985年3月` });
    else if (toIsoDate(parsed) > today) problems.push({ field, message: `${label}不能晚于今天` });
    else if (id.isValid && toIsoDate(parsed) < id.birthDate) problems.push({ field, message: `${label}不能早于出生日期` });
    else isoDates[field] = toIsoDate(parsed);
  }
  if (isoDates.partyJoinDate && !PARTY_STATUSES.has(input.politicalStatus)) {
    problems.push({ field: 'partyJoinDate', message: '填写了入党时间，政治面貌应为中共党员或中共预备党员' });
  }
  if (problems.length > 0 || !id.isValid) return { person: null, problems };
  return {
    person: {
      ...input,
      name,
      idNumber: id.idNumber,
      gender: id.gender,
      birthDate: id.birthDate,
      phone,
      partyJoinDate: isoDates.partyJoinDate ?? null,
      workStartDate: isoDates.workStartDate ?? null,
    },
    problems: [],
  };
}
