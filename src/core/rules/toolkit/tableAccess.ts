import Decimal from 'decimal.js';
import { cellAddress } from '../../address';
import { cleanLabel as withoutSpaces } from '../../detect/labels';
import type { CellRef } from '../../finding';
import type { DetectedTable, TableColumn, TableRow, Unit } from '../../table';
import { TABLE_KIND_NAMES, type TableKind } from '../../tableKind';

/**
 * One figure read from a table, with what the rounding band and the messages need:
 * where it is, what it says, whether it is a displayed number (an empty cell is an exact
 * zero and adds no rounding tail), its precision and its unit.
 */
export interface Figure {
  table: DetectedTable;
  row: number;
  col: number;
  /** The amount; zero for an empty cell. */
  value: Decimal;
  /** A number is displayed (0.00 counts: it may be a rounded 0.004). */
  shown: boolean;
  /** Something unreadable sits there (`#REF!`, `12,3a4`): the figure cannot be used. */
  unreadable: boolean;
  decimals: number;
  /** The precision the figure was rounded to, for the band (table.roundingDecimals, else decimals). */
  grain: number;
  /** What the figure is called in messages: a column header or a row label. */
  name: string;
}

const UNIT_FACTOR: Record<Unit, number> = { 元: 1, 千元: 1000, 万元: 10000, 亿元: 100000000 };

/** How many 元 one displayed unit of the table is (万元 → 10000); 万元 when unstated. */
export function unitFactor(table: DetectedTable): Decimal {
  return new Decimal(UNIT_FACTOR[table.unit ?? '万元'] ?? 10000);
}

const rowIndexCache = new WeakMap<DetectedTable, Map<number, TableRow>>();

export function rowAt(table: DetectedTable, row: number): TableRow | undefined {
  let index = rowIndexCache.get(table);
  if (!index) {
    index = new Map(table.rows.map((r) => [r.row, r]));
    rowIndexCache.set(table, index);
  }
  return index.get(row);
}

/** The figure in (row, col) of a table. */
export function figureAt(table: DetectedTable, row: number, col: number, name = ''): Figure {
  const cell = rowAt(table, row)?.cells[col];
  const decimals = table.decimals;
  const grain = table.roundingDecimals ?? decimals;
  if (!cell) return { table, row, col, value: new Decimal(0), shown: false, unreadable: false, decimals, grain, name };
  const a = cell.amount;
  // The band follows the table's displayed precision (table.decimals), not a stray cell's.
  if (a.kind === 'amount') return { table, row, col, value: a.value, shown: true, unreadable: false, decimals, grain, name };
  if (a.kind === 'empty') return { table, row, col, value: new Decimal(0), shown: false, unreadable: false, decimals, grain, name };
  return { table, row, col, value: new Decimal(0), shown: false, unreadable: true, decimals, grain, name };
}

export function cellRef(f: { table: DetectedTable; row: number; col: number }): CellRef {
  return { sheet: f.table.sheet, cell: cellAddress(f.row, f.col) };
}

export function figureKey(f: { table: DetectedTable; row: number; col: number }): string {
  return `${f.table.sheet}!${cellAddress(f.row, f.col)}`;
}

/** A table's name for people: 支出表 (三、部门支出预算表). */
export function tableName(table: DetectedTable, lang: 'zh-CN' | 'en'): string {
  const kind = TABLE_KIND_NAMES[table.kind as TableKind]?.[lang] ?? table.kind;
  return `${kind}「${table.sheet}」`;
}

/**
 * Labels as the rules match them: detection's cleaned label (no spaces or line breaks) with
 * the full-width brackets and colon folded, so 维修（护）费 meets 维修(护)费.
 */
export function cleanLabel(s: string): string {
  return withoutSpaces(s)
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/：/g, ':');
}

export function amountColumns(table: DetectedTable): TableColumn[] {
  return table.columns.filter((c) => c.role === 'amount').sort((a, b) => a.col - b.col);
}

/** Text of a cell of the table ('' when empty). */
export function textAt(table: DetectedTable, row: number, col: number): string {
  return rowAt(table, row)?.cells[col]?.text ?? '';
}

/** Body rows in sheet order, hidden rows included (hidden figures still have to add up). */
export function bodyRows(table: DetectedTable): TableRow[] {
  return [...table.rows].filter((r) => r.row >= table.bodyRows[0] && r.row <= table.bodyRows[1]).sort((a, b) => a.row - b.row);
}

/** Does a row carry any figure (amount or unreadable) in these columns? */
export function rowHasFigures(table: DetectedTable, row: number, cols: number[]): boolean {
  const r = rowAt(table, row);
  if (!r) return false;
  return cols.some((c) => {
    const cell = r.cells[c];
    return !!cell && cell.amount.kind !== 'empty' && cell.amount.kind !== 'not-amount';
  });
}
