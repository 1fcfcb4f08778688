import type { Finding } from '../../finding';
import { cellArg, countArg, message, nameArg, tableArg } from '../../messages/message';
import type { DetectedTable, Unit } from '../../table';
import { evaluate, explainedCheck, tablesCompared, type Outcome } from './sumCheck';
import { tableShort } from './tableAccess';
import { tableNote } from './cellFinding';

/**
 * A clerk changes one table's caption (单位：万元 → 单位：元) but not its figures: each of its
 * comparisons with other tables then fails by the same power of ten, while its own sums still
 * hold. Such a table is told once, at its caption, and is checked as if the caption were right
 * (ruleSpec.ts runs the checks again): the cross-table gaps and the narrative's claims that the
 * unit explains go, a real slip of a figure is still named.
 */
export const TABLE_UNIT_ID = 'table-unit';

const UNITS: Unit[] = ['元', '千元', '万元', '亿元'];

/** At least this many comparisons with other tables must agree under the other unit: one coincidence never decides. */
const MIN_AGREEING = 3;

export interface WrongUnit {
  table: DetectedTable;
  /** The unit its caption states. */
  stated: Unit;
  /** The unit its figures agree with the other tables in. */
  right: Unit;
  /** The comparisons failing under the stated unit that agree under the right one. */
  agreeing: Outcome[];
}

/**
 * The tables whose caption states the wrong unit: most of their comparisons with other tables
 * fail, and under one other unit at least MIN_AGREEING of those agree and far fewer fail. Where
 * two tables could be the one (each compared only with the other), neither is named.
 */
export function wrongUnits(outcomes: Outcome[], strict: boolean): WrongUnit[] {
  const byTable = new Map<DetectedTable, Outcome[]>();
  for (const o of outcomes) {
    const tables = tablesCompared(o);
    if (!tables) continue;
    for (const t of tables) {
      const list = byTable.get(t);
      if (list) list.push(o);
      else byTable.set(t, [o]);
    }
  }
  const candidates: WrongUnit[] = [];
  for (const [table, list] of byTable) {
    const stated = table.unit;
    if (!stated || !table.unitCell || table.kind === 'narrative') continue;
    const failing = list.filter((o) => !o.consistent);
    if (failing.length < MIN_AGREEING || failing.length * 2 <= list.length) continue;
    let best: WrongUnit | undefined;
    let bestFailing = Infinity;
    for (const unit of UNITS) {
      if (unit === stated) continue;
      table.unit = unit;
      let agreeing: Outcome[];
      let stillFailing = 0;
      try {
        agreeing = [];
        for (const o of list) {
          const again = evaluate(o.check, strict);
          if (!again || again.consistent) {
            if (!o.consistent) agreeing.push(o);
          } else stillFailing++;
        }
      } finally {
        table.unit = stated;
      }
      if (agreeing.length < MIN_AGREEING || stillFailing * 2 >= failing.length || stillFailing * 2 >= list.length) continue;
      if (!best || agreeing.length > best.agreeing.length || (agreeing.length === best.agreeing.length && stillFailing < bestFailing)) {
        best = { table, stated, right: unit, agreeing };
        bestFailing = stillFailing;
      }
    }
    if (best) candidates.push(best);
  }
  // The table explaining most comparisons is the one; another whose agreeing comparisons are
  // with it is only its partner. Two explaining as many with each other: neither can be told.
  candidates.sort((a, b) => b.agreeing.length - a.agreeing.length);
  const chosen: WrongUnit[] = [];
  const taken = new Set<Outcome>();
  const refused = new Set<WrongUnit>();
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i];
    if (refused.has(c) || c.agreeing.some((o) => taken.has(o))) continue;
    const rival = candidates.find((d, j) => j !== i && d.agreeing.length === c.agreeing.length && d.agreeing.some((o) => c.agreeing.includes(o)));
    if (rival) {
      refused.add(rival);
      for (const o of c.agreeing) taken.add(o);
      continue;
    }
    chosen.push(c);
    for (const o of c.agreeing) taken.add(o);
  }
  return chosen;
}

/** The one finding at the table's caption: its unit is wrong, its figures agree with the others in another. */
export function unitFinding(w: WrongUnit): Finding {
  const t = w.table;
  const cell = t.unitCell!;
  return {
    rule: TABLE_UNIT_ID,
    severity: 'error',
    sheet: t.sheet,
    cell,
    table: t.id,
    name: '单位',
    subject: 'text',
    actual: w.stated,
    expected: w.right,
    tolerance: '0',
    cells: [{ sheet: t.sheet, cell }],
    parts: [],
    explains: w.agreeing.map(explainedCheck),
    message: message('table.unit', {
      table: tableArg(tableShort(t)),
      cell: cellArg(cell),
      actual: nameArg(w.stated),
      expected: nameArg(w.right),
      count: countArg(w.agreeing.length),
    }),
  };
}

/** The tables that state no unit, read in the 元 the 情况说明's amounts agree with: said once, quietly, at the first. */
export function unitFromNarrativeFinding(tables: DetectedTable[]): Finding {
  const first = tables[0];
  return tableNote(first, TABLE_UNIT_ID, (cell) =>
    message('table.unit-from-narrative', { table: tableArg(tableShort(first)), cell: cellArg(cell), count: countArg(tables.length), unit: nameArg(first.unit ?? '元') }),
  );
}
