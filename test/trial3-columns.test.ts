import { audit } from '../src/core/engine';
import { detectTables } from '../src/core/detect';
import type { Finding } from '../src/core/finding';
import { findingText } from '../src/core/messages/render';
import { grandTotalColumn } from '../src/core/rules/toolkit/headerTree';
import type { GridSheet, WorkbookSnapshot } from '../src/core/snapshot';
import { said } from './support/checklist';
import { sheet, workbook, type CellInput } from './support/sheetBuilder';
import { withCell } from './support/smallBudget';

/**
 * A 2025 budget whose tables print the year before's column first:
 *
 *   科目编码 | 科目名称 | 2024年预算数 | 2025年预算数 (合计, 基本支出, 项目支出) | 本年比上年 (增减额, 增减%)
 *   项目 | 2024年预算数 | 2025年预算数 | 增减额 | 增减率            (“三公”, items as rows)
 *
 * The year's figures are the 2025 columns (or 本年预算数 against 上年预算数); the 2024 column is the year
 * before's, still added up on its own, and 增减额 = 2025 − 2024 on every row.
 *
 *   2025: 300 = 基本 250 + 项目 50; 208 200 (基本), 210 100 (基本 50 + 项目 50)
 *   2024: 280;                      208 190,        210 90
 *   “三公” 2025: 10 = 车 7 (运行 7) + 接待 3; 2024: 12 = 车 8 + 接待 4
 */
type Headings = { before: string; now: string };
const DATED: Headings = { before: '2024年预算数', now: '2025年预算数' };
const WORDS: Headings = { before: '上年预算数', now: '本年预算数' };

const fiscalSummary = (): GridSheet =>
  sheet(
    '表4',
    [
      ['2025年某某局财政拨款收支总表'],
      ['单位名称：某某局', null, null, null, null, null, '单位：万元'],
      ['收入', null, '支出'],
      ['项目', '预算数', '项目', '合计', '一般公共预算', '政府性基金预算', '国有资本经营预算'],
      ['一、本年收入', 300, '一、本年支出', 300, 300, null, null],
      ['（一）一般公共预算拨款', 300, '（一）社会保障和就业支出', 200, 200, null, null],
      ['（二）政府性基金预算拨款', null, '（二）卫生健康支出', 100, 100, null, null],
      ['（三）国有资本经营预算拨款', null, null, null, null, null, null],
      ['二、上年结转', null, '二、年终结转结余', null, null, null, null],
      ['收入总计', 300, '支出总计', 300, 300, null, null],
    ],
    { merges: ['A1:G1', 'A3:B3', 'C3:G3'] },
  );

const generalBudget = (h: Headings = DATED): GridSheet =>
  sheet(
    '表5',
    [
      ['2025年某某局一般公共预算支出表'],
      ['单位名称：某某局', null, null, null, null, null, null, '单位：万元'],
      ['科目编码', '科目名称', h.before, h.now, null, null, '本年比上年', null],
      [null, null, null, '合计', '基本支出', '项目支出', '增减额', '增减%'],
      [null, '合计', 280, 300, 250, 50, 20, '7.14%'],
      ['208', '社会保障和就业支出', 190, 200, 200, null, 10, '5.26%'],
      ['20805', '行政事业单位养老支出', 190, 200, 200, null, 10, '5.26%'],
      ['2080505', '机关事业单位基本养老保险缴费支出', 190, 200, 200, null, 10, '5.26%'],
      ['210', '卫生健康支出', 90, 100, 50, 50, 10, '11.11%'],
      ['21011', '行政事业单位医疗', 40, 50, 50, null, 10, '25.00%'],
      ['2101101', '行政单位医疗', 40, 50, 50, null, 10, '25.00%'],
      ['21004', '公共卫生', 50, 50, null, 50, 0, '0.00%'],
      ['2100410', '突发公共卫生事件应急处理', 50, 50, null, 50, 0, '0.00%'],
    ],
    { merges: ['A1:H1', 'A3:A4', 'B3:B4', 'C3:C4', 'D3:F3', 'G3:H3'] },
  );

