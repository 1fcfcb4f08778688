/**
 * Character tests that stand in for a pattern asked of every row or cell (a label's spaces, a
 * text's opening character, a code's digits). Each gives exactly the answer of the pattern named
 * beside it — test/detectCharTests.test.ts holds every UTF-16 code unit against it — at a fraction
 * of a RegExp call's cost on the short texts of a table (a call is some 20–40 ns, the loop a few).
 */

/** A code unit that `\s` matches (white space and line terminators: U+00A0 and U+3000 among them). */
export function isSpaceCode(c: number): boolean {
  // Most characters of a sheet are Chinese, past every space but the byte-order mark: told first.
  if (c > 0x3000) return c === 0xfeff;
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  if (c === 0xa0 || c === 0x3000 || c === 0x1680) return true;
  return c >= 0x2000 && c <= 0x205f && (c <= 0x200a || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f);
}

/** `s.trim()`, the text itself when neither end is a space (most cells': no call into trim). */
export function trimmed(s: string): string {
  return s.length > 0 && (isSpaceCode(s.charCodeAt(0)) || isSpaceCode(s.charCodeAt(s.length - 1))) ? s.trim() : s;
}

/** `/[\s\u00a0\u3000]/.test(s)`: some space anywhere. */
export function hasSpace(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isSpaceCode(s.charCodeAt(i))) return true;
  return false;
}

/**
 * A set of characters of one code unit each, as a bit per code unit (8 KB): a lookup is one load,
 * where a loop over the characters' codes was some 40 ns and charAt a new string per Chinese character.
 */
export type CharSet = Uint32Array;

export function charSet(chars: string): CharSet {
  const bits = new Uint32Array(0x10000 >>> 5);
  for (let k = 0; k < chars.length; k++) {
    const c = chars.charCodeAt(k);
    bits[c >>> 5] |= 1 << (c & 31);
  }
  return bits;
}

/** The code unit is in the set (a NaN, charCodeAt past a text's end, is not). */
export function isOneOf(c: number, set: CharSet): boolean {
  return c >= 0 && c < 0x10000 && ((set[c >>> 5] >>> (c & 31)) & 1) === 1;
}

/** The last code unit of a text that is no space (as trim leaves it), NaN for a text of spaces only. */
export function lastNonSpaceCode(s: string): number {
  let i = s.length - 1;
  while (i >= 0 && isSpaceCode(s.charCodeAt(i))) i--;
  return i >= 0 ? s.charCodeAt(i) : NaN;
}

/** `/^[\s\u00a0\u3000]*[<chars>]/.test(s)`: after any leading spaces, one of the set. */
export function opensWithOneOf(s: string, chars: CharSet): boolean {
  let i = 0;
  while (i < s.length && isSpaceCode(s.charCodeAt(i))) i++;
  return i < s.length && isOneOf(s.charCodeAt(i), chars);
}

/** `/^[\s\u3000]*[A-Za-zＡ-Ｚａ-ｚ]/.test(s)`: after any leading spaces, a Latin letter, narrow or full-width. */
export function opensWithLetter(s: string): boolean {
  let i = 0;
  while (i < s.length && isSpaceCode(s.charCodeAt(i))) i++;
  if (i === s.length) return false;
  const c = s.charCodeAt(i) | 0x20;
  const wide = s.charCodeAt(i);
  return (c >= 0x61 && c <= 0x7a) || (wide >= 0xff21 && wide <= 0xff3a) || (wide >= 0xff41 && wide <= 0xff5a);
}

/**
 * `s.replace(/[\s\u00a0\u3000]+/g, '') === word` (cleanLabel's text is the word): told without
 * making the cleaned text, which for a paragraph holding the word's first character was a copy of it.
 */
export function cleansTo(s: string, word: string): boolean {
  let k = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isSpaceCode(c)) continue;
    if (k === word.length || c !== word.charCodeAt(k)) return false;
    k++;
  }
  return k === word.length;
}

/** `s.replace(/[\s\u00a0\u3000]+/g, '').endsWith(word)`: the last characters but spaces are the word's. */
export function cleanEndsWith(s: string, word: string): boolean {
  let k = word.length;
  for (let i = s.length - 1; i >= 0 && k > 0; i--) {
    const c = s.charCodeAt(i);
    if (isSpaceCode(c)) continue;
    if (c !== word.charCodeAt(k - 1)) return false;
    k--;
  }
  return k === 0;
}

/** `/^\d+$/.test(s)`: ASCII digits only, at least one. */
export function isAsciiDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
