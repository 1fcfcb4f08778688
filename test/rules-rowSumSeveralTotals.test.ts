import { audit } from '../src/core/engine';
import { sheet, workbook } from './support/sheetBuilder';

/**
 * A flat header row with several totals among the amount columns (a hunt on workbooks that are not disclosures, and
 * budget tables printed flat): which columns each total adds the header does not say, and reading the first total as
 * the sum of every other column called every row of a sound table wrong. The rows' figures choose the reading.
 */
const errorsOf = (rows: (string | number | null)[][], title = '2024年部门支出预算表') =>
  audit(workbook(sheet('支出', [[title], ['单位：万元'], ...rows])))
    .findings.filter((f) => f.severity !== 'info')
    .map((f) => `${f.severity} ${f.rule} ${f.cell} ${f.actual}→${f.expected}`);

const budget = (slip: (r: (string | number | null)[][]) => void = () => {}) => {
  const rows: (string | number | null)[][] = [
    ['科目编码', '科目名称', '人员经费', '公用经费', '基本支出小计', '项目支出', '合计'],
    [null, '合计', 700, 100, 800, 200, 1000],
    ['208', '社会保障和就业支出', 120, null, 120, null, 120],
    ['20805', '行政事业单位养老支出', 120, null, 120, null, 120],
    ['2080505', '机关事业单位基本养老保险缴费支出', 120, null, 120, null, 120],
    ['210', '卫生健康支出', 580, 100, 680, 200, 880],
    ['21015', '医疗保障管理事务', 580, 100, 680, 200, 880],
    ['2101501', '行政运行', 580, 100, 680, null, 680],
    ['2101502', '一般行政管理事务', null, null, null, 200, 200],
  ];
  slip(rows);
  return rows;
};

describe('row-sum: 人员经费 | 公用经费 | 基本支出小计 | 项目支出 | 合计 in one header row', () => {
  test('sound: the 小计 adds the two before it, the 合计 the 小计 and 项目支出 — nothing said', () => {
    expect(errorsOf(budget())).toEqual([]);
  });

  test('a slip in 人员经费 of one row is told at that cell', () => {
    const found = errorsOf(
      budget((r) => {
        r[4][2] = 121;
      }),
    );
    expect(found).toContain('error row-sum C7 121.00→120.00');
  });

  test('a slip in the 小计 itself is told at the 小计', () => {
    const found = errorsOf(
      budget((r) => {
        r[7][4] = 690;
      }),
    );
    expect(found).toContain('error row-sum E10 690.00→680.00');
    expect(found.filter((f) => f.includes('row-sum') && !f.includes(' E10 '))).toEqual([]);
  });
});

describe('row-sum: a payroll’s 应发合计 and 扣款合计 (a table of no budget kind)', () => {
  const payroll = (deduction = 450) => [
    ['姓名', '岗位工资', '薪级工资', '应发合计', '养老保险', '医疗保险', '扣款合计', '实发工资'],
    ['张伟', 3000, 1950, 4950, 396, 99, 495, 4455],
    ['王芳', 2800, 1700, 4500, 360, 90, deduction, 4050],
    ['李强', 2600, 1500, 4100, 328, 82, 410, 3690],
    ['合计', 8400, 5150, 13550, 1084, 271, 1355, 12195],
  ];

  test('each total adds the columns since the one before it: nothing said', () => {
    expect(errorsOf(payroll(), '2024年5月工资表')).toEqual([]);
  });

  test('a wrong 扣款合计 is still told, not a wall', () => {
    const found = errorsOf(payroll(460), '2024年5月工资表').filter((f) => f.includes('row-sum'));
    expect(found.length).toBe(1);
    expect(found[0]).toMatch(/row-sum G5 460.00→450.00/);
  });
});

describe('row-sum: a reading its rows only seem to bear out is not taken', () => {
  test('总计 | 本年收入合计 | 一般公共预算 | 上年结转, 上年结转 on one row only: 本年收入合计 is not held to include it', () => {
    // Twenty units, one with money brought forward: the reading with 上年结转 fails on two rows of twenty-one.
    const units = Array.from({ length: 19 }, (_, i): (string | number | null)[] => [`某某所${i + 1}`, 50, 50, 50, null]);
    const rows = [['单位名称', '总计', '本年收入合计', '一般公共预算', '上年结转'], ['合计', 1100, 1050, 1050, 50], ['某某局', 150, 100, 100, 50], ...units];
    expect(errorsOf(rows, '2024年部门收入预算表')).toEqual([]);
  });
});
