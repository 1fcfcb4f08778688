import { audit } from '../src/core/engine';
import { detectTables } from '../src/core/detect';
import { rangeAddress } from '../src/core/address';
import type { Finding } from '../src/core/finding';
import { findingText } from '../src/core/messages/render';
import type { GridSheet, RawValue } from '../src/core/snapshot';
import { sheet, workbook } from './support/sheetBuilder';
import { BUDGET_TABLES, basic06, expenditure03, general05, income02, summary01, threePublic09 } from './support/smallBudget';

/**
 * Two tables placed side by side on one sheet, an empty column between them, each with its own
 * title, unit caption and header (表1 | 表2 on one sheet): each is read as the table it is, as if
 * it had a sheet of its own, and a changed figure of the right one is named at its own cell. One
 * table with an empty column inside (a spacer between the halves of a 收支总表, an amount column
 * with its header and no figures) stays one table; prose beside a table is a narrative.
 */
const loud = (fs: Finding[]) => fs.filter((f) => f.severity !== 'info').map((f) => `${f.rule} ${f.sheet}!${f.cell} ${findingText(f)['zh-CN']}`);

/** Sheets placed left to right on one sheet, `gap` empty columns between each and the next. */
function beside(name: string, sheets: GridSheet[], gap = 1): GridSheet {
  const values: RawValue[][] = [];
  const text: string[][] = [];
  const numberFormats: string[][] = [];
  const merges: GridSheet['merges'] = [];
  let offset = 0;
  for (const s of sheets) {
    const width = Math.max(...s.values.map((r) => r.length), ...s.merges.map((m) => m.right));
    s.values.forEach((row, r) => {
      values[r] ??= [];
      text[r] ??= [];
      numberFormats[r] ??= [];
      row.forEach((v, c) => {
        values[r][offset + c] = v;
        text[r][offset + c] = s.text[r][c];
        numberFormats[r][offset + c] = s.numberFormats[r][c];
      });
    });
    for (const m of s.merges) merges.push({ ...m, left: m.left + offset, right: m.right + offset });
    offset += width + gap;
  }
  // Rows filled out to their last cell (the empty columns between are empty cells).
  for (let r = 0; r < values.length; r++) {
    values[r] ??= [];
    text[r] ??= [];
    numberFormats[r] ??= [];
    for (let c = 0; c < values[r].length; c++) {
      values[r][c] ??= null;
      text[r][c] ??= '';
      numberFormats[r][c] ??= 'General';
    }
  }
  return { name, values, text, numberFormats, merges, hiddenRows: [], hiddenColumns: [] };
}

/** A copy of the sheet with one cell changed (a figure shown as #,##0.00). */
function withFigure(s: GridSheet, a1: string, v: number): GridSheet {
  const copy = structuredClone(s);
  const col = a1.charCodeAt(0) - 64;
  const row = Number(a1.slice(1));
  copy.values[row - 1][col - 1] = v;
  copy.text[row - 1][col - 1] = v.toFixed(2);
  copy.numberFormats[row - 1][col - 1] = '#,##0.00';
  return copy;
}

/** The small disclosure's tables two by two on a sheet: 表1 | 表2, 表3 | 表4, … */
function pairedBudget(gap = 1): GridSheet[] {
  const tables = BUDGET_TABLES.map((t) => t());
  const out: GridSheet[] = [];
  for (let i = 0; i < tables.length; i += 2) {
    const pair = tables.slice(i, i + 2);
    out.push(beside(pair.map((t) => t.name).join('-'), pair, gap));
  }
  return out;
}

