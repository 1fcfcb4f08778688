import { audit } from '../src/core/engine';
import { detectTables } from '../src/core/detect';
import type { Finding } from '../src/core/finding';
import { findingText } from '../src/core/messages/render';
import { nationalBasic06, nationalGeneral05 } from './support/nationalFinalAccounts';
import { sheet, workbook } from './support/sheetBuilder';
import { grandTotalColumn } from '../src/core/rules/toolkit/headerTree';

/**
 * The national final-accounts template (公开01–09), on small workbooks of our own: the basic
 * expenditure table as two side-by-side blocks with their own split 类 | 款 code columns, and the
 * fiscal summary whose 年初财政拨款结转和结余 is followed by its own breakdown numbered 一、二、三 again.
 */
const loud = (fs: Finding[]) => fs.filter((f) => f.severity !== 'info').map((f) => `${f.rule} ${f.sheet}!${f.cell} ${findingText(f)['zh-CN']}`);


const generalBudget = nationalGeneral05();

describe('basic expenditure as 人员经费 | 公用经费 blocks, each with split 类 | 款 columns', () => {
  test('each block is a group with its own codes; its amounts are named by its own lines', () => {
    const [t] = detectTables(workbook(nationalBasic06(200)));
    expect(t).toMatchObject({ kind: 'basic-expenditure', headerRows: [3, 5], bodyRows: [6, 11] });
    expect(t.columns.map((c) => [c.col, c.role, c.group])).toEqual([
      [1, 'econ-lei', 0],
      [2, 'econ-kuan', 0],
      [3, 'label', 0],
      [4, 'amount', 0],
      [5, 'econ-lei', 1],
      [6, 'econ-kuan', 1],
      [7, 'label', 1],
      [8, 'amount', 1],
    ]);
    const row7 = t.rows.find((r) => r.row === 7)!;
    expect(row7.groupItems?.map((g) => [g.econCode, g.label])).toEqual([
      ['30101', '基本工资'],
      ['30201', '办公费'],
    ]);
  });

  test('consistent: 301 = its 款, 人员经费合计 = 301 + 303, 公用经费合计 = 302 + 310, 基本支出 = both halves', () => {
    expect(loud(audit(workbook(generalBudget, nationalBasic06(200))).findings)).toEqual([]);
  });

  test('a 款 changed in one block is reported in that block, named by its own lines, never by the other block’s', () => {
    // 人员经费合计 still agrees with 301 + 303, so the 款 of 301 disagree with their 类: reported at the 类.
    const wages = audit(workbook(generalBudget, nationalBasic06(210))).findings.filter((f) => f.severity === 'error');
    expect(wages.map((f) => [f.rule, f.cell, f.actual, f.expected])).toEqual([['code-hierarchy', 'D6', '500.00', '510.00']]);
    expect(findingText(wages[0])['zh-CN']).toContain('工资福利支出');
    expect(findingText(wages[0])['zh-CN']).not.toMatch(/商品和服务|办公费/);
    const office = audit(workbook(generalBudget, nationalBasic06(200, 35))).findings.filter((f) => f.severity === 'error');
    expect(office.map((f) => [f.rule, f.cell, f.actual, f.expected])).toEqual([['code-hierarchy', 'H6', '80.00', '85.00']]);
    expect(findingText(office[0])['zh-CN']).toContain('商品和服务支出');
    expect(findingText(office[0])['zh-CN']).not.toMatch(/工资|基本工资/);
  });
});

/** 财政拨款收入支出决算总表 whose 年初财政拨款结转和结余 is broken down 一、二、三 again. */
function fiscalSummary(carryGeneral: number) {
  return sheet(
    '公开04表',
    [
      ['财政拨款收入支出决算总表'],
      ['部门：某某局', null, null, null, null, '单位：万元'],
      ['收入', null, '支出'],
      ['项目', '金额', '项目', '合计', '一般公共预算财政拨款', '政府性基金预算财政拨款'],
      ['一、一般公共预算财政拨款', 900, '一、一般公共服务支出', 800, 800],
      ['二、政府性基金预算财政拨款', 100, '二、社会保障和就业支出', 200, 100, 100],
      ['三、国有资本经营预算财政拨款', null],
      ['本年收入合计', 1000, '本年支出合计', 1000, 900, 100],
      ['年初财政拨款结转和结余', 50, '年末财政拨款结转和结余', 50, 50],
      ['一、一般公共预算财政拨款', carryGeneral],
      ['二、政府性基金预算财政拨款', null],
      ['三、国有资本经营预算财政拨款', null],
      ['收入总计', 1050, '支出总计', 1050, 950, 100],
    ],
    { merges: ['A1:F1', 'A3:B3', 'C3:F3'] },
  );
}

