import { audit } from '../src/core/engine';
import { detectTables } from '../src/core/detect';
import type { Finding } from '../src/core/finding';
import { findingText } from '../src/core/messages/render';
import { codeBeforeName } from '../src/core/detect/codes';
import { sheet, workbook } from './support/sheetBuilder';
import { withCell } from './support/smallBudget';
import { beijing, byNature, finalAccounts, guangdong, sichuan, withUnits, zhejiang, ZJ_NARRATIVE } from './support/trialWorkbooks';

/**
 * Templates the project had not met (test/support/trialWorkbooks.ts), each consistent: read
 * right, they say nothing above info, and one figure changed is named at its cell.
 */
const loud = (fs: Finding[]) => fs.filter((f) => f.severity !== 'info').map((f) => `${f.rule} ${f.sheet}!${f.cell} ${findingText(f)['zh-CN']}`);
const errors = (fs: Finding[]) => fs.filter((f) => f.severity === 'error').map((f) => [f.rule, `${f.sheet}!${f.cell}`, f.expected]);

describe('A: a Guangdong-style budget in 元 (收支总表 with 年初结转结余, income by unit, 支出总表 with 上缴上级 columns)', () => {
  test('every table read with its kind, and nothing said', () => {
    const r = audit(guangdong());
    expect(r.tables.map((t) => t.kind)).toEqual([
      'income-expenditure-summary',
      'income',
      'expenditure',
      'fiscal-appropriation-summary',
      'general-budget-expenditure',
      'basic-expenditure',
      'three-public',
      'gov-fund-expenditure',
      'narrative',
    ]);
    expect(loud(r.findings)).toEqual([]);
  });

  test('a unit’s 其他收入 changed is named at its cell', () => {
    expect(errors(audit(withCell(guangdong(), '表2', 'I7', 310000)).findings)).toEqual([['row-sum', '表2!I7', '300000.00']]);
  });

  test('a 人员经费 figure changed is named at its cell', () => {
    expect(errors(audit(withCell(guangdong(), '表6', 'D11', 700100)).findings)).toEqual([['row-sum', '表6!D11', '800000.00']]);
  });
});

describe('B: a Zhejiang-style county budget in 万元 (codes in the name cell, “三公” as rows with 其中 continued)', () => {
  test('every table read with its kind, and nothing said', () => {
    const r = audit(zhejiang());
    expect(r.tables.map((t) => t.kind)).toEqual([
      'income-expenditure-summary',
      'income',
      'expenditure',
      'fiscal-appropriation-summary',
      'general-budget-expenditure',
      'basic-expenditure',
      'three-public',
      'gov-fund-expenditure',
      'narrative',
    ]);
    expect(loud(r.findings)).toEqual([]);
  });

  test('[201]一般公共服务支出: the code in the name cell is the row’s code, the rest its name', () => {
    const t = detectTables(zhejiang()).find((x) => x.sheet === '部门支出预算表')!;
    const row = (n: number) => t.rows.find((r) => r.row === n)!;
    expect([row(5).functionCode, row(5).label]).toEqual(['201', '一般公共服务支出']);
    expect([row(7).functionCode, row(7).label]).toEqual(['2010301', '行政运行']);
    expect(row(4).role).toBe('total');
  });

  test('a 项 changed in the table with codes in its name cells is named at its cell, once', () => {
    expect(errors(audit(withCell(zhejiang(), '部门支出预算表', 'B11', 210)).findings)).toEqual([['row-sum', '部门支出预算表!B11', '200.00']]);
  });

  test('the line indented under 其中：公务用车购置费 is a 其中 line too, never added to 合计', () => {
    const t = detectTables(zhejiang()).find((x) => x.kind === 'three-public')!;
    expect(t.rows.map((r) => r.role)).toEqual(['total', 'detail', 'detail', 'detail', 'of-which', 'of-which']);
    // One finding at the 其中 line, never one at 合计: more than its 公务用车购置及运行费 (of-which),
    // and more than last year's figure plus the change printed beside it (column-change).
    const found = audit(withCell(zhejiang(), '“三公”经费预算表', 'B9', 25)).findings.filter((f) => f.severity === 'error');
    expect(errors(found)).toEqual([['column-change', '“三公”经费预算表!B9', '20.00']]);
    // (of-which twice: more than the car line, and the car line no longer its 购置费 + 运行费.)
    expect(found[0].explains.map((e) => e.rule).sort()).toEqual(['column-change', 'of-which', 'of-which']);
  });

  test('a growth rate off by 0.1 point is named against the year before', () => {
    const lines = zhejiangNarrative();
    lines[8] = lines[8].replace('增长2.88%', '增长2.98%');
    expect(errors(audit(zhejiang(lines)).findings)).toEqual([['narrative-growth-rate', '情况说明!A9', '2.88']]);
  });
});

