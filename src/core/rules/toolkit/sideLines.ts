import type { BlockLine, DetectedTable, TableColumn, TableRow } from '../../table';
import { functionClassOfLine, hasOrdinal, ordinalLevel } from './functionClasses';
import { amountColumns, bodyRows, cleanLabel, rowAt } from './tableAccess';
import { perTableBy } from './tableMemo';
import { textMemo } from '../../textMemo';
import { gather } from './gather';

/**
 * The labelled lines of one side of a side-by-side table (收支总表, 财政拨款收支表):
 * income lines on the left, expenditure lines on the right, each with its amount columns.
 */
export type Side = 'income' | 'expenditure';

export type LineKind = 'grand' | 'year' | 'of-which' | 'level1' | 'level2' | 'carry' | 'carry-part' | 'other';

export interface SideLine {
  row: number;
  label: string;
  kind: LineKind;
  /** The columns holding the line's figures, matching the view's amount columns one for one
   * (a total merged across blocks keeps its figure right of the merge). */
  amountCols: number[];
}

export interface SideView {
  side: Side;
  /** The block of lines within the side (功能分类 0, 支出用途 1 …). */
  block: number;
  labelColumn?: TableColumn;
  amountColumns: TableColumn[];
  lines: SideLine[];
}

export function lineKind(raw: string): LineKind {
  return kindOfLine(raw);
}

// (A side's lines are read for every table, by several rules: each label's kind is worked out once.)
const kindOfLine = textMemo(readLineKind, 20_000, 200);

function readLineKind(raw: string): LineKind {
  const l = cleanLabel(raw);
  if (/^其中/.test(l)) return 'of-which';
  if (/^(本年|当年)(收入|支出)(合计|小计)$/.test(l)) return 'year';
  if (/总计$/.test(l) || /^(收入|支出)合计$/.test(l)) return 'grand';
  if (hasOrdinal(raw)) return ordinalLevel(raw) === 1 ? 'level1' : 'level2';
  if (/结转|结余|结存|分配/.test(l)) return 'carry';
  return 'other';
}

function sideOfColumn(c: TableColumn): Side | undefined {
  if (c.side) return c.side;
  const raw = c.headerPath[0] ?? '';
  // Cleaning drops spaces only: a heading with neither 收 nor 支 names no side, uncleaned.
  if (!raw.includes('收') && !raw.includes('支')) return undefined;
  const top = cleanLabel(raw);
  if (/^收入/.test(top)) return 'income';
  if (/^支出/.test(top)) return 'expenditure';
  return undefined;
}

/**
 * The blocks of lines of one side (one for most tables; 功能分类 and 支出用途 in a 收支总表 that lists
 * both), each with its label column, amount columns and lines.
 */
export function sideViews(table: DetectedTable, side: Side): SideView[] {
  return perTableBy(table, 'sideViews', side, () => readSideViews(table, side));
}

function readSideViews(table: DetectedTable, side: Side): SideView[] {
  const cols = table.columns.filter((c) => sideOfColumn(c) === side).sort((a, b) => a.col - b.col);
  const blocks = [...new Set(cols.map((c) => c.block ?? 0))];
  if (cols.some((c) => c.role === 'amount') && table.rows.some((r) => r.blockLines)) {
    const views: SideView[] = [];
    for (const block of blocks) {
      const own = cols.filter((c) => (c.block ?? 0) === block);
      const amounts = own.filter((c) => c.role === 'amount');
      if (amounts.length === 0) continue;
      const lines: SideLine[] = [];
      // (Indexed, and no function made per row: a side's lines are read for every block of every summary.)
      const rows = bodyRows(table);
      for (let k = 0; k < rows.length; k++) {
        const r = rows[k];
        const l = blockLineOf(r, side, block);
        if (!l || !l.label) continue;
        // Most lines hold their figures in the block's own columns, in order: detection's list is that list.
        const amountCols = inOrder(amounts, l.amountCols) ? l.amountCols : amounts.map((a, i) => (l.amountCols.includes(a.col) ? a.col : l.amountCols[i] ?? l.amountCols[0] ?? a.col));
        lines.push({ row: r.row, label: l.label, kind: lineKind(l.label), amountCols });
      }
      views.push({ side, block, labelColumn: own.find((c) => c.role === 'label'), amountColumns: amounts, lines: joinWrappedLines(table, lines) });
    }
    return views;
  }
  if (cols.length === 0 && table.rows.some((r) => r.blockLines)) {
    const list = oneListView(table, side);
    return list ? [list] : [];
  }
  const single = legacyView(table, side, cols);
  return single ? [single] : [];
}

