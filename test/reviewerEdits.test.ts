import { join } from 'path';
import { readSnapshotFromFile } from '../src/adapters/xlsx/readSnapshot';
import { audit } from '../src/core/engine';
import { gridWorkbook } from './support/gridSnapshot';
import { detectTables } from '../src/core/detect';
import type { GridSheet } from '../src/core/snapshot';
import { sheet, workbook, type CellInput } from './support/sheetBuilder';
import { BUDGET_TABLES, basic06, general05Split, project12, threePublic09 } from './support/smallBudget';

/**
 * What finance staff do to a right workbook before publishing it, none of which makes a figure wrong (a hunt on 939
 * edited copies of real disclosures): each once gave errors at right figures.
 */
const budgetWith = (replace: Record<string, GridSheet>, prose?: string) =>
  workbook(
    ...BUDGET_TABLES.map((t) => {
      const s = t();
      return replace[s.name] ?? s;
    }),
    ...(prose ? [sheet('情况说明', [['某某局2024年部门预算情况说明'], [prose]])] : []),
  );
const loud = (wb: ReturnType<typeof budgetWith>) =>
  audit(wb)
    .findings.filter((f) => f.severity !== 'info')
    .map((f) => `${f.rule} ${f.sheet}!${f.cell}`);
/** A sheet of the small budget with rows inserted before 1-based row `at`, or its cells changed. */
const edited = (s: GridSheet, f: (rows: CellInput[][]) => CellInput[][], options: Parameters<typeof sheet>[2] = {}) =>
  sheet(s.name, f(s.values.map((r) => [...r])), { merges: s.merges.map((m) => `${String.fromCharCode(64 + m.left)}${m.top}:${String.fromCharCode(64 + m.right)}${m.bottom}`), ...options });

test('the small budget with its narrative says nothing, untouched', () => {
  expect(loud(budgetWith({}, '2024年“三公”经费预算40.00万元，其中公务接待费10.00万元。'))).toEqual([]);
});

test('a blank row between the “三公” table’s header and its one row of figures: the figures are still its own (not 0.00)', () => {
  const t = edited(threePublic09(), (rows) => [...rows.slice(0, 4), [null], ...rows.slice(4)]);
  expect(loud(budgetWith({ 预算09表: t }, '2024年“三公”经费预算40.00万元，其中公务接待费10.00万元。'))).toEqual([]);
});

test.each(['（万元）', '(万元)', '单位（万元）', '金额单位（万元）', '万元'])('the unit written %s beside the 部门 line: a caption, not a header row', (unit) => {
  const t = edited(basic06(), (rows) => [rows[0], ['部门：某某局', null, null, '2024年度', null, null, unit], ...rows.slice(2)]);
  const wb = budgetWith({ 预算06表: t });
  const read = detectTables(wb).find((x) => x.sheet === '预算06表')!;
  expect([read.unit, read.headerRows]).toEqual(['万元', [3, 4]]);
  expect(loud(wb)).toEqual([]);
});

test('（元） is read as 元: a table in 元 among tables in 万元 is compared in its own unit', () => {
  const inYuan = edited(basic06(), (rows) => [rows[0], ['部门：某某局', null, null, null, null, null, '（元）'], ...rows.slice(2).map((r) => r.map((v) => (typeof v === 'number' ? v * 10000 : v)))]);
  expect(detectTables(budgetWith({ 预算06表: inYuan })).find((x) => x.sheet === '预算06表')!.unit).toBe('元');
  expect(loud(budgetWith({ 预算06表: inYuan }))).toEqual([]);
});

