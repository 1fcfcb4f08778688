import { audit } from '../src/core/engine';
import { detectTables } from '../src/core/detect';
import type { Finding } from '../src/core/finding';
import { findingText } from '../src/core/messages/render';
import type { GridSheet, WorkbookSnapshot } from '../src/core/snapshot';
import { sheet, workbook, type CellInput } from './support/sheetBuilder';
import { countyByUnits } from './support/countyByUnits';

/**
 * The layouts other provinces' templates use, each on a small workbook of our own (the real
 * Jiangsu and Shanghai disclosures in ../shared are checked by the scorer): read right, a
 * consistent table says nothing, and a changed figure is named where it is.
 */
const loud = (fs: Finding[]) => fs.filter((f) => f.severity !== 'info').map((f) => `${f.rule} ${f.sheet}!${f.cell} ${findingText(f)['zh-CN']}`);

function withCell(wb: WorkbookSnapshot<GridSheet>, name: string, a1: string, v: CellInput): WorkbookSnapshot<GridSheet> {
  const copy = structuredClone(wb);
  const s = copy.sheets.find((x) => x.name === name) as GridSheet;
  const col = a1.charCodeAt(0) - 64;
  const row = Number(a1.slice(1));
  while (s.values.length < row) {
    s.values.push([]);
    s.text.push([]);
    s.numberFormats.push([]);
  }
  s.values[row - 1][col - 1] = v ?? null;
  s.text[row - 1][col - 1] = v === undefined || v === null ? '' : typeof v === 'number' ? v.toFixed(2) : String(v);
  s.numberFormats[row - 1][col - 1] = typeof v === 'number' ? '0.00' : 'General';
  return copy;
}

/** 收支预算总表 in three blocks: 收入 | 功能分类 | 支出用途, totals merged across the expenditure blocks. */
const threeBlocks = sheet(
  '收支预算总表',
  [
    ['一、2019年度某某局收支预算总表'],
    [null, null, null, null, null, '单位：万元'],
    ['收入', null, '支出'],
    ['项目名称', '金额', '功能分类', null, '支出用途'],
    [null, null, '功能科目名称', '金额', '项目名称', '金额'],
    ['一、财政拨款', 1000, '一、一般公共服务支出', 800, '一、基本支出', 700],
    ['1.一般公共预算', 1000, '二、外交支出', null, '二、项目支出', 400],
    ['2.政府性基金预算', null, '三、社会保障和就业支出', 300, '三、单位预留机动经费', 100],
    ['二、财政专户管理资金', null, '四、住房保障支出', 100],
    ['三、其他资金', 200, '五、其他支出'],
    ['当年收入小计', 1200, '当年支出小计', null, null, 1200],
    ['上年结转资金', 50, '结转下年资金', null, null, 50],
    ['收入合计', 1250, '支出合计', null, null, 1250],
  ],
  { merges: ['A1:F1', 'A3:B3', 'C3:F3', 'A4:A5', 'B4:B5', 'C4:D4', 'E4:F4', 'C11:E11', 'C12:E12', 'C13:E13'] },
);

describe('a summary in three blocks (收入 | 功能分类 | 支出用途)', () => {
  test('is one table down to its 收入合计/支出合计 line', () => {
    const [t] = detectTables(workbook(threeBlocks));
    expect(t).toMatchObject({ kind: 'income-expenditure-summary', headerRows: [3, 5], bodyRows: [6, 13], unit: '万元' });
    // Two blocks on the expenditure side, each with its own name and amount columns.
    expect(t.columns.filter((c) => c.side === 'expenditure').map((c) => [c.col, c.role, c.block])).toEqual([
      [3, 'label', 0],
      [4, 'amount', 0],
      [5, 'label', 1],
      [6, 'amount', 1],
    ]);
  });

  test('consistent, it says nothing: 当年支出小计 = the function lines = the use lines; 支出合计 = 当年支出小计 + 结转下年资金', () => {
    expect(loud(audit(workbook(threeBlocks)).findings)).toEqual([]);
  });

  test('a function line changed is reported against 当年支出小计 (F11), which the use lines confirm', () => {
    const findings = audit(workbook(withCell(workbook(threeBlocks), '收支预算总表', 'D8', 310).sheets[0])).findings.filter((f) => f.severity === 'error');
    expect(findings.map((f) => [f.rule, f.cell, f.expected])).toEqual([['summary-lines', 'F11', '1210.00']]);
  });
});

