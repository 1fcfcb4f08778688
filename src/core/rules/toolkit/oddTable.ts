import { parseCellAddress } from '../../address';
import type { Finding } from '../../finding';
import { countArg, listArg, message, tableArg } from '../../messages/message';
import type { DetectedTable } from '../../table';
import { tableNote } from './cellFinding';
import { evaluate, explainedCheck, tablesCompared, withFigures, type Outcome, type SumCheck } from './sumCheck';
import { tableShort } from './tableAccess';

/**
 * The odd table out. A clerk pastes last year's 一般公共预算支出表 into this year's workbook: the
 * table still adds up, and every comparison with it fails — each one stated at the *other* table's
 * cell (财政拨款收支总表's 类 lines, the 基本支出表's 合计), so the correct tables are blamed and the
 * pasted one is named nowhere. When one table disagrees with two or more tables that agree with
 * everything else, while every table involved adds up on its own, the disagreement is that table's:
 * each comparison is told at its figure, and the table is named once.
 */
export const ODD_TABLE_ID = 'cross-table-odd';

/** At least this many failing comparisons: one or two gaps are a slip, for the cells to tell. */
const MIN_FAILING = 3;

export interface OddTables {
  /** The tables at odds with the rest. */
  tables: DetectedTable[];
  /** A failing comparison stated at a partner's cell, and the same comparison stated at the odd table's figure. */
  relocated: Map<Outcome, Outcome>;
  /** One quiet sentence per odd table. */
  notes: Finding[];
}

interface Standing {
  failing: Outcome[];
  passing: number;
  /** The tables it fails against. */
  partners: Set<DetectedTable>;
  /** The tables it agrees with somewhere. */
  agrees: Set<DetectedTable>;
}

/** The two tables a comparison sets against each other; parts in two other tables: whose figure is off no pair tells. */
function comparedPair(o: Outcome): DetectedTable[] | null {
  const tables = tablesCompared(o);
  return tables && tables.length === 2 ? tables : null;
}

export function oddTablesOut(outcomes: Outcome[], explained: Set<Outcome>, strict: boolean, pastedOver: ReadonlySet<Outcome> = new Set()): OddTables {
  const none: OddTables = { tables: [], relocated: new Map(), notes: [] };
  const standing = new Map<DetectedTable, Standing>();
  // A table with a failing sum of its own is not sound: a gap with it may be that sum's slip.
  const unsound = new Set<DetectedTable>();
  let anyFailing = false;
  for (const o of outcomes) {
    if (o.consistent) {
      // Most checks are a table's own sums: told by their first part, without a list.
      const pair = o.check.parts.length > 0 && o.check.parts[0].table !== o.check.stated.table ? comparedPair(o) : null;
      if (pair) {
        const [a, b] = pair;
        standingOf(standing, a).passing++;
        standingOf(standing, a).agrees.add(b);
        standingOf(standing, b).passing++;
        standingOf(standing, b).agrees.add(a);
      }
      continue;
    }
    if (o.check.evidenceOnly) continue;
    // A failing sum of a table's own, even one a culprit cell explains, leaves the table unsound — not one a
    // column pasted over another explains (copiedColumn.ts): the table is read right and its other columns stand.
    if (o.check.parts.every((p) => p.table === o.check.stated.table)) {
      if (!pastedOver.has(o)) unsound.add(o.check.stated.table);
      continue;
    }
    // A bound (其中 ≤ its total) or three tables at once: whose figure is off no pair tells.
    const pair = comparedPair(o);
    if (!pair) continue;
    // A gap with a known milder reason (a carry-over the table shows), or folded into a culprit cell's finding, is told already.
    if (explained.has(o) || o.reclassified) continue;
    anyFailing = true;
    const [a, b] = pair;
    standingOf(standing, a).failing.push(o);
    standingOf(standing, a).partners.add(b);
    standingOf(standing, b).failing.push(o);
    standingOf(standing, b).partners.add(a);
  }
  if (!anyFailing) return none;
  const out: OddTables = { tables: [], relocated: new Map(), notes: [] };
  for (const [table, s] of standing) {
    if (table.kind === 'narrative' || unsound.has(table) || s.partners.size === 0) continue;
    if (s.failing.length < MIN_FAILING || s.failing.length <= s.passing) continue;
    // Each partner sound and at odds with this table only; one of them at least agreeing with a
    // third table (its figures are the workbook's, not a stray of its own).
    const partners = [...s.partners].map((u) => ({ u, p: standing.get(u)! }));
    if (!partners.every(({ u, p }) => !unsound.has(u) && p.partners.size === 1)) continue;
    const others = (p: Standing) => [...p.agrees].filter((x) => x !== table).length;
    if (!partners.some(({ p }) => others(p) > 0)) continue;
    // One partner only (last year's 支出决算表 against 收支总表 alone): only when this table agrees with
    // no table at all and the partner with two others — two tables cannot be told apart otherwise.
    if (partners.length === 1 && (s.agrees.size > 0 || others(partners[0].p) < 2)) continue;
    for (const o of s.failing) {
      if (o.check.stated.table === table) continue;
      const flipped = statedAt(o.check, table);
      const again = flipped && evaluate(flipped, strict);
      if (again && !again.consistent) out.relocated.set(o, again);
    }
    out.tables.push(table);
    out.notes.push(oddNote(table, s));
  }
  return out;
}

