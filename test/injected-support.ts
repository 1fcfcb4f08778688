/**
 * Broken variants of the fixture workbooks for the injected-error tests: read the real
 * snapshot, change one cell's value (and its displayed text, as Excel would show it).
 */
import fs from 'node:fs';
import path from 'node:path';
import { readSnapshotFromFile } from '../src/adapters/xlsx/readSnapshot';
import { parseCellAddress } from '../src/core/address';
import type { GridSheet, WorkbookSnapshot } from '../src/core/snapshot';
import { gridWorkbook } from './support/gridSnapshot';

const cache = new Map<string, WorkbookSnapshot<GridSheet>>();

export async function fixture(prefix: string): Promise<WorkbookSnapshot<GridSheet>> {
  const dir = path.join(__dirname, 'fixtures');
  const file = fs.readdirSync(dir).find((f) => f.startsWith(prefix) && f.endsWith('.xlsx'));
  if (!file) throw new Error(`no fixture ${prefix}`);
  if (!cache.has(file)) cache.set(file, gridWorkbook(await readSnapshotFromFile(path.join(dir, file))));
  return structuredClone(cache.get(file)!);
}

function sheetOf(s: WorkbookSnapshot<GridSheet>, name: string): GridSheet {
  const sh = s.sheets.find((x) => x.name === name);
  if (!sh) throw new Error(`no sheet ${name}`);
  return sh;
}

/** Put a number (shown as #,##0.00) or a text into a cell. */
export function setCell(s: WorkbookSnapshot<GridSheet>, sheet: string, a1: string, value: number | string | null): WorkbookSnapshot<GridSheet> {
  const sh = sheetOf(s, sheet);
  const { row, col } = parseCellAddress(a1);
  while (sh.values.length < row) sh.values.push([]);
  while (sh.text.length < row) sh.text.push([]);
  sh.values[row - 1][col - 1] = value;
  sh.text[row - 1][col - 1] =
    value === null ? '' : typeof value === 'number' ? value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }) : value;
  return s;
}

export function valueOf(s: WorkbookSnapshot<GridSheet>, sheet: string, a1: string): number | string | boolean | null {
  const { row, col } = parseCellAddress(a1);
  return sheetOf(s, sheet).values[row - 1]?.[col - 1] ?? null;
}

/** Swap two adjacent digits of an amount, the classic typing slip (523.07 → 532.07). */
export function transposeDigits(v: number, at: number): number {
  const s = v.toFixed(2).replace('.', '');
  const t = s.slice(0, at) + s[at + 1] + s[at] + s.slice(at + 2);
  return Number(`${t.slice(0, -2)}.${t.slice(-2)}`);
}