describe('the same summary converted from a PDF: the totals over both expenditure blocks lost their merges', () => {
  // 当年支出小计 / 支出合计 sit in the 功能分类 name cell, their figure in the 支出用途 金额 column, the cells between empty.
  const unmerged = sheet('收支预算总表', threeBlocks.values as CellInput[][], { merges: ['A1:F1', 'A3:B3', 'C3:F3', 'A4:A5', 'B4:B5', 'C4:D4', 'E4:F4'] });

  test('consistent, it says nothing: each total is read with the figure at the end of its line', () => {
    expect(loud(audit(workbook(unmerged)).findings)).toEqual([]);
  });

  test('收入合计 not balancing 支出合计 is told at the pair, against the 支出合计 printed', () => {
    const findings = audit(workbook(withCell(workbook(unmerged), '收支预算总表', 'F13', 1260).sheets[0])).findings.filter((f) => f.severity === 'error');
    expect(findings.map((f) => [f.rule, f.cell])).toEqual([['summary-lines', 'F13']]);
  });
});

/** 收入预算总表: categories merged down their rows, a 小计 per category, a 其中 row never added. */
const incomeByCategory = sheet(
  '收入预算总表',
  [
    ['二、2019年度某某局收入预算总表'],
    [null, null, '单位：万元'],
    ['项目名称', null, '金额'],
    ['收入总计', null, 1250],
    ['一般公共预算资金', '小计', 1000],
    [null, '公共财政拨款(补助)资金', 950],
    [null, '专项收入', 50],
    ['政府性基金', '小计'],
    ['其他资金', '小计', 200],
    [null, '事业收入', 120],
    [null, '其他收入', 80],
    ['上年结转和结余资金', '小计', 50],
    [null, '其中：动用上年结转和结余资金', 30],
  ],
  { merges: ['A1:C1', 'A3:B3', 'A4:B4', 'A5:A7', 'A9:A11', 'A12:A13'] },
);

test('an item beside an empty sibling under its 小计 and the 收入总计 is the slip, named at its cell (the empty one is no rival: its correction would write a figure where none was typed)', () => {
  const rows = incomeByCategory.values.map((r) => [...r]);
  rows[6][2] = null;
  rows[4][2] = 950;
  rows[3][2] = 1200;
  const table = sheet('收入预算总表', rows, { merges: ['A1:C1', 'A3:B3', 'A4:B4', 'A5:A7', 'A9:A11', 'A12:A13'] });
  expect(loud(audit(workbook(table)).findings)).toEqual([]);
  const f = audit(workbook(withCell(workbook(table), '收入预算总表', 'C6', 960).sheets[0])).findings.filter((x) => x.severity === 'error');
  expect(f.map((x) => [x.cell, x.expected, x.culprit])).toEqual([['C6', '950.00', true]]);
});

describe('an income table with categories merged down their rows', () => {
  test('is read to its last 其中 row', () => {
    const [t] = detectTables(workbook(incomeByCategory));
    expect(t).toMatchObject({ kind: 'income', headerRows: [3, 3], bodyRows: [4, 13] });
    expect(t.rows.map((r) => r.role)).toEqual(['total', 'subtotal', 'detail', 'detail', 'subtotal', 'subtotal', 'detail', 'detail', 'subtotal', 'of-which']);
  });

  test('consistent: 收入总计 = Σ 小计, each 小计 = its items, 其中 not added', () => {
    expect(loud(audit(workbook(incomeByCategory)).findings)).toEqual([]);
  });

  test('an item changed beside one other item of its 小计: which of the two slipped is not told — one finding at the 小计, explaining 收入总计\'s gap too, no right figure named', () => {
    const f = audit(workbook(withCell(workbook(incomeByCategory), '收入预算总表', 'C10', 130).sheets[0])).findings.filter((x) => x.severity === 'error');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ cell: 'C9', actual: '200.00', expected: '210.00' });
    expect(f[0].culprit).toBeUndefined();
    expect(f[0].explains.map((e) => e.stated.cell)).toEqual(['C9', 'C4']);
  });

  test('a 其中 row above its category is an error of its own', () => {
    const f = audit(workbook(withCell(workbook(incomeByCategory), '收入预算总表', 'C13', 60).sheets[0])).findings.filter((x) => x.severity === 'error');
    expect(f.map((x) => [x.rule, x.cell])).toEqual([['of-which', 'C13']]);
  });
});

