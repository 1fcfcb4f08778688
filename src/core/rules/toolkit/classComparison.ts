import Decimal from 'decimal.js';
import { cellAddress } from '../../address';
import { formatAmount } from '../../amount';
import type { Finding, Severity } from '../../finding';
import { amountArg, cellArg, codeArg, countArg, message, messageArg, nameArg, tableArg } from '../../messages/message';
import type { DetectedTable } from '../../table';
import { evaluate, explainedCheck, judge, type Outcome, type Reclassification, type SumCheck } from './sumCheck';
import { cellRef, isNought, tableShort, type Figure } from './tableAccess';
import { functionClassName } from './functionClasses';

/**
 * A figure per 类 on one side (a summary's ordinal line, a table's 类 row) against the
 * figures of the same 类 in a coded table. One check per 类. When one 类 has too much by
 * exactly what another lacks, and one row of the coded table carries that amount, the
 * row's code is the mistake: the finding names the code cell, not the two totals.
 */
export interface ClassComparison {
  rule: string;
  severity: Severity;
  /** The figure each 类 has on the stated side. */
  stated: Map<string, Figure>;
  /** The figures of each 类 in the coded table. */
  parts: Map<string, Figure[]>;
  codedTable: DetectedTable;
  /** Where the coded table writes a row's 类 (the 类 column or the code column). */
  codeColumn?: number;
  /** Where the stated side names each 类 (a summary's line label), to name a mislabelled line. */
  labelCells?: Map<string, { row: number; col: number; label: string }>;
  explain?: (difference: Decimal, tolerance: Decimal) => Reclassification | null;
}

export function compareByClass(c: ClassComparison, strict: boolean): { checks: SumCheck[]; findings: Finding[] } {
  const checks: SumCheck[] = [];
  const findings: Finding[] = [];
  // Only tables that both break their figures down by 类 can be compared by 类 (a 支出表 by
  // use, 基本/项目, has no 类 lines; a 财政拨款收支表 by use has no function lines).
  if (c.stated.size === 0 || c.parts.size === 0) return { checks, findings };
  // A table split over pages holds some of its 类 on each part: not compared (continuedTables.ts) — the coded table,
  // or the summary whose 类 lines run on to its next page.
  if (c.codedTable.splitOverPages || [...c.stated.values()][0]?.table.splitOverPages) return { checks, findings };
  relabel(c, strict, findings);
  const classes = [...new Set([...c.stated.keys(), ...c.parts.keys()])].sort();
  // Each 类 compared, and its check, one for one (indexed: a for…of allocates per 类 until optimised).
  const leis: string[] = [];
  const made: SumCheck[] = [];
  for (let i = 0; i < classes.length; i++) {
    const lei = classes[i];
    const stated = c.stated.get(lei);
    const parts = c.parts.get(lei) ?? [];
    if (!stated) {
      const shown = parts.filter((p) => p.shown && !isNought(p));
      if (shown.length === 0) continue;
      const sum = shown.reduce((s, p) => s.plus(p.value), new Decimal(0));
      const first = shown[0];
      const other = [...c.stated.values()][0];
      findings.push({
        rule: c.rule,
        severity: c.severity,
        sheet: first.table.sheet,
        cell: cellAddress(first.row, first.col),
        table: first.table.id,
        name: first.name,
        subject: 'amount',
        actual: formatAmount(sum, first.decimals),
        expected: null,
        tolerance: '0',
        decimals: first.decimals,
        cells: [cellRef(first)],
        parts: shown.map(cellRef),
        explains: [],
        message: message('class.missing', {
          table: tableArg(tableShort(first.table)),
          code: codeArg(lei),
          sum: amountArg(formatAmount(sum, first.decimals), first.decimals),
          other: tableArg(other ? tableShort(other.table) : '—'),
        }),
      });
      continue;
    }
    const check: SumCheck = {
      rule: c.rule,
      severity: c.severity,
      direction: 'cross',
      stated,
      parts,
      partsName: messageArg('detail.rows-of-class', { table: tableArg(tableShort(c.codedTable)), code: codeArg(lei) }),
      explain: c.explain,
    };
    leis.push(lei);
    made.push(check);
  }
  // A mis-coded row: 类 A over by d, 类 B under by d, a row of 类 A worth d. (Judged, not evaluated:
  // a check that holds, as most do, makes no outcome here only to be dropped.)
  const over: { lei: string; o: Outcome }[] = [];
  const under: { lei: string; o: Outcome }[] = [];
  for (let i = 0; i < made.length; i++) {
    const o = judge(made[i], strict);
    if (o === null || typeof o === 'number' || o.consistent) continue;
    if (o.difference.isNegative()) over.push({ lei: leis[i], o });
    else if (o.difference.isPositive()) under.push({ lei: leis[i], o });
  }
  const moved = new Set<string>();
  for (const a of over) {
    for (const b of under) {
      if (moved.has(a.lei) || moved.has(b.lei)) continue;
      // The row is worth what 类 B lacks; 类 A is over by at least that much (it may
      // have had a gap of its own before).
      const d = b.o.difference;
      const over = a.o.difference.negated();
      if (over.plus(a.o.tolerance).lt(d)) continue;
      const row = (c.parts.get(a.lei) ?? []).find((p) => p.value.minus(d).abs().lte(b.o.tolerance));
      if (!row || c.codeColumn === undefined) continue;
      moved.add(a.lei);
      moved.add(b.lei);
      const codeCell = cellAddress(row.row, c.codeColumn);
      const t = c.codedTable;
      findings.push({
        rule: `${c.rule}-code`,
        severity: 'error',
        sheet: t.sheet,
        cell: codeCell,
        table: t.id,
        name: row.name,
        subject: 'code',
        actual: a.lei,
        expected: b.lei,
        tolerance: '0',
        cells: [{ sheet: t.sheet, cell: codeCell }],
        parts: [cellRef(row)],
        explains: [explainedCheck(a.o), explainedCheck(b.o)],
        message: message('class.code', {
          table: tableArg(tableShort(t)),
          cell: cellArg(codeCell),
          actual: codeArg(a.lei),
          expected: codeArg(b.lei),
          row: countArg(row.row),
          amount: amountArg(formatAmount(row.value, row.decimals), row.decimals),
        }),
        culprit: true,
      });
    }
  }
  for (let i = 0; i < made.length; i++) if (!moved.has(leis[i])) checks.push(made[i]);
  return { checks, findings };
}