const threePublic = (h: Headings = DATED): GridSheet =>
  sheet(
    '表7',
    [
      ['2025年某某局一般公共预算“三公”经费支出表'],
      ['单位名称：某某局', null, null, null, '单位：万元'],
      ['项目', h.before, h.now, '增减额', '增减率'],
      ['合计', 12, 10, -2, '-16.67%'],
      ['1.因公出国（境）费', 0, 0, 0, null],
      ['2.公务用车购置及运行费', 8, 7, -1, '-12.50%'],
      ['其中：（1）公务用车购置费', 0, 0, 0, null],
      ['其中：（2）公务用车运行费', 8, 7, -1, '-12.50%'],
      ['3.公务接待费', 4, 3, -1, '-25.00%'],
    ],
    { merges: ['A1:E1'] },
  );

const NARRATIVE = [
  '某某局2025年部门预算情况说明',
  '一、一般公共预算支出情况',
  '2025年一般公共预算支出300.00万元，比2024年预算增加20.00万元，增长7.14%。其中：基本支出250.00万元，占83.33%；项目支出50.00万元，占16.67%。',
  '按支出功能分类科目划分：社会保障和就业支出200.00万元，占66.67%；卫生健康支出100.00万元，占33.33%。',
  '二、“三公”经费预算情况',
  '2025年“三公”经费预算数为10.00万元，比2024年减少2.00万元，下降16.67%。其中：因公出国（境）费0万元；公务用车购置及运行费7.00万元，比上年减少1.00万元；公务接待费3.00万元，比上年减少1.00万元。',
];

function budget(h: Headings = DATED, narrative: string[] = NARRATIVE): WorkbookSnapshot<GridSheet> {
  return workbook(
    fiscalSummary(),
    generalBudget(h),
    threePublic(h),
    sheet(
      '情况说明',
      narrative.map((l) => [l]),
    ),
  );
}

const loud = (wb: WorkbookSnapshot): Finding[] => audit(wb).findings.filter((f) => f.severity !== 'info');
const lines = (wb: WorkbookSnapshot) => loud(wb).map(said);
const withLine = (i: number, from: string, to: string, h: Headings = DATED): WorkbookSnapshot<GridSheet> => {
  const text = [...NARRATIVE];
  expect(text[i]).toContain(from);
  text[i] = text[i].replace(from, to);
  return budget(h, text);
};