/**
 * A summary printed as one list (detect/oneListSides.ts): its label and amount columns serve both
 * sides, and each row's line says which side it is on.
 */
function oneListView(table: DetectedTable, side: Side): SideView | undefined {
  const amounts = amountColumns(table);
  const lines: SideLine[] = [];
  for (const r of bodyRows(table)) {
    const l = blockLineOf(r, side, 0);
    if (l?.label) lines.push({ row: r.row, label: l.label, kind: lineKind(l.label), amountCols: l.amountCols });
  }
  if (lines.length === 0 || amounts.length === 0) return undefined;
  return { side, block: 0, labelColumn: table.columns.find((c) => c.role === 'label'), amountColumns: amounts, lines: joinWrappedLines(table, lines) };
}

/** A row's line on one side and block, as detection recorded it. */
function blockLineOf(r: TableRow, side: Side, block: number): BlockLine | undefined {
  const lines = r.blockLines;
  if (!lines) return undefined;
  for (let i = 0; i < lines.length; i++) if (lines[i].side === side && lines[i].block === block) return lines[i];
  return undefined;
}

/** Does a line hold its figures in exactly these columns, in their order? */
function inOrder(amounts: TableColumn[], cols: number[]): boolean {
  if (amounts.length !== cols.length) return false;
  for (let i = 0; i < cols.length; i++) if (amounts[i].col !== cols[i]) return false;
  return true;
}

/** A side without blocks recorded by detection (no side on the columns: label | amount | label | amount). */
function legacyView(table: DetectedTable, side: Side, cols: TableColumn[]): SideView | undefined {
  let amounts = cols.filter((c) => c.role === 'amount');
  let labelColumn = cols.find((c) => c.role === 'label');
  if (amounts.length === 0) {
    // No side on the columns: the first label column and its amount are income, the rest expenditure.
    const labels = table.columns.filter((c) => c.role === 'label').sort((a, b) => a.col - b.col);
    if (labels.length < 2) return undefined;
    const all = amountColumns(table);
    if (side === 'income') {
      labelColumn = labels[0];
      amounts = all.filter((a) => a.col > labels[0].col && a.col < labels[1].col);
    } else {
      labelColumn = labels[1];
      amounts = all.filter((a) => a.col > labels[1].col);
    }
  }
  if (amounts.length === 0) return undefined;
  const lines: SideLine[] = [];
  // Every line of such a side holds its figures in the same columns: one list for them all (views are never changed).
  const amountCols = amounts.map((a) => a.col);
  for (const r of bodyRows(table)) {
    const label = r.lines?.[side]?.label ?? (labelColumn ? rowAt(table, r.row)?.cells[labelColumn.col]?.text ?? '' : '');
    if (!label || !label.trim()) continue;
    lines.push({ row: r.row, label: label.trim(), kind: lineKind(label), amountCols });
  }
  return { side, block: 0, labelColumn, amountColumns: amounts, lines: joinWrappedLines(table, lines) };
}

/** A numbering at a label's start (一、 （三） 3.), taken off to read the name. */
const NUMBERING_AT_START = /^\s*(?:[（(]\s*[一二三四五六七八九十百\d]{1,4}\s*[)）]|[一二三四五六七八九十百]{1,4}\s*[、.．]|\d{1,3}\s*[、.．)）])\s*/;
/** A line's label that is its numbering alone: （二十一）, 三、, (3). */
const NUMBERING_ONLY = new RegExp(`${NUMBERING_AT_START.source}$`);
/** The names of a summary's lines other than its 类 (its sources of income, its spending by use). */
const LINE_NAME =
  /^(?:本年)?(?:(?:一般公共预算|政府性基金预算?|国有资本经营预算|财政专户管理资金|财政拨款)(?:拨款|资金)?(?:收入)?|事业收入|(?:事业单位)?经营收入|上级补助收入|附属单位上缴收入|其他收入|用事业基金弥补收支差额|基本支出|项目支出|人员经费|公用经费|工资福利支出|商品和服务支出|对个人和家庭的补助|资本性支出|(?:事业单位)?经营支出|上缴上级支出|对附属单位补助支出|(?:单位)?预留机动经费|(?:上年|年初|年终|年末)结转(?:和)?结余|上年结转(?:资金)?|结转下年(?:资金)?|本年收入|本年支出)$/;

/** How a line's whole name ends (一般公共服务支出, 事业收入, 年终结转结余): a name cut short ends otherwise (（十三）农林水). */
const COMPLETE_NAME_END = /(?:支出|收入|经费|资金|结余|结转|合计|总计|小计|拨款|预算|费)$/;

