import { all, edited, explainedBy, loud, said } from './support/checklist';

/**
 * 项目支出表 合计 = 支出表 项目支出 (cross-project). Support: 项目支出 200.00 = 医疗保障业务经费
 * 150.00 + 信息系统运行维护 50.00.
 */
describe('项目支出表 against 支出表 项目支出 (cross-project)', () => {
  test('医疗保障业务经费 140.00, 合计 190.00: an error at the 合计, expected 200.00', () => {
    expect(loud(edited([['预算12表', 'C5', 140], ['预算12表', 'C4', 190]])).map(said)).toEqual([['cross-project', 'error', '预算12表!C4', '190.00', '200.00']]);
  });

  test('医疗保障业务经费 160.00, 合计 210.00 (the other sign): expected 200.00, read from 支出表 项目支出 合计', () => {
    const f = loud(edited([['预算12表', 'C5', 160], ['预算12表', 'C4', 210]]));
    expect(f.map(said)).toEqual([['cross-project', 'error', '预算12表!C4', '210.00', '200.00']]);
    const [check] = f[0].explains;
    expect([check.stated, ...check.parts].map((x) => `${x.sheet}!${x.cell} ${x.name} ${x.value}`)).toEqual(['预算12表!C4 合计 210.00', '预算03表!G5 预算03表 项目支出 200.00']);
    expect([check.difference, check.tolerance]).toEqual(['10.00', '0.010']);
  });

  test('the 合计 alone changed is the culprit of its column, the comparison folded in', () => {
    const f = loud(edited([['预算12表', 'C4', 210]]));
    expect(f.map(said)).toEqual([['column-total', 'error', '预算12表!C4', '210.00', '200.00']]);
    expect(explainedBy(f[0])).toEqual(['column-total', 'cross-project']);
  });

  test('支出表 项目支出 210.00 (合计 1010.00) is the side named when 项目支出表 agrees with the rest', () => {
    // 支出表's 合计 line is over its 类 in both columns, and 项目支出表 and 收支总表 agree with the sum of its
    // 类: the line is named once (sum.row-over), the comparison with 项目支出表 among the checks it explains.
    const f = loud(edited([['预算03表', 'G5', 210], ['预算03表', 'C5', 1010]]));
    expect(f.map(said)).toEqual([['column-total', 'error', '预算03表!C5', '1010.00', '1000.00']]);
    expect(f[0].explains.map((e) => e.rule)).toContain('cross-project');
    expect(f[0].cells.map((c) => c.cell)).toEqual(expect.arrayContaining(['C5', 'G5']));
  });

  test('a rounding tail (200.01, band 0.010) is info only; 200.02 is an error', () => {
    expect(all(edited([['预算12表', 'C5', 150.01], ['预算12表', 'C4', 200.01]])).map(said)).toEqual([['cross-project', 'info', '预算12表!C4', '200.01', '200.00']]);
    expect(loud(edited([['预算12表', 'C5', 150.02], ['预算12表', 'C4', 200.02]])).map(said)).toEqual([['cross-project', 'error', '预算12表!C4', '200.02', '200.00']]);
  });
});
