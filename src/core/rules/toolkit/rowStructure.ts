import type { DetectedTable, TableColumn, TableRow } from '../../table';
import { evaluate, type Outcome } from './sumCheck';
import { amountColumns, bodyRows, cleanLabel, figureAt, rowHasFigures } from './tableAccess';
import { perTable } from './tableMemo';
import { gather } from './gather';
import { lastItem } from './lastItem';

/**
 * The row structure the column totals follow, derived from row roles and codes:
 * grand total rows (合计 / 总计, also the unlabeled first body row), unit rows
 * (`309 医疗保障局`) each the total of the rows below it, and the subject-code hierarchy
 * (208 → 20805 → 2080505) where a parent row is the sum of its children.
 */

export interface RowView {
  row: TableRow;
  /** Subject code of the row in this column group ('208', '20805', '30101'); undefined for none. */
  code?: string;
  /**
   * The row its place and figures put it under when its own code names a parent the list lacks
   * (a mistyped code: 2101011 listed under 21011, whose figures add up with it). See placeMistyped.
   */
  placedUnder?: RowView;
  /**
   * In a code list wrapped over several column groups (codeLists), the group whose columns hold
   * this row's code and figures; undefined in a list of one group.
   */
  group?: ColumnGroup;
}

/**
 * Side-by-side classification groups (公开06表: 301… | 302… | 307/310/399…) each with their
 * own code column; one group for ordinary tables.
 */
export interface ColumnGroup {
  codeColumn?: TableColumn;
  amountColumns: TableColumn[];
}

const CODE_ROLES = new Set(['econ-code', 'gov-econ-code', 'function-code']);

export function columnGroups(table: DetectedTable): ColumnGroup[] {
  return perTable(table, 'columnGroups', () => readColumnGroups(table));
}

function readColumnGroups(table: DetectedTable): ColumnGroup[] {
  const amounts = amountColumns(table);
  let econCodes = table.columns.filter((c) => c.role === 'econ-code').sort((a, b) => a.col - b.col);
  if (econCodes.length < 2) econCodes = table.columns.filter((c) => c.role === 'econ-lei').sort((a, b) => a.col - b.col);
  if (econCodes.length < 2) return [{ amountColumns: amounts }];
  return econCodes.map((codeColumn, i) => {
    const next = econCodes[i + 1]?.col ?? Number.MAX_SAFE_INTEGER;
    return { codeColumn, amountColumns: amounts.filter((a) => a.col > codeColumn.col && a.col < next) };
  });
}

// (Patterns kept as module constants: a regular expression written in a function is a new object each
// time it runs, and codes are read on every row of a table.)
const SPACES = /[\s\u3000]/g;
const WIDE_DIGIT = /[０-９]/g;
const LEI = /^\d{3}$/;
const KUAN = /^\d{1,2}$/;
/** A unit code as written (309, 309201). */
const ALL_DIGITS = /^\d+$/;

function halfWidthDigit(ch: string): string {
  return String.fromCharCode(ch.charCodeAt(0) - 0xfee0);
}

function digits(s: string): string {
  return s.replace(SPACES, '').replace(WIDE_DIGIT, halfWidthDigit);
}

function splitCode(row: TableRow, cols: (TableColumn | undefined)[]): string | undefined {
  const lei = cols[0] && digits(row.cells[cols[0].col]?.text ?? '');
  if (!lei || !LEI.test(lei)) return undefined;
  let code = lei;
  for (let i = 1; i < cols.length; i++) {
    const c = cols[i];
    if (!c) break;
    const part = digits(row.cells[c.col]?.text ?? '');
    if (!KUAN.test(part)) break;
    code += part.padStart(2, '0');
  }
  return code;
}

/**
 * A subject code as a row states it, three to seven digits. (One object: a regular expression written in a
 * function is a new object each time it runs, a big table's row code read per row 56 bytes each.)
 */
const SUBJECT_CODE = /^\d{3,7}$/;

