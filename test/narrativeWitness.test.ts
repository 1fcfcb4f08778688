import { audit } from '../src/core/engine';
import type { Finding } from '../src/core/finding';
import { sheet, workbook, type CellInput } from './support/sheetBuilder';

/**
 * The prose as a witness to which cell slipped. A “三公” table of final accounts prints one line (合计 | 因公出国（境）费 |
 * 公务用车购置及运行维护费 | 公务接待费): a slip in an item breaks only its line's sum, and either the 合计 or any item could
 * be the slip. The 情况说明 stating each item tells which: the item it states as the sum needs it. (Found by a hunt on
 * 决算 disclosures: the slip was blamed on the right 合计, and the prose contradicting the slipped cell was silent.)
 */
const loud = (fs: Finding[]) => fs.filter((f) => f.severity !== 'info' && f.rule !== 'missing-table').map((f) => `${f.rule} ${f.severity} ${f.sheet}!${f.cell} ${f.actual}→${f.expected}`);

const threePublic = (reception: CellInput) =>
  sheet(
    '公开07表',
    [
      ['一般公共预算财政拨款“三公”经费支出决算表'],
      ['编制单位：某某县某某局', null, null, '单位：万元'],
      ['合计', '因公出国（境）费', '公务用车购置及运行维护费', '公务接待费'],
      [4.58, 0, 3.31, reception],
    ],
    { merges: ['A1:D1'] },
  );
const prose = (reception: string) =>
  sheet('情况说明', [['某某县某某局2023年度部门决算情况说明'], [`2023年度“三公”经费支出决算4.58万元，其中：因公出国（境）费0万元，公务用车购置及运行维护费3.31万元，公务接待费${reception}万元。`]]);

test('right: nothing said', () => {
  expect(loud(audit(workbook(threePublic(1.27), prose('1.27'))).findings)).toEqual([]);
});

test('an item slipped, the prose stating it as the 合计 needs it: the item is named, the prose as its witness', () => {
  const found = audit(workbook(threePublic(1.47), prose('1.27'))).findings.filter((f) => f.severity === 'error');
  expect(found.map((f) => `${f.rule} ${f.sheet}!${f.cell} ${f.actual}→${f.expected}`)).toEqual(['row-sum 公开07表!D4 1.47→1.27']);
  expect(found[0].message.args?.against).toEqual({
    t: 'list',
    items: [
      { t: 'name', v: '合计' },
      { t: 'name', v: '情况说明 「公务接待费1.27万元」' },
    ],
  });
});

test('…with no prose to tell, the line is told at its 合计, as before', () => {
  expect(loud(audit(workbook(threePublic(1.47))).findings)).toEqual(['row-sum error 公开07表!A4 4.58→4.78']);
});

test('…with prose stating the slipped figure, the same: the prose is no witness for another value', () => {
  expect(loud(audit(workbook(threePublic(1.47), prose('1.47'))).findings)).toEqual(['row-sum error 公开07表!A4 4.58→4.78']);
});