/** Two labels naming the same 类 (文化体育旅 | 游与传媒支出: both 207). */
const sameClass = (a: string, b: string): boolean => !!functionClassOfLine(a) && functionClassOfLine(a) === functionClassOfLine(b);

/** A line's label names a line the summaries print: a 类 by its words, a total, a carry-over, a source or a use. */
function namesALine(label: string): boolean {
  if (functionClassOfLine(label)) return true;
  const kind = lineKind(label);
  if (kind === 'grand' || kind === 'year' || kind === 'carry') return true;
  return LINE_NAME.test(cleanLabel(label).replace(NUMBERING_AT_START, ''));
}

/**
 * A line's name wrapped onto the next row by a PDF's conversion (一、一般公 over 共预算; 二十一、住 over 房保障支出;
 * （三） over 住房保障支出), the figures beside either part: one line again, on the row of its figures. Only where the
 * two parts together name a line the summaries print and the first alone does not (or the second is a name's last
 * characters, 支出; or the first is cut short, （十三）农林水 over 事务支出, and the second alone names none), the second is
 * unnumbered, no total or 其中, and the figures stand on one of the two rows at most.
 */
function joinWrappedLines(table: DetectedTable, lines: SideLine[]): SideLine[] {
  const figures = (l: SideLine) => l.amountCols.some((c) => rowAt(table, l.row)?.cells[c]?.amount.kind === 'amount');
  let out: SideLine[] | undefined;
  for (let i = 0; i < lines.length; i++) {
    const [a, b] = [lines[i], lines[i + 1]];
    const wrapped =
      b &&
      b.row === a.row + 1 &&
      (b.kind === 'other' || b.kind === 'carry') &&
      !hasOrdinal(b.label) &&
      !NUMBERING_AT_START.test(b.label) &&
      cleanLabel(b.label).length <= 12 &&
      !(figures(a) && figures(b)) &&
      namesALine(a.label.trim() + b.label.trim()) &&
      (NUMBERING_ONLY.test(a.label) || !namesALine(a.label) || (cleanLabel(b.label).length <= 3 && !figures(b)) || (!COMPLETE_NAME_END.test(cleanLabel(a.label)) && (!namesALine(b.label) || sameClass(a.label, b.label))));
    if (!wrapped) {
      out?.push(a);
      continue;
    }
    out ??= lines.slice(0, i);
    const label = a.label.trim() + b.label.trim();
    out.push({ ...(figures(b) ? b : a), label, kind: lineKind(label) });
    i++;
  }
  return out ?? lines;
}

/** All lines of a side, every block together (a line spanning blocks once), for finding a line by its label. */
export function sideView(table: DetectedTable, side: Side): SideView | undefined {
  return perTableBy(table, 'sideView', side, () => joinSideViews(table, side));
}

function joinSideViews(table: DetectedTable, side: Side): SideView | undefined {
  const views = sideViews(table, side);
  if (views.length <= 1) return views[0];
  const seen = new Set<string>();
  const lines: SideLine[] = [];
  for (const v of views) {
    for (const l of v.lines) {
      const k = `${l.row}|${l.label}`;
      if (seen.has(k)) continue;
      seen.add(k);
      lines.push(l);
    }
  }
  lines.sort((a, b) => a.row - b.row);
  return { side, block: 0, labelColumn: views[0].labelColumn, amountColumns: gather(views, (v) => v.amountColumns), lines };
}

/** The cleaned labels of a side's lines (sideView's, one for one): the rules look lines up by label, many times a table. */
export function lineLabels(table: DetectedTable, side: Side): string[] {
  return perTableBy(table, 'lineLabels', side, () => sideView(table, side)?.lines.map((l) => cleanLabel(l.label)) ?? []);
}

/**
 * The column of a line's figure for the side's column `col`: `col` itself where the line has a
 * figure there, else the line's own (a total merged across blocks keeps its figure right of the merge).
 */
export function lineColumn(line: SideLine, col?: number): number {
  return col !== undefined && line.amountCols.includes(col) ? col : line.amountCols[0] ?? col ?? 0;
}

/** What each total line of a side is the sum of, by the structure of the labels. */
export interface LineRelation {
  total: SideLine;
  parts: SideLine[];
  what: 'year' | 'grand' | 'children';
}

/**
 * A carry-over line followed by its own breakdown that numbers from 一 again (年初财政拨款结转和结余,
 * then 一、一般公共预算财政拨款 / 二、政府性基金预算财政拨款 …): those lines are its parts, never
 * new lines of the side, and never added a second time.
 */
