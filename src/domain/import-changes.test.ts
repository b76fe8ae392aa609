import { describe, expect, it } from 'vitest';
import { describePersonChanges, describeReserveChanges } from './import-changes.ts';

const stored = { name: '张三', gender: 'male', birthDate: '1990-03-15', phone: '13912345678', politicalStatus: 'fullMember', partyJoinDate: '2015-07-01', education: 'juniorCollege' };

describe('describePersonChanges', () => {
  it('names every changed field with its column, labels and masked phones', () => {
    expect(describePersonChanges(stored, { ...stored, name: '张四', phone: '13900001111', education: 'bachelor' })).toEqual([
      { field: '姓名', before: '张三', after: '张四' },
      { field: '联系电话', before: '139****5678', after: '139****1111' },
      { field: '学历', before: '大专', after: '本科' },
    ]);
  });

  it('finds nothing when the row says what is stored (empty and null alike)', () => {
    expect(describePersonChanges({ ...stored, phone: null }, { ...stored, phone: '' as unknown as null })).toEqual([]);
  });
});

describe('describeReserveChanges', () => {
  it('names the changed reserve fields', () => {
    const reserve = { targetPost: 'secretary', readiness: 'withinTwoYears', sourceCategory: 'graduate', mentorName: null, mentorPost: null, notes: null };
    expect(describeReserveChanges(reserve, { ...reserve, readiness: 'readyNow', mentorName: '王书记' })).toEqual([
      { field: '成熟度', before: '1–2 年内可使用', after: '成熟，可随时使用' },
      { field: '结对干部姓名', before: null, after: '王书记' },
    ]);
  });
});