/** Split 类/款/项 code columns, 合计 at the bottom merged across code and name, blank bordered rows inside. */
const splitCodes = sheet(
  '一般公共预算支出功能分类预算表',
  [
    ['2025年部门一般公共预算支出功能分类预算表'],
    ['编制部门：某某局', null, null, null, null, null, '单位：元'],
    ['项目', null, null, null, '一般公共预算支出'],
    ['功能分类科目编码', null, null, '功能分类科目名称', '合计', '基本支出', '项目支出'],
    ['类', '款', '项'],
    ['201', null, null, '一般公共服务支出', 2218644.08, 1609332.6, 609311.48],
    ['201', '06', null, '财政事务', 2218644.08, 1609332.6, 609311.48],
    ['201', '06', '01', '行政运行', 1623184.08, 1609332.6, 13851.48],
    ['201', '06', '02', '一般行政管理事务', 595460, null, 595460],
    [],
    ['208', null, null, '社会保障和就业支出', 350864, 350864],
    ['208', '05', null, '行政事业单位养老支出', 350864, 350864],
    ['208', '05', '05', '机关事业单位基本养老保险缴费支出', 350864, 350864],
    [],
    ['合计', null, null, null, 2569508.08, 1960196.6, 609311.48],
  ],
  { merges: ['A1:G1', 'A3:D3', 'E3:G3', 'A4:C4', 'D4:D5', 'E4:E5', 'F4:F5', 'G4:G5', 'A15:D15'] },
);

describe('split 类/款/项 columns, 合计 at the bottom, blank rows inside', () => {
  test('reads one table, its 合计 the total, in 元', () => {
    const [t] = detectTables(workbook(splitCodes));
    expect(t).toMatchObject({ kind: 'general-budget-expenditure', unit: '元', headerRows: [3, 5], bodyRows: [6, 15] });
    expect(t.rows.find((r) => r.row === 15)?.role).toBe('total');
    expect(t.rows.find((r) => r.row === 8)?.functionCode).toBe('2010601');
  });

  test('consistent: nothing; a 项 changed is named at its cell', () => {
    expect(loud(audit(workbook(splitCodes)).findings)).toEqual([]);
    const f = audit(workbook(withCell(workbook(splitCodes), '一般公共预算支出功能分类预算表', 'F8', 1609323.6).sheets[0])).findings.filter((x) => x.severity === 'error');
    expect(f.map((x) => [x.cell, x.expected])).toEqual([['F8', '1609332.60']]);
  });
});

test.each([' ', '\u3000', '\u00a0'])('blank amount cells holding a space (%j, as converters and exports leave them) are blank: a column of few figures stays an amount column and its sums are checked', (space) => {
  // (项目支出 has one figure among many blanks: counted as text, the blanks made it a text column.)
  const table = (blank: CellInput) =>
    sheet('一般公共预算支出表', [
      ['2025年一般公共预算支出表'],
      ['编制部门：某某局', null, null, null, '单位：万元'],
      ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
      [null, '合计', 300, 250, 50],
      ['201', '一般公共服务支出', 100, 50, 50],
      ['20106', '财政事务', 100, 50, 50],
      ['2010601', '行政运行', 100, 50, 50],
      ['208', '社会保障和就业支出', 120, 120, blank],
      ['20805', '行政事业单位养老支出', 120, 120, blank],
      ['2080505', '机关事业单位基本养老保险缴费支出', 80, 80, blank],
      ['2080506', '机关事业单位职业年金缴费支出', 40, 40, blank],
      ['221', '住房保障支出', 80, 80, blank],
      ['22102', '住房改革支出', 80, 80, blank],
      ['2210201', '住房公积金', 80, 80, blank],
    ]);
  expect(detectTables(workbook(table(space)))[0].columns.map((c) => c.role)).toEqual(detectTables(workbook(table(null)))[0].columns.map((c) => c.role));
  expect(loud(audit(workbook(table(space))).findings)).toEqual([]);
  const slipped = withCell(workbook(table(space)), '一般公共预算支出表', 'E7', 55);
  expect(audit(slipped).findings.filter((x) => x.severity === 'error').length).toBeGreaterThan(0);
});

