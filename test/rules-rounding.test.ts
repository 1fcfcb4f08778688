/**
 * Rounding in the checks: exact decimals (never binary floats), the (n+1) × half-unit band
 * of rounding.ts with its bound included, strict mode with zero tolerance.
 */
import Decimal from 'decimal.js';
import { audit } from '../src/core/engine';
import type { DetectedTable } from '../src/core/table';
import { evaluate, type SumCheck } from '../src/core/rules/toolkit/sumCheck';
import type { Figure } from '../src/core/rules/toolkit/tableAccess';
import { fixture, setCell } from './injected-support';
import { inYuan } from './support/variants';
import { detectTables } from '../src/core/detect';
import { sheet, workbook } from './support/sheetBuilder';

const table = (unit: DetectedTable['unit'] = '万元', decimals = 2): DetectedTable => ({
  id: 't',
  sheet: 'S',
  kind: 'expenditure',
  unit,
  range: { top: 1, left: 1, bottom: 9, right: 9 },
  headerRows: [1, 1],
  bodyRows: [2, 9],
  noteRows: [],
  decimals,
  columns: [],
  rows: [],
  unreadable: [],
});

function fig(value: number | string | null, t = table(), col = 1): Figure {
  return {
    table: t,
    row: 2,
    col,
    value: new Decimal(value ?? 0),
    shown: value !== null,
    unreadable: false,
    decimals: t.decimals,
    grain: t.roundingDecimals ?? t.decimals,
    name: '',
    line: '',
    column: '',
  };
}

function check(stated: Figure, parts: Figure[]): SumCheck {
  return { rule: 'row-sum', severity: 'error', direction: 'row', stated, parts };
}

describe('the rounding band', () => {
  test('0.1 + 0.2 against 0.3 in strict mode: no difference at all (no binary float on money)', () => {
    const o = evaluate(check(fig(0.3), [fig(0.1), fig(0.2)]), true)!;
    expect(o.consistent).toBe(true);
    expect(o.difference.isZero()).toBe(true);
    expect(0.1 + 0.2 === 0.3).toBe(false); // what floats would have said
  });

  test('a 三公 table holding 0.1 + 0.2 = 0.3 (typed as numbers) gives no finding, even in strict mode', async () => {
    const s = await fixture('000');
    setCell(s, '预算09表', 'A6', 0.3);
    setCell(s, '预算09表', 'C6', 0.1);
    setCell(s, '预算09表', 'E6', 0.1);
    setCell(s, '预算09表', 'F6', 0.2);
    const { findings } = audit(s, { strict: true });
    expect(findings.filter((f) => f.sheet === '预算09表')).toEqual([]);
  });

  test('the bound is included: one part 33.09 against 33.10 is consistent (band 0.010), a tail reported as info', () => {
    const o = evaluate(check(fig(33.09), [fig(33.1)]), false)!;
    expect(o.consistent).toBe(true);
    expect(o.withinTail).toBe(true);
    expect(o.tolerance.toFixed(3)).toBe('0.010');
  });

  test('three parts allow 0.020, not 0.025', () => {
    expect(evaluate(check(fig('1269.24'), [fig('35.80'), fig('698.90'), fig('534.52')]), false)!.consistent).toBe(true);
    expect(evaluate(check(fig('1269.245'), [fig('35.80'), fig('698.90'), fig('534.52')]), false)).not.toBeNull();
    const o = evaluate(check(fig('1269.25'), [fig('35.80'), fig('698.90'), fig('534.52')]), false)!;
    expect(o.difference.toFixed(2)).toBe('0.03');
    expect(o.consistent).toBe(false);
  });

  test('an empty part is an exact zero and widens nothing; an empty total with parts is actual (empty)', () => {
    const o = evaluate(check(fig(null), [fig('70.88'), fig(null)]), false)!;
    expect(o.consistent).toBe(false);
    expect(o.tolerance.toFixed(3)).toBe('0.010');
  });

  test('strict mode turns a rounding tail into a mismatch: 公开03表 C7 1,269.26 vs 1,269.27', async () => {
    const s = await fixture('002');
    const relaxed = audit(s).findings.find((f) => f.sheet === '公开03表' && f.cell === 'C7' && f.rule === 'row-sum')!;
    const strict = audit(s, { strict: true }).findings.filter((f) => f.sheet === '公开03表' && f.cells.some((c) => c.cell === 'C7'));
    expect(relaxed.severity).toBe('info');
    expect(relaxed.tolerance).toBe('0.030');
    // In strict mode C7's row gap (-0.01) and column E's (+0.01) both point at E7 380.61.
    expect(strict.map((f) => [f.severity, f.tolerance])).toContainEqual(['error', '0.000']);
  });

  test('the band follows the unit: a 元 part compared with a 万元 total is scaled and brings its own half-unit', () => {
    const wan = table('万元');
    const yuan = table('元');
    const o = evaluate(check(fig('1.00', wan), [fig('10000.00', yuan)]), false)!;
    expect(o.consistent).toBe(true);
    expect(o.difference.isZero()).toBe(true);
    const off = evaluate(check(fig('1.00', wan), [fig('10100.00', yuan)]), false)!;
    expect(off.consistent).toBe(false);
    expect(off.difference.toFixed(2)).toBe('-0.01');
    expect(off.tolerance.toFixed(7)).toBe('0.0050005');
  });

  test('in a 元 table true to the 元 (its figures not whole hundreds), a 100 元 gap is an error', () => {
    const yuan = table('元');
    // 万元: 1269.24 vs 1269.23 is a tail; ×10,000 it is 12,692,400.00 vs 12,692,300.00.
    expect(evaluate(check(fig('1269.24'), [fig('35.80'), fig('698.90'), fig('534.53')]), false)!.consistent).toBe(true);
    expect(evaluate(check(fig('12692400.00', yuan), [fig('358000.00', yuan), fig('6989000.00', yuan), fig('5345300.00', yuan)]), false)!.consistent).toBe(false);
  });

  test('a 元 copy of a 万元 table (every figure a whole hundred) is judged at its real grain: 0.01 万元 = 100 元', async () => {
    // 公开02表 C7: 1,269.24 万元 vs Σ 1,269.23 is a tail; in the ×10,000 copy 12,692,400.00 vs
    // 12,692,300.00 is the same tail, since each figure was rounded to 100 元 (±50 元).
    const yuan = inYuan(await fixture('002'));
    const t = detectTables(yuan.snapshot).find((x) => x.sheet === '公开02表')!;
    expect(t.decimals).toBe(2);
    expect(t.roundingDecimals).toBe(-2);
    const findings = audit(yuan.snapshot).findings.filter((f) => f.sheet === '公开02表' && f.cell === 'C7');
    expect(findings.map((f) => [f.rule, f.severity, f.actual, f.expected, f.tolerance])).toEqual([['column-total', 'info', '12692400.00', '12692300.00', '200.000']]);
    // …and a real error stays an error: 1,000 元 off.
    const broken = inYuan(await fixture('002'));
    const sheet = broken.snapshot.sheets.find((s) => s.name === '公开02表')!;
    sheet.values[6][2] = 12693400;
    sheet.text[6][2] = '12,693,400.00';
    expect(audit(broken.snapshot).findings.some((f) => f.sheet === '公开02表' && f.cell === 'C7' && f.severity === 'error')).toBe(true);
  });

  test('a 元 table of round budgets (every figure whole thousands: 政府采购, a capital injection) keeps its own precision: 300 元 off is an error', () => {
    const round = sheet('政府采购预算表', [
      ['2025年政府采购预算表'],
      ['部门：某某局', null, null, null, '单位：元'],
      ['项目', '合计', '货物', '工程', '服务'],
      ['合计', 38400000, 5500000, 30000000, 2900000],
      ['办公设备', 2500000, 2500000, 0, 0],
      ['信息系统', 3000000, 3000000, 0, 0],
      ['办公楼维修', 30000000, 0, 30000000, 0],
      ['物业服务', 2900000, 0, 0, 2900000],
    ]);
    expect(detectTables(workbook(round))[0].roundingDecimals).toBeUndefined();
    const slipped = structuredClone(round);
    slipped.values[4][2] = 2500300;
    slipped.values[4][1] = 2500300;
    expect(audit(workbook(slipped)).findings.filter((f) => f.severity === 'error').length).toBeGreaterThan(0);
  });

  test('a genuine 元 table keeps its own precision: figures that are not all whole hundreds', async () => {
    const yuan = inYuan(await fixture('002'));
    const sheet = yuan.snapshot.sheets.find((s) => s.name === '公开02表')!;
    sheet.values[7][2] = (sheet.values[7][2] as number) + 1; // one figure off the hundreds
    const t = detectTables(yuan.snapshot).find((x) => x.sheet === '公开02表')!;
    expect(t.roundingDecimals).toBeUndefined();
  });
});

