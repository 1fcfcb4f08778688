import { readFileSync } from 'fs';
import { join } from 'path';
import { readSnapshotFromBuffer } from '../src/adapters/xlsx/readSnapshot';
import { audit } from '../src/core/engine';
import type { GridSheet, WorkbookSnapshot } from '../src/core/snapshot';
import { gridWorkbook } from './support/gridSnapshot';

/**
 * A table is as long as its figures and as wide as the columns that hold something of their own,
 * never as the sheet's used range (found by the fuzz test: one number at XFD1048576 made the
 * audit run for hours; a header label merged across 6,000 columns, a minute).
 */
const SAMPLE = join(__dirname, 'fixtures', '003-sanmenxia-healthcare-security-service-center-2024-budget.xlsx');
const SHEET = 'YS03';

let source: WorkbookSnapshot<GridSheet>;
beforeAll(async () => {
  source = gridWorkbook(await readSnapshotFromBuffer(readFileSync(SAMPLE), 'sample.xlsx'));
});

/** The sample with one more number at (row, col) of YS03. */
function withStrayValue(row: number, col: number): WorkbookSnapshot<GridSheet> {
  const sheets = source.sheets.map((s): GridSheet => {
    if (s.name !== SHEET) return s;
    const copy = { ...s, values: [...s.values], text: [...s.text], numberFormats: [...s.numberFormats] };
    const at = row - 1;
    const values = [...(copy.values[at] ?? [])];
    const text = [...(copy.text[at] ?? [])];
    const formats = [...(copy.numberFormats[at] ?? [])];
    for (let c = values.length; c < col; c++) [values[c], text[c], formats[c]] = [null, '', 'General'];
    [values[col - 1], text[col - 1]] = [1, '1'];
    [copy.values[at], copy.text[at], copy.numberFormats[at]] = [values, text, formats];
    return copy;
  });
  return { ...source, sheets };
}

function timed(snapshot: WorkbookSnapshot<GridSheet>) {
  const started = performance.now();
  const result = audit(snapshot);
  return { result, milliseconds: performance.now() - started, table: result.tables.find((t) => t.sheet === SHEET)! };
}

test('a number at XFD1048576, a million rows under the table, is not part of it, and the check takes seconds, not hours', () => {
  const plain = timed(source).table;
  const { table, milliseconds } = timed(withStrayValue(1048576, 16384));
  expect(table.bodyRows).toEqual(plain.bodyRows);
  expect(table.columns).toHaveLength(plain.columns.length);
  // Each of the million (empty) rows is still looked at once.
  expect(milliseconds).toBeLessThan(5000);
});

test('a number in column XFD of a body row adds one column to the table, not 16,000 empty ones, and the check takes well under 2 s', () => {
  const plain = timed(source).table;
  const row = plain.bodyRows[1];
  const { table, milliseconds } = timed(withStrayValue(row, 16384));
  expect(table.range.right).toBe(16384);
  expect(table.columns.map((c) => c.col)).toEqual([...plain.columns.map((c) => c.col), 16384]);
  expect(milliseconds).toBeLessThan(2000);
});

test('blank rows inside a body still do not cut it: the figures under a few blank rows are the table’s', () => {
  const plain = timed(source).table;
  const { table } = timed(withStrayValue(plain.bodyRows[1] + 20, plain.columns.find((c) => c.role === 'amount')!.col));
  expect(table.bodyRows).toEqual([plain.bodyRows[0], plain.bodyRows[1] + 20]);
});

test('a header label merged across 6,000 columns lends its words to none of the empty ones, and the check takes well under 2 s', () => {
  const plain = timed(source).table;
  const top = plain.headerRows![0];
  const label = plain.columns.find((c) => c.headerPath.length > 0)!;
  const merged: WorkbookSnapshot<GridSheet> = {
    ...source,
    sheets: source.sheets.map((s) => (s.name === SHEET ? { ...s, merges: [...s.merges.filter((m) => m.top !== top || m.left !== label.col), { top, left: label.col, bottom: top, right: 6148 }] } : s)),
  };
  const { table, milliseconds } = timed(merged);
  expect(table.columns.map((c) => c.col)).toEqual(plain.columns.map((c) => c.col));
  expect(milliseconds).toBeLessThan(2000);
});
