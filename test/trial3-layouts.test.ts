import { audit } from '../src/core/engine';
import { detectTables } from '../src/core/detect';
import type { Finding } from '../src/core/finding';
import { findingText } from '../src/core/messages/render';
import type { GridSheet, WorkbookSnapshot } from '../src/core/snapshot';
import { sheet, workbook, type CellInput } from './support/sheetBuilder';
import { withCell } from './support/smallBudget';

/**
 * Rows whose structure the words alone do not give (test/support: none; the workbooks are here):
 * the line after 其中：X with no indent, and category headings carrying their group's subtotal.
 * Each consistent table says nothing above info; one figure changed is named at its cell.
 */
const loud = (fs: Finding[]) => fs.filter((f) => f.severity !== 'info' && f.rule !== 'missing-table').map((f) => `${f.severity} ${f.rule} ${f.sheet}!${f.cell} ${findingText(f)['zh-CN']}`);
const told = (fs: Finding[]) => fs.filter((f) => f.severity !== 'info' && f.rule !== 'missing-table').map((f) => [f.severity, f.rule, `${f.sheet}!${f.cell}`, f.expected]);
const roles = (wb: WorkbookSnapshot<GridSheet>) => detectTables(wb)[0].rows.map((r) => r.role);

/**
 * “三公” as rows, 万元: 合计 25.50 / 22.80 = 因公出国 0 + 公务用车购置及运行费 20.00 / 18.00 + 公务接待费
 * 5.50 / 4.80; the car line is 购置费 0 + 运行费 20.00 / 18.00; 增减额 = 2025 − 2024 on every line.
 */
function threePublic(car: [string, string] = ['其中：（1）公务用车购置费', '（2）公务用车运行费']): WorkbookSnapshot<GridSheet> {
  return workbook(
    sheet(
      '表7',
      [
        ['2025年一般公共预算“三公”经费支出表'],
        ['单位名称：某某局', null, null, '单位：万元'],
        ['项目', '2024年预算数', '2025年预算数', '增减额'],
        ['合计', 25.5, 22.8, -2.7],
        ['1.因公出国（境）费', '-', '-', '-'],
        ['2.公务用车购置及运行费', 20, 18, -2],
        [car[0], '-', '-', '-'],
        [car[1], 20, 18, -2],
        ['3.公务接待费', 5.5, 4.8, -0.7],
      ],
      { merges: ['A1:D1'] },
    ),
  );
}

/** A 国有资产 table of no kind the project knows: 资产总计 2,863.45 = 房屋 + 车辆 + 设备 + 其他; 车辆 = its two 其中 lines. */
function assets(official: CellInput = 52.6, enforcement: CellInput = 44.2): WorkbookSnapshot<GridSheet> {
  return workbook(
    sheet(
      '国有资产',
      [
        ['某某局国有资产占有使用情况表'],
        ['编制单位：某某局'],
        ['项目', '计量单位', '数量', '价值（万元）'],
        ['资产总计', null, null, 2863.45],
        ['房屋', '平方米', 4850.5, 1526.3],
        ['车辆', '辆', 5, 96.8],
        ['其中：一般公务用车', '辆', 3, official],
        ['执法执勤用车', '辆', 2, enforcement],
        ['单价50万元以上通用设备', '台（套）', 2, 126.5],
        ['其他资产', null, null, 1113.85],
      ],
      { merges: ['A1:D1'] },
    ),
  );
}

/** The 三公 table with its paragraph of the 情况说明 (2025年 22.80, 2024年 25.50, 下降10.59%). */
function threePublicWithNarrative(amount = '22.80'): WorkbookSnapshot<GridSheet> {
  const wb = threePublic();
  const text = [
    '某某局2025年部门预算情况说明',
    '一、“三公”经费预算情况说明',
    `2025年“三公”经费预算数为${amount}万元，比2024年减少2.70万元，下降10.59%。主要原因是严格落实过紧日子要求。`,
  ];
  return workbook(...wb.sheets, sheet('情况说明', text.map((t) => [t])));
}

