import { audit } from '../src/core/engine';
import { detectTables } from '../src/core/detect';
import { sheet, workbook } from './support/sheetBuilder';
import { BUDGET_TABLES, operating13, threePublic09 } from './support/smallBudget';

/**
 * A 机关运行经费 or “三公” table printed as lines under its title, its one amount column headed 金额 or 本年预算 (项目 |
 * 金额: 机关运行经费 100.00): its lines speak the domain where its header does not. Read as a table of no kind, the
 * narrative's 机关运行经费 and “三公” sentences had nothing to be checked against (a hunt on other provinces' layouts).
 */
const operatingLines = () => sheet('预算13表', [['2024年机关运行经费预算表'], ['部门：某某局', '单位：万元'], ['项目', '金额'], ['机关运行经费', 100]], { merges: ['A1:B1'] });
const threePublicLines = () =>
  sheet(
    '预算09表',
    [
      ['2024年“三公”经费预算表'],
      ['部门：某某局', '单位：万元'],
      ['项目', '本年预算'],
      ['合计', 40],
      ['1.因公出国（境）费', null],
      ['2.公务用车购置及运行维护费', 30],
      ['  其中：公务用车购置费', null],
      ['        公务用车运行维护费', 30],
      ['3.公务接待费', 10],
    ],
    { merges: ['A1:B1'] },
  );
const budgetWith = (prose: string) =>
  workbook(...BUDGET_TABLES.map((t) => (t === operating13 ? operatingLines() : t === threePublic09 ? threePublicLines() : t())), sheet('情况说明', [['某某局2024年部门预算情况说明'], [prose]]));
const loud = (prose: string) =>
  audit(budgetWith(prose))
    .findings.filter((f) => f.severity !== 'info')
    .map((f) => `${f.rule} ${f.sheet}!${f.cell} ${f.actual}→${f.expected}`);

test('each is read as its kind', () => {
  const kinds = detectTables(budgetWith('')).map((t) => [t.sheet, t.kind]);
  expect(kinds).toEqual(
    expect.arrayContaining([
      ['预算13表', 'operating-cost'],
      ['预算09表', 'three-public'],
    ]),
  );
});

test('right sentences of both say nothing', () => {
  expect(loud('2024年机关运行经费预算100.00万元。“三公”经费预算40.00万元，其中公务接待费10.00万元。')).toEqual([]);
});

test('a slip in either sentence is named against its table', () => {
  expect(loud('2024年机关运行经费预算110.00万元。')).toEqual(['narrative-vs-table 情况说明!A2 110.00→100.00']);
  expect(loud('“三公”经费预算40.00万元，其中公务接待费12.00万元。')).toEqual(['narrative-vs-table 情况说明!A2 12.00→10.00']);
});
