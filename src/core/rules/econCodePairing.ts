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
    for (const r of bodyRows(t)) {
      if (r.role !== 'detail' || !r.econCode || !r.govEconCode) continue;
      if (r.econCode.length < 5 || r.govEconCode.length < 5) continue;
      out.push({ table: t, row: r, dept: r.econCode, gov: r.govEconCode, deptCol: deptColumn(t) });
    }
  }
  return out;
}

/**
 * Is this row's department 类 one its government code is never paired with elsewhere?
 * (50201 办公经费 goes with 302xx everywhere else, so 30108 beside it is misfiled.)
 * Returns the 类 the government code goes with, or undefined when the pairing is usual.
 */
export function pairingOutlier(p: PairedRow, all: PairedRow[]): string | undefined {
  const lei = p.dept.slice(0, 3);
  // By the government 款 (50201); a 款 seen nowhere else is judged by its 类 (502).
  for (const len of [p.gov.length, 3]) {
    const partners = new Map<string, number>();
    for (const q of all) {
      if (q === p || q.gov.slice(0, len) !== p.gov.slice(0, len)) continue;
      const l = q.dept.slice(0, 3);
      partners.set(l, (partners.get(l) ?? 0) + 1);
    }
    if (partners.size === 0) continue;
    if (partners.has(lei)) return undefined;
    return [...partners.entries()].sort((a, b) => b[1] - a[1])[0][0];
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
    const all = pairedRows(tables);
    for (const p of all) {
      const usual = pairingOutlier(p, all);
      if (!usual || !p.deptCol) continue;
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
