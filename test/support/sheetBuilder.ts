import Decimal from 'decimal.js';
import { displayAmount } from '../../src/core/amount';
import { parseRangeAddress } from '../../src/core/address';
import type { GridSheet, RawValue, WorkbookSnapshot } from '../../src/core/snapshot';

/**
 * Small workbooks of our own, written the way a finance clerk lays them out: a row per array,
 * numbers as numbers shown `#,##0.00` (unless `formats` says otherwise), text as text, merged
 * areas in A1 notation with their label in the top-left cell only (as Excel keeps them).
 */
export type CellInput = RawValue | undefined;

export interface SheetOptions {
  merges?: string[];
  /** Number format for numeric cells (default '#,##0.00'); per cell overrides as 'B7'. */
  format?: string;
  formats?: Record<string, string>;
  hiddenRows?: number[];
  /** 1-based columns hidden. */
  hiddenColumns?: number[];
}

export function sheet(name: string, rows: CellInput[][], options: SheetOptions = {}): GridSheet {
  const values: RawValue[][] = [];
  const text: string[][] = [];
  const numberFormats: string[][] = [];
  rows.forEach((row, r) => {
    values[r] = [];
    text[r] = [];
    numberFormats[r] = [];
    row.forEach((v, c) => {
      const value = v === undefined || v === '' ? null : v;
      const addr = `${String.fromCharCode(65 + c)}${r + 1}`;
      const fmt = typeof value === 'number' ? options.formats?.[addr] ?? options.format ?? '#,##0.00' : 'General';
      values[r][c] = value;
      numberFormats[r][c] = fmt;
      text[r][c] = value === null ? '' : typeof value === 'number' ? shown(value, fmt) : String(value);
    });
  });
  return {
    name,
    values,
    text,
    numberFormats,
    merges: (options.merges ?? []).map(parseRangeAddress),
    hiddenRows: options.hiddenRows ?? [],
    hiddenColumns: options.hiddenColumns ?? [],
  };
}

function shown(v: number, fmt: string): string {
  if (fmt === 'General') return String(v);
  const m = /0\.(0+)/.exec(fmt);
  const d = m ? m[1].length : 0;
  return /#,##0/.test(fmt) ? displayAmount(new Decimal(String(v)), d) : new Decimal(String(v)).toFixed(d);
}

export function workbook(...sheets: GridSheet[]): WorkbookSnapshot<GridSheet> {
  return { name: 'test.xlsx', sheets };
}