/**
 * The narrative judged against an odd table only (一般公共预算支出 1,000.00 against last year's pasted-in
 * 合计): the prose may well agree with the tables that are right, so its gap with that table is no
 * claim that the prose is wrong — kept, quietly (info).
 */
export function quietAgainstOdd(findings: Finding[], odd: DetectedTable[]): Finding[] {
  if (odd.length === 0) return findings;
  const inOdd = (c: { sheet: string; cell: string }) =>
    odd.some((t) => {
      if (t.sheet !== c.sheet) return false;
      const { row, col } = parseCellAddress(c.cell);
      return row >= t.range.top && row <= t.range.bottom && col >= t.range.left && col <= t.range.right;
    });
  return findings.map((f) => {
    if (!f.rule.startsWith('narrative') || f.severity === 'info') return f;
    const against = f.cells.filter((c) => c.other);
    return against.length > 0 && against.every(inOdd) ? { ...f, severity: 'info' } : f;
  });
}

/**
 * A bound broken against an odd table (05's 类 above the 类 of last year's pasted-in 支出表) says nothing of
 * the other table: those gaps are the odd table's, told by its note. The failing bounds with an odd table
 * on one side and one other table on the other.
 */
export function boundsAgainstOdd(outcomes: Outcome[], odd: DetectedTable[]): Outcome[] {
  if (odd.length === 0) return [];
  return outcomes.filter((o) => {
    if (o.consistent || o.check.comparison !== 'at-most') return false;
    const tables = new Set([o.check.stated.table, ...o.check.parts.map((p) => p.table)]);
    return tables.size === 2 && [...tables].some((t) => odd.includes(t));
  });
}

function standingOf(standing: Map<DetectedTable, Standing>, t: DetectedTable): Standing {
  let s = standing.get(t);
  if (!s) standing.set(t, (s = { failing: [], passing: 0, partners: new Set(), agrees: new Set() }));
  return s;
}

/** The comparison told at the odd table's figure: only where that table's side is one figure. */
function statedAt(check: SumCheck, table: DetectedTable): SumCheck | null {
  const own = check.parts.filter((p) => p.table === table);
  if (own.length !== 1 || check.parts.length !== 1 || own[0].subtracted) return null;
  return { ...withFigures(check, own[0], [check.stated]), explain: undefined };
}

function oddNote(table: DetectedTable, s: Standing): Finding {
  const f = tableNote(table, ODD_TABLE_ID, () =>
    message('table.odd', {
      table: tableArg(tableShort(table)),
      others: listArg([...s.partners].map((t) => tableArg(tableShort(t)))),
      count: countArg(s.failing.length),
    }),
  );
  return { ...f, severity: 'warning', explains: s.failing.map(explainedCheck) };
}
