import { join } from 'path';
import { readSnapshotFromFile } from '../src/adapters/xlsx/readSnapshot';
import { audit } from '../src/core/engine';
import type { GridSheet, WorkbookSnapshot } from '../src/core/snapshot';
import { gridWorkbook } from './support/gridSnapshot';

/**
 * A PDF converted to a workbook builds its grid from every edge on the page: a header centred over right-aligned
 * figures becomes a header merged over two grid columns with the figures in the second, the first empty in every body
 * row (the 栏次 row's numbers merged over both too). Read as two columns, the empty one was each figure's 小计 and the
 * full one a second 小计: 23–121 errors at right figures a workbook. The figures' column is the one, under the header.
 * Fixture: the 决算 fixture (002) with its 公开05表 so converted (小计 | 基本支出 | 项目支出 over C:D, E:F, G:H).
 */
const CONVERTED = join(__dirname, 'fixtures', 'converted', '002-final-accounts-05-figures-beside-header.xlsx');

async function converted(change?: (s: GridSheet) => GridSheet): Promise<WorkbookSnapshot<GridSheet>> {
  const wb = gridWorkbook(await readSnapshotFromFile(CONVERTED));
  return { ...wb, sheets: wb.sheets.map((s) => (s.name === '公开05表' && change ? change(s) : s)) };
}
/** The published 情况说明's own slip, told in every reading of its tables: 决算 20.77 against a budget of 19.93 said to be 小于 it. */
const NARRATIVE_SLIP = 'warning narrative-comparison 情况说明!A20';
const loud = (wb: WorkbookSnapshot) =>
  audit(wb)
    .findings.filter((f) => f.severity !== 'info')
    .map((f) => `${f.severity} ${f.rule} ${f.sheet}!${f.cell}`);

test('each header merged over an empty grid column and the figures\' column: nothing said of the tables', async () => {
  expect(loud(await converted())).toEqual([NARRATIVE_SLIP]);
});

test('行政单位医疗\'s 小计 raised by 100.00 in that layout: told at its cell, once, along its row', async () => {
  let row = 0;
  const slipped = (s: GridSheet): GridSheet => {
    const r = s.values.findIndex((x) => String(x[0]) === '2101101');
    row = r + 1;
    const values = s.values.map((x, i) => (i === r ? x.map((v, c) => (c === 3 ? (v as number) + 100 : v)) : x));
    const text = s.text.map((x, i) => (i === r ? x.map((t, c) => (c === 3 ? (values[r][c] as number).toFixed(2) : t)) : x));
    return { ...s, values, text };
  };
  const wb = await converted(slipped);
  expect(loud(wb)).toEqual([`error row-sum 公开05表!D${row}`, NARRATIVE_SLIP]);
});

test('the whole 决算 so converted, each header printed over the empty column only and its figures one column right under none of their own: nothing said of the tables', async () => {
  const whole = gridWorkbook(await readSnapshotFromFile(join(__dirname, 'fixtures', 'converted', '002-final-accounts-figures-right-of-header.xlsx')));
  expect(loud(whole)).toEqual([NARRATIVE_SLIP]);
});
