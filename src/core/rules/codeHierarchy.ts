import { cellAddress } from '../address';
import type { Finding } from '../finding';
import { cellArg, codeArg, message, tableArg, type Message } from '../messages/message';
import { cellFinding } from './toolkit/cellFinding';
import type { DetectedTable } from '../table';
import { isSideBySide } from './columnTotal';
import type { RuleSpec } from './toolkit/ruleSpec';
import { codeChildren, codeLengthsOf, codeLists, rowName, type RowView } from './toolkit/rowStructure';
import type { SumCheck } from './toolkit/sumCheck';
import { figureAt, tableShort } from './toolkit/tableAccess';
import { gather } from './toolkit/gather';

export function codeHierarchyChecks(table: DetectedTable): SumCheck[] {
  // Codes in a table of unknown kind (物资编码, 资产编号) are no subject codes.
  if (table.kind === 'narrative' || table.kind === 'unknown' || isSideBySide(table)) return [];
  const checks: SumCheck[] = [];
  // A list wrapped from one group into the next is one list (302 = Σ 302xx over both groups), each
  // row's figure in its own group's column of the same place (the k-th amount column of each).
  for (const { group, lists, spilled } of codeLists(table)) {
    const at = (r: RowView, k: number) => figureAt(table, r.row.row, (r.group ?? group).amountColumns[k].col);
    for (const rows of lists) {
      for (const { parent, children } of codeChildren(rows)) {
        // Items of this parent may stand in another group too (a wrap not told for sure): not judged.
        if (spilled(parent.code!)) continue;
        group.amountColumns.forEach((_, k) => {
          checks.push({ rule: 'code-hierarchy', severity: 'error', direction: 'column', stated: at(parent, k), parts: children.map((c) => at(c, k)) });
        });
      }
    }
  }
  return checks;
}

/**
 * The 类 and 款 codes (3 and 5 digits) that have rows of their own in the list: a longer code
 * starting with them, or a second row of the same code. Found once per list, not by a search of
 * the list for each row under a head.
 */
function withOwnRows(rows: RowView[]): Set<string> {
  const out = new Set<string>();
  const seen = new Set<string>();
  for (const r of rows) {
    const c = r.code;
    if (!c) continue;
    if (seen.has(c)) out.add(c);
    seen.add(c);
    for (const n of [3, 5]) if (c.length > n) out.add(c.slice(0, n));
  }
  return out;
}

/**
 * Where parents are shown (one code column with 208 / 20805 / 2080505), every code's
 * parent must be there: a 项 whose 款 or 类 is missing was mistyped or misfiled.
 */
export function orphanCodes(table: DetectedTable): Finding[] {
  if (table.kind === 'narrative' || table.kind === 'unknown' || isSideBySide(table)) return [];
  const out: Finding[] = [];
  for (const { group, lists, elsewhere } of codeLists(table)) {
    const tableCodeCol = group.codeColumn ?? table.columns.find((c) => c.role === 'function-code' || c.role === 'econ-code');
    if (!tableCodeCol) continue;
    // A row of a wrapped list is named at its own group's code cell.
    const codeColOf = (r: RowView) => r.group?.codeColumn ?? tableCodeCol;
    for (const listed of lists) {
      const lengths = codeLengthsOf(listed);
      const showsParents = lengths.includes(3) && lengths[0] > 3;
      if (!showsParents) continue;
      // A list printing 类 and 项 lines and no 款 at all (a template's choice, not a slip): a 项's parent is its 类.
      const showsKuan = lengths.includes(5);
      // A list printing each 类 and 款 after its items (a subtotal at the foot of its group) is read
      // from the foot up: a row then stands under the next 类 below it, not the last one above.
      const rows = parentsAfterItems(listed) ? [...listed].reverse() : listed;
      const codes = new Set(rows.map((r) => r.code).filter((c): c is string => !!c));
      const heads = withOwnRows(rows);
      // A parent row whose own code was mistyped: the rows under it all miss the same parent
      // P, and it has no children of its own. Name the parent row (expected P), not them.
      // (A 款 under its 类 is such a parent only where its figures took the rows in: rowStructure.ts placeUnderMistypedHeads.)
      const adopted = new Set(rows.map((r) => r.placedUnder));
      const blamed = new Map<RowView, string>();
      let head: RowView | undefined;
      for (const r of rows) {
        if (!r.code) continue;
        if (head && r.code.length > head.code!.length) {
          const p = r.code.slice(0, head.code!.length);
          if (!codes.has(p) && !heads.has(head.code!)) {
            if (!blamed.has(head)) blamed.set(head, p);
            else if (blamed.get(head) !== p) blamed.set(head, '');
          }
          if (r.code.length === 5 && adopted.has(r)) head = r;
          continue;
        }
        head = r.code.length === 3 || r.code.length === 5 ? r : undefined;
      }
      for (const [r, p] of blamed) {
        if (!p) continue;
        const cell = cellAddress(r.row.row, codeColOf(r).col);
        out.push(codeFinding(table, cell, r, p, message('code.parent-typo', { table: tableArg(tableShort(table)), cell: cellArg(cell), actual: codeArg(r.code!), expected: codeArg(p) })));
      }
      const blamedPrefixes = [...blamed.values()].filter(Boolean);
      // A row of one 类 listed among another's is a mistyped code only where it stands alone there: a list sorted by its
      // figures or names has runs of a 类 in another's place, and none of them is 列在 another 类 之下 by a slip. (And only
      // in a list whose 类 step down once at most, back from the mistyped row: 208 210 20805 21011 …, 类 then 款 then 项,
      // has none of them in its place.)
      const alone = classDescents(listed) <= 1 ? standingAlone(rows) : new Set<RowView>();
      let currentClass: string | undefined;
      for (const r of rows) {
        if (r.code?.length === 3) currentClass = r.code;
        if (!r.code || r.code.length <= 3) continue;
        if (blamedPrefixes.some((p) => r.code!.startsWith(p))) continue; // explained by its parent row
        // A row its place and figures put under another parent (placeMistyped) than its code names.
        const parent = r.placedUnder ? r.code.slice(0, r.placedUnder.code!.length) : r.code.length === 7 && showsKuan ? r.code.slice(0, 5) : r.code.slice(0, 3);
        if (r.placedUnder && codes.has(parent)) {
          const cell = cellAddress(r.row.row, codeColOf(r).col);
          const args = { table: tableArg(tableShort(table)), cell: cellArg(cell), actual: codeArg(r.code), under: codeArg(r.placedUnder.code!), own: codeArg(parent) };
          out.push(codeFinding(table, cell, r, null, message('code.placed-under', args)));
          continue;
        }
        // Listed under another 类 while its own 类 is listed elsewhere: the code was mistyped.
        const misplaced = alone.has(r) && currentClass !== undefined && !r.code.startsWith(currentClass) && codes.has(r.code.slice(0, 3));
        if (codes.has(parent) && !misplaced) continue;
        // Its parent stands in another group, whose list may go on here (a wrap not told for sure).
        if (!misplaced && elsewhere(parent)) continue;
        const cell = cellAddress(r.row.row, codeColOf(r).col);
        const head = { table: tableArg(tableShort(table)), cell: cellArg(cell), actual: codeArg(r.code) };
        out.push(
          codeFinding(
            table,
            cell,
            r,
            null,
            misplaced
              ? message('code.misplaced', { ...head, under: codeArg(currentClass!), own: codeArg(r.code.slice(0, 3)) })
              : message('code.parent-missing', { ...head, parent: codeArg(parent) }),
          ),
        );
      }
    }
  }
  return out;
}

