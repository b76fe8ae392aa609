import { describe, expect, it } from 'vitest';
import { normalizePersonName, textProblem } from './text.ts';

describe('what a text field may hold', () => {
  it('accepts ordinary Chinese and Latin text, and line breaks where the field has several lines', () => {
    for (const value of ['张三', '青神县瑞峰镇', 'Anna Li', '买买提·艾力', '😀 表情', '']) {
      expect(textProblem(value, 'singleLine'), value).toBeNull();
    }
    expect(textProblem('第一行\n第二行\r\n\t缩进', 'multiLine')).toBeNull();
  });

  it('refuses NUL and lone surrogates in every field, passwords included', () => {
    for (const kind of ['singleLine', 'multiLine', 'secret'] as const) {
      expect(textProblem('a\u0000b', kind), kind).toMatch(/空字符（NUL）/);
      expect(textProblem('a\uD800b', kind), kind).toMatch(/不成对的 UTF-16 代理项/);
      expect(textProblem('a\uDC00', kind), kind).toMatch(/不成对的 UTF-16 代理项/);
    }
    expect(textProblem('pass\u202Eword\n', 'secret')).toBeNull();
  });

  it('refuses line breaks and tabs in a single line', () => {
    for (const value of ['a\nb', 'a\rb', 'a\u2028b', 'a\u2029b', 'a\u0085b']) expect(textProblem(value, 'singleLine'), JSON.stringify(value)).toBe('不能换行，请写在一行内');
    expect(textProblem('a\tb', 'singleLine')).toMatch(/制表符/);
  });

  it('refuses direction marks and other control characters, naming the character', () => {
    expect(textProblem('张三\u202Egpj.exe', 'singleLine')).toBe('含有改变文字方向的不可见字符 U+202E，请删除后重新输入');
    expect(textProblem('意见\u2067', 'multiLine')).toMatch(/U\+2067/);
    expect(textProblem('a\u0007b', 'multiLine')).toBe('含有不可见的控制字符 U+0007，请删除后重新输入');
    expect(textProblem('a\u009Bb', 'singleLine')).toMatch(/U\+009B/);
    expect(textProblem('a\u007Fb', 'singleLine')).toMatch(/U\+007F/);
  });
});

describe('person names written one way', () => {
  it('removes spaces of any width between Chinese characters', () => {
    for (const typed of ['张　三', '张 三', ' 张三 ', '　张　　三　', '张\u00A0三', '张\u200B三']) expect(normalizePersonName(typed), typed).toBe('张三');
    expect(normalizePersonName('买买提 · 艾力')).toBe('买买提·艾力');
  });

  it('folds other runs of spaces to one', () => {
    expect(normalizePersonName('  Anna　　Li ')).toBe('Anna Li');
    expect(normalizePersonName('Mary  Ann   Smith')).toBe('Mary Ann Smith');
  });

  it('leaves a name without spaces as it is', () => {
    expect(normalizePersonName('欧阳修')).toBe('欧阳修');
    expect(normalizePersonName('')).toBe('');
  });
});
