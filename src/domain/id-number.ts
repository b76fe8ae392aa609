/**
 * The resident identity card number (居民身份证号码, GB 11643-1999): 6-digit region code,
 * 8-digit birth date, 3-digit sequence (odd for men, even for women) and an ISO 7064 MOD 11-2
 * check character (0–9 or X).
 */
export type IdNumberCheck =
  | { isValid: true; idNumber: string; regionCode: string; birthDate: string; gender: 'male' | 'female' }
  | { isValid: false; message: string };

/** The earliest birth year an ID number of a living person can carry. */
const FIRST_BIRTH_YEAR = 1900;

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';

/** The check character that the first 17 digits call for. */
export function idNumberCheckCharacter(first17: string): string {
  const sum = [...first17].reduce((total, digit, index) => total + Number(digit) * WEIGHTS[index]!, 0);
  return CHECK_CHARACTERS[sum % 11]!;
}

/**
 * Validates an 18-digit number and reads birth date and gender from it. `isKnownRegion` says
 * whether the first six digits name a division (current or historical) that exists.
 */
export function checkIdNumber(input: string, isKnownRegion: (regionCode: string) => boolean, today: Date = new Date()): IdNumberCheck {
  const idNumber = input.trim().toUpperCase();
  if (/^\d{15}$/.test(idNumber)) {
    return { isValid: false, message: '这是 15 位旧身份证号码，请填写现行的 18 位居民身份证号码' };
  }
  if (!/^\d{17}[\dX]$/.test(idNumber)) {
    return { isValid: false, message: '身份证号码应为 18 位：前 17 位为数字，最后一位为数字或 X' };
  }
  const regionCode = idNumber.slice(0, 6);
  if (!isKnownRegion(regionCode)) {
    return { isValid: false, message: `身份证号码前 6 位地区码 ${regionCode} 不存在，请核对` };
  }
  const year = Number(idNumber.slice(6, 10));
  const month = Number(idNumber.slice(10, 12));
  const day = Number(idNumber.slice(12, 14));
  const birth = new Date(Date.UTC(year, month - 1, day));
  const isRealDate = birth.getUTCFullYear() === year && birth.getUTCMonth() === month - 1 && birth.getUTCDate() === day;
  if (isRealDate && year < FIRST_BIRTH_YEAR) {
    return { isValid: false, message: `身份证号码中的出生年份 ${year} 不合理（应不早于 ${FIRST_BIRTH_YEAR} 年），请核对号码是否抄错` };
  }
  if (!isRealDate || birth.getTime() > today.getTime()) {
    return { isValid: false, message: `身份证号码中的出生日期 ${idNumber.slice(6, 14)} 不是有效日期，请核对` };
  }
  const expected = idNumberCheckCharacter(idNumber.slice(0, 17));
  if (idNumber[17] !== expected) {
    return { isValid: false, message: `身份证号码校验位不符（按前 17 位应为 ${expected}），请核对号码是否抄错` };
  }
  return {
    isValid: true,
    idNumber,
    regionCode,
    birthDate: `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`,
    gender: Number(idNumber[16]) % 2 === 1 ? 'male' : 'female',
  };
}

/**
 * The birth date 'YYYY-MM-DD' that an 18-character ID number spells, before any other check (the
 * check digit, the region); null when the text is not shaped like one or the date is not real.
 */
export function birthDateInIdNumber(text: string): string | null {
  const idNumber = text.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(idNumber)) return null;
  const [year, month, day] = [Number(idNumber.slice(6, 10)), Number(idNumber.slice(10, 12)), Number(idNumber.slice(12, 14))];
  const birth = new Date(Date.UTC(year, month - 1, day));
  if (birth.getUTCFullYear() !== year || birth.getUTCMonth() !== month - 1 || birth.getUTCDate() !== day) return null;
  return `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
}

/** 110105********002X: region code and last four shown. */
export function maskIdNumber(idNumber: string): string {
  return `${idNumber.slice(0, 6)}********${idNumber.slice(-4)}`;
}

/** 138****5678 for a mobile number; a landline keeps its area code and last four digits. */
export function maskPhone(phone: string): string {
  if (/^1\d{10}$/.test(phone)) return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
  const digits = phone.replace(/\D/g, '');
  return `${digits.slice(0, Math.max(0, digits.length - 8))}****${digits.slice(-4)}`;
}

/** A mainland mobile number (11 digits from 13–19) or a landline with area code (0xx-xxxxxxxx). */
export function checkPhone(input: string): { isValid: true; phone: string } | { isValid: false; message: string } {
  const phone = input.trim().replace(/\s+/g, '');
  if (/^1[3-9]\d{9}$/.test(phone)) return { isValid: true, phone };
  if (/^0\d{2,3}-?\d{7,8}$/.test(phone)) return { isValid: true, phone: phone.includes('-') ? phone : `${phone.slice(0, phone.length - 8)}-${phone.slice(-8)}` };
  return { isValid: false, message: `联系电话「${input.trim()}」格式不正确：应为 11 位手机号码，或带区号的固定电话（如 028-38812345）` };
}
