import Decimal from 'decimal.js';
import { compareWithSum, compareValues, roundingBand } from '../src/core/rounding';

const d = (s: string) => new Decimal(s);

describe('rounding tails (尾数误差): the (n+1) × half-unit band', () => {
  test('a total of 3 parts may differ by up to 0.02 in a 万元 table (2 decimals)', () => {
    expect(roundingBand(3, 2).tolerance.toFixed()).toBe('0.02');
    const c = compareWithSum(d('1269.24'), [d('35.80'), d('698.93'), d('534.50')], 2);
    expect(c.consistent).toBe(true);
    expect(c.withinTail).toBe(true);
    expect(c.difference.toFixed(2)).toBe('0.01');
  });

  test('the bound itself is included: one part, 33.09 vs 33.10 is consistent', () => {
    const c = compareValues(d('33.09'), d('33.10'), 1, 2);
    expect(c.band.tolerance.toFixed()).toBe('0.01');
    expect(c.consistent).toBe(true);
  });

  test('just outside the band is a mismatch', () => {
    expect(compareValues(d('33.08'), d('33.10'), 1, 2).consistent).toBe(false);
    expect(compareWithSum(d('10.00'), [d('3.33'), d('3.33'), d('3.33')], 2).consistent).toBe(true);
    expect(compareWithSum(d('10.03'), [d('3.33'), d('3.33'), d('3.33')], 2).consistent).toBe(false);
  });

  test('the band follows the displayed precision: 元 tables with no decimals get ±0.5 per figure', () => {
    expect(roundingBand(2, 0).tolerance.toFixed()).toBe('1.5');
  });

  test('a 元 copy of a 万元 table (×10000, still 2 decimals) turns a 0.01 tail into a real 100 元 error', () => {
    expect(compareWithSum(d('12692400.00'), [d('12692300.00')], 2).consistent).toBe(false);
  });

  test('strict mode tolerates nothing', () => {
    const c = compareValues(d('33.09'), d('33.10'), 1, 2, true);
    expect(c.band.tolerance.isZero()).toBe(true);
    expect(c.consistent).toBe(false);
  });

  test('the intervals are shown as numbers, the way a reviewer can check them', () => {
    const c = compareWithSum(d('1269.26'), [d('888.66'), d('380.61')], 2);
    expect(c.statedInterval.low.toFixed(3)).toBe('1269.255');
    expect(c.sumInterval.high.toFixed(3)).toBe('1269.280');
  });

  test('0.1 + 0.2 is exactly 0.3 here, even in strict mode', () => {
    const c = compareWithSum(d('0.3'), [d(String(0.1)), d(String(0.2))], 1, true);
    expect(c.consistent).toBe(true);
    expect(c.difference.isZero()).toBe(true);
  });
});
