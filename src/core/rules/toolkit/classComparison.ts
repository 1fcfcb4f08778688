import Decimal from 'decimal.js';
import { cellAddress } from '../../address';
import { formatAmount, displayAmount } from '../../amount';
import type { Finding, LocalizedText, Severity } from '../../finding';
import type { DetectedTable } from '../../table';
import { relation } from './ruleSpec';
import { evaluate, type Reclassification, type SumCheck } from './sumCheck';
import { cellRef, tableName, type Figure } from './tableAccess';
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
  what: (lei: string) => LocalizedText;
  /** Where the stated side names each 类 (a summary's line label), to name a mislabelled line. */
  labelCells?: Map<string, { row: number; col: number; label: string }>;
  explain?: (difference: Decimal, tolerance: Decimal) => Reclassification | null;
}

export function compareByClass(c: ClassComparison, strict: boolean): { checks: SumCheck[]; findings: Finding[] } {
  const checks: SumCheck[] = [];
  const findings: Finding[] = [];
  relabel(c, strict, findings);
  const classes = new Set([...c.stated.keys(), ...c.parts.keys()]);
  const byClass = new Map<string, SumCheck>();
  for (const lei of [...classes].sort()) {
    const stated = c.stated.get(lei);
    const parts = c.parts.get(lei) ?? [];
    if (!stated) {
      const shown = parts.filter((p) => p.shown && !p.value.isZero());
      if (shown.length === 0) continue;
      const sum = shown.reduce((s, p) => s.plus(p.value), new Decimal(0));
      const first = shown[0];
      findings.push({
        rule: c.rule,
        severity: c.severity,
        sheet: first.table.sheet,
        cell: cellAddress(first.row, first.col),
        cells: shown.map(cellRef),
        parts: shown.map(cellRef),
        actual: formatAmount(sum, first.decimals),
        expected: null,
        tolerance: '0',
        message: {
          'zh-CN': `${tableName(first.table, 'zh-CN')} 类 ${lei} 合计 ${displayAmount(sum, first.decimals)}，但对照表中没有类 ${lei} 的行（${c.what(lei)['zh-CN']}）`,
          en: `${tableName(first.table, 'en')} 类 ${lei} adds to ${displayAmount(sum, first.decimals)} but the other table has no line for 类 ${lei} (${c.what(lei).en})`,
        },
        table: first.table.id,
      });
      continue;
    }
    const check: SumCheck = {
      rule: c.rule,
      severity: c.severity,
      direction: 'cross',
      stated,
      parts,
      relation: c.what(lei),
      explain: c.explain,
    };
    byClass.set(lei, check);
  }
  // A mis-coded row: 类 A over by d, 类 B under by d, a row of 类 A worth d.
  const outcomes = [...byClass.entries()].map(([lei, ch]) => ({ lei, ch, o: evaluate(ch, strict) }));
  const over = outcomes.filter((x) => x.o && !x.o.consistent && x.o.difference.isNegative());
  const under = outcomes.filter((x) => x.o && !x.o.consistent && x.o.difference.isPositive());
  const moved = new Set<string>();
  for (const a of over) {
    for (const b of under) {
      if (moved.has(a.lei) || moved.has(b.lei)) continue;
      // The row is worth what 类 B lacks; 类 A is over by at least that much (it may
      // have had a gap of its own before).
      const d = b.o!.difference;
      const over = a.o!.difference.negated();
      if (over.plus(a.o!.tolerance).lt(d)) continue;
      const row = (c.parts.get(a.lei) ?? []).find((p) => p.value.minus(d).abs().lte(b.o!.tolerance));
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
        cells: [{ sheet: t.sheet, cell: codeCell }, cellRef(row), cellRef(a.ch.stated), cellRef(b.ch.stated)],
        parts: [cellRef(row)],
        actual: a.lei,
        expected: b.lei,
        difference: formatAmount(d, row.decimals),
        tolerance: a.o!.tolerance.toFixed(row.decimals + 1),
        message: {
          'zh-CN':
            `${tableName(t, 'zh-CN')} ${codeCell} 科目类 ${a.lei} 疑为 ${b.lei}：第${row.row}行 ${displayAmount(row.value, row.decimals)} 使类 ${a.lei} 比对照数多出 ${displayAmount(d, row.decimals)}，` +
            `类 ${b.lei} 恰好少了同一金额（${a.ch.relation['zh-CN']}；${b.ch.relation['zh-CN']}）`,
          en:
            `${tableName(t, 'en')} ${codeCell} class ${a.lei} looks like ${b.lei}: row ${row.row} (${displayAmount(row.value, row.decimals)}) puts 类 ${a.lei} over its counterpart by ${displayAmount(d, row.decimals)} ` +
            `and 类 ${b.lei} is short by the same amount (${a.ch.relation.en}; ${b.ch.relation.en})`,
        },
        table: t.id,
        culprit: true,
      });
    }
  }
  for (const [lei, ch] of byClass) if (!moved.has(lei)) checks.push(ch);
  return { checks, findings };
}

export { relation };

/**
 * A mislabelled summary line: 类 M is used by the coded table but no line names it, while
 * a line naming 类 X (used nowhere) carries exactly M's amount. The label is the slip:
 * named at the label cell, and both classes are taken out of the comparison.
 */
function relabel(c: ClassComparison, strict: boolean, findings: Finding[]): void {
  if (!c.labelCells) return;
  const used = (lei: string) => (c.parts.get(lei) ?? []).some((p) => p.shown && !p.value.isZero());
  for (const [missing, parts] of [...c.parts]) {
    if (c.stated.has(missing) || !used(missing)) continue;
    for (const [x, stated] of [...c.stated]) {
      if (used(x) || !stated.shown || stated.value.isZero()) continue;
      const o = evaluate({ rule: c.rule, severity: c.severity, direction: 'cross', stated, parts, relation: c.what(missing) }, strict);
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
        cells: [{ sheet: t.sheet, cell }, cellRef(stated), ...parts.map(cellRef)],
        parts: parts.map(cellRef),
        actual: at.label,
        expected: name,
        tolerance: o.tolerance.toFixed(stated.decimals + 1),
        message: {
          'zh-CN': `${tableName(t, 'zh-CN')} ${cell}「${at.label}」疑为「${name}」：该行金额 ${displayAmount(stated.value, stated.decimals)} 正是对照表类 ${missing} 的合计，而类 ${x} 在对照表中没有金额、类 ${missing} 在本表没有对应行`,
          en: `${tableName(t, 'en')} ${cell} "${at.label}" looks like "${name}": its amount ${displayAmount(stated.value, stated.decimals)} is exactly 类 ${missing} of the other table, which uses no 类 ${x} and has no line here for 类 ${missing}`,
        },
        table: t.id,
        culprit: true,
      });
      c.stated.delete(x);
      c.parts.delete(missing);
      break;
    }
  }
}