describe('an empty table that keeps only its 合计 row and a note', () => {
  for (const note of ['注：本部门无相关收支项目', '此表为空', '注：本单位2025年无政府性基金预算财政拨款安排的预算，故本表为空表。', '本表无数据']) {
    test(`「${note}」`, () => {
      const s = sheet(
        '政府性基金预算财政拨款支出预算表',
        [
          ['政府性基金预算财政拨款支出预算表'],
          ['部门名称：某某局', null, '单位：万元'],
          ['功能科目编码', '功能科目名称', '金   额'],
          ['合   计'],
          [note],
        ],
        { merges: ['A1:C1', 'A4:B4'] },
      );
      const [t] = detectTables(workbook(s));
      expect(t).toMatchObject({ kind: 'gov-fund-expenditure', bodyRows: [4, 4], declaredEmpty: true });
      expect(loud(audit(workbook(s)).findings)).toEqual([]);
    });
  }
});

/** A 支出表 whose sum is its last row with no 合计 written (the name cells left blank at the foot). */
function footTotal(foot: CellInput[] = [null, null, 1000, 800, 200]) {
  return sheet('部门支出总体情况表', [
    ['部门支出总体情况表'],
    ['单位：万元'],
    ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
    ['208', '社会保障和就业支出', 700, 600, 100],
    ['20801', '人力资源和社会保障管理事务', 700, 600, 100],
    ['2080101', '行政运行', 700, 600, 100],
    ['210', '卫生健康支出', 300, 200, 100],
    ['21001', '卫生健康管理事务', 300, 200, 100],
    ['2100101', '行政运行', 300, 200, 100],
    foot,
  ]);
}

describe('a total printed as the last row, its name cell blank', () => {
  test('is the table\'s total where it is the sum of the 类 in every column', () => {
    const [t] = detectTables(workbook(footTotal()));
    expect(t.rows.find((r) => r.role === 'total')?.row).toBe(10);
    expect(loud(audit(workbook(footTotal())).findings)).toEqual([]);
  });

  test('a foot total off by 1 in one column of three is told at its cell; read as a line, it was checked by nothing', () => {
    const f = audit(workbook(footTotal([null, null, 1001, 800, 200]))).findings.filter((x) => x.severity === 'error');
    // One cell behind its row's sum and its column's: the column's check is there only if the foot is the total.
    expect(f.map((x) => [x.cell, x.expected, x.culprit, x.explains.map((e) => e.rule).sort()])).toEqual([['C10', '1000.00', true, ['column-total', 'row-sum']]]);
  });

  test('a nameless last line that adds up in no more than half its columns stays a line: no total guessed, no error about one', () => {
    const [t] = detectTables(workbook(footTotal([null, null, 40, 40, null])));
    expect(t.rows.some((r) => r.role === 'total')).toBe(false);
    expect(loud(audit(workbook(footTotal([null, null, 40, 40, null]))).findings).filter((x) => x.startsWith('column-total'))).toEqual([]);
  });
});

describe('a title with the unit typed in its own cell', () => {
  test.each(['部门支出总体情况表（单位：万元）', '部门支出总体情况表    单位：万元', '部门支出总体情况表\n单位：万元', '部门支出总体情况表(金额单位:万元)'])('「%s」 is the title; the unit is read from it', (title) => {
    const s = footTotal();
    s.values[0][0] = s.text[0][0] = title;
    s.values[1] = [];
    s.text[1] = [];
    const [t] = detectTables(workbook(s));
    expect(t).toMatchObject({ kind: 'expenditure', kindFrom: 'title', title: '部门支出总体情况表', unit: '万元' });
  });
});