describe('A: the line after 其中：X, not indented, is X’s sibling when its numbering or its figures say so', () => {
  test('其中：（1）购置费 / （2）运行费: (2) continues the 其中’s own numbering, so it is a 其中 line; 3.公务接待费 an item again', () => {
    expect(roles(threePublic())).toEqual(['total', 'detail', 'detail', 'of-which', 'of-which', 'detail']);
    expect(loud(audit(threePublic()).findings)).toEqual([]);
  });

  test('其中：购置费 / 运行费 unnumbered under the numbered 2.: 0 + 运行费 = the car line, so 运行费 is a 其中 line', () => {
    const wb = threePublic(['其中：公务用车购置费', '公务用车运行费']);
    expect(roles(wb)).toEqual(['total', 'detail', 'detail', 'of-which', 'of-which', 'detail']);
    expect(loud(audit(wb).findings)).toEqual([]);
  });

  test('公务接待费 changed is named at its cell (合计 and its 增减额 point at it), in both layouts', () => {
    for (const wb of [threePublic(), threePublic(['其中：公务用车购置费', '公务用车运行费'])]) {
      const f = audit(withCell(wb, '表7', 'C9', 5.8)).findings.filter((x) => x.severity === 'error');
      expect(f.map((x) => [x.cell, x.expected])).toEqual([['C9', '4.80']]);
      expect(f[0].explains.map((e) => e.rule).sort()).toEqual(['column-change', 'column-total']);
    }
  });

  test('the car line changed is named at its cell; 合计 changed, at 合计 (its column and its 增减额 say so)', () => {
    const wb = threePublic(['其中：公务用车购置费', '公务用车运行费']);
    const car = audit(withCell(wb, '表7', 'C6', 19)).findings.filter((x) => x.severity === 'error');
    expect(car.map((x) => [x.cell, x.expected])).toEqual([['C6', '18.00']]);
    // (…and no longer its two 其中 lines, 购置费 + 运行费: the vehicles' whole split — ofWhich.ts vehicleSplitChecks.)
    expect(car[0].explains.map((e) => e.rule).sort()).toEqual(['column-change', 'column-total', 'of-which']);
    const total = audit(withCell(wb, '表7', 'C4', 23.8)).findings.filter((x) => x.severity === 'error');
    expect(total.map((x) => [x.cell, x.actual, x.expected])).toEqual([['C4', '23.80', '22.80']]);
    expect(total[0].explains.map((e) => e.rule).sort()).toEqual(['column-change', 'column-total']);
  });

  test('the 情况说明’s “三公” total is the 2025年预算数 column’s, not the first column’s (2024年预算数 printed first)', () => {
    expect(loud(audit(threePublicWithNarrative()).findings)).toEqual([]);
    expect(told(audit(threePublicWithNarrative('22.90')).findings)).toEqual([['error', 'narrative-vs-table', '情况说明!A3', '22.80']]);
  });

  test('车辆 / 其中：一般公务用车 / 执法执勤用车 (no numbering anywhere): 52.60 + 44.20 = 96.80, a 其中 line; the table of no known kind says nothing', () => {
    expect(roles(assets())).toEqual(['total', 'detail', 'detail', 'of-which', 'of-which', 'detail', 'detail']);
    expect(loud(audit(assets()).findings)).toEqual([]);
  });

  test('一般公务用车 + 执法执勤用车 short of 车辆 (a partial 其中): the total adds up only without it, so it is not added', () => {
    const wb = assets(52.6, 40);
    expect(detectTables(wb)[0].rows[4].ofWhichGuess).toEqual({ parent: 6, reading: 'doubtful' });
    expect(loud(audit(wb).findings)).toEqual([]);
  });

  test('a wrong 资产总计 in a table of no known kind, its 其中 placed by figures: a warning at the total, never an error', () => {
    expect(told(audit(withCell(assets(), '国有资产', 'D4', 2900)).findings)).toEqual([['warning', 'column-total', '国有资产!D4', '2863.45']]);
  });

  test('a doubtful line and a total that adds up under neither reading: silence rather than a claim', () => {
    expect(told(audit(withCell(assets(52.6, 40), '国有资产', 'D4', 2900)).findings)).toEqual([]);
  });

  test('财政拨款收入 / 其中：一般公共预算 / 事业收入 where 80 + 20 = 100 by chance: 合计 120 adds up only with 事业收入 as an item', () => {
    const wb = workbook(
      sheet('收入表', [
        ['某某局2025年部门收入预算表'],
        [null, '单位：万元'],
        ['项目', '预算数'],
        ['合计', 120],
        ['财政拨款收入', 100],
        ['其中：一般公共预算', 80],
        ['事业收入', 20],
      ]),
    );
    expect(loud(audit(wb).findings)).toEqual([]);
  });
});

