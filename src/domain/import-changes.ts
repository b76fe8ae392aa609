import { DEFAULT_DICTIONARY_ITEMS, type DictionaryName } from './dictionaries.ts';
import { maskPhone } from './id-number.ts';

/** One field an import would change on a stored record: what is stored and what the row says. */
export interface FieldChange {
  /** The column's Chinese name, as in the roster. */
  field: string;
  before: string | null;
  after: string | null;
}

/** A person's fields that a roster row can change. */
export interface ImportedPersonFields {
  name: string;
  gender: string | null;
  birthDate: string | null;
  phone: string | null;
  politicalStatus: string;
  partyJoinDate: string | null;
  education: string;
}

/** A reserve's own fields (besides person, village, status): what a roster row or a form sets. */
export interface ImportedReserveFields {
  targetPost: string;
  readiness: string;
  sourceCategory: string;
  mentorName: string | null;
  mentorPost: string | null;
  notes: string | null;
}

const labelOf = (dictionary: DictionaryName) => (code: string | null): string | null => {
  if (code === null) return null;
  return DEFAULT_DICTIONARY_ITEMS[dictionary].find(([itemCode]) => itemCode === code)?.[1] ?? code;
};
const asIs = (value: string | null): string | null => value;

type Field<T> = readonly [key: keyof T, column: string, show: (value: string | null) => string | null];

const PERSON_FIELDS: readonly Field<ImportedPersonFields>[] = [
  ['name', '姓名', asIs],
  ['gender', '性别', labelOf('gender')],
  ['birthDate', '出生年月', asIs],
  // Phones are shown masked in the result, as everywhere else.
  ['phone', '联系电话', (value) => (value === null ? null : maskPhone(value))],
  ['politicalStatus', '政治面貌', labelOf('politicalStatus')],
  ['partyJoinDate', '入党时间', asIs],
  ['education', '学历', labelOf('education')],
];

const RESERVE_FIELDS: readonly Field<ImportedReserveFields>[] = [
  ['targetPost', '拟任岗位', labelOf('targetPost')],
  ['readiness', '成熟度', labelOf('readiness')],
  ['sourceCategory', '身份', labelOf('sourceCategory')],
  ['mentorName', '结对干部姓名', asIs],
  ['mentorPost', '结对干部职务', asIs],
  ['notes', '备注', asIs],
];

function describeChanges<T>(fields: readonly Field<T>[], stored: T, wanted: T): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const [key, column, show] of fields) {
    const before = (stored[key] ?? null) as string | null;
    const after = (wanted[key] ?? null) as string | null;
    if ((before || null) !== (after || null)) changes.push({ field: column, before: show(before || null), after: show(after || null) });
  }
  return changes;
}

/** The fields a row changes on a stored person; empty when the row says what is stored. */
export function describePersonChanges(stored: ImportedPersonFields, row: ImportedPersonFields): FieldChange[] {
  return describeChanges(PERSON_FIELDS, stored, row);
}

/** The fields a row changes on a stored reserve. */
export function describeReserveChanges(stored: ImportedReserveFields, row: ImportedReserveFields): FieldChange[] {
  return describeChanges(RESERVE_FIELDS, stored, row);
}