describe('a total column headed with its unit (本年支出合计（万元）)', () => {
  test('is the row total: a row\'s total off its parts is told by its row sum', () => {
    const s = footTotal();
    s.values[2][2] = s.text[2][2] = '本年支出合计（万元）';
    const slipped = withCell(workbook(s), '部门支出总体情况表', 'C6', 705);
    const f = audit(slipped).findings.filter((x) => x.severity === 'error' && x.cell === 'C6');
    expect(f.flatMap((x) => x.explains.map((e) => e.rule))).toContain('row-sum');
  });
});

describe('a final accounts\' “三公” table as numbered rows (项目 | 预算数 | 决算数), one budget figure slipped', () => {
  const threePublicRows = (carBudget: number) =>
    sheet('公开09表', [
      ['财政拨款“三公”经费支出决算表'],
      ['部门：某某局', null, '单位：万元'],
      ['项目', '预算数', '决算数'],
      ['合计', 6.5, 4.35],
      ['1.因公出国（境）费', 0, 0],
      ['2.公务用车购置及运行维护费', carBudget, 3.21],
      ['  （1）公务用车购置费', 0, 0],
      ['  （2）公务用车运行维护费', 4.5, 3.21],
      ['3.公务接待费', 2, 1.14],
    ]);
  const narrative = sheet('情况说明', [['某某局2023年度部门决算情况说明'], ['一、“三公”经费情况'], ['公务用车购置及运行维护费支出决算3.21万元，完成预算的71.33%。']]);

  test('the slip is named in its own column; the 决算数 column, right, is not called wrong', () => {
    expect(loud(audit(workbook(threePublicRows(4.5), narrative)).findings)).toEqual([]);
    const found = audit(workbook(threePublicRows(5.5), narrative)).findings.filter((f) => f.severity === 'error');
    expect(found.map((f) => [f.rule, f.cell, f.expected])).toEqual([['column-total', 'B6', '4.50']]);
  });
});

describe('类 | 款 | 项 columns each holding the whole code (201 | 20106 | 2010601)', () => {
  const fullCodes = (xiang = 700) =>
    sheet('一般公共预算支出表', [
      ['2025年一般公共预算支出功能分类预算表'],
      ['单位：万元'],
      ['功能分类科目编码', null, null, '功能分类科目名称', '合计'],
      ['类', '款', '项', '功能分类科目名称', '合计'],
      [null, null, null, '合计', 1000],
      ['208', null, null, '社会保障和就业支出', 700],
      [null, '20801', null, '人力资源和社会保障管理事务', 700],
      [null, null, '2080101', '行政运行', xiang],
      ['210', null, null, '卫生健康支出', 300],
      [null, '21001', null, '卫生健康管理事务', 300],
      [null, null, '2100101', '行政运行', 300],
    ]);

  test('each row has its code, and the hierarchy is checked: a 项 off is told at its cell', () => {
    const [t] = detectTables(workbook(fullCodes()));
    expect(t.rows.map((r) => r.functionCode).filter(Boolean)).toEqual(['208', '20801', '2080101', '210', '21001', '2100101']);
    expect(loud(audit(workbook(fullCodes())).findings)).toEqual([]);
    const f = audit(workbook(fullCodes(710))).findings.filter((x) => x.severity === 'error');
    expect(f.map((x) => [x.cell, x.expected])).toEqual([['E8', '700.00']]);
  });
});