/** A row's subject code: functional first, else department economic, else government economic. */
export function rowCode(table: DetectedTable, row: TableRow, group?: ColumnGroup): string | undefined {
  if (group?.codeColumn) {
    // The group's own code on this row, as detection joined it (split 类 | 款 included).
    const item = row.groupItems?.find((g) => g.codeCol === group.codeColumn!.col);
    if (item) return item.econCode ?? item.functionCode;
    const t = digits(row.cells[group.codeColumn.col]?.text ?? '');
    return SUBJECT_CODE.test(t) ? t : undefined;
  }
  const fromFields = row.functionCode ?? row.econCode ?? row.govEconCode;
  if (fromFields && SUBJECT_CODE.test(fromFields)) return fromFields;
  const { split, coded } = codeColumnsOf(table);
  for (const cols of split) {
    const code = splitCode(row, cols);
    if (code) return code;
  }
  for (const c of coded) {
    const t = digits(row.cells[c.col]?.text ?? '');
    if (SUBJECT_CODE.test(t)) return t;
  }
  return undefined;
}

/** The roles of split codes, in the order a row's code is looked for: functional, department economic, government economic. */
const SPLIT_ROLES = [
  ['function-lei', 'function-kuan', 'function-xiang'],
  ['econ-lei', 'econ-kuan'],
  ['gov-econ-lei', 'gov-econ-kuan'],
];

/**
 * Where a table writes codes: the columns of each kind of split code (by SPLIT_ROLES, a missing one
 * undefined) and its code columns, found once per table rather than for every row without a code.
 */
function codeColumnsOf(table: DetectedTable): { split: (TableColumn | undefined)[][]; coded: TableColumn[] } {
  return perTable(table, 'codeColumns', () => ({
    split: SPLIT_ROLES.map((roles) => roles.map((r) => table.columns.find((c) => c.role === r))),
    coded: table.columns.filter((c) => CODE_ROLES.has(c.role)),
  }));
}

/**
 * The columns a table splits one kind of code over, by part (类, 款, 项; a part the table does not print
 * undefined): the kind whose 类 column is `lei`. Empty where `lei` heads no split code.
 */
export function splitCodeColumns(table: DetectedTable, lei: TableColumn): (TableColumn | undefined)[] {
  return codeColumnsOf(table).split.find((cols) => cols[0] === lei) ?? [];
}

export interface UnitBlock {
  unit: TableRow;
  /** Its unit code (309, 309201) when written. */
  code?: string;
  members: RowView[];
  /** Units below it by code (309 → 309001, 309201): it is their total. */
  subUnits: UnitBlock[];
  parent?: UnitBlock;
}

export interface RowBlocks {
  totals: TableRow[];
  /**
   * What the grand total adds (no unit rows): the rows outside every 小计 group and each 小计
   * standing for its group, so a category printed as its 小计 alone is still counted once.
   */
  topParts: RowView[];
  /** 小计 rows with the rows they close (the rows above since the last boundary, else those below). */
  subtotals: Array<{ row: TableRow; members: RowView[] }>;
  units: UnitBlock[];
  /** Detail rows when there are no unit rows. */
  details: RowView[];
}

function isTotalRow(r: TableRow): boolean {
  return r.role === 'total';
}

function isUnitRow(r: TableRow): boolean {
  return r.role === 'unit';
}

function isBlankRow(r: TableRow): boolean {
  for (const c in r.cells) if (r.cells[c]) return false;
  return true;
}

/**
 * A department's units grouped by kind under uncoded headings (部门汇总 tables: 行政单位, 事业单位, 参照公务员法管理事业单位,
 * 全额拨款事业单位 …), the heading's line carrying its units' sums above them. (行政单位小计 after its units closes them:
 * a 小计, rowStructure's subtotals.)
 */
const UNIT_TYPE_HEADING =
  /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．])?(?:行政单位|(?:参照公务员法管理(?:的)?|参公(?:管理)?|(?:全额|差额)(?:拨款)?|自收自支|公益[一二]类|经费自理)?事业单位|企业单位|其他单位)$/;

