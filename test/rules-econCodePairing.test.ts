import { misfiledRows } from '../src/core/rules/econCodePairing';
import type { DetectedTable, TableRow } from '../src/core/table';

/**
 * Which 类 a government economic code goes with is counted over every paired row of the run's
 * tables (econ-code-pairing reports the odd row, cross-code-names sets it aside): by the code's 款,
 * else by its 类; the most frequent 类 wins, the first met on a tie; a row never counts for itself.
 */
function table(id: string, pairs: Array<[string, string]>): DetectedTable {
  const rows: TableRow[] = pairs.map(([econCode, govEconCode], i) => ({ row: 6 + i, role: 'detail', label: `行${i}`, econCode, govEconCode, cells: {} }));
  return {
    id,
    sheet: id,
    kind: 'basic-expenditure',
    range: { top: 1, left: 1, bottom: 5 + pairs.length, right: 4 },
    headerRows: [4, 5],
    bodyRows: [6, 5 + pairs.length],
    noteRows: [],
    decimals: 2,
    columns: [
      { col: 1, role: 'econ-code', headerPath: ['部门经济分类'] },
      { col: 2, role: 'gov-econ-code', headerPath: ['政府经济分类'] },
      { col: 3, role: 'label', headerPath: ['科目名称'] },
      { col: 4, role: 'amount', headerPath: ['金额'] },
    ],
    rows,
    unreadable: [],
  };
}

/** Each misfiled row as `table!row dept → the 类 its code goes with`. */
function misfiled(tables: DetectedTable[]): string[] {
  return [...misfiledRows(tables)].map(([p, usual]) => `${p.table.id}!${p.row.row} ${p.dept} → ${usual}`);
}

describe('which 类 a government economic code goes with (econ-code-pairing, cross-code-names)', () => {
  test('30201 beside 50101, which goes with 301 on every other row: misfiled, the code goes with 301', () => {
    expect(misfiled([table('A', [['30101', '50101'], ['30102', '50101'], ['30201', '50101']])])).toEqual(['A!8 30201 → 301']);
  });

  test('rows of another table count too: the odd row is found across the run', () => {
    expect(misfiled([table('A', [['30101', '50101']]), table('B', [['30201', '50101']]), table('C', [['30102', '50101']])])).toEqual(['B!6 30201 → 301']);
  });

  test('one other row pairs the code with the same 类: usual, however many pair it otherwise', () => {
    expect(misfiled([table('A', [['30201', '50101'], ['30101', '50101'], ['30102', '50101'], ['30202', '50101']])])).toEqual([]);
  });

  test('two 类 against it: the more frequent one is named, not the first met', () => {
    expect(misfiled([table('A', [['30901', '50101'], ['30201', '50101'], ['30101', '50101'], ['30102', '50101']])])).toEqual(['A!6 30901 → 301', 'A!7 30201 → 301']);
  });

  test('two 类 as frequent: the first met is named', () => {
    expect(misfiled([table('A', [['30901', '50101'], ['30201', '50101'], ['30101', '50101']])])).toEqual(['A!6 30901 → 302', 'A!7 30201 → 309', 'A!8 30101 → 309']);
  });

  test('a 款 no other row has (50199) is judged by its 类 (501)', () => {
    expect(misfiled([table('A', [['30101', '50101'], ['30102', '50102'], ['30201', '50199']])])).toEqual(['A!8 30201 → 301']);
  });

  test('a longer code (5010101) counts under its 款 (50101): 50101 goes with 301 through it; 5010101 itself, alone, by its 类', () => {
    expect(misfiled([table('A', [['30101', '5010101'], ['30201', '50101']])])).toEqual(['A!6 30101 → 302', 'A!7 30201 → 301']);
  });

  test('a code alone in the run, or codes of different 类 (50201, 50101): nothing to compare, no finding', () => {
    expect(misfiled([table('A', [['30201', '50101']])])).toEqual([]);
    expect(misfiled([table('A', [['30101', '50201'], ['30201', '50101']])])).toEqual([]);
  });
});
