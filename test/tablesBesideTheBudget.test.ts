import { audit } from '../src/core/engine';
import type { GridSheet } from '../src/core/snapshot';
import { sheet, workbook } from './support/sheetBuilder';
import { BUDGET_TABLES, general05, threePublic09, withCell } from './support/smallBudget';

/**
 * Sheets a disclosure workbook carries beside its standard tables, which the checker cannot be sure of and must
 * leave quiet — while reading the standard tables beside them as before. Support: test/support/smallBudget.ts.
 */
/** One sheet with one cell changed (withCell works on a workbook). */
const withCellIn = (s: GridSheet, a1: string, v: number): GridSheet => withCell(workbook(s), s.name, a1, v).sheets[0] as GridSheet;
const loud = (sheets: GridSheet[]) =>
  audit(workbook(...sheets))
    .findings.filter((f) => f.severity !== 'info')
    .map((f) => `${f.rule} ${f.sheet}!${f.cell}`);
const budgetWith = (extra: GridSheet, after = '预算13表') => {
  const out: GridSheet[] = [];
  for (const t of BUDGET_TABLES) {
    const s = t();
    out.push(s);
    if (s.name === after) out.push(extra);
  }
  return out;
};

/** One project's block of a 项目支出绩效目标表 (Henan's print): its lines, then the indicators' own header and rows. */
const performanceBlock = (project: string, amount: number): (string | number | null)[][] => [
  ['项目名称', project],
  ['主管部门', '某某局', null, null, '实施单位', '某某局'],
  ['项目资金（万元）', '年度资金总额', amount],
  [null, '其中：财政拨款', amount],
  [null, '其他资金', 0],
  ['年度绩效目标', '保障医疗保障业务工作正常开展。'],
  ['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '权重（%）'],
  ['产出指标', '数量指标', '服务人次', '≥', 5000, '人次', 30],
  ['产出指标', '时效指标', '资金拨付及时率', '≥', 95, '%', 30],
  ['效益指标', '社会效益指标', '群众医疗负担', '定性', '有效减轻', null, 20],
  ['满意度指标', '服务对象满意度指标', '服务对象满意度', '≥', 90, '%', 20],
];
const performance = sheet('预算14表', [['2024年项目支出绩效目标表'], ...performanceBlock('医疗保障业务', 200), [], ...performanceBlock('信息化运维', 50)]);

describe('a 项目支出绩效目标表 of several projects stacked on one sheet', () => {
  test('at the end: nothing said — its untitled blocks are no 项目支出表, their 指标值 and 权重 no amounts', () => {
    expect(loud(budgetWith(performance))).toEqual([]);
  });
  test('between the standard tables: nothing said — no second 项目支出表 opening a disclosure of its own', () => {
    expect(loud(budgetWith(performance, '预算04表'))).toEqual([]);
  });
});

test('a 国有资产占用情况表 counting its houses, land and equipment by their units: no quantity summed with money', () => {
  const assets = sheet('资产表', [
    ['国有资产占用情况表'],
    ['部门：某某局', null, null, null, null, null, '单位：万元'],
    ['单位名称', '资产总额', '固定资产', null, null, null, null],
    [null, null, '合计', '房屋（平方米）', '房屋价值', '土地（亩）', '专用设备（台/套）'],
    ['合计', 120.5, 80.77, 1250, 80.77, 3, 12],
    ['某某局', 120.5, 80.77, 1250, 80.77, 3, 12],
  ], { merges: ['A1:G1', 'A3:A4', 'B3:B4', 'C3:G3'] });
  expect(loud(budgetWith(assets))).toEqual([]);
});

test('a 国有资产 table by lines, each thing\'s unit in its name beside a 数量 column (办公设备（台） | 86 | 64.06): money lines still', () => {
  const assets = sheet('资产表', [
    ['国有资产占用情况表'],
    ['部门：某某局', null, '单位：万元'],
    ['项目', '数量', '金额'],
    ['合计', null, 80.77],
    ['房屋（平方米）', 1250, 0],
    ['车辆（辆）', 2, 0],
    ['办公设备（台）', 86, 64.06],
    ['其他', null, 16.71],
  ]);
  expect(loud(budgetWith(assets))).toEqual([]);
});

test('a header naming what a column holds in a long bracket (公用经费（含商品和服务支出，资本性支出）) is a header, no prose: the table stays', () => {
  const general = general05();
  const renamed = { ...general, values: general.values.map((row, i) => (i === 3 ? row.map((v, j) => (j === 5 ? '公用经费（含商品和服务支出，资本性支出）' : v)) : row)) };
  const found = audit(workbook(...BUDGET_TABLES.map((t) => (t === general05 ? renamed : t())))).tables.map((t) => t.kind);
  expect(found).toContain('general-budget-expenditure');
});

describe('the “三公” table printed under a row-label column, its one line the 合计', () => {
  const byUnit = (reception: number): GridSheet => {
    const t = threePublic09();
    return sheet(t.name, [
      ['2024年一般公共预算“三公”经费支出预算表'],
      ['部门：某某局', null, null, null, null, null, '单位：万元'],
      ['单位名称', '合计', '因公出国（境）费', '公务用车购置及运行费', null, null, '公务接待费'],
      [null, null, null, '小计', '公务用车购置费', '公务用车运行费'],
      ['合计', 40, null, 30, null, 30, reception],
    ], { merges: ['A1:G1', 'A3:A4', 'B3:B4', 'C3:C4', 'D3:F3', 'G3:G4'] });
  };
  const budget = (reception: number) => BUDGET_TABLES.map((t) => (t === threePublic09 ? byUnit(reception) : t()));
  test('as printed: nothing said — a total stated, with no rows to be their sum', () => {
    expect(loud(budget(10))).toEqual([]);
  });
  test('公务接待费 12.00 for 10.00: still told, along its line', () => {
    expect(loud(budget(12))).toContain('row-sum 预算09表!G5');
  });
});

const STAFF_BOX: (string | number | null)[][] = [
  ['单位名称', '编制数', null, '实有人数', null],
  [null, '行政', '事业', '行政', '事业'],
  ['合计', 25, 20, 24, 18],
  ['某某局', 25, 20, 24, 18],
];
/** A 政府采购 list: its header speaks of money (预算金额), in words the table beside it does not use. */
const PROCUREMENT_BOX: (string | number | null)[][] = [
  ['序号', '采购项目', '采购品目', '数量', '计量单位', '预算金额'],
  [null, '合计', null, null, null, 80],
  [1, '信息系统运维服务', '信息技术服务', 1, '项', 50],
  [2, '政策宣传服务', '广告服务', 1, '项', 20],
  [3, '物业管理服务', '物业管理服务', 12, '月', 10],
];

describe.each([
  ['人员编制 | 实有人数', STAFF_BOX],
  ['a 政府采购 list (序号 | 采购项目 | … | 预算金额)', PROCUREMENT_BOX],
  ['a 绩效目标 block as tall as the table (项目资金（万元） | 指标值 | 权重（%）)', performanceBlock('医疗保障业务', 200)],
])('a box put beside a standard table on its sheet, one empty column away: %s', (_, BOX) => {
  // 预算05表 of test/support/smallBudget.ts (A:G), the box from I3 (H empty).
  const withBox = (t: GridSheet): GridSheet => {
    const rows = t.values.map((row, i) => {
      const box = BOX[i - 2];
      return box ? [...row, ...Array(8 - row.length).fill(null), ...box] : [...row];
    });
    for (let i = rows.length; i - 2 < BOX.length; i++) rows.push([...Array(8).fill(null), ...BOX[i - 2]]);
    return sheet(t.name, rows as (string | number | null)[][], { merges: ['A1:G1', 'A3:A4', 'B3:B4', 'C3:C4', 'D3:F3', 'G3:G4'] });
  };
  const budget = (cell?: [string, number]) =>
    BUDGET_TABLES.map((t) => {
      const s = t === general05 ? withBox(t()) : t();
      return cell && t === general05 ? withCellIn(s, cell[0], cell[1]) : s;
    });
  test('as printed: nothing said — the box is no columns of the table', () => {
    expect(loud(budget())).toEqual([]);
  });
  test('the table keeps its own columns, A to G', () => {
    const general = audit(workbook(...budget())).tables.find((t) => t.sheet === '预算05表' && t.kind === 'general-budget-expenditure')!;
    expect(Math.max(...general.columns.map((c) => c.col))).toBe(7);
  });
  test('行政运行 in the table raised by 10.00: told at its cell, as without the box', () => {
    expect(loud(budget(['C11', 610]))).toContain('row-sum 预算05表!C11');
  });
});
