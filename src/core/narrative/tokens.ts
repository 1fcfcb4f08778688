import Decimal from 'decimal.js';

/**
 * The figures written in a paragraph of prose, as tokens with their positions: money (万元, 元,
 * 亿元), percentages (12.5% / 12.5 %), multiples (1.5倍), percentage points (2.3个百分点), years (2024年)
 * and other counts (3个, 2辆, 13 号). Full-width
 * digits and signs are read as their ASCII twins; the text keeps its length, so positions in the
 * folded text are positions in the paragraph.
 */
export type TokenUnit = '万元' | '元' | '亿元' | '千元' | '%' | 'times' | 'points' | 'year' | 'count' | 'none';

export interface NumberToken {
  /** Start and end (exclusive) in the paragraph, unit included. */
  start: number;
  end: number;
  /** End of the digits, before the unit. */
  digitsEnd: number;
  /** As written, digits only ("33,172.15"). */
  raw: string;
  value: Decimal;
  /** Decimals as written: the figure stands for ± half a unit of the last one. */
  decimals: number;
  unit: TokenUnit;
}

/** What foldWidth changes: full-width forms but for ，；：（）, and the ideographic space. */
const TO_FOLD = /[\uFF01-\uFF07\uFF0A\uFF0B\uFF0D-\uFF19\uFF1C-\uFF5E\u3000]/;

/** Full-width digits, letters and signs to ASCII, one character for one, so positions hold. */
export function foldWidth(s: string): string {
  // Most prose has full-width punctuation only (，：（）；), which stays: then the text is its own fold.
  if (!TO_FOLD.test(s)) return s;
  return s.replace(/[\uFF01-\uFF5E]/g, (ch) => (ch === '\uFF0C' || ch === '\uFF1B' || ch === '\uFF1A' || ch === '\uFF08' || ch === '\uFF09' ? ch : String.fromCharCode(ch.charCodeAt(0) - 0xfee0))).replace(/\u3000/g, ' ');
}

/**
 * Where the number starting at `at` (a digit) ends, and where its whole part ends: as the pattern
 * (\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))? reads it — up to three digits and every ,ddd after them (33,172), else
 * the run of digits; then a . and the digits after it, if a digit follows the point. Read by char code
 * in one walk: the pattern's match (a list and three strings per number) was most of what a token cost.
 */
function numberAt(t: string, at: number): { end: number; wholeEnd: number } {
  let k = digitsFrom(t, at);
  // Thousands' commas only after a run of at most three digits, each comma before exactly three more.
  if (k - at <= 3) {
    let grouped = groupsFrom(t, k, isComma);
    // A full-width comma or a space for the thousands' comma (1，269.26 typed in Word; 131 073.41 from a PDF):
    // read so only before a figure's decimals, where no list of two figures could be meant.
    if (grouped === k) {
      const loose = groupsFrom(t, k, isLooseComma);
      if (loose > k && t.charCodeAt(loose) === POINT && isDigit(t.charCodeAt(loose + 1))) grouped = loose;
    }
    k = grouped;
  }
  const wholeEnd = k;
  if (t.charCodeAt(k) === POINT && isDigit(t.charCodeAt(k + 1))) k = digitsFrom(t, k + 1);
  return { end: k, wholeEnd };
}

/** The end of the groups of three digits from k, each after a separator. */
function groupsFrom(t: string, k: number, separator: (code: number) => boolean): number {
  while (separator(t.charCodeAt(k)) && isDigit(t.charCodeAt(k + 1)) && isDigit(t.charCodeAt(k + 2)) && isDigit(t.charCodeAt(k + 3))) k += 4;
  return k;
}

const isComma = (code: number) => code === COMMA;
const isLooseComma = (code: number) => code === WIDE_COMMA || code === SPACE;

/** The end of the run of digits from k. */
function digitsFrom(t: string, k: number): number {
  while (isDigit(t.charCodeAt(k))) k++;
  return k;
}

/** 0–9 (a position past the text's end reads NaN: no digit). */
function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

const [COMMA, POINT, WIDE_COMMA] = [...',.，'].map((c) => c.charCodeAt(0));
const COUNTS = /^(个|项|辆|台|套|名|人次|人|次|家|所|户|号|期|批|条|处|份|篇|场|天|日|月|年|部|类|款|栏|行|页|章|节|分|岁|平方米|亩|公里|吨|件|册|本|座|间)/;

/** Every number of a paragraph, with its unit. A part of a longer code or date (2080506, 2024-01) is still one token. */
export function numberTokens(text: string): NumberToken[] {
  return foldedTokens(foldWidth(text));
}