function isUnitTypeHeading(table: DetectedTable, r: TableRow, group: ColumnGroup | undefined): boolean {
  return r.role !== 'unit' && r.role !== 'total' && !r.unitCode && rowCode(table, r, group) === undefined && UNIT_TYPE_HEADING.test(cleanLabel(r.label));
}

/** Split the body into grand totals, unit blocks and details (subtotal rows are not parts). */
export function rowBlocks(table: DetectedTable, group?: ColumnGroup): RowBlocks {
  // Groups come from columnGroups (one object per group and table), so a group is its own key.
  const byGroup = perTable(table, 'rowBlocks', () => new Map<ColumnGroup | undefined, RowBlocks>());
  let blocks = byGroup.get(group);
  if (!blocks) byGroup.set(group, (blocks = readRowBlocks(table, group)));
  return blocks;
}

function readRowBlocks(table: DetectedTable, group?: ColumnGroup): RowBlocks {
  const rows = bodyRows(table);
  const totals: TableRow[] = [];
  const units: RowBlocks['units'] = [];
  const details: RowView[] = [];
  const subtotals: RowBlocks['subtotals'] = [];
  let since: RowView[] = [];
  let open: RowBlocks['subtotals'][number] | undefined;
  let current: UnitBlock | undefined;
  // The 行政单位 / 事业单位 heading the units since it stand under, and which of them do.
  let heading: UnitBlock | undefined;
  const underHeading = new Map<UnitBlock, UnitBlock>();
  // The department's line the headings stand under (101 某县卫健委 right above 行政单位), once the first is read.
  let overHeadings: UnitBlock | undefined;
  let headingsSeen = false;
  const unitCol = table.columns.find((c) => c.role === 'unit-code');
  const amounts = group?.amountColumns ?? amountColumns(table);
  // (Indexed: a for…of run once per table allocates per row until optimised.)
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k];
    if (isTotalRow(r)) {
      totals.push(r);
      current = undefined;
      heading = undefined;
      overHeadings = undefined;
      headingsSeen = false;
      since = [];
      open = undefined;
      continue;
    }
    if (isUnitRow(r)) {
      const written = r.unitCode ?? (unitCol ? digits(r.cells[unitCol.col]?.text ?? '') : '');
      current = { unit: r, code: ALL_DIGITS.test(written) ? written : undefined, members: [], subUnits: [] };
      units.push(current);
      if (heading) underHeading.set(current, heading);
      since = [];
      open = undefined;
      continue;
    }
    if (r.role === 'of-which' || r.role === 'statistic') continue; // part of the row above, or a figure about the rows: never added
    if (k + 1 < rows.length && isUnitRow(rows[k + 1]) && isUnitTypeHeading(table, r, group)) {
      // 行政单位 / 事业单位 over the units of its kind: with figures, their total (the units under it its sub-units);
      // without, a heading only. Never a line of the unit above it.
      // (Right under a unit's line with no line of its own, the first heading is under that line: the department's.)
      if (!headingsSeen) overHeadings = current && current.members.length === 0 && !underHeading.has(current) ? current : undefined;
      headingsSeen = true;
      heading = rowHasFigures(table, r.row, amounts.map((c) => c.col)) ? { unit: r, members: [], subUnits: [] } : undefined;
      if (heading) {
        units.push(heading);
        if (overHeadings) {
          heading.parent = overHeadings;
          overHeadings.subUnits.push(heading);
        }
      }
      current = undefined;
      since = [];
      open = undefined;
      continue;
    }
    if (r.role === 'subtotal') {
      // 小计 under its rows closes them; 小计 heading a group gathers the rows that follow.
      open = since.length > 0 ? undefined : { row: r, members: [] };
      subtotals.push(open ?? { row: r, members: since });
      since = [];
      continue;
    }
    // A row with nothing in it (a PDF's row spacing converted to rows) is no line of the unit above, whose every figure
    // it would make wrong as its only line, and closes no 小计 below it. Among the details it stays: a line whose
    // figures were lost (missingRow.ts).
    // (A named row is no blank one: most rows are asked nothing more.)
    const blank = !r.label && isBlankRow(r);
    if (blank && current) continue;
    const view: RowView = { row: r, code: rowCode(table, r, group) };
    if (!blank) {
      if (open) open.members.push(view);
      else since.push(view);
    }
    if (current) current.members.push(view);
    else details.push(view);
  }
  // Nest units by code: 309 医疗保障局 is the total of 309001 and 309201 below it.
  for (const u of units) {
    if (!u.code) continue;
    let best: UnitBlock | undefined;
    for (const p of units) {
      if (p === u || !p.code || p.code.length >= u.code.length || !u.code.startsWith(p.code)) continue;
      if (!best || p.code.length > best.code!.length) best = p;
    }
    if (best) {
      u.parent = best;
      best.subUnits.push(u);
    }
  }
  // A unit under a heading is the heading's: where its code puts it under the department's line, the heading is
  // that line's (the line = Σ its headings, each = Σ its units). A unit nested deeper by its code stays so.
  for (const [u, h] of underHeading) {
    if (u.parent && u.parent !== h.parent) continue;
    if (u.parent) u.parent.subUnits.splice(u.parent.subUnits.indexOf(u), 1);
    u.parent = h;
    h.subUnits.push(u);
  }
  for (const list of units.length > 0 ? units.map((u) => u.members) : [details]) placeMistyped(table, amounts, list);
  return { totals, topParts: topPartsOf(table, group, details, subtotals), subtotals, units, details };
}

