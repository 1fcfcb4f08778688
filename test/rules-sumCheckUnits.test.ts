import Decimal from 'decimal.js';
import { evaluate, judge, type SumCheck } from '../src/core/rules/toolkit/sumCheck';
import { unitFactor, unitPower, type Figure } from '../src/core/rules/toolkit/tableAccess';
import type { DetectedTable, Unit } from '../src/core/table';

/**
 * A comparison across tables of different units is added as exact integers (each part moved by the
 * units' powers of ten), and judged as its Decimals would judge it: exact agreement is told without
 * an outcome, a gap of one 元 under a 万元 total is the same gap.
 */
const table = (unit: Unit) => ({ unit, decimals: 2 }) as unknown as DetectedTable;
const figure = (t: DetectedTable, value: string, exact = true): Figure => {
  const d = new Decimal(value);
  const exp = d.decimalPlaces();
  return {
    table: t,
    row: 1,
    col: 1,
    value: d,
    units: exact ? d.times(10 ** exp).toNumber() : undefined,
    exp: exact ? exp : undefined,
    shown: true,
    unreadable: false,
    decimals: 2,
    grain: 2,
    name: '',
    line: '',
    column: '',
  };
};
const check = (stated: Figure, parts: Figure[]): SumCheck => ({ rule: 'cross-test', severity: 'error', direction: 'cross', stated, parts });

describe('a sum across units, added as exact integers', () => {
  const wan = table('万元');
  const yuan = table('元');

  test('each unit’s power of ten is its factor', () => {
    for (const u of ['元', '千元', '万元', '亿元'] as Unit[]) expect(new Decimal(10).pow(unitPower(table(u))).eq(unitFactor(table(u)))).toBe(true);
    expect(unitPower({ decimals: 2 } as unknown as DetectedTable)).toBe(4); // unstated: 万元
  });

  test('元 parts adding up exactly to a 万元 total: told by a number, no outcome', () => {
    const c = check(figure(wan, '1.23'), [figure(yuan, '10000.00'), figure(yuan, '2300')]);
    expect(typeof judge(c, false)).toBe('number');
    expect(evaluate(c, false)?.difference.isZero()).toBe(true);
  });

  test('万元 parts against a 元 total: the same, the parts moved the other way', () => {
    const c = check(figure(yuan, '12300.00'), [figure(wan, '1.00'), figure(wan, '0.23')]);
    expect(typeof judge(c, false)).toBe('number');
  });

  test('a gap of one 元 under a 万元 total is judged by the Decimals, to the exact 0.0001 万元', () => {
    const c = check(figure(wan, '1.23'), [figure(yuan, '10000.00'), figure(yuan, '2299')]);
    const o = judge(c, false);
    expect(typeof o).toBe('object');
    expect((o as { difference: Decimal }).difference.toString()).toBe('0.0001');
  });

  test('a sum that misses by a rounding tail is the exact sum of its parts, zero sums too', () => {
    const tail = evaluate(check(figure(wan, '10.00'), [figure(wan, '3.33'), figure(wan, '3.33'), figure(wan, '3.33')]), false)!;
    expect([tail.expected.toString(), tail.difference.toString(), tail.consistent]).toEqual(['9.99', '0.01', true]);
    const nothing = evaluate(check(figure(wan, '0.01'), [figure(wan, '5.00'), figure(wan, '-5.00')]), false)!;
    expect([nothing.expected.isZero(), nothing.difference.toString()]).toEqual([true, '0.01']);
  });

  test('the integers agree with the Decimals: the same check with Decimals only gives the same outcome', () => {
    const parts = ['10000.00', '2299.5', '0.49'];
    const withUnits = evaluate(check(figure(wan, '1.23'), parts.map((v) => figure(yuan, v))), false)!;
    const decimalsOnly = evaluate(check(figure(wan, '1.23', false), parts.map((v) => figure(yuan, v, false))), false)!;
    expect(withUnits.difference.eq(decimalsOnly.difference)).toBe(true);
    expect(withUnits.consistent).toBe(decimalsOnly.consistent);
  });
});
