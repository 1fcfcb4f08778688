import type { DetectedTable } from '../table';
import type { CodedRow } from './facts';

/**
 * The disclosure's coded rows (facts.coded) by the table that lists them. The narrative rules ask for
 * one table's rows per path element and per numbered run: filtering every coded row of the
 * disclosure each time cost more than the rest of those checks. Worked out once per narrative
 * context (keyed by its list of coded rows, let go with it), never kept across audits.
 */
export interface CodedTable {
  /** Its coded rows, in the order of facts.coded. */
  rows: CodedRow[];
  codes: Set<string>;
  /** The rows no other row of the table is below (a 项, or a 款 listed without its 项). */
  leaves(): CodedRow[];
}

export interface CodedByTable {
  /** Tables in the order they first list a coded row. */
  tables: DetectedTable[];
  of(table: DetectedTable): CodedTable | undefined;
}

const kept = new WeakMap<CodedRow[], CodedByTable>();

export function codedByTable(coded: CodedRow[]): CodedByTable {
  let view = kept.get(coded);
  if (!view) kept.set(coded, (view = group(coded)));
  return view;
}

function group(coded: CodedRow[]): CodedByTable {
  const byTable = new Map<DetectedTable, CodedTable>();
  for (let k = 0; k < coded.length; k++) {
    const r = coded[k];
    let view = byTable.get(r.table);
    if (!view) byTable.set(r.table, (view = tableView()));
    view.rows.push(r);
    view.codes.add(r.code);
  }
  return { tables: [...byTable.keys()], of: (table) => byTable.get(table) };
}

function tableView(): CodedTable {
  const rows: CodedRow[] = [];
  let leafRows: CodedRow[] | undefined;
  // (A row is a leaf or not whatever is asked of it: told once, when first asked — by the set of every
  // code's shorter openings, not by holding each row against every other, which a long table made quadratic.)
  const leaves = () => {
    if (leafRows) return leafRows;
    const openings = new Set<string>();
    for (const r of rows) for (let n = 1; n < r.code.length; n++) openings.add(r.code.slice(0, n));
    return (leafRows = rows.filter((r) => !openings.has(r.code)));
  };
  return { rows, codes: new Set(), leaves };
}
