import { audit } from '../src/core/engine';
import type { Finding } from '../src/core/finding';
import { findingText } from '../src/core/messages/render';
import { withCell } from './support/smallBudget';
import { sheet, workbook } from './support/sheetBuilder';
import { beijing, FA_NARRATIVE, finalAccounts, guangdong, guangdongVariants, GD_NARRATIVE_VARIANTS, withUnits, zhejiang, ZJ_NARRATIVE } from './support/trialWorkbooks';

/**
 * The 情况说明 of templates the project had not met (test/support/trialWorkbooks.ts), read
 * against their tables: right, it says nothing; one figure typed wrong is named once.
 */
const about = (fs: Finding[]) => fs.filter((f) => f.sheet === '情况说明' && f.severity !== 'info').map((f) => `${f.rule} ${f.cell} ${f.actual}→${f.expected} ${findingText(f)['zh-CN']}`);
const edited = (n: number, from: string, to: string) => FA_NARRATIVE.map((l, i) => (i === n - 1 ? l.replace(from, to) : l));

describe('C: a county final accounts (财政拨款收入 of two funds, “三公” 预算数 | 决算数)', () => {
  test('the right narrative says nothing', () => {
    expect(about(audit(finalAccounts()).findings)).toEqual([]);
  });

  test('财政拨款收入 is all the appropriations (公开02表 财政拨款收入), never the 一般公共预算 line alone', () => {
    // 450.00 一般公共预算 + 50.00 政府性基金: the prose's 500.00 and its share 89.29% are right.
    const r = audit(finalAccounts(edited(5, '财政拨款收入500.00万元', '财政拨款收入600.00万元')));
    expect(about(r.findings).filter((f) => f.startsWith('narrative-vs-table'))).toEqual([expect.stringContaining('narrative-vs-table A5 600.00→500.00')]);
  });

  test('the “三公” total of a final accounts is its 决算数 block’s, never the 预算数 beside it', () => {
    for (const typed of ['9.00', '10.00']) {
      const f = about(audit(finalAccounts(edited(9, '决算为8.00万元', `决算为${typed}万元`))).findings);
      expect(f).toEqual([expect.stringContaining(`narrative-vs-table A9 ${typed}→8.00`)]);
      expect(f[0]).toContain('决算数合计 8.00');
    }
  });
});

describe('one figure wrong in a table is one finding: the right prose is not called wrong against it', () => {
  const errors = (fs: Finding[]) => fs.filter((f) => f.severity !== 'info' && f.rule !== 'missing-table').map((f) => [f.rule, `${f.sheet}!${f.cell}`, f.expected]);

  test('a source line of the 收支总表 off by 10 (the prose’s amount and share stay right): named at its cell, the prose its witness', () => {
    expect(errors(audit(withCell(beijing(), '收支总表', 'B11', 55.67)).findings)).toEqual([['summary-lines', '收支总表!B11', '45.67']]);
  });

  test('the “三公” total off by 0.40 (the prose’s total and its rate on the year before stay right)', () => {
    expect(errors(audit(withCell(withUnits(), '三公经费表', 'A6', 13)).findings)).toEqual([['row-sum', '三公经费表!A6', '12.60']]);
  });

  test('事业收入 of the 收支总表 off by 100,000 元 (named against the income table; the prose’s 100.00万元 and 占10.00% stay right)', () => {
    expect(errors(audit(withCell(guangdong(), '表1', 'B9', 1100000)).findings)).toEqual([['cross-income-sources', '表1!B9', '1000000.00']]);
  });

  test('the prose wrong about a figure the tables agree on is still named', () => {
    const lines = withUnits().sheets[3].values.map((r) => String(r[0]));
    lines[6] = lines[6].replace('预算12.60万元', '预算12.80万元');
    expect(errors(audit(withUnits(lines)).findings)).toContainEqual(['narrative-vs-table', '公开说明!A7', '12.60']);
  });
});

describe('A: other turns of phrase (降幅, 增幅, 同比增长, 个百分点, 元 in the prose, counts of cars, ≥95%)', () => {
  const loudHere = (fs: Finding[]) => fs.filter((f) => f.severity !== 'info').map((f) => `${f.rule} ${f.cell} ${f.actual}→${f.expected}`);
  const line = (n: number, from: string, to: string) => guangdong(GD_NARRATIVE_VARIANTS.map((l, i) => (i === n - 1 ? l.replace(from, to) : l)));

  test('right, they say nothing', () => {
    expect(loudHere(audit(guangdongVariants()).findings)).toEqual([]);
  });

  test('one slip each is named once', () => {
    expect(loudHere(audit(line(22, '人员经费640.00', '人员经费650.00')).findings)).toEqual(['narrative-vs-table A22 650.00→640.00']);
    expect(loudHere(audit(line(17, '降幅7.69%', '降幅8.69%')).findings)).toEqual(['narrative-growth-rate A17 8.69→7.69']);
    expect(loudHere(audit(line(23, '增幅5.26%', '增幅5.36%')).findings)).toEqual(['narrative-growth-rate A23 5.36→5.26']);
    expect(loudHere(audit(line(24, '50000元', '60000元')).findings)).toEqual(['narrative-vs-table A24 60000→50000']);
  });
});

describe('a “三公” table with its items as rows: the prose’s items are read against those rows', () => {
  const at = (fs: Finding[]) => fs.filter((f) => f.severity !== 'info' && f.rule !== 'missing-table').map((f) => [f.rule, f.cell, f.actual, f.expected]);

  test('B: 公务接待费 typed 12.00 for the 10.00 of its row (2025年预算数, never 2024年预算数)', () => {
    expect(at(audit(zhejiang()).findings)).toEqual([]);
    const lines = ZJ_NARRATIVE.map((l, i) => (i === 14 ? l.replace('公务接待费10.00万元', '公务接待费12.00万元') : l));
    expect(at(audit(zhejiang(lines)).findings)).toEqual([['narrative-vs-table', 'A15', '12.00', '10.00']]);
  });

  test('a final accounts’ rows with 预算数 | 决算数 columns: its 决算 prose is read against 决算数', () => {
    const table = sheet(
      '三公经费决算表',
      [
        ['2023年度“三公”经费财政拨款支出决算表'],
        ['部门：某某局', null, '单位：万元'],
        ['项目', '预算数', '决算数'],
        ['合计', 10, 8],
        ['1.因公出国（境）费', 0, 0],
        ['2.公务接待费', 4, 3],
        ['3.公务用车购置及运行费', 6, 5],
      ],
      { merges: ['A1:C1'] },
    );
    const prose = (v: string) => sheet('情况说明', [['2023年度部门决算情况说明'], [`2023年度“三公”经费财政拨款支出决算8.00万元，其中：公务接待费${v}万元，公务用车购置及运行费5.00万元。`]]);
    expect(at(audit(workbook(table, prose('3.00'))).findings)).toEqual([]);
    // The items as printed no longer add up to the total, but the table's 3.00 closes it: the item is
    // the slip, told once; the right total 8.00 is not blamed.
    expect(at(audit(workbook(table, prose('4.00'))).findings)).toEqual([['narrative-vs-table', 'A2', '4.00', '3.00']]);
  });
});
