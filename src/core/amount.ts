import Decimal from 'decimal.js';
import { UNCALCULATED, type RawValue } from './snapshot';
import { formatInfo, POWERS_OF_TEN } from './numberFormat';

/**
 * What a cell holds, seen as an amount.
 * - `amount`: a number, with the decimals it is displayed with (for the rounding band);
 * - `empty`: blank, `-`, `—`, `－`, `/` — the way tables write "nothing" (zero for sums);
 * - `invalid`: something sits where an amount should be and cannot be read (`12,3a4`,
 *   `#REF!`): reported, never guessed;
 * - `not-amount`: a percentage or other value that is a number but not money.
 */
export type ParsedAmount =
  | { kind: 'amount'; value: Decimal; decimals: number; units?: number; exp?: number }
  | { kind: 'empty' }
  | { kind: 'invalid'; raw: string; reason: 'error-value' | 'uncalculated' | 'unreadable' }
  | { kind: 'not-amount'; raw: string };

/**
 * An amount read from a cell. Where its digits fit an exact integer (at most 15 of them), the
 * value is also kept as that integer and its power of ten (1,269.24 = 126924 × 10⁻²): a big
 * table's figures are mostly only added and compared, which integers below 2^53 do exactly, and a
 * Decimal per figure was a fifth of a million-cell check. The Decimal is built when first asked for.
 */
export class CellAmount {
  private decimal?: Decimal;

  /** (A getter, not a field: one field less on each of a big table's figures.) */
  get kind(): 'amount' {
    return 'amount';
  }

  constructor(
    /** The value × 10^exp, an exact integer. */
    readonly units: number,
    readonly exp: number,
    /** Decimals displayed (for the rounding band). */
    readonly decimals: number,
  ) {}

  get value(): Decimal {
    // (A zero is built from the number itself, which keeps the sign of a typed −0.00.)
    return (this.decimal ??= kept(new Decimal(this.exp && this.units ? `${this.units}e-${this.exp}` : this.units)));
  }
}

/** Most digits an integer holds exactly below 2^53. */
const SAFE_DIGITS = 15;

/**
 * A plain decimal string (`-1269.24`, no exponent, no separators) as an exact integer and its power
 * of ten; null when it has too many digits to be one.
 */
function scaledInteger(s: string): { units: number; exp: number } | null {
  const point = s.indexOf('.');
  const sign = s.charCodeAt(0) === 45 ? 1 : 0;
  if (s.length - sign - (point < 0 ? 0 : 1) > SAFE_DIGITS) return null;
  const units = Number(point < 0 ? s : s.slice(0, point) + s.slice(point + 1));
  return Number.isSafeInteger(units) ? { units, exp: point < 0 ? 0 : s.length - point - 1 } : null;
}

const MAX_FAST_DECIMALS = POWERS_OF_TEN.length - 1;

/**
 * The number as an exact integer of 10^−decimals, when the number typed had at most that many
 * decimals; else null. With n = round(value × 10^d) below 2^52, n / 10^d is the double nearest to
 * n × 10^−d (both operands are exact, the division correctly rounded), and no other number of d
 * decimals is nearest to the same double (they are 10^−d apart, more than its spacing there). So
 * when it gives back the value, n × 10^−d is the number the shortest round-trip string writes: the
 * number the user typed, as String(value) would have given it.
 */
function wholeUnits(value: number, decimals: number): number | null {
  const scale = POWERS_OF_TEN[decimals];
  const n = Math.round(value * scale);
  if (!(Math.abs(n) < 2 ** 52) || n / scale !== value) return null;
  // A −0 reads as 0, as String(−0) did.
  return n === 0 ? 0 : n;
}

const EMPTY_MARKS = new Set(['', '-', '--', '—', '——', '－', '–', '/', '／', '…', '——', '_']);
const EXCEL_ERRORS = /^#(REF!|DIV\/0!|VALUE!|NAME\?|N\/A|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/i;

const FULL_WIDTH = /[\uFF01-\uFF5E\u3000\u3002\uFF61]/;

