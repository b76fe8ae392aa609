import { describe, expect, it } from 'vitest';
import { idNumberCheckCharacter } from './id-number.ts';
import { checkPerson, type PersonInput } from './person-rules.ts';

const dictionaries = {
  ethnicity: new Set(['han']),
  politicalStatus: new Set(['fullMember', 'masses']),
  education: new Set(['juniorCollege']),
  health: new Set(['healthy']),
};
const first17 = '51142519880512003';
const idNumber = `${first17}${idNumberCheckCharacter(first17)}`;
const person = (overrides: Partial<PersonInput> = {}): PersonInput => ({ name: '张三', idNumber, politicalStatus: 'masses', education: 'juniorCollege', ...overrides });
const check = (input: PersonInput) => checkPerson(input, dictionaries, () => true, '2026-06-01');

describe('a person as entered in a form or a roster row', () => {
  it('stores a name with full-width or other spaces inside as one name', () => {
    for (const name of ['张　三', ' 张 三 ', '张\u00A0三', '　张三　']) {
      const result = check(person({ name }));
      expect(result.problems, name).toEqual([]);
      expect(result.person?.name, name).toBe('张三');
    }
  });

  it('refuses a name of spaces only', () => {
    expect(check(person({ name: '　 ' })).problems).toEqual([{ field: 'name', message: '姓名不能为空' }]);
  });

  it('refuses control characters, line breaks and direction marks in free text, naming the field', () => {
    expect(check(person({ name: '张\u202E三' })).problems).toEqual([{ field: 'name', message: '含有改变文字方向的不可见字符 U+202E，请删除后重新输入' }]);
    expect(check(person({ school: '四川\n大学' })).problems).toEqual([{ field: 'school', message: '不能换行，请写在一行内' }]);
    expect(check(person({ occupation: '种植\u0000' })).problems).toEqual([{ field: 'occupation', message: expect.stringMatching(/NUL/) }]);
  });
});
