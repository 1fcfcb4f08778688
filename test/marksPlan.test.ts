import type { Finding } from '../src/core/finding';
import { planMarks } from '../src/core/marks';
import { message } from '../src/core/messages/message';

/**
 * What is painted for a finding: its own cell and, where it cannot tell which side is wrong, the other side of a
 * cross-table mismatch — on another sheet, or on the same sheet when two tables share it (`other`) — never the right
 * figures it was checked against (003 YS04 F7 was painted red though correct; so was the right side of a slip the
 * finding says what it should be).
 */
const finding = (cells: Finding['cells']): Finding =>
  ({
    rule: 'row-sum',
    severity: 'error',
    sheet: 'S',
    cell: 'E27',
    subject: 'amount',
    actual: null,
    expected: '70.88',
    tolerance: '0.01',
    cells,
    parts: [],
    explains: [],
    message: message('detail.parts', {}),
  }) as unknown as Finding;

test('a figure said to be wrong with what it should be: its own cell, and a pair in its sheet — the other table\'s side is the right one', () => {
  const plan = planMarks([finding([{ sheet: 'S', cell: 'E27' }, { sheet: 'S', cell: 'F7' }, { sheet: 'S', cell: 'K30', other: true }, { sheet: 'T', cell: 'F14', other: true }])], 'zh-CN');
  expect(plan.map((p) => [p.sheet, p.cells.map((c) => c.cell).sort()])).toEqual([['S', ['E27', 'K30']]]);
});

test('a mismatch that cannot tell which side is wrong: own cell, the other table on the same sheet, and another sheet; not a total of its own table', () => {
  const undecided = { ...finding([{ sheet: 'S', cell: 'E27' }, { sheet: 'S', cell: 'F7' }, { sheet: 'S', cell: 'K30', other: true }, { sheet: 'T', cell: 'F14', other: true }]), expected: null };
  const plan = planMarks([undecided], 'zh-CN');
  expect(plan.map((p) => [p.sheet, p.cells.map((c) => c.cell).sort()])).toEqual([
    ['S', ['E27', 'K30']],
    ['T', ['F14']],
  ]);
});
