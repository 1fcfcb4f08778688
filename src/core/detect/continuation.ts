import type { DetectedTable } from '../table';

/**
 * A table split over pages: a long 支出决算表 printed on two sheets (公开03表, 公开03表(续)) or twice on
 * one, the second part under the same header with the rest of the rows and no 合计 of its own. Read
 * as two tables, the first part's 合计 would not cover its rows and the other tables' 类 would be
 * missing from it: errors about figures that are right.
 *
 * A part goes on from the table before it when it says so (续, 续表, 接上表 in its title or its
 * sheet's name) or stands on the next sheet under the same title with no 合计 of its own, is of the same kind, comes next in the workbook (a narrative or a table of no
 * kind may stand between), and has the same columns, read the same way.
 */
const SAYS_CONTINUED = /[（(]\s*续\s*\d*\s*[)）]|续表|接上表|续\s*\d*\s*$/;

const SET_ASIDE = new Set(['unknown', 'narrative']);

function sameColumns(a: DetectedTable, b: DetectedTable): boolean {
  if (a.columns.length !== b.columns.length) return false;
  return a.columns.every((c, i) => c.role === b.columns[i].role && c.headerPath.join('>') === b.columns[i].headerPath.join('>'));
}

/**
 * The tables with every part of a split one marked `splitOverPages`, and `continues` set on each
 * part after the first (the others as they were).
 */
export function markContinuations(tables: DetectedTable[]): DetectedTable[] {
  const out = [...tables];
  let previous = -1;
  out.forEach((t, i) => {
    if (SET_ASIDE.has(t.kind)) return;
    const before = previous >= 0 ? out[previous] : undefined;
    // The parts so far of the table `before` belongs to, and whether one of them holds its 合计 (a third page has none,
    // as the second has none, when the first has it).
    const head = before?.continues ?? before?.id;
    const totalBefore = before !== undefined && out.some((x, k) => k < i && (x.id === head || x.continues === head) && hasTotal(x));
    // (Or its header printed again at a page break on the same sheet, a PDF's copy: no title, no 合计 of its own,
    // right under the table it goes on from.)
    const repeated = before !== undefined && before.sheet === t.sheet && !t.title && !t.rows.some((r) => r.role === 'total') && t.range.top > before.range.bottom;
    // (Or printed on the next sheet under the same title and department, a PDF's next page or a clerk's copy of the
    // head: at most one part has the 合计 — at the top of the first, or at the foot of the last —, and it has figures of
    // its own (an empty copy of the template is no page). Another unit's table of that title has its own 合计.)
    const nextPage =
      before !== undefined &&
      before.sheet !== t.sheet &&
      !!t.title &&
      before.title === t.title &&
      before.department === t.department &&
      hasFigures(t) &&
      !(totalBefore && hasTotal(t));
    // (Or printed beside it, its second half under the same title: a long table printed two-up, its header repeated over
    // the right half. At most one half has the 合计.)
    const beside =
      before !== undefined &&
      before.sheet === t.sheet &&
      !!t.title &&
      before.title === t.title &&
      firstColumn(t) > lastColumn(before) &&
      t.bodyRows[0] <= before.bodyRows[1] &&
      !(before.rows.some((r) => r.role === 'total') && t.rows.some((r) => r.role === 'total'));
    // (Or on the next sheet with no title of its own, under the same header: a PDF's next page, the header rows printed
    // again — a 续表 line or the captions above them, or nothing. The table before it ended its sheet; at most one part
    // has the 合计.)
    const headerOnly =
      before !== undefined &&
      before.sheet !== t.sheet &&
      !t.title &&
      (hasFigures(t) || (hasLines(t) && !t.declaredEmpty)) &&
      !(totalBefore && hasTotal(t));
    const says = SAYS_CONTINUED.test(t.title ?? '') || SAYS_CONTINUED.test(t.sheet) || repeated || nextPage || beside || headerOnly;
    // The table before it, or — a 续表 sheet put elsewhere in the workbook — the one its sheet or title names.
    // (A part with no title of its own has a kind guessed from its header alone: its columns tell, and it takes the first's.)
    const sameKind = before !== undefined && (before.kind === t.kind || (!t.title && (repeated || headerOnly)));
    const at = before && says && sameKind && sameColumns(before, t) ? previous : says ? namedPart(out, i) : -1;
    if (at >= 0) {
      const first = out[at];
      out[at] = first.splitOverPages ? first : { ...first, splitOverPages: true };
      out[i] = { ...t, kind: first.kind, continues: first.continues ?? first.id, splitOverPages: true };
      // A later page without its caption is in the unit of the first (单位：元 printed once, above the first page); the
      // halves of a table printed two-up share their caption row, and the unit on it wherever it stands.
      if (first.unit !== undefined && t.unit === undefined) out[i] = { ...out[i], unit: first.unit, unitCell: first.unitCell };
      else if (beside && at === previous && first.unit === undefined && t.unit !== undefined) out[at] = { ...out[at], unit: t.unit, unitCell: t.unitCell };
    }
    previous = i;
  });
  return out;
}

const firstColumn = (t: DetectedTable): number => Math.min(...t.columns.map((c) => c.col));
const lastColumn = (t: DetectedTable): number => Math.max(...t.columns.map((c) => c.col));

/** Does the table name lines (a summary's page of 类 lines left blank: 二十二、粮油物资储备支出 …)? */
function hasLines(t: DetectedTable): boolean {
  return t.rows.some((r) => r.lines !== undefined && Object.keys(r.lines).length > 0);
}

/** Does the table hold its 合计 (a summary: its 收入总计 / 支出总计 lines, not the 本年收入合计 above them)? */
function hasTotal(t: DetectedTable): boolean {
  return t.rows.some((r) => r.role === 'total' || (r.lines !== undefined && Object.values(r.lines).some((l) => TOTAL_LINE.test(l.label))));
}
const TOTAL_LINE = /总计$/;

/** Does the table hold a figure in its body (not an empty copy of the template, 本表无数据)? */
function hasFigures(t: DetectedTable): boolean {
  return !t.declaredEmpty && t.rows.some((r) => Object.values(r.cells).some((c) => c.amount.kind === 'amount'));
}

/** The ids of every table split over pages: its first part and the parts after it. */
export function splitTableIds(tables: DetectedTable[]): Set<string> {
  return new Set(tables.filter((t) => t.splitOverPages).map((t) => t.id));
}

/** Its words without the ones saying it goes on (预算05表续 → 预算05表; …预算表（续表） → …预算表). */
function withoutContinued(text: string): string {
  return text.replace(SAYS_CONTINUED, '').trim();
}

/**
 * The earlier table a continued part names, wherever it stands: its sheet's name is the part's without
 * 续 (预算05表 for 预算05表续), or its title the part's (…预算表 for …预算表（续表）); of the same kind and columns.
 */
function namedPart(tables: DetectedTable[], i: number): number {
  const t = tables[i];
  const sheet = withoutContinued(t.sheet);
  const title = withoutContinued(t.title ?? '');
  for (let k = i - 1; k >= 0; k--) {
    const b = tables[k];
    if (b.kind !== t.kind || !sameColumns(b, t) || b.sheet === t.sheet) continue;
    if ((sheet && b.sheet === sheet) || (title && b.title !== undefined && withoutContinued(b.title) === title)) return k;
  }
  return -1;
}