describe('a finance system\'s export: a print stamp beside the captions, a date under the table', () => {
  const exported = (caption: CellInput[], footer?: CellInput[]) => {
    const s = sheet('部门支出总体情况表', [
      ['部门支出总体情况表'],
      caption,
      ['科目编码', '科目名称', '合计', '基本支出', null, '项目支出'],
      [null, null, null, '人员经费', '公用经费', null],
      ['208', '社会保障和就业支出', 700, 500, 100, 100],
      ['20801', '人力资源和社会保障管理事务', 700, 500, 100, 100],
      ['2080101', '行政运行', 700, 500, 100, 100],
      ['210', '卫生健康支出', 300, 150, 50, 100],
      ['21001', '卫生健康管理事务', 300, 150, 50, 100],
      ['2100101', '行政运行', 300, 150, 50, 100],
      [null, '合计', 1000, 650, 150, 200],
      ...(footer ? [footer] : []),
    ], { merges: ['A3:A4', 'B3:B4', 'C3:C4', 'D3:E3', 'F3:F4'] });
    return s;
  };

  test.each(['打印时间：2024-01-15 10:23:45', '编制日期：2024年1月15日', '2024-01-15', '第1页 共1页'])('部门名称：… | 「%s」 | 单位：万元 is a caption row: the header is the table\'s own, and right figures draw nothing', (stamp) => {
    const caption: CellInput[] = ['部门名称：某某局', null, stamp, null, null, '单位：万元'];
    const [t] = detectTables(workbook(exported(caption)));
    expect(t).toMatchObject({ kind: 'expenditure', kindFrom: 'title', headerRows: [3, 4], unit: '万元' });
    expect(loud(audit(workbook(exported(caption))).findings)).toEqual([]);
  });

  test('a date typed as a date (a number in a date format) beside the captions or under the table is no figure and no code', () => {
    const withDate = exported(['部门名称：某某局', null, 45306, null, null, '单位：万元'], [45306]);
    for (const [r, c] of [[1, 2], [11, 0]]) {
      withDate.numberFormats[r][c] = 'yyyy"年"m"月"d"日"';
      withDate.text[r][c] = '2024年1月15日';
    }
    const [t] = detectTables(workbook(withDate));
    expect(t).toMatchObject({ kind: 'expenditure', headerRows: [3, 4], bodyRows: [5, 11] });
    expect(loud(audit(workbook(withDate)).findings)).toEqual([]);
  });
});

test('a “三公” table\'s count columns (批次（团组、辆） | 人次) are counts, never summed as money', () => {
  const s = sheet('公开09表', [
    ['财政拨款“三公”经费支出决算表'],
    ['部门：某某局', null, null, null, '单位：万元'],
    ['项目', '预算数', '决算数', '批次（团组、辆）', '人次'],
    ['合计', 6.5, 4.35, null, null],
    ['1.因公出国（境）费', 0, 0, 0, 0],
    ['2.公务用车购置及运行维护费', 4.5, 3.21, 2, null],
    ['3.公务接待费', 2, 1.14, 9, 66],
  ]);
  const [t] = detectTables(workbook(s));
  expect(t.columns.map((c) => c.role)).toEqual(['label', 'amount', 'amount', 'text', 'text']);
  expect(loud(audit(workbook(s)).findings)).toEqual([]);
});

describe('a final accounts\' 收入支出决算总表 with the national template\'s carry-over kinds under 年初 / 年末结转和结余', () => {
  const summary = (basicOut = 50) =>
    sheet('公开01表', [
      ['收入支出决算总表'],
      ['部门：某某局', null, null, '单位：万元'],
      ['收入', null, '支出'],
      ['项目', '决算数', '项目', '决算数'],
      ['一、一般公共预算财政拨款收入', 1000, '一、社会保障和就业支出', 700],
      ['二、事业收入', 0, '二、卫生健康支出', 300],
      ['本年收入合计', 1000, '本年支出合计', 1000],
      ['年初结转和结余', 100, '年末结转和结余', 100],
      ['　　基本支出结转', 50, '　　基本支出结转', basicOut],
      ['　　项目支出结转和结余', 50, '　　项目支出结转和结余', 50],
      ['　　经营结余', 0, '　　经营结余', 0],
      ['总计', 1100, '总计', 1100],
    ]);

  test('the kinds are the carry-over\'s parts, not added to 总计 a second time (before: 总计 ≠ 1,200.00 on both sides)', () => {
    expect(loud(audit(workbook(summary())).findings)).toEqual([]);
  });

  test('a kind off its carry-over is told (the carry-over = Σ its kinds)', () => {
    const f = audit(workbook(summary(51))).findings.filter((x) => x.severity === 'error');
    expect(f.map((x) => [x.rule, x.cell])).toEqual([['summary-lines', 'D8']]);
  });
});

test('a carry-over line\'s 其中 list (上年结转结余 / 其中：一般公共预算 / 政府性基金预算) is the 其中\'s: its blank last line is no missing part', () => {
  const s = sheet('收支总表', [
    ['部门收支总体情况表'],
    ['部门：某某局', null, null, '单位：万元'],
    ['收入', null, '支出'],
    ['项目', '金额', '项目', '金额'],
    ['一、一般公共预算拨款收入', 1000, '一、社会保障和就业支出', 1050],
    ['本年收入合计', 1000, '本年支出合计', 1050],
    ['上年结转结余', 50, '年终结转结余', null],
    ['其中：一般公共预算', 50, null, null],
    ['政府性基金预算', null, null, null],
    ['收入总计', 1050, '支出总计', 1050],
  ]);
  expect(loud(audit(workbook(s)).findings)).toEqual([]);
});