describe('two tables side by side, an empty column between', () => {
  const pair = beside('表1-表2', [summary01(), income02()]);

  test('are two tables: 收支总表 on the left, 收入预算表 on the right, each with its title and unit', () => {
    const tables = detectTables(workbook(pair));
    expect(tables.map((t) => [t.kind, t.title, rangeAddress(t.range), t.unit, t.headerRows, t.bodyRows])).toEqual([
      ['income-expenditure-summary', '2024年部门收支预算总表', 'A1:D10', '万元', [3, 4], [5, 10]],
      ['income', '2024年部门收入预算表', 'F1:M6', '万元', [3, 4], [5, 6]],
    ]);
    // The right table's columns are its own: none of the left table's figures are added into its rows.
    expect(tables[1].columns.map((c) => c.col)).toEqual([6, 7, 8, 9, 10, 11, 12, 13]);
    expect(tables[0].columns.map((c) => c.col)).toEqual([1, 2, 3, 4]);
  });

  test('consistent, the whole disclosure two tables to a sheet says nothing above info', () => {
    expect(loud(audit(workbook(...pairedBudget())).findings)).toEqual([]);
  });

  test('read as if each table had a sheet of its own: the same tables, kinds and units', () => {
    const paired = detectTables(workbook(...pairedBudget())).map((t) => [t.kind, t.title, t.unit, t.rows.length]);
    const apart = detectTables(workbook(...BUDGET_TABLES.map((t) => t()))).map((t) => [t.kind, t.title, t.unit, t.rows.length]);
    expect(paired).toEqual(apart);
  });

  test('titles typed without a merge (the two titles one row of words) read the same', () => {
    const unmerged = (s: GridSheet): GridSheet => ({ ...s, merges: s.merges.filter((m) => m.top !== 1) });
    const tables = detectTables(workbook(beside('表3-表4', [unmerged(expenditure03()), unmerged(income02())])));
    expect(tables.map((t) => [t.kind, t.title, rangeAddress(t.range), t.unit])).toEqual([
      ['expenditure', '2024年部门支出预算表', 'A1:G15', '万元'],
      ['income', '2024年部门收入预算表', 'I1:P6', '万元'],
    ]);
  });

  test('two empty columns between them, or tables of different heights, read the same', () => {
    const wide = detectTables(workbook(beside('表5-表6', [general05(), basic06()], 2)));
    expect(wide.map((t) => [t.kind, rangeAddress(t.range)])).toEqual([
      ['general-budget-expenditure', 'A1:G15'],
      ['basic-expenditure', 'J1:P14'],
    ]);
    const taller = detectTables(workbook(beside('表9-表3', [threePublic09(), expenditure03()])));
    expect(taller.map((t) => [t.kind, rangeAddress(t.range)])).toEqual([
      ['three-public', 'A1:F5'],
      ['expenditure', 'H1:N15'],
    ]);
  });

  test('a figure changed in the right table is named at its own cell (J6, 一般公共预算 of 某某局 in 收入预算表), and only there', () => {
    // 收入预算表 sits in F:M: its 一般公共预算 column E is column J on the sheet.
    const changed = beside('表1-表2', [summary01(), withFigure(income02(), 'E6', 1010)]);
    const errors = audit(workbook(changed)).findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => [f.rule, f.sheet, f.cell, f.actual, f.expected])).toEqual([['row-sum', '表1-表2', 'J6', '1010.00', '1000.00']]);
  });
});

describe('one table with an empty column inside stays one table', () => {
  /** 收支总表 with a spacer column between its 收入 and 支出 halves, the title typed in A1 (no merge). */
  const spaced = sheet(
    '收支总表',
    [
      ['2024年部门收支预算总表'],
      ['部门：某某局', null, null, null, '单位：万元'],
      ['收入', null, null, '支出'],
      ['项目', '金额', null, '项目', '金额'],
      ['一、一般公共预算', 1000, null, '一、社会保障和就业支出', 120],
      ['二、政府性基金预算', null, null, '二、卫生健康支出', 800],
      ['三、事业收入', null, null, '三、住房保障支出', 80],
      ['本年收入合计', 1000, null, '本年支出合计', 1000],
      ['上年结转结余', null, null, '年终结转结余', null],
      ['收入总计', 1000, null, '支出总计', 1000],
    ],
    { merges: ['A3:B3', 'D3:E3'] },
  );

  test('a 收支总表 with a spacer column between its halves: one table, both sides', () => {
    const tables = detectTables(workbook(spaced));
    expect(tables.map((t) => [t.kind, rangeAddress(t.range), t.unit])).toEqual([['income-expenditure-summary', 'A1:E10', '万元']]);
    expect(new Set(tables[0].columns.map((c) => c.side))).toEqual(new Set(['income', 'expenditure']));
    expect(loud(audit(workbook(spaced)).findings)).toEqual([]);
  });

  test('a table whose amount column has its header and no figures (政府性基金): one table, the column kept', () => {
    // 收入预算表's 政府性基金 column (F) holds no figure in any row; its header is filled.
    const tables = detectTables(workbook(income02()));
    expect(tables.map((t) => [t.kind, rangeAddress(t.range)])).toEqual([['income', 'A1:H6']]);
    expect(tables[0].columns.find((c) => c.col === 6)?.headerPath).toEqual(['本年收入', '政府性基金']);
    // Beside another table, the empty column inside is not mistaken for the gap between them.
    const pair = detectTables(workbook(beside('表2-表1', [income02(), summary01()])));
    expect(pair.map((t) => [t.kind, rangeAddress(t.range)])).toEqual([
      ['income', 'A1:H6'],
      ['income-expenditure-summary', 'J1:M10'],
    ]);
  });
});

