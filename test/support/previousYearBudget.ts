import type { GridSheet, WorkbookSnapshot } from '../../src/core/snapshot';
import { sheet, workbook, type CellInput } from './sheetBuilder';

/**
 * A 2025 budget (某某局, 万元) whose tables print the year before beside this year, as many templates do:
 *
 *   部门收支预算总表      项目 | 本年预算数 | 上年预算数 on each side
 *   一般公共预算支出表    科目编码 | 科目名称 | 2025年预算数 (合计, 基本支出, 项目支出) | 2024年预算数 | 本年比上年 (增减额, 增减%)
 *   “三公”经费预算表      项目 | 2025年预算数 | 2024年预算数 | 增减额 | 增减率
 *
 *   2025: 300.00 = 基本 250.00 + 项目 50.00; 208 200.00, 210 100.00       2024: 280.00; 208 190.00, 210 90.00
 *   “三公” 2025: 10.00 = 车 7.00 + 接待 3.00                              2024: 12.00 = 车 8.00 + 接待 4.00
 *
 * Every table consistent with the others, so a test changes one sentence (or one cell) and names
 * what must be said.
 */
const UNIT = '单位：万元';

export const summaryWithYearBefore = (): GridSheet =>
  sheet(
    '部门收支预算总表',
    [
      ['2025年某某局部门收支预算总表'],
      ['部门：某某局', null, null, null, null, UNIT],
      ['收入', null, null, '支出'],
      ['项目', '本年预算数', '上年预算数', '项目', '本年预算数', '上年预算数'],
      ['一、一般公共预算', 300, 280, '一、社会保障和就业支出', 200, 190],
      ['二、政府性基金预算', null, null, '二、卫生健康支出', 100, 90],
      ['本年收入合计', 300, 280, '本年支出合计', 300, 280],
      ['上年结转结余', null, null, '年终结转结余', null, null],
      ['收入总计', 300, 280, '支出总计', 300, 280],
    ],
    { merges: ['A1:F1', 'A3:C3', 'D3:F3'] },
  );

/** Columns as given: the 2024年预算数 heading may be another (上年执行数), or stand beside another year before. */
export const generalWithYearBefore = (previousHeading: CellInput = '2024年预算数', extra?: { heading: string; figures: number[] }): GridSheet => {
  const rows: CellInput[][] = [
    ['2025年某某局一般公共预算支出表'],
    ['部门：某某局', null, null, null, null, null, null, UNIT],
    ['科目编码', '科目名称', '2025年预算数', null, null, previousHeading, '本年比上年', null],
    [null, null, '合计', '基本支出', '项目支出', null, '增减额', '增减%'],
    [null, '合计', 300, 250, 50, 280, 20, '7.14%'],
    ['208', '社会保障和就业支出', 200, 200, null, 190, 10, '5.26%'],
    ['20805', '行政事业单位养老支出', 200, 200, null, 190, 10, '5.26%'],
    ['2080505', '机关事业单位基本养老保险缴费支出', 200, 200, null, 190, 10, '5.26%'],
    ['210', '卫生健康支出', 100, 50, 50, 90, 10, '11.11%'],
    ['21011', '行政事业单位医疗', 50, 50, null, 40, 10, '25.00%'],
    ['2101101', '行政单位医疗', 50, 50, null, 40, 10, '25.00%'],
    ['21004', '公共卫生', 50, null, 50, 50, 0, '0.00%'],
    ['2100410', '突发公共卫生事件应急处理', 50, null, 50, 50, 0, '0.00%'],
  ];
  if (!extra) return sheet('一般公共预算支出表', rows, { merges: ['A1:H1', 'A3:A4', 'B3:B4', 'C3:E3', 'F3:F4', 'G3:H3'] });
  // One more column of the year before after the rest (上年执行数 beside 上年预算数).
  const wide = rows.map((r, i) => (i === 2 ? [...r, extra.heading] : i >= 4 ? [...r, extra.figures[i - 4]] : r));
  return sheet('一般公共预算支出表', wide, { merges: ['A1:I1', 'A3:A4', 'B3:B4', 'C3:E3', 'F3:F4', 'G3:H3', 'I3:I4'] });
};

/** The “三公” items as rows; `receptionChange` is the 增减额 printed for 公务接待费 (−1.00 when right). */
export const threePublicWithYearBefore = (receptionChange = -1): GridSheet =>
  sheet(
    '“三公”经费预算表',
    [
      ['2025年某某局一般公共预算“三公”经费支出预算表'],
      ['部门：某某局', null, null, null, UNIT],
      ['项目', '2025年预算数', '2024年预算数', '增减额', '增减率'],
      ['合计', 10, 12, -2, '-16.67%'],
      ['1.因公出国（境）费', 0, 0, 0, null],
      ['2.公务用车购置及运行费', 7, 8, -1, '-12.50%'],
      ['  其中：公务用车购置费', 0, 0, 0, null],
      ['        公务用车运行费', 7, 8, -1, '-12.50%'],
      ['3.公务接待费', 3, 4, receptionChange, '-25.00%'],
    ],
    { merges: ['A1:E1'] },
  );

export function previousYearBudget(lines: string[], tables: GridSheet[] = [summaryWithYearBefore(), generalWithYearBefore(), threePublicWithYearBefore()]): WorkbookSnapshot<GridSheet> {
  return workbook(...tables, sheet('情况说明', [['某某局2025年部门预算情况说明'], ['一、部门预算情况'], ...lines.map((l) => [l])]));
}
