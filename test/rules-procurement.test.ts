import { detect } from '../src/core/engine';
import { sheet, workbook } from './support/sheetBuilder';
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

/**
 * A 政府采购预算表 as a numbered list (序号 | 采购项目 | 采购预算 | 其中 货物类/工程类/服务类) with its
 * 合计 at the bottom: the first item is an item, however its row stands above the others. (It was
 * read as an unlabelled total at the top, and the narrative's 政府采购预算 184.87 万元 was then said
 * to differ from that item's 18.00.)
 */
describe('政府采购预算表 as a numbered list with 合计 at the bottom', () => {
  const list = (first = 18) =>
    sheet(
      '政府采购预算表',
      [
        ['2024年政府采购预算表'],
        ['部门：某某局', null, null, null, null, '单位：万元'],
        ['序号', '采购项目', '采购预算', '其中', null, null],
        [null, null, null, '货物类', '工程类', '服务类'],
        [1, '办公设备购置', first, 18, null, null],
        [2, '办公楼维修改造', 142.87, null, 142.87, null],
        [3, '物业管理服务', 24, null, null, 24],
        ['合计', null, 184.87, 18, 142.87, 24],
      ],
      { merges: ['A1:F1', 'A3:A4', 'B3:B4', 'C3:C4', 'D3:F3'] },
    );
  const narrative = sheet('情况说明', [['2024年某某局部门预算情况说明'], ['2024年政府采购预算184.87万元，其中：货物类18.00万元，工程类142.87万元，服务类24.00万元。']]);
  const withList = (first?: number) => workbook(...smallBudget().sheets, list(first), narrative);

  test('the first item is a detail line and only 合计 is the total', () => {
    const table = detect(withList()).find((t) => t.kind === 'government-procurement')!;
    expect(table.rows.filter((r) => r.role === 'total').map((r) => r.row)).toEqual([8]);
  });

  test('consistent with the narrative: nothing above info', () => {
    expect(loud(withList()).map(said)).toEqual([]);
  });

  test('合计 is the sum of the lines (procurement-levels): 办公设备购置 28.00 leaves 合计 184.87 short, expected 194.87', () => {
    expect(loud(withList(28)).map(said)).toEqual([['procurement-levels', 'error', '政府采购预算表!C8', '184.87', '194.87']]);
    expect(loud(withList(8)).map(said)).toEqual([['procurement-levels', 'error', '政府采购预算表!C8', '184.87', '174.87']]);
  });

  test('a list headed by outline lines in its one name column (一、货物 over its items) is not added up flat', () => {
    const outline = sheet('政府采购预算表', [
      ['2024年政府采购预算表'],
      ['部门：某某局', null, '单位：万元'],
      ['序号', '采购项目', '采购预算'],
      [null, '一、货物', 18],
      [1, '办公设备购置', 18],
      [null, '二、工程', 142.87],
      [2, '办公楼维修改造', 142.87],
      ['合计', null, 160.87],
    ]);
    expect(loud(workbook(...smallBudget().sheets, outline)).map(said)).toEqual([]);
  });
});