/**
 * What the grand total adds: the details outside every 小计 group and each 小计, in sheet order. The
 * details are in sheet order already: without 小计 (a big table's usual case) they are the top parts as
 * they stand, with no set, merge or sort over every row.
 */
function topPartsOf(table: DetectedTable, group: ColumnGroup | undefined, details: RowView[], subtotals: RowBlocks['subtotals']): RowView[] {
  if (subtotals.length === 0) return details.slice();
  const grouped = new Set(gather(subtotals, (s) => s.members.map((m) => m.row)));
  return [...details.filter((d) => !grouped.has(d.row)), ...subtotals.map((s) => ({ row: s.row, code: rowCode(table, s.row, group) }))].sort((a, b) => a.row.row - b.row.row);
}

/**
 * A code mistyped in its row (2101011 for 2101101, 2011101 for 2101101) names a parent the list
 * does not have, so by its code the row would hang under its 类, or at the top: two correct sums
 * (the 款 it sits under, and the 类 or the total it lands in) would be reported wrong for one
 * slip in a code cell. Where the row sits under a parent P of exactly the level its own code
 * lacks, and P's figures add up with the row and not without it in the amount columns (and in
 * none fail with it), the row is P's child: the code is the slip, and code-parent-missing says so
 * once. Without that evidence the code's own reading stands.
 */
function placeMistyped(table: DetectedTable, columns: TableColumn[], rows: RowView[]): void {
  const lengths = codeLengthsOf(rows);
  if (lengths.length <= 1 || columns.length === 0) return;
  const family = new CodeFamily(rows, lengths);
  placeUnderMistypedHeads(table, columns, rows, family);
  const above: RowView[] = [];
  for (const r of rows) {
    if (!r.code) continue;
    while (above.length > 0 && above[above.length - 1].code!.length >= r.code.length) above.pop();
    if (r.placedUnder) {
      above.push(r);
      continue;
    }
    const level = lengths.find((n) => n < r.code!.length && n >= 3);
    const parent = lastItem(above);
    if (level !== undefined && parent?.code!.length === level && !r.code.startsWith(parent.code!)) {
      // A parent with no child of its own proves nothing: Σ of nothing is 0, and a next row of
      // the same figures would look like its missing part.
      const siblings = family.children(parent, r);
      if (siblings.length > 0 && decides(table, columns, parent, [...siblings, r], siblings)) {
        // Its own parent of that level, when listed elsewhere, must add up without it: else the
        // figures cannot tell which of the two it belongs to.
        const own = family.row(r.code.slice(0, level));
        const theirs = own ? family.children(own, r) : [];
        if (!own || decides(table, columns, own, theirs, [...theirs, r])) family.place(r, parent);
      }
    }
    above.push(r);
  }
}