/**
 * The list prints its parents after their items (2010601, 2010602, 20106, 201): of the 类 and 款 rows
 * with items listed, more have the nearest of them above than below.
 */
function parentsAfterItems(rows: RowView[]): boolean {
  const heads = new Map<string, { at: number; above: number; below: number }>();
  rows.forEach((r, i) => {
    if (r.code && (r.code.length === 3 || r.code.length === 5) && !heads.has(r.code)) heads.set(r.code, { at: i, above: Infinity, below: Infinity });
  });
  rows.forEach((r, i) => {
    const c = r.code;
    if (!c) return;
    for (const n of [3, 5]) {
      const h = c.length > n ? heads.get(c.slice(0, n)) : undefined;
      if (!h) continue;
      if (i < h.at) h.above = Math.min(h.above, h.at - i);
      else h.below = Math.min(h.below, i - h.at);
    }
  });
  let after = 0;
  let before = 0;
  for (const h of heads.values()) {
    if (h.above < h.below) after++;
    else if (h.below < h.above) before++;
  }
  return after > before;
}

/** How many times the list's 类 step down (210 → 208): none in a list in code order, its parents before or after their items. */
function classDescents(rows: RowView[]): number {
  let current: string | undefined;
  let down = 0;
  for (const r of rows) {
    if (!r.code) continue;
    const cls = r.code.slice(0, 3);
    if (current !== undefined && cls < current) down++;
    current = cls;
  }
  return down;
}

/**
 * The coded rows standing alone among another 类's rows: neither the coded row before nor the one after is of their own 类.
 * A mistyped code is such a row (2080506 among 210's lines); a list sorted by its figures or names moves whole runs of a
 * 类 (2080505 | 20805 under 210's lines), none alone.
 */
function standingAlone(rows: RowView[]): Set<RowView> {
  const coded = rows.filter((r) => r.code);
  const out = new Set<RowView>();
  coded.forEach((r, i) => {
    const cls = r.code!.slice(0, 3);
    if (coded[i - 1]?.code!.slice(0, 3) !== cls && coded[i + 1]?.code!.slice(0, 3) !== cls) out.add(r);
  });
  return out;
}

/** A code cell that is wrong as a code (no sum involved): `expected` is the code it looks like, if any. */
function codeFinding(table: DetectedTable, cell: string, r: RowView, expected: string | null, msg: Message): Finding {
  return cellFinding({ rule: 'code-parent-missing', severity: 'error', table, cell, name: rowName(r.row, r.code), subject: 'code', actual: r.code!, expected, message: msg });
}

/** 类 = Σ 款, 款 = Σ 项 where codes are concatenated (公开02/03/05表, 公开06表's 301/302 groups). */
export const codeHierarchy: RuleSpec = {
  id: 'code-hierarchy',
  emits: { 'code-hierarchy': 'error', 'code-parent-missing': 'error' },
  collect: ({ tables }) => ({ checks: gather(tables, codeHierarchyChecks), findings: gather(tables.filter((t) => !t.splitOverPages), orphanCodes) }),
};