describe('a budget printing the year before’s column first (2024年预算数 | 2025年预算数 …)', () => {
  test.each([
    ['2024年预算数 | 2025年预算数', DATED],
    ['上年预算数 | 本年预算数', WORDS],
  ])('consistent (%s): every table read, nothing said above info', (_name, h) => {
    const r = audit(budget(h));
    expect(r.tables.map((t) => t.kind)).toEqual(['fiscal-appropriation-summary', 'general-budget-expenditure', 'three-public', 'narrative']);
    expect(r.findings.filter((f) => f.severity !== 'info').map((f) => `${f.rule} ${f.sheet}!${f.cell} ${findingText(f)['zh-CN']}`)).toEqual([]);
  });

  test('the table’s figure is the 2025 合计, not the first amount column', () => {
    for (const h of [DATED, WORDS]) {
      const tables = detectTables(budget(h));
      const general = tables.find((t) => t.kind === 'general-budget-expenditure')!;
      const three = tables.find((t) => t.kind === 'three-public')!;
      // Columns are counted from 1: D (2025年预算数 > 合计) and C (2025年预算数).
      expect(grandTotalColumn(general)?.col).toBe(4);
      expect(grandTotalColumn(three)?.col).toBe(3);
    }
  });

  test('the financial summary’s 卫生健康支出 changed to the 2024 figure (90.00): named at its cell against the 2025 column', () => {
    const found = loud(withCell(withCell(budget(), '表4', 'E7', 90), '表4', 'D7', 90));
    expect(found.map(said)).toContainEqual(['cross-fiscal-function', 'error', '表4!E7', '90.00', '100.00']);
    expect(found.map((f) => findingText(f)['zh-CN']).join('\n')).not.toMatch(/2024年预算数/);
  });

  test('a 2025 figure of the 支出表 changed (社会保障和就业支出 210.00) is named at its cell', () => {
    const found = lines(withCell(budget(), '表5', 'D6', 210));
    expect(found).toEqual([['row-sum', 'error', '表5!D6', '210.00', '200.00']]);
  });

  test('a slip in the year before’s column is still told at its cell (its column’s total and 增减额 both dispute it)', () => {
    const found = loud(withCell(budget(), '表5', 'C6', 191));
    expect(found.map((f) => [f.severity, f.sheet, f.cell, f.actual, f.expected])).toEqual([['error', '表5', 'C6', '191.00', '190.00']]);
    expect(new Set(found[0].explains.map((e) => e.rule))).toEqual(new Set(['code-hierarchy', 'column-total', 'column-change']));
  });

  test('增减额 = 2025 合计 − 2024 on every row, where the years head their groups', () => {
    // 21011's 增减额 11.00: its 款 line (210 = 21011 + 21004) and 2025 − 2024 both say 10.00.
    const found = loud(withCell(budget(), '表5', 'G9', 11));
    expect(found.map((f) => [f.sheet, f.cell, f.actual, f.expected])).toEqual([['表5', 'G9', '11.00', '10.00']]);
    expect(found[0].explains.map((e) => e.rule)).toContain('column-change');
  });

  test('the narrative naming the 2024 figures as this year’s is wrong: amounts', () => {
    expect(lines(withLine(3, '社会保障和就业支出200.00万元', '社会保障和就业支出190.00万元'))).toContainEqual(['narrative-vs-table', 'error', '情况说明!A4', '190.00', '200.00']);
    expect(lines(withLine(5, '预算数为10.00万元', '预算数为12.00万元'))).toContainEqual(['narrative-vs-table', 'error', '情况说明!A6', '12.00', '10.00']);
    expect(lines(withLine(2, '一般公共预算支出300.00万元', '一般公共预算支出280.00万元', WORDS))).toContainEqual([
      'narrative-vs-table',
      'error',
      '情况说明!A3',
      '280.00',
      '300.00',
    ]);
  });

  test('shares and growth rates are of the 2025 figures', () => {
    // 占 66.67% of 300 (not of 280); a rate worked on 2024 as this year's would be 7.69%.
    const share = lines(withLine(3, '占66.67%', '占67.86%'));
    expect(share.map((l) => l[0])).toEqual(['narrative-percent']);
    expect(share[0][4]).toBe('66.67');
    const rate = lines(withLine(2, '增长7.14%', '增长7.69%'));
    expect(rate.map((l) => l[0])).toEqual(['narrative-growth-rate']);
    expect(rate[0][4]).toBe('7.14');
  });

  test('上年结转 is this year’s money brought forward, never the year before’s column', () => {
    const tables = detectTables(
      workbook(
        sheet(
          '收入表',
          [
            ['2025年某某局收入预算表'],
            ['单位：万元'],
            ['单位编码', '单位名称', '总计', '上年结转', '本年收入'],
            [null, '合计', 110, 10, 100],
            ['101001', '某某局机关', 110, 10, 100],
          ],
          { merges: ['A1:E1'] },
        ),
      ),
    );
    expect(grandTotalColumn(tables[0])?.col).toBe(3);
  });

  test('no year to tell them by (预算数 | 预算数, or dated columns under a title without a year): the first column, as before', () => {
    const rows = (a: CellInput, b: CellInput): CellInput[][] => [
      ['某某局一般公共预算支出表'],
      ['单位：万元'],
      ['科目编码', '科目名称', a, b],
      [null, '合计', 280, 300],
      ['208', '社会保障和就业支出', 280, 300],
    ];
    for (const [a, b] of [
      ['预算数', '预算数'],
      ['2024年预算数', '2025年预算数'],
    ]) {
      const [t] = detectTables(workbook(sheet('表5', rows(a, b), { merges: ['A1:D1'] })));
      expect(grandTotalColumn(t)?.col).toBe(3);
    }
  });
});
