import type { RawValue } from '../snapshot';
import { toHalfWidth } from '../amount';
import { foldLabel } from './labels';
import { charSet, isAsciiDigits, isOneOf } from './charTests';

/**
 * Subject codes (政府收支分类科目) as people store them: text '208' / '01', numbers 208 / 1
 * (leading zero lost), or one concatenated code '2080109' / 2080109.
 */
export function codeDigits(raw: RawValue, text: string): string {
  if (raw === null || raw === undefined) return '';
  if (typeof raw === 'number') return Number.isInteger(raw) && raw >= 0 ? String(raw) : '';
  // Most codes are written in plain digits already: nothing to fold.
  if (isAsciiDigits(text)) return text;
  const t = foldLabel(text || String(raw));
  if (isAsciiDigits(t)) return t;
  // A code that went through a number format and came back as text (2,080,505.00; 208.00): its whole digits.
  // (A code column's cells only: a column's role is never read from such text — columnRoles counts no code with a point or comma.)
  const formatted = FORMATTED_CODE.exec(t);
  if (formatted) return formatted[1].replace(/,/g, '');
  // A code written in its parts (204.05.01, 204-05-01): the parts joined. (No 款 or 项 is 00, so 208.00 is a
  // formatted 208, read above.)
  const parted = PARTED_CODE.exec(t);
  return parted ? parted[1] + parted[2] + (parted[3] ?? '') : '';
}

const FORMATTED_CODE = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.0+)?$/;
const PARTED_CODE = /^(\d{3})[.\-－·](\d{2})(?:[.\-－·](\d{2}))?$/;

/** A 类 part: three digits (208). */
export function leiPart(raw: RawValue, text: string): string {
  return codeDigits(raw, text);
}

/** A 款 or 项 part: two digits, restoring the leading zero lost when stored as a number (1 → 01). */
export function twoDigitPart(raw: RawValue, text: string): string {
  const d = codeDigits(raw, text);
  if (!d) return '';
  return d.length === 1 ? `0${d}` : d;
}

/** FunctionCode from split 类/款/项: '208', '20801', '2080109'. */
export function joinFunctionCode(lei: string, kuan: string, xiang: string): string | undefined {
  if (!/^\d{3}$/.test(lei)) return undefined;
  if (!kuan) return lei;
  if (!xiang) return lei + kuan;
  return lei + kuan + xiang;
}

/** A concatenated functional code is 3, 5 or 7 digits starting with 2 (201 … 234). */
export function isFunctionCode(code: string): boolean {
  return /^2\d{2}(\d{2}){0,2}$/.test(code);
}

/** Department economic classification: 301, 30101 (3xx). */
export function isEconCode(code: string): boolean {
  return /^3\d{2}(\d{2})?$/.test(code);
}

/** Government economic classification: 501, 50101 (5xx). */
export function isGovEconCode(code: string): boolean {
  return /^5\d{2}(\d{2})?$/.test(code);
}

/** What a code before a name opens with, as typed (full-width digits and brackets included: they are narrowed below). */
const CODE_OPENING = charSet('0123456789０１２３４５６７８９[【(（［');

const COUNT_AFTER = /^(?:万元|亿元|千元|元|年|月|日|号|个|人次|人|次|辆|台|套|件|家|名|项|类|款)(?=$|[\s,，、。;；:：)）(（]|\d)|^%/;

/**
 * A subject code written before its name in one cell: bracketed ([201]…, 【30101】…) or bare
 * (2010301行政运行, the space cleaned away). Only codes of the known ranges (functional 200–239,
 * department economic 301–399, government economic 501–599), followed by a name in words that
 * is not a count or a unit (300万元 is an amount, never a code).
 */
export function codeBeforeName(label: string): { code: string; name: string; kind: 'function' | 'econ' | 'gov-econ' } | undefined {
  // Asked of every row's name in a table without a code column: most open with a word, and hold none.
  if (!isOneOf(label.charCodeAt(0), CODE_OPENING)) return codeAfterName(label);
  const m = /^(?:[[【(（]((?:\d{3})(?:\d{2}){0,2})[\]】)）]|((?:\d{3})(?:\d{2}){0,2})(?!\d))(.*)$/.exec(toHalfWidth(label));
  if (!m) return undefined;
  return coded(m[1] ?? m[2], m[3].replace(/^[\s:：.、．-]+/, ''));
}

/** What a code after a name closes with (行政运行（2010601）): a bracket. */
const CODE_CLOSING = charSet(')）]】］');

/** …or written after its name in brackets (行政运行（2010601）, 工资福利支出[301]), as some exports print it. */
function codeAfterName(label: string): { code: string; name: string; kind: 'function' | 'econ' | 'gov-econ' } | undefined {
  if (!isOneOf(label.charCodeAt(label.length - 1), CODE_CLOSING)) return undefined;
  const m = /^([\u4e00-\u9fff].*?)\s*[[【(（]((?:\d{3})(?:\d{2}){0,2})[\]】)）]$/.exec(toHalfWidth(label));
  // (Three digits after a name are a 类's code only after a 类's name: 天数（365） is a count.)
  return m && (m[2].length > 3 || m[1].endsWith('支出')) ? coded(m[2], m[1]) : undefined;
}

function coded(code: string, name: string): { code: string; name: string; kind: 'function' | 'econ' | 'gov-econ' } | undefined {
  // (A count or unit right after the digits — 300万元, 5人, 3辆 — is no name; 人力资源和社会保障管理事务 is.)
  if (!/^[\u4e00-\u9fff]/.test(name) || COUNT_AFTER.test(name)) return undefined;
  if (/^2[0-3]\d/.test(code)) return { code, name, kind: 'function' };
  if (/^3[0-9]\d/.test(code) && code !== '300') return { code, name, kind: 'econ' };
  if (/^5\d\d/.test(code)) return { code, name, kind: 'gov-econ' };
  return undefined;
}
