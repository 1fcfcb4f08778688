import { audit } from '../src/core/engine';
import type { GridSheet } from '../src/core/snapshot';
import { sheet, workbook, type CellInput } from './support/sheetBuilder';
import { BUDGET_TABLES, threePublic09 } from './support/smallBudget';

/**
 * The “三公” table printed as lines (Guangdong's and Sichuan's print: 项目 | 预算数), 公务用车购置及运行费 split by its two
 * 其中 lines, and its statistics as lines under it (1.因公出国（境）团组数（个） …). The counts are no money — they were
 * summed into the 合计 (a right 合计 "不等于各分项之和") — and the vehicles' two lines make up their whole: only ≤ was held
 * of them, so a slipped 运行费 was told against the 情况说明's right figure instead. Support: test/support/smallBudget.ts.
 */
/** The table's lines, each with its figures (预算数 and any column after it), under the header given. */
const LINES = ['合计', '1.因公出国（境）费', '2.公务用车购置及运行费', '其中：（1）公务用车购置费', '（2）公务用车运行费', '3.公务接待费'];
const linesSheet = (figures: CellInput[][], header: CellInput[] = ['项目', '预算数'], after: CellInput[][] = []): GridSheet =>
  sheet('预算09表', [
    ['2024年一般公共预算“三公”经费支出预算表'],
    ['部门：某某局', ...Array(header.length - 2).fill(null), '单位：万元'],
    header,
    ...LINES.map((name, i) => [name, ...figures[i]]),
    ...after,
  ]);
const COUNTS: CellInput[][] = [['“三公”经费相关统计数'], ['1.因公出国（境）团组数（个）', 1], ['2.公务用车保有量（辆）', 8], ['3.国内公务接待批次（个）', 42], ['4.国内公务接待人数', 385], ['5.公务用车购置数量', 1], ['6.因公出国（境）人次', 3]];
const byLines = (running: number, counts: boolean): GridSheet => linesSheet([[40], [0], [30], [0], [running], [10]], undefined, counts ? COUNTS : []);
const quiet = (t: GridSheet) => audit(workbook(...BUDGET_TABLES.map((x) => (x === threePublic09 ? t : x())))).findings.filter((f) => f.severity !== 'info').map((f) => `${f.rule} ${f.sheet}!${f.cell}`);
const told = (running: number, counts: boolean, line = '2024年公务用车运行费预算30.00万元。') =>
  audit(workbook(...BUDGET_TABLES.map((t) => (t === threePublic09 ? byLines(running, counts) : t())), sheet('情况说明', [['某某局2024年部门预算情况说明'], [line]])))
    .findings.filter((f) => f.severity !== 'info')
    .map((f) => `${f.rule} ${f.sheet}!${f.cell}`);

test('as printed: nothing said', () => {
  expect(told(30, false)).toEqual([]);
});

test('with its statistics as lines under it: nothing said — 团组数（个）, 保有量（辆） are counted, not summed', () => {
  expect(told(30, true)).toEqual([]);
});

test('公务用车运行费 25.00 for 30.00: the table says its vehicles\' lines do not make up their whole (of-which), named at the line the prose states as 30.00; the prose is not blamed', () => {
  expect(told(25, true)).toEqual(['of-which 预算09表!B8']);
});

test('a column giving the vehicles\' whole alone (its two lines blank): nothing split, nothing said', () => {
  expect(quiet(linesSheet([[40], [0], [30], [null], [null], [10]]))).toEqual([]);
});

test('a 备注 column telling counts in words (接待9批次，66人次; 保有量2辆): its lines are money lines still', () => {
  const figures: CellInput[][] = [[40, null], [0, null], [30, '保有量2辆'], [0, null], [30, null], [10, '接待9批次，66人次']];
  expect(quiet(linesSheet(figures, ['项目', '预算数', '备注']))).toEqual([]);
});
