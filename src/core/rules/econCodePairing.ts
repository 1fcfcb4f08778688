import { cellAddress } from '../address';
import type { Finding } from '../finding';
import type { DetectedTable, TableColumn, TableRow } from '../table';
import { columnGroups } from './toolkit/rowStructure';
import type { RuleSpec } from './toolkit/ruleSpec';
import { bodyRows, cleanLabel, tableShort } from './toolkit/tableAccess';
import { cellFinding } from './toolkit/cellFinding';
import { cellArg, codeArg, message, tableArg } from '../messages/message';

export interface PairedRow {
  table: DetectedTable;
  row: TableRow;
  /** Department economic code (30108) and government one (50102). */
  dept: string;
  gov: string;
  deptCol?: TableColumn;
}

function deptColumn(t: DetectedTable): TableColumn | undefined {
  return t.columns.find((c) => c.role === 'econ-lei') ?? t.columns.find((c) => c.role === 'econ-code');
}

export function pairedRows(tables: DetectedTable[]): PairedRow[] {
  const out: PairedRow[] = [];
  for (const t of tables) {
    if (columnGroups(t).length > 1) continue;
    const rows = bodyRows(t);
    // (Indexed: a for…of run once an audit allocates per row until optimised.)
    for (let k = 0; k < rows.length; k++) {
      const r = rows[k];
      if (r.role !== 'detail' || !r.econCode || !r.govEconCode) continue;
      if (r.econCode.length < 5 || r.govEconCode.length < 5) continue;
      out.push({ table: t, row: r, dept: r.econCode, gov: r.govEconCode, deptCol: deptColumn(t) });
    }
  }
  return out;
}

/**
 * Every paired row of a run's tables whose department 类 is one its government code is never paired
 * with elsewhere, and the 类 the code goes with (50201 办公经费 goes with 302xx everywhere else, so
 * 30108 beside it is misfiled). Worked out once per run (econ-code-pairing reports them, cross-code-names sets
 * them aside), by counts per code prefix: comparing each row with every other was quadratic.
 */
export function misfiledRows(tables: DetectedTable[]): Map<PairedRow, string> {
  let out = misfiledByRun.get(tables);
  if (!out) {
    out = new Map();
    const all = pairedRows(tables);
    const counts = partnerCounts(all);
    for (const p of all) {
      const usual = usualPartner(p, counts);
      if (usual) out.set(p, usual);
    }
    misfiledByRun.set(tables, out);
  }
  return out;
}

// (Keyed by the run's list of tables: a run again with corrected units passes a new list.)
const misfiledByRun = new WeakMap<DetectedTable[], Map<PairedRow, string>>();

/**
 * By a government code's first digits (its 款 50201, its 类 502), how many rows pair it with each
 * department 类, the 类 in the order first met. A prefix's length tells which reading it is.
 */
function partnerCounts(all: PairedRow[]): Map<string, Map<string, number>> {
  const lengths = [...new Set([3, ...all.map((p) => p.gov.length)])];
  const counts = new Map<string, Map<string, number>>();
  for (const q of all) {
    const lei = q.dept.slice(0, 3);
    for (const len of lengths) {
      if (q.gov.length < len) continue;
      const prefix = q.gov.slice(0, len);
      let partners = counts.get(prefix);
      if (!partners) counts.set(prefix, (partners = new Map()));
      partners.set(lei, (partners.get(lei) ?? 0) + 1);
    }
  }
  return counts;
}

/**
 * The 类 the other rows pair `p`'s government code with, when `p`'s own 类 is not among them: by its
 * 款 (50201), or by its 类 (502) where no other row has that 款. The most frequent wins, the first
 * met on a tie.
 */
function usualPartner(p: PairedRow, counts: Map<string, Map<string, number>>): string | undefined {
  const lei = p.dept.slice(0, 3);
  for (const len of [p.gov.length, 3]) {
    // The counts include `p` itself, once under its own 类.
    const partners = counts.get(p.gov.slice(0, len))!;
    const own = partners.get(lei)!;
    if (own > 1) return undefined; // another row pairs the code with this 类 too
    if (partners.size === 1) continue; // no other row has the code
    let best: string | undefined;
    let most = 0;
    for (const [l, n] of partners) {
      if (l !== lei && n > most) {
        best = l;
        most = n;
      }
    }
    return best;
  }
  return undefined;
}

/**
 * Department and government economic codes are paired (301xx ↔ 501xx/50501, 302xx ↔
 * 502xx/50502 …). A department code whose government partner goes with another 类 on
 * every other row of the workbook was mistyped: warning at the department code cell.
 */
export const econCodePairing: RuleSpec = {
  id: 'econ-code-pairing',
  emits: { 'econ-code-pairing': 'warning' },
  collect: ({ tables }) => {
    const findings: Finding[] = [];
    for (const [p, usual] of misfiledRows(tables)) {
      if (!p.deptCol) continue;
      const cell = cellAddress(p.row.row, p.deptCol.col);
      const expected = `${usual}${p.dept.slice(3)}`;
      findings.push(
        cellFinding({
          rule: 'econ-code-pairing',
          severity: 'warning',
          table: p.table,
          cell,
          name: cleanLabel(p.row.label),
          subject: 'code',
          actual: p.dept,
          expected,
          message: message('code.pairing', {
            table: tableArg(tableShort(p.table)),
            cell: cellArg(cell),
            actual: codeArg(p.dept),
            gov: codeArg(p.gov),
            expected: codeArg(expected),
          }),
        }),
      );
    }
    return { findings };
  },
};
