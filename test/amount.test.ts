import { isFigureText } from '../src/core/detect/rowClass';
import Decimal from 'decimal.js';
import { parseAmount, parseAmountText, formatDecimals, displayAmount, formatAmount, toPlaces } from '../src/core/amount';
import { displayText, formatInfo } from '../src/core/numberFormat';

/** The amount parser: every way an amount arrives in a real workbook. */
function value(raw: Parameters<typeof parseAmount>[0], fmt?: string): string {
  const p = parseAmount(raw, fmt);
  if (p.kind !== 'amount') throw new Error(`expected an amount from ${JSON.stringify(raw)}, got ${p.kind}`);
  return p.value.toFixed();
}

describe('an amount typed as a number', () => {
  test('is read exactly, as Excel shows it, not as the binary double', () => {
    expect(value(912.63, '#,##0.00')).toBe('912.63');
    expect(value(0.1 + 0.2, '#,##0.00')).toBe('0.30000000000000004');
    expect(value(131073.41, '#,##0.00')).toBe('131073.41');
  });
  test('knows how many decimals it is displayed with', () => {
    expect(parseAmount(20, '#,##0.00')).toMatchObject({ kind: 'amount', decimals: 2 });
    expect(parseAmount(1269240, '#,##0')).toMatchObject({ kind: 'amount', decimals: 0 });
    expect(parseAmount(4.5, 'General')).toMatchObject({ kind: 'amount', decimals: 1 });
  });
  test('a percentage is not money', () => {
    expect(parseAmount(0.35, '0.00%').kind).toBe('not-amount');
  });
});

describe('an amount stored as text', () => {
  test.each([
    ['1,269.24', '1269.24'],
    ['132, 372. 61', '132372.61'],
    ['１２６９.２４', '1269.24'],
    ['１，２６９．２４', '1269.24'],
    ['(1,234.00)', '-1234'],
    ['（1,234.00）', '-1234'],
    ['-1,234.00', '-1234'],
    ['0.00', '0'],
    [' 33.10 ', '33.1'],
    ['.5', '0.5'],
  ])('%s reads as %s', (raw, expected) => {
    expect(value(raw)).toBe(expected);
  });

  test('keeps the decimals it is written with', () => {
    expect(parseAmountText('1,269.24')).toMatchObject({ decimals: 2 });
    expect(parseAmountText('132, 372. 61')).toMatchObject({ decimals: 2 });
    expect(parseAmountText('1,269')).toMatchObject({ decimals: 0 });
  });

  test.each(['', '-', '—', '－', '  ', '--'])('%j means nothing (zero in a sum)', (raw) => {
    expect(parseAmount(raw).kind).toBe('empty');
  });
  test('a blank cell means nothing', () => {
    expect(parseAmount(null).kind).toBe('empty');
  });

  test('a percentage is not an amount', () => {
    expect(parseAmountText('35%').kind).toBe('not-amount');
  });

  test.each(['12,3a4', '1.2.3', '12,34', 'abc', '1,2345.00'])('%j cannot be read and is reported, not guessed', (raw) => {
    expect(parseAmountText(raw)).toMatchObject({ kind: 'invalid', reason: 'unreadable' });
  });

  test.each(['#REF!', '#DIV/0!', '#VALUE!', '#N/A'])('the Excel error %s is reported as an error value', (raw) => {
    expect(parseAmount(raw)).toMatchObject({ kind: 'invalid', reason: 'error-value' });
  });
});

describe('number formats', () => {
  test('tell the displayed decimals', () => {
    expect(formatDecimals('#,##0.00')).toBe(2);
    expect(formatDecimals('#,##0.00_);[Red](#,##0.00)')).toBe(2);
    expect(formatDecimals('0')).toBe(0);
    expect(formatDecimals('General')).toBeNull();
    expect(formatDecimals('@')).toBeNull();
  });
  test('amounts display with thousands separators', () => {
    expect(displayAmount(new Decimal('131073.4'), 2)).toBe('131,073.40');
    expect(displayAmount(new Decimal('-1234'), 2)).toBe('-1,234.00');
  });
});

/** Format codes as budget workbooks carry them, from Excel, WPS and LibreOffice. */
const ACCOUNTING = '_(* #,##0.00_);_(* (#,##0.00);_(* "-"??_);_(@_)';
const WPS_ACCOUNTING = '_ * #,##0.00_ ;_ * -#,##0.00_ ;_ * "-"??_ ;_ @_ ';

