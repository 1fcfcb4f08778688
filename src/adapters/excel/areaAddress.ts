import { cellAddress, parseRangeAddress } from '../../core/address';
import type { CellRange } from '../../core/snapshot';

/**
 * Office.js gives a RangeAreas' address as one string, "Sheet1!A1:B4, Sheet1!D1:D4", and
 * quotes sheet names with spaces or commas ('收支, 总表'!A1:C1, with '' for a quote inside).
 * Split it on the commas that are outside quotes and drop the sheet part.
 */
export function parseAreasAddress(address: string | null | undefined): CellRange[] {
  if (!address) return [];
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < address.length; i++) {
    const ch = address[i];
    if (ch === "'") {
      // '' inside a quoted name is an escaped quote, not the end of the name.
      if (quoted && address[i + 1] === "'") {
        current += "''";
        i++;
        continue;
      }
      quoted = !quoted;
      current += ch;
    } else if (ch === ',' && !quoted) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);
  const areas: CellRange[] = [];
  for (const part of parts) {
    const trimmed = part.trim();
    if (!trimmed) continue;
    const bang = trimmed.lastIndexOf('!');
    const local = (bang >= 0 ? trimmed.slice(bang + 1) : trimmed).replace(/\$/g, '');
    if (!/^[A-Za-z]+\d+(:[A-Za-z]+\d+)?$/.test(local)) continue;
    areas.push(parseRangeAddress(local));
  }
  return areas;
}

/** The address of a rectangle as Office.js would take it in getRange: "A1:F20". */
export function localAddress(area: CellRange): string {
  return `${cellAddress(area.top, area.left)}:${cellAddress(area.bottom, area.right)}`;
}

/**
 * Rows (or columns) in 1..count that no visible area covers: with the visible cells of a
 * rectangle split into rectangles, a row is hidden exactly when no rectangle spans it.
 */
export function uncovered(areas: CellRange[], count: number, axis: 'rows' | 'columns'): number[] {
  const covered = new Uint8Array(count + 1);
  for (const a of areas) {
    const from = axis === 'rows' ? a.top : a.left;
    const to = axis === 'rows' ? a.bottom : a.right;
    for (let i = Math.max(1, from); i <= Math.min(count, to); i++) covered[i] = 1;
  }
  const out: number[] = [];
  for (let i = 1; i <= count; i++) if (!covered[i]) out.push(i);
  return out;
}