/**
 * A 款 row whose own code was mistyped (20850 for 20805) has no child by its code, and the rows under
 * it — two or more — all name a 款 the list lacks (2080505, 2080506 → 20805): by their codes they would hang under the
 * 类, which then counts them twice, and the 款 would have no parts — two sums told wrong for one slip in
 * a code cell. Where the rows right under such a 款 all name the same missing 款 of its 类, the 款's
 * figures are their sum in every amount column (some figure not nought), and the 类 adds up with them
 * under the 款 and not without, they are its children; code-parent-missing names the 款's code. (A 款
 * listed without its 项 before a 项 whose own 款 is left out keeps that reading: its 类 adds up so.)
 */
function placeUnderMistypedHeads(table: DetectedTable, columns: TableColumn[], rows: RowView[], family: CodeFamily): void {
  for (let i = 0; i < rows.length; i++) {
    const head = rows[i];
    const level = head.code?.length;
    if (level !== 5 || family.children(head, head).length > 0) continue;
    const lei = family.row(head.code!.slice(0, 3));
    if (!lei) continue;
    const under: RowView[] = [];
    for (let j = i + 1; j < rows.length; j++) {
      const c = rows[j].code;
      if (!c) continue;
      if (c.length <= level) break;
      under.push(rows[j]);
    }
    if (under.length === 0) continue;
    const missing = under[0].code!.slice(0, level);
    if (family.row(missing) || !under.every((u) => u.code!.startsWith(missing)) || missing.slice(0, 3) !== lei.code) continue;
    const nearest = Math.min(...under.map((u) => u.code!.length));
    const children = under.filter((u) => u.code!.length === nearest);
    // One 项 under it cannot tell whose code was mistyped, the 款's or the 项's (2085005 under 20805):
    // two or more naming the same missing 款 can — one slip does not mistype two codes alike.
    if (children.length < 2 || !sumsTo(table, columns, head, children)) continue;
    const kuan = family.children(lei, head);
    if (!decides(table, columns, lei, [...kuan, head], [...kuan, head, ...children])) continue;
    for (const c of children) family.place(c, head);
  }
}

/** The parent's figures are the children's sum in every amount column, and not all nought. */
function sumsTo(table: DetectedTable, columns: TableColumn[], parent: RowView, children: RowView[]): boolean {
  let something = false;
  for (let k = 0; k < columns.length; k++) {
    const o = sumInColumn(table, columns, k, parent, children);
    if (o && !o.consistent) return false;
    if (o && !o.check.stated.value.isZero()) something = true;
  }
  return something;
}

/** The parent against the rows taken as its parts, in the k-th amount column (a row of a wrapped list in its own group's k-th). */
function sumInColumn(table: DetectedTable, columns: TableColumn[], k: number, parent: RowView, parts: RowView[]): Outcome | null {
  const at = (r: RowView) => figureAt(table, r.row.row, (r.group?.amountColumns[k] ?? columns[k]).col);
  return evaluate({ rule: 'code-hierarchy', severity: 'error', direction: 'column', stated: at(parent), parts: parts.map(at) }, false);
}

/**
 * The rows of a list by code, and each parent's children (the next code length present under it,
 * or rows placed under it), found through one index, so placing stays linear in the rows.
 */
class CodeFamily {
  private readonly byCode = new Map<string, RowView>();
  /** Parent code → the rows whose code extends it, by the length of that code. */
  private readonly under = new Map<string, Map<number, RowView[]>>();
  private readonly placed = new Map<RowView, RowView[]>();

  constructor(rows: RowView[], lengths: number[]) {
    for (const r of rows) {
      if (!r.code) continue;
      if (!this.byCode.has(r.code)) this.byCode.set(r.code, r);
      for (const n of lengths) {
        if (n >= r.code.length || n < 3) continue;
        const key = r.code.slice(0, n);
        let byLength = this.under.get(key);
        if (!byLength) this.under.set(key, (byLength = new Map()));
        const list = byLength.get(r.code.length);
        if (list) list.push(r);
        else byLength.set(r.code.length, [r]);
      }
    }
  }

