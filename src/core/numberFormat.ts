import type * as Numfmt from 'numfmt';

/**
 * numfmt, loaded the first time a code needs it: the codes of most amounts (General, '#,##0.00',
 * '0.00' …) are read and laid out here (simpleLayout), and a `check` whose workbook holds no other
 * code never loads its 345 KB.
 */
let numfmtLib: typeof Numfmt | undefined;
function numfmt(): typeof Numfmt {
  return (numfmtLib ??= require('numfmt') as typeof Numfmt);
}

/**
 * The codes nearly every amount of a big table is shown with ('#,##0.00', '0.00', '#,##0', '0'):
 * one section, digits in thousands groups or not, a fixed number of decimals. They are laid out
 * here the way numfmt lays them out (its rounding: × 10^d, Math.round, ÷ 10^d; the integer part
 * from the rounded value, the decimals from its JavaScript string, padded with zeros; a figure
 * that rounds to zero as unsigned noughts), without its general machinery per cell;
 * test/numberFormatFast.test.ts holds the two to the same text on a few hundred thousand values.
 * Anything else (other codes, one of 15 digits or more) goes to numfmt.
 */
interface SimpleLayout {
  grouped: boolean;
  decimals: number;
}

const SIMPLE_PATTERN = /^(#,##0|0)(?:\.(0{1,6}))?$/;
const simpleByPattern = new Map<string, SimpleLayout | null>();

function simpleLayout(pattern: string): SimpleLayout | null {
  let layout = simpleByPattern.get(pattern);
  if (layout === undefined) {
    const m = SIMPLE_PATTERN.exec(pattern);
    layout = m ? { grouped: m[1] === '#,##0', decimals: m[2] ? m[2].length : 0 } : null;
    if (simpleByPattern.size < CACHE_LIMIT) simpleByPattern.set(pattern, layout);
  }
  return layout;
}

/**
 * The core's view of a number format code: what a reader of the published table sees in a cell,
 * read through numfmt (an ECMA-376 formatter that follows Excel's own quirks) rather than by hand.
 *
 * - `decimals`: decimals displayed for a number (null: General or text, so the number's own);
 * - `percent`: the cell shows a percentage (not money);
 * - `scale`: the factor the display applies: 10⁻³ per trailing comma ('#,##0,' → 0.001, so a
 *   元 figure shows in 千元), 10⁻ᵏ for a point written as text before k digits ('0!.0000' → 0.0001, so
 *   it shows in 万元), 1 otherwise; a percentage's ×100 is not counted here;
 * - `date`: a date or time format (an amount in one is a mis-formatted amount);
 * - `text`: the text format '@'.
 */
export interface FormatInfo {
  decimals: number | null;
  percent: boolean;
  scale: number;
  date: boolean;
  text: boolean;
}

const GENERAL: FormatInfo = { decimals: null, percent: false, scale: 1, date: false, text: false };

/** A workbook has a handful of formats and many cells: read each code once. */
const infoByCode = new Map<string, FormatInfo>();
const CACHE_LIMIT = 2000;

export function formatInfo(code: string | undefined): FormatInfo {
  if (!code) return GENERAL;
  let info = infoByCode.get(code);
  if (!info) {
    info = readFormatInfo(code);
    if (infoByCode.size < CACHE_LIMIT) infoByCode.set(code, info);
  }
  return info;
}

function readFormatInfo(code: string): FormatInfo {
  const pattern = toNumfmtPattern(code);
  if (/^general$/i.test(pattern)) return GENERAL;
  const simple = simpleLayout(pattern);
  // What numfmt's getFormatInfo tells of these (test/numberFormatFast.test.ts).
  if (simple) return { decimals: simple.decimals, percent: false, scale: 1, date: false, text: false };
  const info = numfmt().getFormatInfo(pattern);
  if (info.type === 'error') return fallbackInfo(code);
  if (info.isText) return { ...GENERAL, text: true };
  if (info.isDate) return { ...GENERAL, date: true };
  if (info.type === 'general') return GENERAL;
  // numfmt's scale folds a percentage's ×100 in; the core wants the display's own grain only.
  const scale = info.isPercent ? info.scale / 100 : info.scale;
  const pointed = info.isPercent ? undefined : literalPointDigits(pattern);
  // (A power of ten spelt out, not a product of doubles: 0.001 × 0.0001 is not 1e-7.)
  if (pointed) return { decimals: pointed, percent: false, scale: Number(`1e${Math.round(Math.log10(scale)) - pointed}`), date: false, text: false };
  return { decimals: info.maxDecimals, percent: info.isPercent, scale, date: false, text: false };
}

/**
 * A code numfmt cannot parse (a vendor's own token, a broken file) still tells its decimals by
 * the digits after the point of its first section: the reading used before numfmt, kept so that
 * an odd code degrades to "amount with these decimals" and never to a crash.
 */
function fallbackInfo(code: string): FormatInfo {
  const section = code.split(';')[0].replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '');
  if (!/[0#?]/.test(section)) return GENERAL;
  const m = /\.([0#?]+)/.exec(section);
  return { decimals: m ? m[1].length : 0, percent: /%/.test(section), scale: 1, date: false, text: false };
}

/**
 * Codes as Chinese Excel and WPS write them, in the spelling numfmt reads: WPS stores General as
 * 'G/通用格式', and colours may arrive by their Chinese names ([红色], [颜色10]). Locale and
 * numeral-system tags ([$-804], [DBNum1]) numfmt reads itself.
 */
const COLOUR_NAMES: Record<string, string> = {
  黑色: 'Black', 白色: 'White', 红色: 'Red', 绿色: 'Green', 蓝色: 'Blue', 黄色: 'Yellow', 洋红: 'Magenta', 青色: 'Cyan',
};

const patternByCode = new Map<string, string>();

function toNumfmtPattern(code: string): string {
  let pattern = patternByCode.get(code);
  if (pattern === undefined) {
    pattern = translateCode(code);
    if (patternByCode.size < CACHE_LIMIT) patternByCode.set(code, pattern);
  }
  return pattern;
}

function translateCode(code: string): string {
  return escapeBangs(code)
    .replace(/G\/通用格式/g, 'General')
    .replace(/\[颜色(\d{1,2})\]/g, '[Color$1]')
    .replace(/\[(黑色|白色|红色|绿色|蓝色|黄色|洋红|青色)\]/g, (_m, name: string) => `[${COLOUR_NAMES[name]}]`);
}

/**
 * Excel reads `!` as it reads `\`: the next character shown as it is (`0!.0000`). numfmt takes the `!` for
 * text and the point for a decimal point (it showed 12345678 as `12345678!.0000`, where Excel shows
 * 1234.5678), so it is spelt with `\` — outside quoted text, where a `!` is only a `!`.
 */
function escapeBangs(code: string): string {
  if (code.indexOf('!') < 0) return code;
  return code
    .split('"')
    .map((part, i) => (i % 2 === 0 ? part.replace(/!(.)/g, '\\$1') : part))
    .join('"');
}

/**
 * A point written as text after digits (`0\.0000`, `0"."0000`, as `0!.0000` is read): the trick that shows a
 * 元 figure as 万元 without dividing it, 12345678 as 1234.5678. The table publishes the figure so shown: the
 * value over 10ᵏ with k decimals, k the digits after that point. Only where the section has one such point and
 * no decimal point of its own; undefined elsewhere.
 */
function literalPointDigits(pattern: string): number | undefined {
  // (A conditional code, [>=10000]0!.0,"万";0, scales only some figures: not read as one scale.)
  if (/\[\s*[<>=]/.test(pattern)) return undefined;
  const section = pattern.split(';')[0].replace(/\[[^\]]*\]/g, '');
  const m = /[0#?](?:\\\.|"\.")([0#?]+)(?![0#?])/.exec(section);
  // (Two such points are a code's layout, 208.05.05, not an amount's.)
  if (!m || (section.match(/\\\.|"\."/g) ?? []).length !== 1) return undefined;
  const bare = section.replace(/"[^"]*"/g, '').replace(/\\./g, '');
  return bare.includes('.') ? undefined : m[1].length;
}

const FORMAT_OPTIONS = { dateErrorNumber: true, throws: true };

/** Patterns numfmt refused once are not tried again (it would throw the same way per cell). */
const unformattable = new Set<string>();

/**
 * What Excel displays for a number under a format code. A value out of a date format's range
 * (a 9-digit amount formatted as a date) shows as the number itself, never as an exception.
 */
export function displayText(value: number, code: string | undefined): string {
  const pattern = code ? toNumfmtPattern(code) : 'General';
  // numfmt lays digits out from the number's JavaScript string, which turns to exponent notation
  // from 1e21 on ('#,##0.00' showed 1e22 as '1e,+22.00' and 1.7e308 as 'In,fin,ity.00'): a
  // figure that large once scaled for display is shown as General shows it (1E+22).
  const simple = simpleLayout(pattern);
  if (simple) {
    const shown = simpleText(value, simple);
    if (shown !== undefined) return shown;
  }
  const info = formatInfo(code);
  if (Math.abs(value) * info.scale * (info.percent ? 100 : 1) >= 1e21) return numfmt().format('General', value);
  if (!unformattable.has(pattern)) {
    try {
      return numfmt().format(pattern, value, FORMAT_OPTIONS);
    } catch {
      if (unformattable.size < CACHE_LIMIT) unformattable.add(pattern);
    }
  }
  // An unreadable code: show the number the way General would (what Excel falls back to).
  return numfmt().format('General', value);
}

/** 10^d for the decimals a plain amount code shows (0–6), exact doubles; amount.ts reads amounts by them too. */
export const POWERS_OF_TEN = [1, 10, 100, 1000, 10000, 100000, 1000000];
const ZEROS = POWERS_OF_TEN.map((_, d) => (d ? `0.${'0'.repeat(d)}` : '0'));

function simpleText(value: number, layout: SimpleLayout): string | undefined {
  const a = Math.abs(value);
  if (!(a < 1e15)) return undefined;
  const p = POWERS_OF_TEN[layout.decimals];
  const rounded = Math.round(a * p) / p;
  // A figure that rounds to nothing shows unsigned noughts (numfmt's 0.00 for −0.001 too).
  if (rounded === 0) return ZEROS[layout.decimals];
  const whole = Math.floor(rounded);
  let int = whole < 1 ? '0' : String(whole);
  if (layout.grouped && int.length > 3) {
    let out = '';
    const head = int.length % 3 || 3;
    out = int.slice(0, head);
    for (let i = head; i < int.length; i += 3) out += `,${int.slice(i, i + 3)}`;
    int = out;
  }
  let text = value < 0 ? `-${int}` : int;
  if (layout.decimals) {
    const s = String(rounded);
    const point = s.indexOf('.');
    let frac = point < 0 ? '' : s.slice(point + 1, point + 1 + layout.decimals);
    while (frac.length < layout.decimals) frac += '0';
    text += `.${frac}`;
  }
  return text;
}
