import { audit } from '../src/core/engine';
import { detectTables } from '../src/core/detect';
import type { Finding } from '../src/core/finding';
import { findingText } from '../src/core/messages/render';
import { sheet, workbook } from './support/sheetBuilder';

/**
 * The national final-accounts template (公开01–09), on small workbooks of our own: the basic
 * expenditure table as two side-by-side blocks with their own split 类 | 款 code columns, and the
 * fiscal summary whose 年初财政拨款结转和结余 is followed by its own breakdown numbered 一、二、三 again.
 */
const loud = (fs: Finding[]) => fs.filter((f) => f.severity !== 'info').map((f) => `${f.rule} ${f.sheet}!${f.cell} ${findingText(f)['zh-CN']}`);

function basicTable(wageCell: number, officeCell = 30) {
  return sheet(
    '公开06表',
    [
      ['一般公共预算财政拨款基本支出决算表'],
      ['部门：某某局', null, null, null, '2023年度', null, null, '单位：万元'],
      ['人员经费', null, null, null, '公用经费'],
      ['科目编码', null, '科目名称', '决算数', '科目编码', null, '科目名称', '决算数'],
      ['类', '款', null, null, '类', '款'],
      ['301', null, '工资福利支出', 500, '302', null, '商品和服务支出', 80],
      ['301', '01', '基本工资', wageCell, '302', '01', '办公费', officeCell],
      ['301', '02', '津贴补贴', 300, '302', '11', '差旅费', 50],
      ['303', null, '对个人和家庭的补助', 20, '310', null, '资本性支出', 10],
      ['303', '02', '退休费', 20, '310', '02', '办公设备购置', 10],
      ['人员经费合计', null, null, 520, '公用经费合计', null, null, 90],
    ],
    { merges: ['A1:H1', 'A3:D3', 'E3:H3', 'A4:B4', 'C4:C5', 'D4:D5', 'E4:F4', 'G4:G5', 'H4:H5', 'A11:C11', 'E11:G11'] },
  );
}

const generalBudget = sheet(
  '公开05表',
  [
    ['一般公共预算财政拨款支出决算表'],
    ['部门：某某局', null, null, '2023年度', '单位：万元'],
    ['科目编码', '科目名称', '本年支出'],
    [null, null, '合计', '基本支出', '项目支出'],
    [null, '合计', 700, 610, 90],
    ['201', '一般公共服务支出', 700, 610, 90],
    ['20101', '人大事务', 700, 610, 90],
    ['2010101', '行政运行', 610, 610],
    ['2010102', '一般行政管理事务', 90, null, 90],
  ],
  { merges: ['A1:E1', 'A3:A4', 'B3:B4', 'C3:E3'] },
);

describe('basic expenditure as 人员经费 | 公用经费 blocks, each with split 类 | 款 columns', () => {
  test('each block is a group with its own codes; its amounts are named by its own lines', () => {
    const [t] = detectTables(workbook(basicTable(200)));
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
    expect(loud(audit(workbook(generalBudget, basicTable(200))).findings)).toEqual([]);
  });

  test('a 款 changed in one block is reported in that block, named by its own lines, never by the other block’s', () => {
    // 人员经费合计 still agrees with 301 + 303, so the 款 of 301 disagree with their 类: reported at the 类.
    const wages = audit(workbook(generalBudget, basicTable(210))).findings.filter((f) => f.severity === 'error');
    expect(wages.map((f) => [f.rule, f.cell, f.actual, f.expected])).toEqual([['code-hierarchy', 'D6', '500.00', '510.00']]);
    expect(findingText(wages[0])['zh-CN']).toContain('工资福利支出');
    expect(findingText(wages[0])['zh-CN']).not.toMatch(/商品和服务|办公费/);
    const office = audit(workbook(generalBudget, basicTable(200, 35))).findings.filter((f) => f.severity === 'error');
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