/** numberTokens of a text already folded (the claims' reader folds each paragraph once). */
export function foldedTokens(t: string): NumberToken[] {
  const out: NumberToken[] = [];
  for (let at = 0; at < t.length; ) {
    if (!isDigit(t.charCodeAt(at))) {
      at++;
      continue;
    }
    const start = at;
    const { end: digitsEnd, wholeEnd } = numberAt(t, start);
    at = digitsEnd;
    // A digit string glued to letters (XX12, A4) is a name, not a figure.
    if (start > 0 && isLatinLetter(t.charCodeAt(start - 1))) continue;
    const raw = t.slice(start, digitsEnd);
    let k = digitsEnd;
    while (k < t.length && t.charCodeAt(k) === SPACE) k++;
    // What follows is read where it stands, by char code or a sticky pattern: a slice of it and a
    // pattern per figure cost more than the rest of telling its unit.
    const next = t.charCodeAt(k);
    let unit: TokenUnit = 'none';
    let end = digitsEnd;
    const money = moneyUnitAt(t, k);
    let points = 0;
    if (money) {
      unit = money;
      end = k + money.length;
    } else if (next === PERCENT) {
      unit = '%';
      end = k + 1;
    } else if ((points = pointsAt(t, k)) > 0) {
      // 2.3个百分点 is a difference of two percentages, never a rate nor a count of 个.
      unit = 'points';
      end = k + points;
    } else if (next === TIMES) {
      // 增长1.5倍 (+150%), 是上年的2.5倍 (a ratio): a multiple, never a rate in per cent.
      unit = 'times';
      end = k + 1;
    } else if (next === NIAN && isYearDigits(raw)) {
      unit = 'year';
      end = k + 1;
    } else if (countAt(t, k) > 0 && !(k === digitsEnd && /^2\d{4}(\d{2})?$/.test(raw))) {
      // (A subject's code glued to its name, 2101501行政运行, is no count of 行: the name starts at 行.)
      unit = 'count';
      end = k + countAt(t, k);
    }
    out.push(new ProseFigure(start, end, digitsEnd, raw, wholeEnd - start, unit));
  }
  if (CN_NUMERAL_MONEY.test(t)) addNumeralAmounts(t, out);
  // 分别为 4125.49、4143.91 万元: a bare figure joined to the next by 、 or 和 shares its unit of money
  // (from the last: A、B、C 万元). Written to the same decimals, as a run of one measure is.
  for (let i = out.length - 2; i >= 0; i--) {
    const [a, b] = [out[i], out[i + 1]];
    if (a.unit !== 'none' || !MONEY_UNITS.has(b.unit) || a.decimals !== b.decimals) continue;
    const join = t.slice(a.end, b.start);
    // (A half-width comma between whole numbers is a thousands' comma misplaced, 1234,567元: no run.)
    if (SHARED_UNIT_JOIN.test(join) && (a.decimals > 0 || !join.includes(','))) out[i] = (a as ProseFigure).withUnit(b.unit);
  }
  return out;
}

const MONEY_UNITS = new Set<TokenUnit>(['万元', '元', '亿元', '千元']);

/**
 * An amount written in Chinese numerals (项目支出二百万元, 捌佰万元, 一千零五十万元, 三点五万元): a figure like any
 * other, a whole number standing for ± half its unit. Unread, the words after it (占 20%) were taken as of the figure
 * before it. A numeral run directly before its unit of money, starting with a digit's numeral or 十; one numeral alone
 * only before 万元 or 亿元 (二元, 一元 name no money: 城乡二元结构).
 */
const CN_NUMERAL_MONEY_ALL = /[一二两三四五六七八九十壹贰叁肆伍陆柒捌玖拾][零〇一二两三四五六七八九十百千壹贰叁肆伍陆柒捌玖拾佰仟]*(?:点[零〇一二三四五六七八九壹贰叁肆伍陆柒捌玖]+)?(万元|亿元|元)/g;
/** The same, asked once of a paragraph whether it writes any (no lastIndex of its own to keep). */
const CN_NUMERAL_MONEY = new RegExp(CN_NUMERAL_MONEY_ALL.source);
/** A numeral or a unit of numbers before a run: the run is the end of a longer number (十二万三千元), not read. */
const CN_NUMBER_BEFORE = /[零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟点\d.]/;
const CN_DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 壹: 1, 二: 2, 贰: 2, 两: 2, 三: 3, 叁: 3, 四: 4, 肆: 4, 五: 5, 伍: 5, 六: 6, 陆: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9 };
const CN_TIMES: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };

/** The whole number a run of numerals writes (二百零五 → 205, 十五 → 15, 一二三 → 123), undefined when it is none. */
function numeralValue(run: string): number | undefined {
  if (![...run].some((c) => c in CN_TIMES)) return run.length > 0 && [...run].every((c) => c in CN_DIGIT) ? Number([...run].map((c) => CN_DIGIT[c]).join('')) : undefined;
  let total = 0;
  let digit: number | undefined;
  let lastTimes = Infinity;
  for (const c of run) {
    if (c in CN_DIGIT) {
      if (digit !== undefined && digit !== 0 && CN_DIGIT[c] !== 0) return undefined; // 二三百: no number
      digit = CN_DIGIT[c];
    } else {
      const times = CN_TIMES[c];
      if (times >= lastTimes) return undefined; // 百千: no number
      total += (digit ?? (times === 10 && total === 0 ? 1 : NaN)) * times;
      lastTimes = times;
      digit = undefined;
    }
  }
  total += digit ?? 0;
  return Number.isFinite(total) ? total : undefined;
}