describe('a carry-over line followed by its own breakdown numbered 一、二、三 again', () => {
  test('the breakdown is its parts, never added a second time', () => {
    expect(loud(audit(workbook(fiscalSummary(50))).findings)).toEqual([]);
  });

  test('a breakdown that does not add up to its carry-over line is named', () => {
    const f = audit(workbook(fiscalSummary(40))).findings.filter((x) => x.severity === 'error');
    expect(f.map((x) => [x.rule, x.cell, x.expected])).toEqual([['summary-lines', 'B9', '40.00']]);
  });
});

describe('a coded table of final accounts printing the budget beside what was spent (年初预算数 | 全年预算数 | 决算数)', () => {
  const withBudget = (headers: string[]) =>
    sheet('公开05表', [
      ['一般公共预算财政拨款支出决算表'],
      ['部门：某某局', null, null, null, '单位：万元'],
      ['科目编码', '科目名称', ...headers],
      ['合计', null, 900, 950, 1000],
      ['208', '社会保障和就业支出', 600, 650, 700],
      ['210', '卫生健康支出', 300, 300, 300],
    ]);

  test.each([
    [['年初预算数', '全年预算数', '决算数']],
    [['年初预算数（万元）', '调整预算数', '支出决算数']],
  ])('its own total is the 决算 column, wherever it stands: %j', (headers) => {
    const [t] = detectTables(workbook(withBudget(headers)));
    expect(grandTotalColumn(t)?.col).toBe(5);
  });

  test('a table with no 决算 column keeps its first (a budget\'s 预算数 | 上年预算数 is the year\'s, not the measure\'s)', () => {
    const [t] = detectTables(workbook(withBudget(['预算数', '调整预算数', '执行数'])));
    expect(grandTotalColumn(t)?.col).toBe(3);
  });
});

test('a coded table printed as a fund\'s (年初结转和结余 | 本年收入 | 本年支出 > 基本支出 | 项目支出 | 小计 | 年末结转和结余) has 本年支出 as its own figure', () => {
  const s = sheet('公开05表', [
    ['一般公共预算财政拨款支出决算表'],
    ['部门：某某局', null, null, null, null, null, null, '单位：万元'],
    ['科目编码', '科目名称', '年初结转和结余', '本年收入', '本年支出', null, null, '年末结转和结余'],
    [null, null, null, null, '基本支出', '项目支出', '小计'],
    ['合计', null, 0, 1000, 800, 200, 1000, 0],
    ['208', '社会保障和就业支出', 0, 700, 600, 100, 700, 0],
    ['210', '卫生健康支出', 0, 300, 200, 100, 300, 0],
  ], { merges: ['A3:A4', 'B3:B4', 'C3:C4', 'D3:D4', 'E3:G3', 'H3:H4'] });
  const [t] = detectTables(workbook(s));
  expect(grandTotalColumn(t)?.col).toBe(7);
});

test('a budget\'s coded table printing last year\'s 决算数 beside its 预算数 keeps the 预算数 as its own (决算 columns are the own figures of final accounts only)', () => {
  const s = sheet('公开05表', [
    ['一般公共预算支出预算表'],
    ['部门：某某局', null, null, null, '单位：万元'],
    ['科目编码', '科目名称', '预算数', '决算数', '增减'],
    ['合计', null, 1000, 900, 100],
    ['208', '社会保障和就业支出', 700, 650, 50],
    ['210', '卫生健康支出', 300, 250, 50],
  ]);
  const [t] = detectTables(workbook(s));
  expect(grandTotalColumn(t)?.col).toBe(3);
});