describe('what a number format shows (numfmt)', () => {
  test.each([
    ['#,##0.00', 1269.24, '1,269.24'],
    ['#,##0.00', -1234, '-1,234.00'],
    ['0.00', 912.63, '912.63'],
    ['0', 1269.5, '1270'],
    ['General', 1 / 3, '0.333333333'],
    ['General', 0.1 + 0.2, '0.3'],
    ['General', 131073.41, '131073.41'],
    ['General', 123456789012345, '1.23457E+14'],
    ['0.00%', 0.35, '35.00%'],
    ['#,##0,', 1234567, '1,235'],
    ['#,##0.00,,', 1234567890, '1,234.57'],
    [ACCOUNTING, 1234.5, ' 1,234.50 '],
    [ACCOUNTING, -3, ' (3.00)'],
    [ACCOUNTING, 0, ' -   '],
    [WPS_ACCOUNTING, -1234.5, ' -1,234.50 '],
    [WPS_ACCOUNTING, 0, ' -   '],
    ['#,##0.00_);(#,##0.00)', -5, '(5.00)'],
    ['#,##0.00;[Red]-#,##0.00', -5, '-5.00'],
    ['#,##0.00;[颜色10]-#,##0.00', -5, '-5.00'],
    ['#,##0.00_ ;[红色]-#,##0.00 ', -5, '-5.00 '],
    ['[$-804]#,##0.00', 5, '5.00'],
    ['[DBNum1][$-804]G/通用格式', 12, '12'],
    ['G/通用格式', 1269.24, '1269.24'],
    ['yyyy"年"m"月"d"日"', 45000, '2023年3月15日'],
  ])('%s shows %p as %j', (code, value, shown) => {
    expect(displayText(value, code)).toBe(shown);
  });

  test('a 9-digit amount in a date format shows as the number, not an exception', () => {
    expect(displayText(123456789, 'yyyy"年"m"月"d"日"')).toBe('123456789');
    expect(displayText(123456789.5, 'yyyy-mm-dd')).toBe('123456789.5');
  });

  test('a code no formatter can read shows the number as General would', () => {
    expect(displayText(1269.24, '[无此标记]0.00')).toBe('1269.24');
  });

  test.each([
    ['#,##0.00', { decimals: 2, percent: false, scale: 1, date: false, text: false }],
    ['General', { decimals: null, percent: false, scale: 1, date: false, text: false }],
    ['G/通用格式', { decimals: null, percent: false, scale: 1, date: false, text: false }],
    ['@', { decimals: null, percent: false, scale: 1, date: false, text: true }],
    ['0.0%', { decimals: 1, percent: true, scale: 1, date: false, text: false }],
    ['#,##0,', { decimals: 0, percent: false, scale: 0.001, date: false, text: false }],
    ['#,##0.00,,', { decimals: 2, percent: false, scale: 0.000001, date: false, text: false }],
    [ACCOUNTING, { decimals: 2, percent: false, scale: 1, date: false, text: false }],
    [WPS_ACCOUNTING, { decimals: 2, percent: false, scale: 1, date: false, text: false }],
    ['#,##0.00;[颜色10]-#,##0.00', { decimals: 2, percent: false, scale: 1, date: false, text: false }],
    ['[$-804]yyyy"年"m"月"d"日"', { decimals: null, percent: false, scale: 1, date: true, text: false }],
    ['[DBNum1]0.0', { decimals: 1, percent: false, scale: 1, date: false, text: false }],
    // The point written as text, the accountants' way of showing 元 as 万元 (12345678 as 1234.5678).
    ['0!.0000', { decimals: 4, percent: false, scale: 0.0001, date: false, text: false }],
    ['#,##0"."0000', { decimals: 4, percent: false, scale: 0.0001, date: false, text: false }],
    ['0!.0,', { decimals: 1, percent: false, scale: 0.0001, date: false, text: false }],
    // Two such points lay out a code (208.05.05); a `!` in quotes is only a `!`.
    ['000"."00"."00', { decimals: 0, percent: false, scale: 1, date: false, text: false }],
    ['0.00"!"', { decimals: 2, percent: false, scale: 1, date: false, text: false }],
    // A conditional code scales only the figures its condition takes: no literal-point scale added to its first
    // section's (the comma's, as numfmt reads it).
    ['[>=10000]0!.0,"万";0', { decimals: 0, percent: false, scale: 0.001, date: false, text: false }],
  ])('%s reads as %p', (code, info) => {
    expect(formatInfo(code)).toEqual(info);
  });
});