test('figures stored with a float tail (999.9999999 shown 1,000.00) say nothing, not even a rounding tail: the figures as shown agree', () => {
  const tails = footTotal([null, null, 999.9999999, 800.0000001, 199.9999998]);
  expect(audit(workbook(tails), { includeInfo: true }).findings.filter((f) => f.rule === 'column-total' || f.rule === 'row-sum')).toEqual([]);
  // (A tail the figures show, 1,000.01 against 1,000.00, is still one.)
  const shown = footTotal([null, null, 1000.01, 800, 200]);
  expect(audit(workbook(shown), { includeInfo: true }).findings.filter((f) => f.severity === 'info').length).toBeGreaterThan(0);
});

describe('a 政府采购预算表 printed as lines (项目 | 金额: 合计, 货物, 工程, 服务)', () => {
  const lines = (goods = 40) =>
    sheet('政府采购支出预算表', [
      ['政府采购支出预算表'],
      ['部门：某某局', '单位：万元'],
      ['项目', '金额'],
      ['合计', 60],
      ['货物', goods],
      ['工程', 0],
      ['服务', 20],
    ]);
  const prose = sheet('情况说明', [['某某局2024年部门预算情况说明'], ['一、政府采购情况'], ['2024年政府采购预算60.00万元，其中：货物40.00万元，服务20.00万元。']]);

  test('is the procurement table, checked by its levels; a line off is one finding, not echoed at the right prose', () => {
    expect(detectTables(workbook(lines()))[0].kind).toBe('government-procurement');
    expect(loud(audit(workbook(lines(), prose)).findings)).toEqual([]);
    const found = audit(workbook(lines(50), prose)).findings.filter((f) => f.severity === 'error');
    expect(found.map((f) => f.rule)).toEqual(['procurement-levels']);
  });
});

test('a county 支出表 whose 项 rows carry their unit\'s code (309101 | 2080505 …) reads as units over their lines, not as units only', () => {
  const s = countyByUnits();
  const [t] = detectTables(workbook(s));
  expect(t.rows.filter((r) => r.role === 'unit').map((r) => r.unitCode)).toEqual(['309', '309101', '309201']);
  expect(t.rows.filter((r) => r.functionCode).length).toBe(4);
  expect(audit(workbook(s), { includeInfo: true }).findings.filter((f) => f.rule === 'layout-doubtful')).toEqual([]);
});

test('a 项目支出表 of 一级项目 lines flush left over their 二级项目 indented under them: the 一级 lines are their groups\' 小计', () => {
  const s = (item = 60) =>
    sheet('项目支出预算表', [
      ['2025年项目支出预算表'],
      ['单位：万元'],
      ['项目名称', '项目单位', '合计'],
      ['合计', null, 300],
      ['医疗保障管理事务', null, 100],
      ['　　医保基金监管工作经费', '某某局', 40],
      ['　　医保综合工作经费', '某某局', item],
      ['医疗保障待遇补助', null, 200],
      ['　　城乡医疗救助补助资金', '某某局', 150],
      ['　　离休干部医疗费项目', '某某中心', 50],
    ]);
  const [t] = detectTables(workbook(s()));
  expect(t.rows.filter((r) => r.role === 'subtotal').map((r) => r.label)).toEqual(['医疗保障管理事务', '医疗保障待遇补助']);
  expect(audit(workbook(s()), { includeInfo: true }).findings.filter((f) => f.severity !== 'info' || f.rule === 'layout-doubtful')).toEqual([]);
  expect(audit(workbook(s(61))).findings.filter((f) => f.severity === 'error').map((f) => f.cell)).toContain('C5');
});