function markCarryParts(lines: SideLine[]): SideLine[] {
  const out = lines.map((l) => ({ ...l }));
  for (let i = 0; i < out.length; i++) {
    if (out[i].kind !== 'carry') continue;
    // The national 决算 template's breakdown, named and indented, not numbered: 年末结转和结余, then 基本支出结转 /
    // 项目支出结转和结余 / 经营结余 — its parts, never added to the 总计 a second time.
    if (WHOLE_CARRY.test(cleanLabel(out[i].label))) {
      for (let j = i + 1; j < out.length && out[j].kind === 'carry' && CARRY_OF_A_KIND.test(cleanLabel(out[j].label)); j++) out[j].kind = 'carry-part';
      if (out[i + 1]?.kind === 'carry-part') continue;
    }
    let j = i + 1;
    if (j >= out.length || out[j].kind !== 'level1' || !/^[\s\u3000]*[一1][、.．]/.test(out[j].label)) continue;
    for (; j < out.length && (out[j].kind === 'level1' || out[j].kind === 'level2' || out[j].kind === 'of-which'); j++) out[j].kind = 'carry-part';
  }
  return out;
}

/** A carry-over of all the money (年初结转和结余, 年末结转和结余, 上年结转结余): its kinds may be listed under it. */
const WHOLE_CARRY = /^(?:[一二三四五六七八九十]+[、.．])?(?:年初|年末|上年|本年末|期初|期末)?结转(?:和|及|与)?结余$/;
/** One kind of carry-over (基本支出结转, 项目支出结转和结余, 经营结余): a part of the whole carry-over above it. */
const CARRY_OF_A_KIND = /^(?:其中[:：]?)?(?:基本支出结转|项目支出结转(?:[和与]结余)?|经营结余|财政拨款结转(?:[和与]结余)?|非财政拨款结转(?:[和与]结余)?|专用结余)$/;

const ARABIC_ITEM = /^[\s\u3000]*(\d{1,2}[、.．](?!\d)|[（(]\d{1,2}[）)])/;

export function lineRelations(allLines: SideLine[]): LineRelation[] {
  const lines = markCarryParts(allLines);
  const out: LineRelation[] = [];
  const hasYear = lines.some((l) => l.kind === 'year');
  let sectionStart = 0;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.kind === 'year') {
      const section = lines.slice(sectionStart, i);
      let parts = section.filter((x) => x.kind === 'level1');
      if (parts.length === 0) parts = section.filter((x) => x.kind === 'level2');
      out.push({ total: l, parts, what: 'year' });
    } else if (l.kind === 'grand') {
      if (hasYear) {
        const yi = lines.slice(0, i).map((x) => x.kind).lastIndexOf('year');
        if (yi >= sectionStart) {
          const after = lines.slice(yi + 1, i).filter((x) => x.kind === 'carry' || x.kind === 'level1');
          out.push({ total: l, parts: [lines[yi], ...after], what: 'grand' });
        }
      } else {
        const parts = lines.filter((x) => x.kind === 'level1');
        if (parts.length > 0) out.push({ total: l, parts, what: 'grand' });
      }
      sectionStart = i + 1;
    }
  }
  // 一、本年收入 = （一）+（二）…; 年初结转和结余 = the fund lines under it.
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.kind !== 'level1' && l.kind !== 'carry') continue;
    const children: SideLine[] = [];
    // (Lines after a 其中 line that no number sets apart go on with it — 上年结转结余 / 其中：一般公共预算 / 政府性
    // 基金预算 —: parts of the 其中, never the line's own breakdown.)
    let ofWhich = false;
    for (let j = i + 1; j < lines.length; j++) {
      const k = lines[j].kind;
      if (l.kind === 'level1' && k === 'level2') children.push(lines[j]);
      else if (l.kind === 'carry' && ofWhich && k === 'other') continue;
      else if (l.kind === 'carry' && (k === 'other' || k === 'carry-part')) children.push(lines[j]);
      else if (k === 'of-which') {
        ofWhich = true;
        continue;
      }
      // 1. 2. under a （一） line are its own breakdown (（一）财政拨款收入 → 1.一般公共预算, 2.政府性基金预算), not the next sibling.
      else if (l.kind === 'level1' && k === 'other' && children.length > 0 && ARABIC_ITEM.test(lines[j].label)) continue;
      else break;
    }
    if (children.length > 0) out.push({ total: l, parts: children, what: 'children' });
  }
  return out;
}