  row(code: string): RowView | undefined {
    return this.byCode.get(code);
  }

  /** The rows under `parent` by code (the shortest length present) or by placement, `candidate` left out. */
  children(parent: RowView, candidate: RowView): RowView[] {
    const byLength = this.under.get(parent.code!);
    const shortest = byLength ? Math.min(...byLength.keys()) : undefined;
    const coded = shortest !== undefined ? byLength!.get(shortest)!.filter((r) => r !== candidate && !r.placedUnder) : [];
    return [...coded, ...(this.placed.get(parent) ?? []).filter((r) => r !== candidate)];
  }

  place(r: RowView, parent: RowView): void {
    r.placedUnder = parent;
    const list = this.placed.get(parent);
    if (list) list.push(r);
    else this.placed.set(parent, [r]);
  }
}

/**
 * In every amount column where the parent's sum can be judged, it holds with the `right` parts, and in at
 * least one it fails with the `wrong` ones; in none the reverse. (A row placed by its figures: the parent
 * with and without it; a 款 adopting the 项 under it: its 类 with them under the 款, and with them counted apart.)
 */
function decides(table: DetectedTable, columns: TableColumn[], parent: RowView, right: RowView[], wrong: RowView[]): boolean {
  let evidence = false;
  for (let k = 0; k < columns.length; k++) {
    const yes = sumInColumn(table, columns, k, parent, right);
    const no = sumInColumn(table, columns, k, parent, wrong);
    if (yes && !yes.consistent) return false;
    if (yes?.consistent && no && !no.consistent) evidence = true;
  }
  return evidence;
}

/**
 * The code lists of a table's column groups, for the code hierarchy (类 = Σ 款, 302 = Σ 302xx)
 * and for parents missing. A group whose list goes on in the next group is read with it as one
 * list, in order (公开06表's 公用经费 wrapped from its second group into its third: 302 商品和服务支出,
 * 30201 … 30215 | 30216 … 30299, 310 …), each row keeping its own group's columns (RowView.group).
 */
export interface CodeLists {
  /** The first group of the run of groups read as one list. */
  group: ColumnGroup;
  groups: ColumnGroup[];
  lists: RowView[][];
  /**
   * Parents this run's codes cannot settle: a 3- or 5-digit code a row of another run needs and that
   * run lacks (a list going on in another group where the wrap cannot be told for sure). Such a
   * parent's sum is not judged here: its items stand partly elsewhere.
   */
  spilled: (code: string) => boolean;
  /** A code of the table's other runs: a parent standing there is not missing from the table. */
  elsewhere: (code: string) => boolean;
}

export function codeLists(table: DetectedTable): CodeLists[] {
  return perTable(table, 'codeLists', () => readCodeLists(table));
}

const none = (): boolean => false;

function readCodeLists(table: DetectedTable): CodeLists[] {
  const runs: Array<{ groups: ColumnGroup[]; blocks: RowBlocks[] }> = [];
  for (const group of columnGroups(table)) {
    const blocks = rowBlocks(table, group);
    const last = lastItem(runs);
    if (last && wrapsInto(last.groups[last.groups.length - 1], last.blocks[last.blocks.length - 1], group, blocks)) {
      last.groups.push(group);
      last.blocks.push(blocks);
    } else runs.push({ groups: [group], blocks: [blocks] });
  }
  const out: CodeLists[] = runs.map(({ groups, blocks }) => {
    if (groups.length === 1) {
      // Unit blocks each a list of their own (a code comes round again in each), rows outside them one more.
      return { group: groups[0], groups, lists: blockLists(blocks[0]), spilled: none, elsewhere: none };
    }
    // One list, group by group, top to bottom: copies of the groups' views (a view is shared, never changed).
    const rows: RowView[] = [];
    groups.forEach((group, i) => {
      for (const v of blocks[i].details) rows.push({ row: v.row, code: v.code, group });
    });
    // A mistyped code is placed by its place and figures in the whole list, not in its group alone.
    placeMistyped(table, groups[0].amountColumns, rows);
    return { group: groups[0], groups, lists: [rows], spilled: none, elsewhere: none };
  });
  if (out.length > 1) {
    // Which runs hold each code, and which need it and lack it: one pass over the rows, however many groups.
    const held = new Map<string, Set<number>>();
    const lacked = new Map<string, Set<number>>();
    const note = (map: Map<string, Set<number>>, code: string, i: number) => {
      const runs = map.get(code);
      if (runs) runs.add(i);
      else map.set(code, new Set([i]));
    };
    out.forEach((run, i) => {
      for (const list of run.lists) for (const r of list) if (r.code) note(held, r.code, i);
    });
    out.forEach((run, i) => {
      for (const list of run.lists) {
        for (const r of list) {
          if (!r.code) continue;
          for (const n of [3, 5]) if (r.code.length > n && !held.get(r.code.slice(0, n))?.has(i)) note(lacked, r.code.slice(0, n), i);
        }
      }
    });
    const byOthers = (map: Map<string, Set<number>>, i: number) => (code: string) => [...(map.get(code) ?? [])].some((j) => j !== i);
    out.forEach((run, i) => {
      run.spilled = byOthers(lacked, i);
      run.elsewhere = byOthers(held, i);
    });
  }
  return out;
}

