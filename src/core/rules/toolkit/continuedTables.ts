import type { Finding } from '../../finding';
import { cellArg, message, tableArg } from '../../messages/message';
import type { DetectedTable } from '../../table';
import { tableNote } from './cellFinding';
import type { SumCheck } from './sumCheck';
import { tableShort } from './tableAccess';

/**
 * A table split over pages (detect/continuation.ts) is not yet checked as one: its first part's 合计
 * covers rows on the next, and a 类 may start on one page and end on the other. Its checks along a
 * row still hold (合计 = 基本支出 + 项目支出 on every line); those down its columns and against
 * other tables are left out, and each later part says so once, quietly.
 */
export const TABLE_CONTINUED_ID = 'table-continued';

/** A check that needs a split table whole: down a column of it, or across to another table. */
export function needsWholeTable(c: SumCheck, split: Set<string>): boolean {
  if (c.direction === 'row' && c.parts.every((p) => p.table === c.stated.table)) return false;
  return split.has(c.stated.table.id) || c.parts.some((p) => split.has(p.table.id));
}


export function continuedFinding(part: DetectedTable, tables: DetectedTable[]): Finding {
  const first = tables.find((t) => t.id === part.continues);
  // (A table printed two-up: its second half stands beside the first, on the same sheet.)
  const beside = first !== undefined && first.sheet === part.sheet && part.range.top <= first.range.bottom;
  return tableNote(part, TABLE_CONTINUED_ID, (cell) =>
    beside
      ? message('table.continuedBeside', { table: tableArg(tableShort(first)), cell: cellArg(cell) })
      : message('table.continued', { table: tableArg(part.sheet), first: tableArg(first ? tableShort(first) : part.continues ?? ''), cell: cellArg(cell) }),
  );
}
