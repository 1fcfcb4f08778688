import type { Finding } from '../src/core/finding';
import { touchesDoubt, type Doubt } from '../src/core/rules/toolkit/layoutDoubt';
import type { DetectedTable } from '../src/core/table';
import type { GridSheet } from '../src/core/snapshot';
import { all, edited, said, type Edit } from './support/checklist';
import { workbook } from './support/sheetBuilder';
import { BUDGET_TABLES, general05 } from './support/smallBudget';

/**
 * A 支出表 and 一般公共预算支出表 coding their 项 rows only, its 类 and 款 rows named alone (hand-made county tables look their
 * 项 codes up and no more). Their rows then read as three stacked levels: each table is doubtful, said once, quietly.
 * A comparison of another table with its rows summed by code is no surer than that reading: a slip in one of its
 * 项 was blamed on 04's right 类 line instead (cross-fiscal-function at a right figure).
 * Support: test/support/smallBudget.ts, the 类 and 款 code cells of 预算03表 and 预算05表 emptied.
 */
const PARENT_CODES = ['A6', 'A7', 'A9', 'A10', 'A13', 'A14'];
const itemsOnly: Edit[] = ['预算03表', '预算05表'].flatMap((sheet) => PARENT_CODES.map((cell): Edit => [sheet, cell, null]));

test('as printed: each table says once, quietly, that its rows read as stacked levels; nothing else', () => {
  expect(all(edited(itemsOnly)).map(said)).toEqual([
    ['layout-doubtful', 'info', '预算03表!A3', null, null],
    ['layout-doubtful', 'info', '预算05表!A3', null, null],
  ]);
});

test('行政运行 raised by 10.00 in that table: no error at another table’s right 类 line (04 is right)', () => {
  const found = all(edited([...itemsOnly, ['预算05表', 'C11', 610]])).filter((f) => f.severity !== 'info');
  expect(found.map(said)).toEqual([]);
});

describe('a finding comparing with a doubtful table gives way to its note (touchesDoubt)', () => {
  const table = { id: '预算05表!A1:G15', sheet: '预算05表', range: { top: 1, left: 1, bottom: 15, right: 7 } } as unknown as DetectedTable;
  const doubts = new Map<string, Doubt>([[table.id, { table, checks: 10, failing: 6, stacked: 3 }]]);
  const figure = (sheet: string, cell: string) => ({ sheet, cell, name: '', value: '1' });
  const at04 = (partSheet: string): Finding =>
    ({
      rule: 'cross-fiscal-function',
      severity: 'error',
      sheet: '预算04表',
      cell: 'E6',
      cells: [{ sheet: '预算04表', cell: 'E6' }],
      explains: [{ stated: figure('预算04表', 'E6'), parts: [figure(partSheet, 'C11'), figure(partSheet, 'C12')] }],
    }) as unknown as Finding;

  test('04’s 类 line against the doubtful table’s rows summed by code: gives way', () => {
    expect(touchesDoubt(at04('预算05表'), doubts)).toBe(true);
  });

  test('04’s 类 line against a table read with confidence: stands', () => {
    expect(touchesDoubt(at04('预算03表'), doubts)).toBe(false);
  });
});

describe('codes written after their names in brackets (行政运行（2101501）), no code column', () => {
  // 预算05表 of test/support/smallBudget.ts with its code column folded into the names (its header's merges dropped).
  const codesAfter = (sh: GridSheet): GridSheet => {
    const fold = <T>(grid: T[][], f: (row: T[], i: number) => T[]) => grid.map(f);
    const name = (row: unknown[]) => (typeof row[0] === 'string' && /^2\d+$/.test(row[0]) ? `${row[1]}（${row[0]}）` : row[1]);
    return {
      ...sh,
      values: fold(sh.values, (row, i) => (i < 2 ? row.slice(1) : [name(row) as never, ...row.slice(2)])),
      text: fold(sh.text, (row, i) => (i < 2 ? row.slice(1) : [String(name(sh.values[i]) ?? ''), ...row.slice(2)])),
      numberFormats: fold(sh.numberFormats, (row) => row.slice(1)),
      merges: [],
    };
  };
  const book = (edits: Edit[] = []) => edited(edits, workbook(...BUDGET_TABLES.map((t) => (t === general05 ? codesAfter(t()) : t()))));
  test('as printed: nothing said — read as coded rows, not stacked levels', () => {
    expect(all(book()).map(said)).toEqual([]);
  });
  test('行政运行 raised by 10.00 along its line: told (the levels are read)', () => {
    const found = all(book([['预算05表', 'B11', 610], ['预算05表', 'C11', 610], ['预算05表', 'D11', 510]])).filter((f) => f.severity === 'error');
    expect(found.length).toBeGreaterThan(0);
  });
});