/**
 * A mislabelled summary line: 类 M is used by the coded table but no line names it, while
 * a line naming 类 X (used nowhere) carries exactly M's amount. The label is the slip:
 * named at the label cell, and both classes are taken out of the comparison.
 */
function relabel(c: ClassComparison, strict: boolean, findings: Finding[]): void {
  if (!c.labelCells) return;
  const used = (lei: string) => (c.parts.get(lei) ?? []).some((p) => p.shown && !isNought(p));
  for (const [missing, parts] of [...c.parts]) {
    if (c.stated.has(missing) || !used(missing)) continue;
    for (const [x, stated] of [...c.stated]) {
      if (used(x) || !stated.shown || isNought(stated)) continue;
      const o = evaluate({ rule: c.rule, severity: c.severity, direction: 'cross', stated, parts }, strict);
      if (!o || !o.consistent) continue;
      const at = c.labelCells.get(x);
      if (!at) continue;
      const t = stated.table;
      const cell = cellAddress(at.row, at.col);
      const name = functionClassName(missing) ?? missing;
      findings.push({
        rule: `${c.rule}-label`,
        severity: 'error',
        sheet: t.sheet,
        cell,
        table: t.id,
        name: at.label,
        subject: 'label',
        actual: at.label,
        expected: name,
        tolerance: '0',
        cells: [{ sheet: t.sheet, cell }],
        parts: parts.map(cellRef),
        explains: [explainedCheck(o)],
        message: message('class.label', {
          table: tableArg(tableShort(t)),
          cell: cellArg(cell),
          actual: nameArg(at.label),
          expected: nameArg(name),
          amount: amountArg(formatAmount(stated.value, stated.decimals), stated.decimals),
          code: codeArg(missing),
        }),
        culprit: true,
      });
      c.stated.delete(x);
      c.parts.delete(missing);
      break;
    }
  }
}