describe('D: a Sichuan-style budget in 元 with cents (split codes written part by part, 基本支出 in 人员经费 / 公用经费 blocks down the rows)', () => {
  // The disclosure leaves out two tables on purpose: missing-table says so, and nothing else.
  const quiet = (fs: Finding[]) => loud(fs).filter((f) => !f.startsWith('missing-table'));

  test('every table read with its kind, and nothing said', () => {
    const r = audit(sichuan());
    expect(r.tables.map((t) => t.kind)).toEqual(['income-expenditure-summary', 'income', 'expenditure', 'general-budget-expenditure', 'basic-expenditure', 'three-public', 'narrative']);
    expect(quiet(r.findings)).toEqual([]);
  });

  test('a 款 row writing only 06 and a 项 row only 01 take the 类 and 款 of the rows above', () => {
    const t = detectTables(sichuan()).find((x) => x.sheet === '表1-1')!;
    expect(t.rows.map((r) => r.functionCode ?? '')).toEqual(['', '201', '20106', '2010601', '2010699', '208', '20805', '2080505', '2080506', '210', '21011', '2101101', '221', '22102', '2210201']);
  });

  test('人员经费 and 公用经费 lines over their classes gather them, never added to 合计 a second time', () => {
    const t = detectTables(sichuan()).find((x) => x.sheet === '表4')!;
    expect(t.rows.filter((r) => r.role === 'subtotal').map((r) => r.label)).toEqual(['人员经费', '公用经费']);
    expect(errors(audit(withCell(sichuan(), '表4', 'C5', 4532209.87)).findings)).toEqual([['column-total', '表4!C5', '4532109.87']]);
  });

  test('a 项 changed in a split-code table is named at its cell', () => {
    expect(errors(audit(withCell(sichuan(), '表1-1', 'G8', 3255666.65)).findings)).toEqual([['row-sum', '表1-1!G8', '3255566.65']]);
    expect(errors(audit(withCell(sichuan(), '表1-2', 'F8', 3623457.78)).findings)).toEqual([['row-sum', '表1-2!F8', '3623456.78']]);
  });
});

describe('E: a Beijing-style budget pasted as text (一、本年收入 over （一）…（四）, with 1. 2. under （一）)', () => {
  test('every table read with its kind, and nothing said', () => {
    const r = audit(beijing());
    expect(r.tables.map((t) => t.kind)).toEqual(['income-expenditure-summary', 'expenditure', 'general-budget-expenditure', 'gov-fund-expenditure', 'project-expenditure', 'narrative']);
    expect(loud(r.findings)).toEqual([]);
  });

  test('一、本年收入 is （一）+（二）+（三）+（四）: the 1. 2. lines under （一） are its breakdown, not the end of the list', () => {
    // (The line changed is named: the prose states its figure as the sum needs it — narrativeWitness.test.ts.)
    const f = audit(withCell(beijing(), '收支总表', 'B9', '310.00')).findings.filter((x) => x.severity === 'error' && x.sheet === '收支总表');
    expect(f.map((x) => [x.rule, x.cell, x.expected])).toEqual([['summary-lines', 'B9', '300.00']]);
  });

  test('a figure pasted as text, changed, is named at its cell', () => {
    expect(errors(audit(withCell(beijing(), '支出总表', 'D7', '1,010.00')).findings)).toEqual([['row-sum', '支出总表!D7', '1000.00']]);
  });
});

describe('F: units as rows with no codes, the department’s line over its units indented under it', () => {
  const quiet = (fs: Finding[]) => fs.filter((f) => f.rule !== 'missing-table').map((f) => `${f.severity} ${f.rule} ${f.sheet}!${f.cell}`);

  test('某某局 heads 本级 and 中心 (their subtotal): consistent, nothing is said, not even a doubt about the layout', () => {
    const t = detectTables(withUnits()).find((x) => x.kind === 'income')!;
    expect(t.rows.map((r) => r.role)).toEqual(['total', 'subtotal', 'detail', 'detail']);
    expect(quiet(audit(withUnits(), { includeInfo: true }).findings)).toEqual([]);
  });

  test('a unit’s figure changed is named at its cell; the department line changed, at its own', () => {
    expect(errors(audit(withCell(withUnits(), '部门收入总表', 'C6', 590)).findings)).toEqual([['row-sum', '部门收入总表!C6', '580.00']]);
    expect(errors(audit(withCell(withUnits(), '部门收入总表', 'B5', 1010)).findings)).toEqual([['row-sum', '部门收入总表!B5', '1000.00']]);
  });

  test('a unit line flush left with nothing under it leaves the reading as it was', () => {
    const wb = withCell(withUnits(), '部门收入总表', 'A7', '某某局信息中心');
    const t = detectTables(wb).find((x) => x.kind === 'income')!;
    expect(t.rows.map((r) => r.role)).toEqual(['total', 'detail', 'detail', 'detail']);
  });

  test('one-decimal rates and shares of the narrative are read right', () => {
    const lines = withUnits().sheets[3].values.map((r) => String(r[0]));
    lines[4] = lines[4].replace('占15.3%', '占16.3%');
    expect(errors(audit(withUnits(lines)).findings)).toEqual([['narrative-percent', '公开说明!A5', '15.31']]);
  });
});