/**
 * Group B goes on with group A's list: B opens (its first code) with a child or a later sibling
 * under A's last open parent (A is still inside 302 at 30215, B starts with 30216), B's first
 * code is not already in A, the two have the same amount columns, and no heading sets them apart
 * (人员经费 over A and 公用经费 over B; one 公用经费 merged over both, or no heading, is no bar).
 */
function wrapsInto(a: ColumnGroup, aBlocks: RowBlocks, b: ColumnGroup, bBlocks: RowBlocks): boolean {
  if (!a.codeColumn || !b.codeColumn || aBlocks.units.length > 0 || bBlocks.units.length > 0) return false;
  if (a.amountColumns.length === 0 || a.amountColumns.length !== b.amountColumns.length) return false;
  const heading = (g: ColumnGroup) => g.codeColumn!.headerPath.slice(0, -1).join('>');
  const [ha, hb] = [heading(a), heading(b)];
  if (ha && hb && ha !== hb) return false;
  const first = bBlocks.details.find((r) => r.code);
  if (!first || first.code!.length <= 3) return false;
  // A's open parents at its end: the last coded row and the rows above it whose codes it extends.
  const open: string[] = [];
  const own = new Set<string>();
  for (const r of aBlocks.details) {
    if (!r.code) continue;
    own.add(r.code);
    while (open.length > 0 && !(r.code.length > open[open.length - 1].length && r.code.startsWith(open[open.length - 1]))) open.pop();
    open.push(r.code);
  }
  const code = first.code!;
  const last = lastItem(open);
  if (!last || own.has(code)) return false;
  const parent = open.some((p) => p.length < code.length && code.startsWith(p));
  // In order: 30216 after 30215 (or after 302 itself, or after 3021501 under 30215).
  return parent && last.slice(0, code.length) < code;
}

/** Rows not below another row of the list in the code hierarchy (uncoded rows included). */
export function topLevel(rows: RowView[]): RowView[] {
  // Column totals ask once per amount column for the same rows of the same blocks.
  let top = topLevelOf.get(rows);
  if (!top) topLevelOf.set(rows, (top = findTopLevel(rows)));
  return top;
}

const topLevelOf = new WeakMap<RowView[], RowView[]>();

function findTopLevel(rows: RowView[]): RowView[] {
  const lengths = codeLengthsOf(rows);
  // Codes of one length have no parents among them: every row is at the top.
  if (lengths.length <= 1) return rows.slice();
  const codes = new Set(rows.map((r) => r.code).filter((c): c is string => !!c));
  return rows.filter((r) => {
    if (!r.code) return true;
    if (r.placedUnder) return false;
    for (const n of lengths) if (n < r.code.length && n >= 3 && codes.has(r.code.slice(0, n))) return false;
    return true;
  });
}

