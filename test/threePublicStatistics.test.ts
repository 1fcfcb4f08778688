import { audit } from '../src/core/engine';
import type { GridSheet } from '../src/core/snapshot';
import { sheet, workbook } from './support/sheetBuilder';
import { BUDGET_TABLES, threePublic09 } from './support/smallBudget';

/**
 * The 三公 table with its statistics printed as a block under it (the national template's 统计数: 因公出国（境）团组数（个）,
 * 公务用车保有量（辆）, 国内公务接待批次（个）…), captioned 「“三公”经费相关统计数 … 单位：个、人次、辆」. The block is counts, no
 * second 三公 table, and its 单位 is a unit of measure, no department: read as either, it opened a disclosure of its own
 * — every table after it "missing" from the first (missing-table warnings on a right workbook) and the 情况说明 cut off
 * from the tables, its slips then blamed on its right rates. Support: test/support/smallBudget.ts, 预算09表 with the block.
 */
const withStatistics = (caption: string[]): GridSheet => {
  const t = threePublic09();
  return sheet(
    t.name,
    [
      ...t.values.map((row) => [...row]),
      [],
      caption,
      ['因公出国（境）团组数（个）', '因公出国（境）人次数（人）', '公务用车购置数（辆）', '公务用车保有量（辆）', '国内公务接待批次（个）', '国内公务接待人次（人）'],
      [1, 3, 0, 2, 12, 85],
    ],
    { merges: ['A1:F1', 'A3:A4', 'B3:B4', 'C3:E3', 'F3:F4'] },
  );
};
const NARRATIVE = (threePublic: string) => sheet('情况说明', [['某某局2024年部门预算情况说明'], [`2024年一般公共预算“三公”经费支出预算${threePublic}万元。`]]);
const book = (caption: string[], threePublic = '40.00') =>
  workbook(...BUDGET_TABLES.map((t) => (t === threePublic09 ? withStatistics(caption) : t())), NARRATIVE(threePublic));
const told = (wb: ReturnType<typeof book>) =>
  audit(wb)
    .findings.filter((f) => f.severity !== 'info')
    .map((f) => `${f.rule} ${f.sheet}!${f.cell}`);

const CAPTIONS: Array<[string, string[]]> = [
  ['a caption alone', ['“三公”经费相关统计数']],
  ['a caption with its unit of measure', ['一般公共预算“三公”经费相关统计数', null, null, null, null, '单位：个、人次、辆'] as string[]],
];

describe.each(CAPTIONS)('the statistics under the 三公 table, %s', (_, caption) => {
  test('as printed: nothing said — one disclosure, no table missing', () => {
    expect(told(book(caption))).toEqual([]);
  });

  test('a slipped “三公” figure in the 情况说明 is still told against the table', () => {
    expect(told(book(caption, '45.00'))).toEqual(['narrative-vs-table 情况说明!A2']);
  });
});