describe('G: a final accounts whose 收入支出决算总表 lists the expenditure by nature (基本支出, 项目支出 …)', () => {
  const quiet = (fs: Finding[]) => loud(fs).filter((f) => !f.startsWith('missing-table'));

  test('read, consistent, it says nothing', () => {
    const r = audit(byNature());
    expect(r.tables.map((t) => t.kind)).toEqual(['income-expenditure-summary', 'expenditure', 'narrative']);
    expect(quiet(r.findings)).toEqual([]);
  });

  test('a nature line changed is named at its cell against the 支出决算表 column of its name, not at the right 本年支出合计', () => {
    expect(errors(audit(withCell(byNature(), '收入支出决算总表', 'D5', 260)).findings)).toEqual([['cross-summary-function', '收入支出决算总表!D5', '250.00']]);
    expect(errors(audit(withCell(byNature(), '收入支出决算总表', 'D6', 110)).findings)).toEqual([['cross-summary-function', '收入支出决算总表!D6', '100.00']]);
  });
});

describe('C: a 项 alone under its 款 (政府性基金 年末结转和结余)', () => {
  test('the 项 changed is named, not the 款 its 类 confirms', () => {
    // Its row's balance (年初 + 收入 − 支出) points at it too.
    const f = audit(withCell(finalAccounts(), '公开07表', 'H9', 20)).findings.filter((x) => x.severity === 'error');
    expect(f.map((x) => [x.rule, x.cell, x.actual, x.expected])).toEqual([['column-balance', 'H9', '20.00', '10.00']]);
    expect(f[0].explains.map((e) => e.rule).sort()).toEqual(['code-hierarchy', 'column-balance']);
    // In a column no row check reaches (the balance rule off), the code hierarchy alone names it.
    const alone = audit(withCell(finalAccounts(), '公开07表', 'H9', 20), { disabledRules: ['column-balance'] }).findings.filter((x) => x.severity === 'error');
    expect(alone.map((x) => [x.rule, x.cell, x.actual, x.expected])).toEqual([['code-hierarchy', 'H9', '20.00', '10.00']]);
  });

  test('the 款 changed is named as before (two sums point at it)', () => {
    const f = audit(withCell(finalAccounts(), '公开07表', 'H8', 20)).findings.filter((x) => x.severity === 'error');
    expect(f.map((x) => [x.cell, x.expected])).toEqual([['H8', '10.00']]);
  });
});

function zhejiangNarrative(): string[] {
  return [...ZJ_NARRATIVE];
}

describe('a code written before its name, and what is none', () => {
  test.each([
    ['[201]一般公共服务支出', { code: '201', name: '一般公共服务支出', kind: 'function' }],
    ['2010301行政运行', { code: '2010301', name: '行政运行', kind: 'function' }],
    ['【30101】基本工资', { code: '30101', name: '基本工资', kind: 'econ' }],
    ['50101工资奖金津补贴', { code: '50101', name: '工资奖金津补贴', kind: 'gov-econ' }],
    ['300万元以上项目', undefined],
    ['2025年预算数', undefined],
    ['101001某某局机关', undefined],
    ['2010301', undefined],
  ])('%s', (label, want) => {
    expect(codeBeforeName(label)).toEqual(want);
  });

  test('an economic-range number before a unit’s name (309医疗保障局) is no subject code', () => {
    const s = sheet(
      '收入总表',
      [
        ['2025年部门收入总表'],
        [null, null, '单位：万元'],
        ['单位名称', '合计', '一般公共预算'],
        ['合计', 100, 100],
        ['309医疗保障局', 100, 100],
      ],
      { merges: ['A1:C1'] },
    );
    const [t] = detectTables(workbook(s));
    expect(t.rows.find((r) => r.row === 5)?.econCode).toBeUndefined();
  });
});