test('…and with a 项目类别 column beside the names (项目单位 | 项目类别 | 项目名称, Henan): the kind is an attribute, the 一级 lines still their groups\' 小计', () => {
  const s = (item = 60) =>
    sheet('项目支出预算表', [
      ['2025年项目支出预算表'],
      ['单位：万元'],
      ['项目单位', '项目类别', '项目名称', '合计'],
      [null, null, '合计', 300],
      [null, null, '医疗保障管理事务', 100],
      ['某某局', '其他运转类', '　　医保基金监管工作经费', 40],
      ['某某局', '特定目标类', '　　医保综合工作经费', item],
      [null, null, '医疗保障待遇补助', 200],
      ['某某局', '特定目标类', '　　城乡医疗救助补助资金', 150],
      ['某某中心', '特定目标类', '　　离休干部医疗费项目', 50],
    ]);
  const [t] = detectTables(workbook(s()));
  expect(t.columns.find((c) => c.headerPath.includes('项目类别'))?.role).toBe('text');
  expect(t.rows.filter((r) => r.role === 'subtotal').map((r) => r.label)).toEqual(['医疗保障管理事务', '医疗保障待遇补助']);
  expect(audit(workbook(s()), { includeInfo: true }).findings.filter((f) => f.severity !== 'info' || f.rule === 'layout-doubtful')).toEqual([]);
  expect(audit(workbook(s(61))).findings.filter((f) => f.severity === 'error').map((f) => f.cell)).toContain('D5');
});

test('figures in General format (no number format: 35.8, 0) are read to the grain of the table\'s other figures, so a slip of 1.00 is not lost in a band of ±0.5 a zero', () => {
  const general = (item: number) =>
    sheet(
      '部门支出总体情况表',
      [
        ['部门支出总体情况表'],
        ['单位：万元'],
        ['科目编码', '科目名称', '合计', '基本支出', '项目支出', '上缴上级支出', '经营支出', '对附属单位补助支出'],
        ['合计', null, 1000.5, 800.25, 200.25, 0, 0, 0],
        ['208', '社会保障和就业支出', 700.5, 600.25, 100.25, 0, 0, 0],
        ['2080101', '行政运行', item, 600.25, 100.25, 0, 0, 0],
        ['210', '卫生健康支出', 300, 200, 100, 0, 0, 0],
        ['2100101', '行政运行', 300, 200, 100, 0, 0, 0],
      ],
      { format: 'General' },
    );
  expect(detectTables(workbook(general(700.5)))[0].rows[0].cells[6].amount).toMatchObject({ decimals: 2 });
  expect(loud(audit(workbook(general(700.5))).findings)).toEqual([]);
  expect(audit(workbook(general(701.5))).findings.filter((f) => f.severity === 'error').map((f) => f.cell)).toEqual(['C6']);
});

test('a last project whose name cell is blank, its other columns printed 0.00, is a project, not the total (zeros add up over anything)', () => {
  const s = sheet('项目支出预算表', [
    ['2025年项目支出预算表'],
    ['单位：万元'],
    ['项目名称', '合计', '本年拨款', '上年结转', '财政专户', '事业收入', '单位资金'],
    ['医保基金监管工作经费', 100, 100, 0, 0, 0, 0],
    ['医保综合工作经费', 50, 50, 0, 0, 0, 0],
    [null, 44.46, 44.46, 0, 0, 0, 0],
  ]);
  const [t] = detectTables(workbook(s));
  expect(t.rows.some((r) => r.role === 'total')).toBe(false);
  expect(loud(audit(workbook(s)).findings)).toEqual([]);
});

test('年末结转与结余 (with 与) heads its kinds as 年末结转和结余 does', () => {
  const s = sheet('公开01表', [
    ['收入支出决算总表'],
    ['部门：某某局', null, null, '单位：万元'],
    ['收入', null, '支出'],
    ['项目', '决算数', '项目', '决算数'],
    ['一、一般公共预算财政拨款收入', 1000, '一、社会保障和就业支出', 1000],
    ['本年收入合计', 1000, '本年支出合计', 1000],
    ['年初结转与结余', 100, '年末结转与结余', 100],
    ['　　基本支出结转', 50, '　　基本支出结转', 50],
    ['　　项目支出结转与结余', 50, '　　项目支出结转与结余', 50],
    ['总计', 1100, '总计', 1100],
  ]);
  expect(loud(audit(workbook(s)).findings)).toEqual([]);
});
