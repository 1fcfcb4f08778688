import { audit } from '../src/core/engine';
import { detectTables } from '../src/core/detect';
import type { Finding } from '../src/core/finding';
import { findingText } from '../src/core/messages/render';
import { withCell } from './support/smallBudget';
import { guangdong, zhejiang, ZJ_NARRATIVE } from './support/trialWorkbooks';

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
    expect(errors(audit(withCell(zhejiang(), '“三公”经费预算表', 'B9', 25)).findings)).toEqual([['of-which', '“三公”经费预算表!B9', '20.00']]);
  });

  test('a growth rate off by 0.1 point is named against the year before', () => {
    const lines = zhejiangNarrative();
    lines[8] = lines[8].replace('增长2.88%', '增长2.98%');
    expect(errors(audit(zhejiang(lines)).findings)).toEqual([['narrative-growth-rate', '情况说明!A9', '2.88']]);
  });
});

function zhejiangNarrative(): string[] {
  return [...ZJ_NARRATIVE];
}