/** Full-width digits and punctuation to ASCII (１２６９.２４ → 1269.24, （ → (). */
export function toHalfWidth(s: string): string {
  // Most text has no full-width character at all: one scan, and the same string back.
  if (!FULL_WIDTH.test(s)) return s;
  // The text between two full-width characters is copied as one piece (a paragraph of prose has a
  // few full-width commas among hundreds of characters: not one concatenation per character).
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let narrow: string;
    if (c >= 0xff01 && c <= 0xff5e) narrow = String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) narrow = ' ';
    else if (c === 0x3002 || c === 0xff61) narrow = '.'; // 。 typed for a decimal point
    else continue;
    out += s.slice(from, i) + narrow;
    from = i + 1;
  }
  return out + s.slice(from);
}

/**
 * Decimals a number format displays: '#,##0.00' → 2, '0' → 0, '#,##0.00,' → 2 (a scaled figure
 * keeps its displayed decimals), 'General', '@' and date formats → null (the number's own).
 */
export function formatDecimals(numberFormat: string | undefined): number | null {
  return formatInfo(numberFormat).decimals;
}

function decimalsOf(digits: string): number {
  const i = digits.indexOf('.');
  return i < 0 ? 0 : digits.length - i - 1;
}

/**
 * Parse one cell as an amount. `numberFormat` tells the displayed precision of a numeric
 * cell; a text cell's precision is the decimals written in it.
 *
 * A scaled format ('#,##0,' shows 1234567 as 1,235) is read as the figure the published table
 * shows, in its own unit: value × scale rounded to the displayed decimals, so a 千元 column built
 * from 元 values is judged like a typed 千元 column (its sums by the rounding band). A date format on a number is a
 * mis-formatted amount: it is read as the number with its own decimals.
 */
export function parseAmount(value: RawValue, numberFormat?: string): ParsedAmount {
  if (value === null || value === undefined) return { kind: 'empty' };
  if (typeof value === 'boolean') return { kind: 'invalid', raw: String(value), reason: 'unreadable' };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { kind: 'invalid', raw: String(value), reason: 'unreadable' };
    const info = formatInfo(numberFormat);
    if (info.percent) return { kind: 'not-amount', raw: String(value) };
    // A binary double typed as 912.63 is stored as 912.6299999…; the shortest round-trip
    // string (what Excel shows in its formula bar) is the number the user typed.
    if (info.scale === 1 && info.decimals !== null && info.decimals <= MAX_FAST_DECIMALS) {
      // Most amounts show a fixed number of decimals and were typed with no more: their integer
      // is found without writing the number out (see wholeUnits).
      const units = wholeUnits(value, info.decimals);
      if (units !== null) return new CellAmount(units, info.decimals, info.decimals);
    }
    const typed = String(value);
    if (info.scale === 1 && typed.indexOf('e') < 0) {
      const scaled = scaledInteger(typed);
      if (scaled) return new CellAmount(scaled.units, scaled.exp, info.decimals ?? scaled.exp);
    }
    const d = new Decimal(typed);
    if (info.scale !== 1) {
      // The scaled figure's hidden digits are an artefact of the display, not typed ones: the
      // table publishes the rounded figure (Excel rounds half away from zero).
      const decimals = info.decimals ?? 0;
      return { kind: 'amount', value: kept(d.times(new Decimal(info.scale)).toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP)), decimals };
    }
    return { kind: 'amount', value: kept(d), decimals: info.decimals ?? d.decimalPlaces() };
  }
  return parseAmountText(value);
}

/**
 * Nothing longer than this is an amount (the longest real one, `-１３２，３７２，０００．６１万元`
 * with spaces, is well under it): longer text is reported unreadable before any pattern runs,
 * so a 100,000-digit cell costs one length check, not a regex's backtracking.
 */
const MAX_AMOUNT_TEXT = 40;