describe('on a real disclosure (江苏省高级人民法院 2018, test/fixtures/real)', () => {
  const COURT = join(__dirname, 'fixtures', 'real', 'js-high-court-2018-budget.xlsx');
  /** The court's workbook with cells of one sheet (by its name's start) set: [row, col, value, format]. */
  const court = async (sheetStart: string, cells: Array<[number, number, CellInput, string?]>) => {
    const wb = gridWorkbook(await readSnapshotFromFile(COURT));
    return {
      ...wb,
      sheets: wb.sheets.map((s) => {
        if (!s.name.startsWith(sheetStart)) return s;
        const [values, text, numberFormats] = [s.values.map((r) => [...r]), s.text.map((r) => [...r]), s.numberFormats.map((r) => [...r])];
        for (const [r, c, v, f] of cells) {
          for (const g of [values, text, numberFormats]) while (g.length < r) g.push([]);
          values[r - 1][c - 1] = v ?? null;
          // (As a file's reader shows it: the number in its format, 第1页.)
          text[r - 1][c - 1] = v === undefined || v === null ? '' : f?.includes('页') ? `第${v}页` : String(v);
          numberFormats[r - 1][c - 1] = f ?? 'General';
        }
        return { ...s, values, text, numberFormats };
      }),
    };
  };
  const errors = async (wb: Promise<ReturnType<typeof gridWorkbook>>) =>
    audit(await wb)
      .findings.filter((f) => f.severity === 'error' && f.sheet !== '情况说明')
      .map((f) => `${f.rule} ${f.sheet}!${f.cell}`);

  test('untouched, its tables have no error', async () => {
    expect(await errors(court('五', []))).toEqual([]);
  });

  test('a year typed in a 备注 column beside 法院 is a remark, not a unit’s code making its row a unit', async () => {
    expect(
      await errors(
        court('五', [
          [4, 4, '备注'],
          [7, 4, 2024],
        ]),
      ),
    ).toEqual([]);
  });

  test('a page number typed as a number and shown 第1页 by its format, under the table: no figure', async () => {
    expect(await errors(court('二', [[21, 3, 1, '"第"0"页"']]))).toEqual([]);
  });
});

describe('hidden rows kept for the finance system', () => {
  test('合计（元） under the table, hidden: the 合计 again in 元, no line', () => {
    const t = edited(basic06(), (rows) => [...rows, [null, null, null, '合计（元）', 8000000, 7000000, 1000000]], { hiddenRows: [15] });
    expect(loud(budgetWith({ 预算06表: t }))).toEqual([]);
  });

  test('a hidden row of noughts under the “三公” row: nothing to add, no line (the row of figures is no total of it)', () => {
    const t = edited(threePublic09(), (rows) => [...rows, [0, 0, 0, 0, 0, 0]], { hiddenRows: [6] });
    expect(loud(budgetWith({ 预算09表: t }))).toEqual([]);
  });

  test('a hidden row of figures that is no total again stays a line: its sum is still checked', () => {
    const t = edited(threePublic09(), (rows) => [...rows, [1, null, 1, null, 1, null]], { hiddenRows: [6] });
    expect(loud(budgetWith({ 预算09表: t })).length).toBeGreaterThan(0);
  });
});

describe('a note a PDF’s conversion glued into the last row’s first cell', () => {
  /** 预算05表 with the note glued to the code of its last row (221… 住房公积金), after a line break or straight after it. */
  const gluedNote = (joint: string) =>
    edited(general05Split(), (rows) => rows.map((r, i) => (i === rows.length - 1 ? [`${r[0]}${joint}注：报表金额单位转换时可能存在四舍五入尾数误差。`, ...r.slice(1)] : r)));

  test.each(['\n', ''])('its 类 is still 221, its line still 住房公积金 (joint %j): nothing said', (joint) => {
    expect(loud(budgetWith({ 预算05表: gluedNote(joint) }))).toEqual([]);
  });

  test('a cell that opens on 备注： keeps its words (备 is no code)', () => {
    const t = edited(project12(), (rows) => rows.map((r, i) => (i === 2 ? [...r, '备注：说明'] : r)));
    expect(
      detectTables(budgetWith({ 预算12表: t }))
        .find((x) => x.sheet === '预算12表')!
        .columns.map((c) => c.headerPath.join('>')),
    ).toContain('备注：说明');
  });
});

test('a 情况说明 kept in one cell, a 说明： line under its title, is not cut there: its slip further on is still told', () => {
  const filler = '本部门认真贯彻落实党中央、国务院决策部署，坚持过紧日子，严格控制一般性支出。'.repeat(12);
  const prose = `某某局2024年部门预算情况说明\n说明：以下为本部门2024年部门预算情况。\n${filler}\n2024年支出预算1010.00万元。`;
  const wb = workbook(...BUDGET_TABLES.map((t) => t()), sheet('情况说明', [[prose]]));
  expect(
    audit(wb)
      .findings.filter((f) => f.rule === 'narrative-vs-table')
      .map((f) => [f.actual, f.expected]),
  ).toEqual([['1010.00', '1000.00']]);
});
