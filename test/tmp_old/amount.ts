import Decimal from 'decimal.js';
import type { RawValue } from '../../src/core/snapshot';

/**
 * What a cell holds, seen as an amount.
 * - `amount`: a number, with the decimals it is displayed with (for the rounding band);
 * - `empty`: blank, `-`, `—`, `－`, `/` — the way tables write "nothing" (zero for sums);
 * - `invalid`: something sits where an amount should be and cannot be read (`12,3a4`,
 *   `#REF!`): reported, never guessed;
 * - `not-amount`: a percentage or other value that is a number but not money.
 */
export type ParsedAmount =
  | { kind: 'amount'; value: Decimal; decimals: number }
  | { kind: 'empty' }
  | { kind: 'invalid'; raw: string; reason: 'error-value' | 'unreadable' }
  | { kind: 'not-amount'; raw: string };

const EMPTY_MARKS = new Set(['', '-', '--', '—', '——', '－', '–', '/', '／', '…', '——', '_']);
const EXCEL_ERRORS = /^#(REF!|DIV\/0!|VALUE!|NAME\?|N\/A|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/i;

/** Full-width digits and punctuation to ASCII (１２６９.２４ → 1269.24, （ → (). */
export function toHalfWidth(s: string): string {
  return s
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .replace(/[\u3002\uFF61]/g, '.'); // 。 typed for a decimal point
}

/** Decimals a number format displays: '#,##0.00' → 2, '0' → 0, 'General' → null (unknown). */
/** A workbook has a handful of formats and many cells: read each format once. */
const decimalsByFormat = new Map<string, number | null>();

export function formatDecimals(numberFormat: string | undefined): number | null {
  if (!numberFormat) return null;
  let d = decimalsByFormat.get(numberFormat);
  if (d === undefined) {
    d = readFormatDecimals(numberFormat);
    if (decimalsByFormat.size < 1000) decimalsByFormat.set(numberFormat, d);
  }
  return d;
}

function readFormatDecimals(numberFormat: string): number | null {
  if (/^general$/i.test(numberFormat) || numberFormat === '@') return null;
  const section = numberFormat.split(';')[0].replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '');
  if (!/[0#?]/.test(section)) return null;
  const m = /\.([0#?]+)/.exec(section);
  return m ? m[1].length : 0;
}

function decimalsOf(digits: string): number {
  const i = digits.indexOf('.');
  return i < 0 ? 0 : digits.length - i - 1;
}

/**
 * Parse one cell as an amount. `numberFormat` tells the displayed precision of a numeric
 * cell; a text cell's precision is the decimals written in it.
 */
export function parseAmount(value: RawValue, numberFormat?: string): ParsedAmount {
  if (value === null || value === undefined) return { kind: 'empty' };
  if (typeof value === 'boolean') return { kind: 'invalid', raw: String(value), reason: 'unreadable' };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { kind: 'invalid', raw: String(value), reason: 'unreadable' };
    if (numberFormat && /%/.test(numberFormat.split(';')[0].replace(/"[^"]*"/g, ''))) {
      return { kind: 'not-amount', raw: String(value) };
    }
    // A binary double typed as 912.63 is stored as 912.6299999…; the shortest round-trip
    // string (what Excel shows in its formula bar) is the number the user typed.
    const d = new Decimal(String(value));
    const shown = formatDecimals(numberFormat);
    const own = d.decimalPlaces();
    return { kind: 'amount', value: shown === null ? d : d.toDecimalPlaces(Math.max(shown, own)), decimals: shown ?? own };
  }
  return parseAmountText(value);
}

/** Parse amount text as it arrives in real workbooks: `1,269.24`, `132, 372. 61`, `(1,234.00)`. */
export function parseAmountText(raw: string): ParsedAmount {
  const trimmed = raw.trim();
  if (EXCEL_ERRORS.test(trimmed)) return { kind: 'invalid', raw, reason: 'error-value' };
  let s = toHalfWidth(trimmed).replace(/[\s\u00a0]+/g, '');
  if (EMPTY_MARKS.has(s)) return { kind: 'empty' };
  if (/%$/.test(s)) return { kind: 'not-amount', raw };
  s = s.replace(/^[¥￥$]|元$|万元$/g, '');
  let negative = false;
  const paren = /^\((.*)\)$/.exec(s);
  if (paren) {
    negative = true;
    s = paren[1];
  }
  if (/^[-−]/.test(s)) {
    negative = !negative;
    s = s.slice(1);
  } else if (s.startsWith('+')) s = s.slice(1);
  // Thousands separators: groups of three digits after the first group.
  if (!/^\d{1,3}(,\d{3})*(\.\d+)?$|^\d+(\.\d+)?$|^\.\d+$/.test(s)) {
    return { kind: 'invalid', raw, reason: 'unreadable' };
  }
  const digits = s.replace(/,/g, '');
  const value = new Decimal(digits.startsWith('.') ? `0${digits}` : digits);
  return { kind: 'amount', value: negative ? value.negated() : value, decimals: decimalsOf(digits) };
}

/** The amount, or zero for an empty cell; null for anything else. For sums. */
export function amountOrZero(p: ParsedAmount): Decimal | null {
  if (p.kind === 'amount') return p.value;
  if (p.kind === 'empty') return new Decimal(0);
  return null;
}

/** Amounts print as plain decimal strings with the table's decimals: "1269.24". */
export function formatAmount(d: Decimal, decimals = 2): string {
  return d.toFixed(Math.max(decimals, d.decimalPlaces() > decimals ? d.decimalPlaces() : decimals));
}

/** Amounts for people: thousands separators, "1,269.24". */
export function displayAmount(d: Decimal, decimals = 2): string {
  const fixed = formatAmount(d, decimals);
  const neg = fixed.startsWith('-');
  const [int, frac] = (neg ? fixed.slice(1) : fixed).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '-' : ''}${grouped}${frac !== undefined ? `.${frac}` : ''}`;
}