/**
 * The lengths of the rows' codes, longest first: a code's parent can only be as long as one of
 * them, so a list of 7-digit codes alone is searched for no parent at all (a 1,000,000-cell sheet
 * of 项 rows would otherwise cut four prefixes from every code). Read off the rows: no set of
 * the codes is built to learn there is one length.
 */
export function codeLengthsOf(rows: RowView[]): number[] {
  // Several rules ask of the same lists of a table's rows (blocks are views, never changed).
  let lengths = lengthsOf.get(rows);
  if (!lengths) {
    lengths = [];
    // (Indexed: a for…of run once per list allocates per row until optimised.)
    for (let k = 0; k < rows.length; k++) {
      const code = rows[k].code;
      if (code && !lengths.includes(code.length)) lengths.push(code.length);
    }
    lengths.sort((a, b) => b - a);
    lengthsOf.set(rows, lengths);
  }
  return lengths;
}

const lengthsOf = new WeakMap<RowView[], number[]>();

/**
 * Parent → children by the nearest code present above each coded row. Where a parent's code comes
 * round again (each unit's own 类/款/项 rows one after another, the unit lines not told apart), a
 * row belongs to the last row of its parent's code above it, never to the first of the list: the
 * blocks are added each on its own. A parent only below its rows is found too.
 */
export function codeChildren(rows: RowView[]): Array<{ parent: RowView; children: RowView[] }> {
  const lengths = codeLengthsOf(rows);
  // Codes of one length have no parents among them.
  if (lengths.length <= 1) return [];
  const byCode = new Map<string, RowView>();
  for (const r of rows) if (r.code && !byCode.has(r.code)) byCode.set(r.code, r);
  const latest = new Map<string, RowView>();
  const out = new Map<RowView, RowView[]>();
  for (const r of rows) {
    if (!r.code) continue;
    if (r.placedUnder) {
      out.set(r.placedUnder, [...(out.get(r.placedUnder) ?? []), r]);
      latest.set(r.code, r);
      continue;
    }
    for (const n of lengths) {
      // Nearest parent first: the longest code present that is shorter than this one.
      if (n >= r.code.length || n < 3) continue;
      const key = r.code.slice(0, n);
      const p = latest.get(key) ?? byCode.get(key);
      if (p && p !== r) {
        const list = out.get(p) ?? [];
        list.push(r);
        out.set(p, list);
        break;
      }
    }
    latest.set(r.code, r);
  }
  return [...out.entries()].map(([parent, children]) => ({ parent, children }));
}

/**
 * The lists a table's code hierarchy is read in: each unit's own rows, and the rows standing
 * outside every unit block (before the first unit line), never left out; the body when there
 * are no unit lines.
 */
export function blockLists(b: RowBlocks): RowView[][] {
  if (b.units.length === 0) return [b.details];
  const lists = b.units.map((u) => u.members);
  return b.details.length > 0 ? [b.details, ...lists] : lists;
}

/**
 * A list whose parent codes come round again (208 … 208 …, each with its own 款 and 项) with rows
 * of no code among its top rows: blocks (units, parts) headed by lines that were not told apart
 * as unit lines. Its top rows would add each block twice, its heads and their 类: the list's
 * total cannot be read for sure. The rows of no code are returned (none: the list is plain). A
 * list of 项 alone repeating their codes (projects under one 项) is plain.
 */
export function untoldHeads(rows: RowView[], top: RowView[]): RowView[] {
  // Most lists have no row of no code among their top rows: nothing to tell, no set of codes built.
  const uncoded = top.filter((r) => !r.code);
  if (uncoded.length === 0) return [];
  const longest = codeLengthsOf(rows)[0];
  if (longest === undefined) return [];
  const seen = new Set<string>();
  for (const r of top) {
    if (!r.code || r.code.length >= longest) continue;
    if (seen.has(r.code)) return uncoded;
    seen.add(r.code);
  }
  return [];
}

/** The row's label for messages: its name, else its code, else its row number. */
export function rowName(r: TableRow, code?: string): string {
  const label = cleanLabel(r.label ?? '');
  if (code && label) return `${code} ${label}`;
  return label || code || `第${r.row}行`;
}
