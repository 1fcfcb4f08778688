import Decimal from 'decimal.js';
import { parseAmount, parseAmountText, formatDecimals, displayAmount } from '../src/core/amount';

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
