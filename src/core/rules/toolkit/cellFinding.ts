import { cellAddress } from '../../address';
import type { CellRef, Finding, Severity, SubjectKind } from '../../finding';
import type { Message } from '../../messages/message';
import type { DetectedTable } from '../../table';

/**
 * A finding about one cell that is not a sum: a code, a name, an unreadable amount. The cell is
 * both where the sentence points and what is marked (plus `also`, the other side when there is one).
 */
export function cellFinding(f: {
  rule: string;
  severity: Severity;
  table: DetectedTable;
  cell: string;
  name?: string;
  subject: SubjectKind;
  actual: string | null;
  expected: string | null;
  message: Message;
  also?: CellRef[];
}): Finding {
  const here = { sheet: f.table.sheet, cell: f.cell };
  return {
    rule: f.rule,
    severity: f.severity,
    sheet: f.table.sheet,
    cell: f.cell,
    table: f.table.id,
    ...(f.name ? { name: f.name } : {}),
    subject: f.subject,
    actual: f.actual,
    expected: f.expected,
    tolerance: '0',
    cells: [here, ...(f.also ?? []).filter((c) => c.sheet !== here.sheet || c.cell !== here.cell).map((c): CellRef => ({ ...c, other: true }))],
    parts: [],
    explains: [],
    message: f.message,
  };
}

/**
 * A quiet note about a whole table (its reading doubtful, its rows going on from another page), at
 * the first cell of its header: the message is made for that cell.
 */
export function tableNote(table: DetectedTable, rule: string, say: (cell: string) => Message): Finding {
  const cell = cellAddress(table.headerRows?.[0] ?? table.bodyRows[0], table.range.left);
  return cellFinding({ rule, severity: 'info', table, cell, subject: 'text', actual: null, expected: null, message: say(cell) });
}