function addNumeralAmounts(t: string, out: NumberToken[]): void {
  const found: NumberToken[] = [];
  for (const m of t.matchAll(CN_NUMERAL_MONEY_ALL)) {
    const unit = m[1] as '万元' | '亿元' | '元';
    const written = m[0].slice(0, m[0].length - unit.length);
    if (written.length === 1 && unit === '元') continue;
    const start = m.index!;
    if (start > 0 && CN_NUMBER_BEFORE.test(t[start - 1])) continue;
    // (The pattern lets only digits' numerals after 点.)
    const [whole, fraction] = written.split('点');
    const value = numeralValue(whole);
    if (value === undefined) continue;
    const raw = fraction === undefined ? String(value) : `${value}.${[...fraction].map((c) => CN_DIGIT[c]).join('')}`;
    found.push(new ProseFigure(start, start + m[0].length, start + written.length, raw, String(value).length, unit));
  }
  if (found.length === 0) return;
  out.push(...found);
  out.sort((a, b) => a.start - b.start);
}

/** What joins two figures of one unit written once (、 , 和 及 与; not 至 or ~: a range is no two figures). */
const SHARED_UNIT_JOIN = /^\s*[、,，和及与]\s*$/;

const [SPACE, PERCENT, TIMES, NIAN] = [...' %倍年'].map((c) => c.charCodeAt(0));

/** 19xx or 20xx, four digits alone (a year, when 年 follows). */
function isYearDigits(raw: string): boolean {
  if (raw.length !== 4) return false;
  const [a, b, c, d] = [raw.charCodeAt(0), raw.charCodeAt(1), raw.charCodeAt(2), raw.charCodeAt(3)];
  return ((a === 49 && b === 57) || (a === 50 && b === 48)) && c >= 48 && c <= 57 && d >= 48 && d <= 57;
}

/** The length of 百分点 or 个百分点 written at k, else 0. */
function pointsAt(t: string, k: number): number {
  return t.startsWith('百分点', k) ? 3 : t.startsWith('个百分点', k) ? 4 : 0;
}

/** COUNTS where it stands (sticky): the length of the count's word at k, else 0. */
function countAt(t: string, k: number): number {
  COUNT_AT.lastIndex = k;
  const m = COUNT_AT.exec(t);
  return m ? m[1].length : 0;
}

const COUNT_AT = new RegExp(COUNTS.source.replace(/^\^/, ''), 'y');

/** A–Z or a–z, by char code (a one-character string and a pattern per figure cost more than the figure's unit). */
function isLatinLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

const [WAN, YI, QIAN, YUAN] = [...'万亿千元'].map((c) => c.charCodeAt(0));

/** The unit of money written at k (万元, 亿元, 千元, 元), read by char code. */
function moneyUnitAt(t: string, k: number): '万元' | '亿元' | '千元' | '元' | undefined {
  const first = t.charCodeAt(k);
  if (first === YUAN) return '元';
  if (t.charCodeAt(k + 1) !== YUAN) return undefined;
  return first === WAN ? '万元' : first === YI ? '亿元' : first === QIAN ? '千元' : undefined;
}

/**
 * A number token whose Decimal is built when first read: most of a paragraph's numbers are years,
 * codes and counts that no check adds up.
 */
class ProseFigure implements NumberToken {
  private amount?: Decimal;

  constructor(
    readonly start: number,
    readonly end: number,
    readonly digitsEnd: number,
    readonly raw: string,
    /** The length of the whole part as written (33,172 of 33,172.15): the rest, if any, is the point and the decimals. */
    private readonly wholeLength: number,
    readonly unit: TokenUnit,
  ) {}

  get decimals(): number {
    return this.raw.length > this.wholeLength ? this.raw.length - this.wholeLength - 1 : 0;
  }

  /** The same figure in the unit written after the next one (A、B 万元). */
  withUnit(unit: TokenUnit): ProseFigure {
    return new ProseFigure(this.start, this.end, this.digitsEnd, this.raw, this.wholeLength, unit);
  }

  get value(): Decimal {
    if (!this.amount) {
      // (Without thousands' separators the figure as written is its digits: no copy is made of it. A grouped
      // whole part has its separator four characters before its end — 1,269 | 1，269 | 131 073 — and the
      // decimals hold none.)
      this.amount = new Decimal(this.wholeLength > 3 && !isDigit(this.raw.charCodeAt(this.wholeLength - 4)) ? this.raw.replace(THOUSANDS, '') : this.raw);
    }
    return this.amount;
  }
}

const THOUSANDS = /[,， ]/g;

/** 万元 per unit: the figures of the prose compared in 万元. */
export const WAN_PER_UNIT: Record<'万元' | '元' | '亿元' | '千元', Decimal> = {
  万元: new Decimal(1),
  元: new Decimal('0.0001'),
  千元: new Decimal('0.1'),
  亿元: new Decimal(10000),
};
