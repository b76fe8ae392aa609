import { describe, expect, it } from 'vitest';
import { codeForText, joinMentor, normaliseHeader, splitMentor } from './roster.ts';

const education = [
  { code: 'juniorHigh', label: '初中' }, { code: 'seniorHigh', label: '高中·中专' }, { code: 'juniorCollege', label: '大专' },
  { code: 'bachelor', label: '本科' }, { code: 'postgraduate', label: '研究生' },
];

describe('roster cells', () => {
  it('normalises headers typed with full-width brackets and spaces', () => {
    expect(normaliseHeader(' 村（社区） ')).toBe('村(社区)');
    expect(normaliseHeader('身份证\n号码')).toBe('身份证号码');
  });

  it('maps labels, codes and common words to dictionary codes', () => {
    expect(codeForText('education', '大专', education)).toBe('juniorCollege');
    expect(codeForText('education', '高中·中专', education)).toBe('seniorHigh');
    expect(codeForText('education', '中专', education)).toBe('seniorHigh');
    expect(codeForText('education', '大学本科', education)).toBe('bachelor');
    expect(codeForText('education', 'bachelor', education)).toBe('bachelor');
    expect(codeForText('education', '幼儿园', education)).toBeNull();
    expect(codeForText('gender', '女', [{ code: 'male', label: '男' }, { code: 'female', label: '女' }])).toBe('female');
  });

  it('splits and joins the mentor column', () => {
    expect(splitMentor('王明 镇党委副书记')).toEqual({ mentorName: '王明', mentorPost: '镇党委副书记' });
    expect(splitMentor('王明（镇党委副书记）')).toEqual({ mentorName: '王明', mentorPost: '镇党委副书记' });
    expect(splitMentor('王明')).toEqual({ mentorName: '王明', mentorPost: null });
    expect(splitMentor('  ')).toEqual({ mentorName: null, mentorPost: null });
    expect(joinMentor('王明', '镇党委副书记')).toBe('王明 镇党委副书记');
  });
});
