import { workbook } from './support/sheetBuilder';
import { all, edited, explainedBy, loud, said, type Edit } from './support/checklist';
import { procurement, smallBudget } from './support/smallBudget';

/**
 * 政府采购预算表 adds up as an outline of its name columns (procurement-levels): 合计 = 一、货物
 * 60.00 = the 经济科目 rows 信息网络及软件购置更新 50.00 + 办公设备购置 10.00, and each 经济科目
 * row = its 品目 (计算机设备 30.00 + 正版软件 20.00; 复印机 10.00).
 */
const withProcurement = () => workbook(...smallBudget().sheets, procurement());
const onIt = (edits: Edit[]) => edited(edits, withProcurement());

describe('政府采购预算表, level by level (procurement-levels)', () => {
  test('the table of our own adds up at every level: no finding', () => {
    expect(all(withProcurement()).map(said)).toEqual([]);
  });

  test('计算机设备 35.00: 信息网络及软件购置更新 50.00 no longer covers its items, an error, expected 55.00', () => {
    expect(loud(onIt([['政府采购预算表', 'E7', 35]])).map(said)).toEqual([['procurement-levels', 'error', '政府采购预算表!E6', '50.00', '55.00']]);
  });

  test('计算机设备 25.00 (the other sign): expected 45.00', () => {
    expect(loud(onIt([['政府采购预算表', 'E7', 25]])).map(said)).toEqual([['procurement-levels', 'error', '政府采购预算表!E6', '50.00', '45.00']]);
  });

  test('the 经济科目 row alone says 55.00: it is the culprit of both levels it sits between, expected 50.00', () => {
    const f = loud(onIt([['政府采购预算表', 'E6', 55]]));
    expect(f.map(said)).toEqual([['procurement-levels', 'error', '政府采购预算表!E6', '55.00', '50.00']]);
    expect(f[0].culprit).toBe(true);
    expect(explainedBy(f[0])).toEqual(['procurement-levels']);
    expect(f[0].explains).toHaveLength(2);
  });

  test('an item and its 经济科目 raised together (35.00, 55.00): 一、货物 60.00 is named, expected 65.00', () => {
    expect(loud(onIt([['政府采购预算表', 'E7', 35], ['政府采购预算表', 'E6', 55]])).map(said)).toEqual([['procurement-levels', 'error', '政府采购预算表!E5', '60.00', '65.00']]);
  });

  test('合计 65.00 against 一、货物 60.00: the 合计 row is the sum of the top level', () => {
    expect(loud(onIt([['政府采购预算表', 'E4', 65]])).map(said)).toEqual([['procurement-levels', 'error', '政府采购预算表!E4', '65.00', '60.00']]);
  });

  test('a rounding tail (计算机设备 30.01 against two items, band 0.015) is info only; 30.02 is an error', () => {
    const tail = all(onIt([['政府采购预算表', 'E7', 30.01]]));
    expect(tail.map(said)).toEqual([['procurement-levels', 'info', '政府采购预算表!E6', '50.00', '50.01']]);
    expect(loud(onIt([['政府采购预算表', 'E7', 30.02]])).map(said)).toEqual([['procurement-levels', 'error', '政府采购预算表!E6', '50.00', '50.02']]);
  });
});