/** Parse amount text as it arrives in real workbooks: `1,269.24`, `132, 372. 61`, `(1,234.00)`. */
export function parseAmountText(raw: string): ParsedAmount {
  const trimmed = raw.trim();
  if (trimmed.length > MAX_AMOUNT_TEXT) return { kind: 'invalid', raw, reason: 'unreadable' };
  if (trimmed === UNCALCULATED) return { kind: 'invalid', raw, reason: 'uncalculated' };
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
  // (− and –, as a minus: Word's autoformat makes an en dash of a hyphen before a figure.)
  if (/^[-−–]/.test(s)) {
    negative = !negative;
    s = s.slice(1);
  } else if (s.startsWith('+')) s = s.slice(1);
  if (!isPlainDecimal(s)) return { kind: 'invalid', raw, reason: 'unreadable' };
  const digits = s.replace(/,/g, '');
  const whole = digits.startsWith('.') ? `0${digits}` : digits;
  const scaled = scaledInteger(negative ? `-${whole}` : whole);
  if (scaled) return new CellAmount(scaled.units, scaled.exp, decimalsOf(digits));
  const value = new Decimal(whole);
  return { kind: 'amount', value: kept(negative ? value.negated() : value), decimals: decimalsOf(digits) };
}

/**
 * A parsed amount as it is kept (in a table, for the rules): decimal.js builds a value's digits
 * by appending and so keeps room for about four times them; trimmed, its digits are exactly their
 * length, which halves what each kept amount costs (a million-cell table
 * keeps some 600,000 of them).
 */
function kept(d: Decimal): Decimal {
  // The value was just made here and is shared with nothing: its digit array is trimmed in place
  // (a slice is exactly its length) rather than the whole Decimal built again.
  const digits = (d as unknown as { d: number[] | null }).d;
  if (digits) (d as unknown as { d: number[] }).d = digits.slice();
  return d;
}

/**
 * `1234.5`, `1,234.5`, `.5`: digits with an optional fraction, the integer part either plain or
 * in thousands groups (1–3 digits, then groups of exactly 3). One pass, no backtracking.
 */
function isPlainDecimal(s: string): boolean {
  const point = s.indexOf('.');
  const int = point < 0 ? s : s.slice(0, point);
  const frac = point < 0 ? null : s.slice(point + 1);
  if (frac !== null && (frac.length === 0 || !allDigits(frac, 0, frac.length))) return false;
  if (int.length === 0) return frac !== null;
  const firstComma = int.indexOf(',');
  if (firstComma < 0) return allDigits(int, 0, int.length);
  if (firstComma < 1 || firstComma > 3 || !allDigits(int, 0, firstComma)) return false;
  // After the first group: ",ddd" repeated to the end.
  if ((int.length - firstComma) % 4 !== 0) return false;
  for (let i = firstComma; i < int.length; i += 4) {
    if (int[i] !== ',' || !allDigits(int, i + 1, i + 4)) return false;
  }
  return true;
}

function allDigits(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** The amount, or zero for an empty cell; null for anything else. For sums. */
export function amountOrZero(p: ParsedAmount): Decimal | null {
  if (p.kind === 'amount') return p.value;
  if (p.kind === 'empty') return new Decimal(0);
  return null;
}

/** Amounts print as plain decimal strings with the table's decimals: "1269.24". */
export function formatAmount(d: Decimal, decimals = 2): string {
  // At least the table's decimals and every digit the value has: nothing is rounded (see padded).
  return padded(d.toFixed(), decimals);
}

/** A value written with `places` decimals, rounded half up where it has more (toFixed's way). */
export function toPlaces(d: Decimal, places: number): string {
  return d.decimalPlaces() <= places ? padded(d.toFixed(), places) : d.toFixed(places);
}

/**
 * A value's exact digits (toFixed with no places: normal notation, no sign on a zero, no trailing
 * zeros) padded with zeros to at least `places` decimals. The same string toFixed(places) gives
 * where no digit is rounded away, without its rounding pass and copy of the value: that was most
 * of the time spent writing a finding's figures.
 */
function padded(exact: string, places: number): string {
  const point = exact.indexOf('.');
  const has = point < 0 ? 0 : exact.length - point - 1;
  return has >= places ? exact : `${exact}${point < 0 ? '.' : ''}${'0'.repeat(places - has)}`;
}

/** Amounts for people: thousands separators, "1,269.24". */
export function displayAmount(d: Decimal, decimals = 2): string {
  const fixed = formatAmount(d, decimals);
  const neg = fixed.startsWith('-');
  const [int, frac] = (neg ? fixed.slice(1) : fixed).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '-' : ''}${grouped}${frac !== undefined ? `.${frac}` : ''}`;
}