/**
 * Figures read from cells keep their exact integer (1,269.24 = 126924 × 10⁻²) and a check whose
 * integers add up exactly holds without a Decimal (sumCheck.ts). Integers are exact only below
 * 2^53: past it the sum goes to Decimal, never to a rounded double.
 */
describe('figures held as exact integers', () => {
  /** A figure as a table cell gives it: its Decimal beside its integer and power of ten. */
  function held(units: number, exp: number, t = table()): Figure {
    return { ...fig(null, t), value: new Decimal(units).div(10 ** exp), shown: true, units, exp };
  }

  test('figures written with different decimals are lined up before they are added: 100.5 = 50.25 + 50.25', () => {
    const o = evaluate(check(held(1005, 1), [held(5025, 2), held(5025, 2)]), true)!;
    expect(o.consistent).toBe(true);
    expect(o.difference.isZero()).toBe(true);
    expect(o.expected.toString()).toBe('100.5');
  });

  test('a gap of one cent is found on the integers too, and reported in Decimal', () => {
    const o = evaluate(check(held(126923, 2), [held(3580, 2), held(69890, 2), held(53452, 2)]), true)!;
    expect(o.consistent).toBe(false);
    expect(o.difference.toFixed(2)).toBe('0.01');
    expect(o.expected.toFixed(2)).toBe('1269.22');
  });

  test('a sum that passes 2^53 on the way is added in Decimal: a double would have called 0.01 apart equal', () => {
    const a = 999999999999999; // 9,999,999,999,999.99
    const b = 999999999999998;
    const parts = [...Array(9).fill(a), b, ...Array(9).fill(-a), 1].map((u) => held(u, 2));
    // In doubles the parts add up to b exactly (…998); in truth to b + 1 (…999).
    expect(parts.reduce((s, p) => s + p.units!, 0)).toBe(b);
    const o = evaluate(check(held(b, 2), parts), true)!;
    expect(o.consistent).toBe(false);
    expect(o.difference.toFixed(2)).toBe('-0.01');
  });

  test('a figure without an integer (more than 15 digits) is compared in Decimal', () => {
    const big = { ...fig('12345678901234567.89'), units: undefined, exp: undefined };
    const o = evaluate(check(big, [fig('12345678901234567.00'), held(89, 2)]), true)!;
    expect(o.consistent).toBe(true);
  });
});