describe('prose beside a table', () => {
  const lines = [
    '某某局2024年部门预算情况说明',
    '一、一般公共预算支出情况',
    '2024年一般公共预算支出1000.00万元，其中：基本支出800.00万元，项目支出200.00万元。',
    '二、“三公”经费情况',
    '2024年“三公”经费预算40.00万元，其中：公务用车购置及运行费30.00万元，公务接待费10.00万元。',
  ];
  const withProse = (text: string[]) => {
    const prose = sheet(
      '说明',
      text.map((l) => [l]),
    );
    return beside('表9-说明', [threePublic09(), prose]);
  };

  test('is a narrative of its own, the table read as before', () => {
    const tables = detectTables(workbook(withProse(lines)));
    expect(tables.map((t) => [t.kind, rangeAddress(t.range)])).toEqual([
      ['three-public', 'A1:F5'],
      ['narrative', 'H1:H5'],
    ]);
    expect(tables[1].title).toBe('某某局2024年部门预算情况说明');
  });

  test('a figure of the prose that the table contradicts is named at its cell (H5)', () => {
    const wrong = [...lines];
    wrong[4] = '2024年“三公”经费预算45.00万元，其中：公务用车购置及运行费30.00万元，公务接待费10.00万元。';
    const findings = audit(workbook(withProse(wrong))).findings.filter((f) => f.severity === 'error');
    expect(findings.map((f) => [f.rule, f.cell])).toContainEqual(['narrative-vs-table', 'H5']);
  });
});

describe('a 收支总表 whose one header row names each side over its lines (收入 | 金额 | 支出 | 金额)', () => {
  /** summary01 with its header 收 入 | 金额 | 支 出 | 金额 in one row (as many provinces print it), no 项目 row. */
  const flatSides = (labels: [string, string, string, string]) => {
    const s = summary01();
    const rows = [s.values[0], s.values[1], labels, ...s.values.slice(4)] as never;
    return sheet('预算01表', rows, { merges: ['A1:D1'] });
  };

  test.each([
    ['收入', '金额', '支出', '金额'],
    ['收    入', '金额', '支    出', '金额'],
    ['收入', '预算数', '支出', '预算数'],
  ] as Array<[string, string, string, string]>)('%s | %s | %s | %s: a 收支总表 of two sides, and the disclosure says nothing', (...labels) => {
    const wb = workbook(...BUDGET_TABLES.map((t) => (t === summary01 ? flatSides(labels) : t())));
    const t = detectTables(wb).find((x) => x.sheet === '预算01表')!;
    expect(t.kind).toBe('income-expenditure-summary');
    expect(t.columns.map((c) => c.side)).toEqual(['income', 'income', 'expenditure', 'expenditure']);
    expect(loud(audit(wb).findings)).toEqual([]);
  });

  test('项目 | 收入 | 支出 (a fund’s two figures of one line, no column between them) is not two sides', () => {
    const s = sheet('表', [['某某表'], ['项目', '收入', '支出'], ['一、某某基金', 10, 8], ['合计', 10, 8]]);
    expect(detectTables(workbook(s))[0].columns.map((c) => c.side)).toEqual([undefined, undefined, undefined]);
  });
});
