import { describe, expect, it } from 'vitest';
import { birthDateInIdNumber, checkIdNumber, checkPhone, idNumberCheckCharacter, maskIdNumber, maskPhone } from './id-number.ts';

const known = (code: string) => ['110105', '110108', '511425', '440305', '11010X'].includes(code) || code === '320102';
const today = new Date('2026-11-22T00:00:00Z');

describe('resident ID numbers (GB 11643)', () => {
  it('accepts published valid numbers and reads birth date and gender', () => {
    // The sample of GB 11643-1999 itself: 11010519491231002X, a woman born 1949-12-31.
    expect(checkIdNumber('11010519491231002X', known, today)).toEqual({
      isValid: true, idNumber: '11010519491231002X', regionCode: '110105', birthDate: '1949-12-31', gender: 'female',
    });
    // Checked by hand: weighted sum 128, 128 mod 11 = 7, check character '5'.
    expect(checkIdNumber('110108198001010015', known, today)).toMatchObject({ isValid: true, birthDate: '1980-01-01', gender: 'male' });
  });

  it('accepts a lower-case x as the check character X', () => {
    expect(checkIdNumber(' 11010519491231002x ', known, today)).toMatchObject({ isValid: true, idNumber: '11010519491231002X' });
  });

  it('computes the check character, including X', () => {
    expect(idNumberCheckCharacter('11010519491231002')).toBe('X');
    expect(idNumberCheckCharacter('11010819800101001')).toBe('5');
  });

  it('refuses a wrong check digit and says what it should be', () => {
    expect(checkIdNumber('110105194912310021', known, today)).toEqual({ isValid: false, message: '身份证号码校验位不符（按前 17 位应为 X），请核对号码是否抄错' });
  });

  it('refuses 15-digit legacy numbers, asking for the 18-digit one', () => {
    expect(checkIdNumber('110105491231002', known, today)).toEqual({ isValid: false, message: '这是 15 位旧身份证号码，请填写现行的 18 位居民身份证号码' });
  });

  it('refuses impossible dates: 30 February, month 13, a non-leap 29 February, the future', () => {
    for (const body of ['11010519900230', '11010519901301', '11010519010229', '11010520300101']) {
      const first17 = `${body}001`;
      const result = checkIdNumber(`${first17}${idNumberCheckCharacter(first17)}`, known, today);
      expect(result).toEqual({ isValid: false, message: `身份证号码中的出生日期 ${body.slice(6)} 不是有效日期，请核对` });
    }
    const leapDay = '11010520000229001';
    expect(checkIdNumber(`${leapDay}${idNumberCheckCharacter(leapDay)}`, known, today)).toMatchObject({ isValid: true, birthDate: '2000-02-29' });
  });

  it('refuses a birth year before 1900 as implausible, not as an invalid date', () => {
    for (const body of ['11010518991231', '11010518000101', '11010511110101']) {
      const first17 = `${body}001`;
      const result = checkIdNumber(`${first17}${idNumberCheckCharacter(first17)}`, known, today);
      expect(result).toEqual({ isValid: false, message: `身份证号码中的出生年份 ${body.slice(6, 10)} 不合理（应不早于 1900 年），请核对号码是否抄错` });
    }
    const first1900 = '11010519000101001';
    expect(checkIdNumber(`${first1900}${idNumberCheckCharacter(first1900)}`, known, today)).toMatchObject({ isValid: true, birthDate: '1900-01-01' });
  });

  it('reads the birth date an ID number spells, before other checks', () => {
    expect(birthDateInIdNumber('110105198610150021')).toBe('1986-10-15');
    expect(birthDateInIdNumber(' 11010519861015002x ')).toBe('1986-10-15');
    expect(birthDateInIdNumber('110105198602300021')).toBeNull();
    expect(birthDateInIdNumber('1101051986101500')).toBeNull();
  });

  it('refuses an unknown region code', () => {
    const first17 = '99010519800101001';
    expect(checkIdNumber(`${first17}${idNumberCheckCharacter(first17)}`, known, today)).toEqual({ isValid: false, message: '身份证号码前 6 位地区码 990105 不存在，请核对' });
  });

  it('refuses wrong lengths and letters', () => {
    for (const input of ['', '1101051949123100', '11010519491231002XX', '1101051949123100A2']) {
      expect(checkIdNumber(input, known, today)).toEqual({ isValid: false, message: '身份证号码应为 18 位：前 17 位为数字，最后一位为数字或 X' });
    }
  });

  it('masks the middle of ID and phone numbers', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('028-38812345')).toBe('028****2345');
  });

  it('validates phone numbers', () => {
    expect(checkPhone(' 138 1234 5678 ')).toEqual({ isValid: true, phone: '13812345678' });
    expect(checkPhone('02838812345')).toEqual({ isValid: true, phone: '028-38812345' });
    expect(checkPhone('12812345678')).toMatchObject({ isValid: false });
    expect(checkPhone('1381234567')).toMatchObject({ isValid: false, message: expect.stringContaining('11 位手机号码') });
  });
});