describe('an amount typed as a number, under each class of format', () => {
  test('a scaled format is read as the figure the table shows, with its decimals', () => {
    expect(parseAmount(1234567, '#,##0,')).toMatchObject({ kind: 'amount', decimals: 0 });
    expect(value(1234567, '#,##0,')).toBe('1235');
    expect(value(1234567890, '#,##0.00,,')).toBe('1234.57');
    expect(parseAmount(1234567890, '#,##0.00,,')).toMatchObject({ decimals: 2 });
    expect(value(-1500, '#,##0,')).toBe('-2');
  });
  test('元 shown as 万元 by a point written as text (0!.0000): read as the 万元 figure shown, as Excel shows it', () => {
    expect(value(12345678, '0!.0000')).toBe('1234.5678');
    expect(displayText(12345678, '0!.0000')).toBe('1234.5678');
    expect(value(12345678, '0!.0,')).toBe('1234.6');
    expect(displayText(12345678, '0!.0,')).toBe('1234.6');
    expect(value(-12345678, '#,##0!.00')).toBe('-123456.78');
  });
  test('accounting formats, Excel’s and WPS’s, are amounts with two decimals', () => {
    expect(parseAmount(1234.5, ACCOUNTING)).toMatchObject({ kind: 'amount', decimals: 2 });
    expect(parseAmount(-1234.5, WPS_ACCOUNTING)).toMatchObject({ kind: 'amount', decimals: 2 });
    expect(value(0, WPS_ACCOUNTING)).toBe('0');
  });
  test('negatives in parentheses or red, and locale tags, keep the first section’s decimals', () => {
    expect(parseAmount(-5, '#,##0.00_);(#,##0.00)')).toMatchObject({ kind: 'amount', decimals: 2 });
    expect(parseAmount(-5, '#,##0.0;[Red]-#,##0.0')).toMatchObject({ kind: 'amount', decimals: 1 });
    expect(parseAmount(-5, '#,##0.00;[颜色10]-#,##0.00')).toMatchObject({ kind: 'amount', decimals: 2 });
    expect(parseAmount(5, '[$-804]#,##0.000')).toMatchObject({ kind: 'amount', decimals: 3 });
  });
  test('a percentage in any spelling is not money', () => {
    expect(parseAmount(0.35, '0%').kind).toBe('not-amount');
    expect(parseAmount(0.35, '#,##0.0%;[Red]-#,##0.0%').kind).toBe('not-amount');
  });
  test('an amount in a date format is a mis-formatted amount with its own decimals, not a crash', () => {
    expect(parseAmount(123456789.12, 'yyyy"年"m"月"d"日"')).toMatchObject({ kind: 'amount', decimals: 2 });
    expect(value(123456789.12, 'yyyy-mm-dd')).toBe('123456789.12');
  });
});

describe('every amount parse is linear', () => {
  test('a 100,000-digit text in an amount cell is refused at once', () => {
    const long = '1'.repeat(100_000);
    const grouped = `1${',234'.repeat(25_000)}.5x`;
    const t0 = Date.now();
    expect(parseAmount(long)).toMatchObject({ kind: 'invalid', reason: 'unreadable' });
    expect(parseAmountText(grouped)).toMatchObject({ kind: 'invalid', reason: 'unreadable' });
    expect(parseAmountText(`${' '.repeat(100_000)}1,269.24${' '.repeat(100_000)}`)).toMatchObject({ kind: 'amount', decimals: 2 });
    expect(Date.now() - t0).toBeLessThan(200);
  });
  test('the longest real amounts still read', () => {
    expect(value('-１３２，３７２，０００．６１万元')).toBe('-132372000.61');
    expect(value('999,999,999,999,999,999,999.99')).toBe('999999999999999999999.99');
  });
  test('thousands groups are checked group by group', () => {
    expect(value('1,234,567.89')).toBe('1234567.89');
    expect(parseAmountText('1,234,56.89')).toMatchObject({ kind: 'invalid' });
    expect(parseAmountText('1234,567')).toMatchObject({ kind: 'invalid' });
    expect(parseAmountText(',123')).toMatchObject({ kind: 'invalid' });
    expect(parseAmountText('1.')).toMatchObject({ kind: 'invalid' });
  });
});