/**
 * A 项目支出表 in 元 grouped by 项目类别: 其他运转类 1,846,400 = 1,560,000 + 286,400; 特定目标类
 * 4,278,650 = 2,000,000 + 1,428,650 + 850,000 (政府性基金); 总计 6,125,050 = the two categories.
 */
function projects(byNumber = false): WorkbookSnapshot<GridSheet> {
  const head = (name: string, n: string): CellInput[] => (byNumber ? [null, `${n}、${name}`] : [name, null]);
  return workbook(
    sheet(
      '09项目支出表',
      [
        ['某某局2025年项目支出预算表'],
        ['部门名称：某某局', null, null, null, null, '单位：元'],
        ['项目类别', '项目名称', '合计', '一般公共预算', '政府性基金预算', '国有资本经营预算'],
        [...head('其他运转类', '一'), 1846400, 1846400, null, null],
        [null, '教育系统日常管理经费', 1560000, 1560000, null, null],
        [null, '教师业务培训经费', 286400, 286400, null, null],
        [...head('特定目标类', '二'), 4278650, 3428650, 850000, null],
        [null, '义务教育学校公用经费补助', 2000000, 2000000, null, null],
        [null, '中小学校舍维修改造', 1428650, 1428650, null, null],
        [null, '全民健身设施建设', 850000, null, 850000, null],
        ['总计', null, 6125050, 5275050, 850000, null],
      ],
      { merges: ['A1:F1'], format: '#,##0' },
    ),
  );
}

describe('B: a 项目支出表 grouped by 项目类别, each category line carrying its projects’ subtotal', () => {
  test.each([
    ['the category in 项目类别, its projects in 项目名称', false],
    ['一、其他运转类 / 二、特定目标类 in 项目名称 over unnumbered projects', true],
  ])('%s: each category is the 小计 of its projects, 总计 the sum of the categories; nothing said', (_, byNumber) => {
    const wb = projects(byNumber);
    expect(roles(wb)).toEqual(['subtotal', 'detail', 'detail', 'subtotal', 'detail', 'detail', 'detail', 'total']);
    expect(loud(audit(wb).findings)).toEqual([]);
  });

  test('a project changed is named at its cell (its category, 总计 over the projects and its row point at it)', () => {
    for (const byNumber of [false, true]) {
      const f = audit(withCell(projects(byNumber), '09项目支出表', 'C5', 1570000)).findings.filter((x) => x.severity === 'error');
      expect(f.map((x) => [x.rule, x.cell, x.expected])).toEqual([[f[0].rule, 'C5', '1560000']]);
      expect(f[0].explains.map((e) => e.rule).sort()).toEqual(['column-total', 'column-total', 'row-sum']);
    }
  });

  test('a category’s subtotal changed is named at its cell (its projects, 总计 over the categories and its row point at it)', () => {
    const f = audit(withCell(projects(), '09项目支出表', 'D7', 3438650)).findings.filter((x) => x.severity === 'error');
    expect(f.map((x) => [x.cell, x.expected])).toEqual([['D7', '3428650']]);
    expect(f[0].explains.map((e) => e.rule).sort()).toEqual(['column-total', 'column-total', 'row-sum']);
  });

  test('总计 changed is named at 总计 (column-total: the categories and the projects both say so)', () => {
    const f = audit(withCell(projects(), '09项目支出表', 'E11', 860000)).findings.filter((x) => x.severity === 'error');
    expect(f.map((x) => [x.cell, x.expected])).toEqual([['E11', '850000']]);
  });

  test('category lines with figures of their own (总计 adds up over every line, no category over its projects) stay items', () => {
    const wb = workbook(
      sheet('项目表', [
        ['某某局2025年项目支出预算表'],
        [null, null, '单位：万元'],
        ['项目类别', '项目名称', '合计'],
        ['其他运转类', null, 3],
        [null, '日常管理经费', 5],
        [null, '业务培训经费', 5],
        ['特定目标类', null, 2],
        [null, '校舍维修改造', 4],
        ['总计', null, 19],
      ]),
    );
    expect(roles(wb)).toEqual(['detail', 'detail', 'detail', 'detail', 'detail', 'total']);
    expect(loud(audit(wb).findings)).toEqual([]);
  });
});
