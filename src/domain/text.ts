/**
 * Text as people enter it: what a field may hold, and names written one way so that the same
 * person is not entered twice.
 */

/** One line (names, titles, codes, search terms) or several (opinions, records, notes). */
export type TextKind = 'singleLine' | 'multiLine' | 'secret';

/** Marks that change the direction of the text around them (U+202A–U+202E, U+2066–U+2069, LRM, RLM, ALM). */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;
/** C0 and C1 control characters and DEL, without tab, line feed and carriage return. */
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LINE_BREAKS = /[\r\n\u2028\u2029\u0085]/;
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function codePointOf(character: string): string {
  return `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Why a text cannot be stored in a field of that kind, in Chinese and saying what to fix; null when
 * it can. No field holds NUL, a lone surrogate, another control character or a direction mark; a
 * single-line field holds no line break or tab either. A secret (a password) holds anything but NUL
 * and lone surrogates.
 */
export function textProblem(value: string, kind: TextKind): string | null {
  if (value.includes('\u0000')) return '含有空字符（NUL），多为从其他系统复制时带入，请删除后重新输入';
  if (LONE_SURROGATE.test(value)) return '含有残缺的字符（不成对的 UTF-16 代理项），请删除该字符后重新输入';
  if (kind === 'secret') return null;
  if (kind === 'singleLine' && LINE_BREAKS.test(value)) return '不能换行，请写在一行内';
  if (kind === 'singleLine' && value.includes('\t')) return '含有制表符（Tab），请改为空格';
  const bidi = BIDI_CONTROLS.exec(value);
  if (bidi) return `含有改变文字方向的不可见字符 ${codePointOf(bidi[0])}，请删除后重新输入`;
  const control = CONTROLS.exec(value);
  if (control) return `含有不可见的控制字符 ${codePointOf(control[0])}，请删除后重新输入`;
  return null;
}

/** White space of any width: ASCII, full-width (U+3000), no-break and the other spaces of Unicode. */
const SPACES = /[\s\u3000\u00A0\u1680\u2000-\u200B\u202F\u205F\uFEFF]+/gu;
/** Han characters and the middle dots of minority and foreign names (买买提·艾力). */
const HAN_OR_DOT = /[\p{Script=Han}·•・‧]/u;

/**
 * A person's name written one way: spaces at either end removed, spaces between Chinese characters
 * removed (「张　三」 and 「张 三」 are 张三; a space next to a Chinese character or a middle dot goes), other runs of spaces folded to one ASCII space
 * (「Anna  Li」 is Anna Li).
 */
export function normalizePersonName(name: string): string {
  const parts = name.replace(SPACES, ' ').trim().split(' ');
  return parts.reduce((joined, part) => {
    if (joined === '') return part;
    const isBetweenHan = HAN_OR_DOT.test(joined.at(-1)!) || HAN_OR_DOT.test([...part][0]!);
    return isBetweenHan ? `${joined}${part}` : `${joined} ${part}`;
  }, '');
}