describe('amounts kept as exact integers', () => {
  test('a number with a fixed-decimals format keeps its integer of that many decimals', () => {
    expect(parseAmount(1234.56, '#,##0.00')).toMatchObject({ kind: 'amount', units: 123456, exp: 2, decimals: 2 });
    expect(value(1234.56, '#,##0.00')).toBe('1234.56');
  });
  test('a number typed with more decimals than shown keeps them all (its integer from what was typed)', () => {
    // 912.625 under 0.00: 912625 × 10⁻³, not 91263 × 10⁻².
    expect(parseAmount(912.625, '#,##0.00')).toMatchObject({ kind: 'amount', units: 912625, exp: 3, decimals: 2 });
    expect(value(912.625, '#,##0.00')).toBe('912.625');
    // 0.30000000000000004 has 17 digits: no integer, and the Decimal keeps every one.
    const sum = parseAmount(0.1 + 0.2, '0.00');
    expect(sum).toMatchObject({ kind: 'amount', decimals: 2 });
    expect(sum.kind === 'amount' && sum.units).toBeFalsy();
    expect(value(0.1 + 0.2, '0.00')).toBe('0.30000000000000004');
  });
  test('more than 15 digits: no integer, the Decimal holds them exactly', () => {
    const a = parseAmountText('12,345,678,901,234,567.89');
    expect(a).toMatchObject({ kind: 'amount', decimals: 2 });
    expect(a.kind === 'amount' && a.units).toBeFalsy();
    expect(value('12,345,678,901,234,567.89')).toBe('12345678901234567.89');
  });
  test('text keeps the decimals written and its sign: (1,234.50) is −1234.5 shown with 2', () => {
    expect(parseAmountText('(1,234.50)')).toMatchObject({ kind: 'amount', units: -123450, exp: 2, decimals: 2 });
    expect(value('(1,234.50)')).toBe('-1234.5');
    expect(value('-0.00')).toBe('0');
  });
  test('a minus typed as − (U+2212), an en dash – (Word makes one of a hyphen before a figure) or a full-width －: −0.55; a dash alone is a zero', () => {
    for (const minus of ['\u2212', '\u2013', '\uff0d', '-']) expect(value(`${minus}0.55`)).toBe('-0.55');
    expect(parseAmountText('\u2013')).toEqual({ kind: 'empty' });
    expect(isFigureText('\u20130.55')).toBe(true);
  });
});


describe('amounts written out (formatAmount, toPlaces)', () => {
  test('at least the table decimals, every digit of the value kept: 1269.2 → 1269.20, 0.125 at 2 → 0.125, 12 → 12.00', () => {
    expect(formatAmount(new Decimal('1269.2'), 2)).toBe('1269.20');
    expect(formatAmount(new Decimal('0.125'), 2)).toBe('0.125');
    expect(formatAmount(new Decimal('12'), 2)).toBe('12.00');
    expect(formatAmount(new Decimal('12'), 0)).toBe('12');
    expect(formatAmount(new Decimal('-3.5'), 2)).toBe('-3.50');
  });

  test('never in exponent notation, however large or small: 1e21 → 1000000000000000000000.00, 1.5e-9 → 0.0000000015', () => {
    expect(formatAmount(new Decimal('1e21'), 2)).toBe('1000000000000000000000.00');
    expect(formatAmount(new Decimal('1.5e-9'), 2)).toBe('0.0000000015');
  });

  test('a negative zero (a typed −0.00) is written 0.00, as toFixed writes it', () => {
    expect(formatAmount(new Decimal('-0'), 2)).toBe('0.00');
    expect(toPlaces(new Decimal('-0'), 3)).toBe('0.000');
  });

  test('toPlaces pads a value with fewer decimals and rounds half up one with more: 0.01 → 0.010, 0.00505 → 0.005, 0.0055 → 0.006', () => {
    expect(toPlaces(new Decimal('0.01'), 3)).toBe('0.010');
    expect(toPlaces(new Decimal('0.00505'), 3)).toBe('0.005');
    expect(toPlaces(new Decimal('0.0055'), 3)).toBe('0.006');
    expect(toPlaces(new Decimal('-0.0055'), 3)).toBe('-0.006');
    expect(toPlaces(new Decimal('-0.0004'), 3)).toBe('-0.000'); // rounded to nought from below: toFixed keeps the sign
  });

  test('the same strings as decimal.js toFixed on a spread of values and places', () => {
    for (const v of ['0', '7', '-7', '1269.24', '-1269.245', '0.005', '123456789012345678.5', '9.999', '-0.0000001']) {
      const d = new Decimal(v);
      for (const places of [0, 1, 2, 3, 5]) {
        expect(toPlaces(d, places)).toBe(d.toFixed(places));
        expect(formatAmount(d, places)).toBe(d.toFixed(Math.max(places, d.decimalPlaces())));
      }
    }
  });
});
