import Decimal from 'decimal.js';
import type { CellRange, GridSheet, RawValue, WorkbookSnapshot } from '../../src/core/snapshot';

/** Variants change cells, so they work on sheets as grids (test/support/gridSnapshot.ts). */
export type GridWorkbook = WorkbookSnapshot<GridSheet>;

/**
 * Variants of a workbook snapshot, as real workbooks arrive: tables stacked on one sheet,
 * titles deleted, amounts typed as text, amounts in 元, codes stored as numbers, header
 * labels with line breaks, hidden rows. Pure functions GridWorkbook → GridWorkbook,
 * each with a row mapping so a test can compute where a source row went.
 *
 * They are built with their own simple rules (not with the detector), so a test that
 * compares detection on a variant with the source's answer can fail.
 */

/** Where a source sheet row went: sheet and row in the variant, or null when deleted. */
export type RowMap = (sheet: string, row: number) => { sheet: string; row: number } | null;

export interface Variant {
  name: string;
  snapshot: GridWorkbook;
  map: RowMap;
}

const identity: RowMap = (sheet, row) => ({ sheet, row });

function cloneSheet(s: GridSheet): GridSheet {
  return {
    ...s,
    values: s.values.map((r) => [...r]),
    text: s.text.map((r) => [...r]),
    numberFormats: s.numberFormats.map((r) => [...r]),
    merges: s.merges.map((m) => ({ ...m })),
    hiddenRows: [...s.hiddenRows],
    hiddenColumns: [...s.hiddenColumns],
  };
}

function mapCells(wb: GridWorkbook, f: (v: RawValue, text: string, fmt: string, sheet: GridSheet, r: number, c: number) => { v: RawValue; text: string; fmt: string } | null): GridWorkbook {
  const sheets = wb.sheets.map((s0) => {
    const s = cloneSheet(s0);
    for (let r = 0; r < s.values.length; r++) {
      for (let c = 0; c < s.values[r].length; c++) {
        const out = f(s.values[r][c], s.text[r]?.[c] ?? '', s.numberFormats[r]?.[c] ?? 'General', s, r + 1, c + 1);
        if (!out) continue;
        s.values[r][c] = out.v;
        s.text[r][c] = out.text;
        s.numberFormats[r][c] = out.fmt;
      }
    }
    return s;
  });
  return { ...wb, sheets };
}

/** Sheets that hold prose only (情况说明): stacked variants leave them on their own sheet. */
export function isProseSheet(s: GridSheet): boolean {
  return s.merges.length === 0 && s.values.every((r) => r.filter((v) => v !== null && v !== '').length <= 1);
}

/**
 * (a) Every table sheet stacked on one sheet, in order, separated by `gap` blank rows
 * (0: no blank row, the next table's form number / title follows the last note directly).
 * `withProse` pastes the 情况说明 under the tables too.
 */
export function stackTables(wb: GridWorkbook, gap = 2, name = '全部表格', withProse = false): Variant {
  const tables = wb.sheets.filter((s) => withProse || !isProseSheet(s));
  const rest = wb.sheets.filter((s) => !withProse && isProseSheet(s));
  const offsets = new Map<string, number>();
  const out: GridSheet = { name, values: [], text: [], numberFormats: [], merges: [], hiddenRows: [], hiddenColumns: [] };
  let offset = 0;
  for (const s of tables) {
    offsets.set(s.name, offset);
    // Rows up to the sheet's last non-empty row.
    let last = s.values.length;
    while (last > 0 && s.values[last - 1].every((v) => v === null || v === '')) last--;
    for (let r = 0; r < last; r++) {
      out.values.push([...(s.values[r] ?? [])]);
      out.text.push([...(s.text[r] ?? [])]);
      out.numberFormats.push([...(s.numberFormats[r] ?? [])]);
    }
    for (const m of s.merges) if (m.top <= last) out.merges.push({ ...m, top: m.top + offset, bottom: Math.min(m.bottom, last) + offset });
    for (const h of s.hiddenRows) if (h <= last) out.hiddenRows.push(h + offset);
    offset += last;
    for (let g = 0; g < gap; g++) {
      out.values.push([]);
      out.text.push([]);
      out.numberFormats.push([]);
    }
    offset += gap;
  }
  const map: RowMap = (sheet, row) => {
    const o = offsets.get(sheet);
    return o === undefined ? { sheet, row } : { sheet: name, row: row + o };
  };
  return { name: `stacked-gap${gap}${withProse ? '-prose' : ''}`, snapshot: { ...wb, sheets: [out, ...rest] }, map };
}

const FORM_NUMBER = /^\s*((预算|决算|公开)\s*\d{1,2}\s*表|YS\s*\d{1,2})\s*$/;
const CAPTION = /(单位|部门|单位名称|部门名称)\s*[:：]|^\s*\d{4}\s*年度\s*$/;

/** A top row that is a form number, a single title line or a caption line. */
function isPreambleRow(s: GridSheet, r: number): boolean {
  const texts = (s.values[r - 1] ?? []).filter((v) => v !== null && v !== '').map((v) => String(v));
  if (texts.length === 0) return true;
  if (texts.every((t) => FORM_NUMBER.test(t) || CAPTION.test(t))) return true;
  const words = texts.filter((t) => !FORM_NUMBER.test(t));
  return words.length === 1 && /表\s*$|运行经费\s*$/.test(words[0]) && !/[:：。]/.test(words[0]);
}

function deleteRows(s0: GridSheet, rows: Set<number>): GridSheet {
  const s = cloneSheet(s0);
  const keep = (r: number): boolean => !rows.has(r);
  const newIndex: number[] = [];
  let n = 0;
  for (let r = 1; r <= s.values.length; r++) newIndex[r] = keep(r) ? ++n : -1;
  s.values = s.values.filter((_, i) => keep(i + 1));
  s.text = s.text.filter((_, i) => keep(i + 1));
  s.numberFormats = s.numberFormats.filter((_, i) => keep(i + 1));
  s.merges = s.merges
    .filter((m) => ![...Array(m.bottom - m.top + 1).keys()].every((k) => rows.has(m.top + k)))
    .map((m): CellRange => {
      let top = m.top;
      while (rows.has(top)) top++;
      let bottom = m.bottom;
      while (rows.has(bottom)) bottom--;
      return { ...m, top: newIndex[top], bottom: newIndex[bottom] };
    });
  s.hiddenRows = s.hiddenRows.filter(keep).map((r) => newIndex[r]);
  return s;
}

/** (b) Title, form-number and unit/caption rows above each table deleted. */
export function withoutTitles(wb: GridWorkbook): Variant {
  const deleted = new Map<string, Set<number>>();
  const sheets = wb.sheets.map((s) => {
    if (isProseSheet(s)) return s;
    const rows = new Set<number>();
    for (let r = 1; r <= s.values.length && isPreambleRow(s, r); r++) rows.add(r);
    deleted.set(s.name, rows);
    return deleteRows(s, rows);
  });
  const map: RowMap = (sheet, row) => {
    const d = deleted.get(sheet);
    if (!d) return { sheet, row };
    if (d.has(row)) return null;
    let before = 0;
    for (const x of d) if (x < row) before++;
    return { sheet, row: row - before };
  };
  return { name: 'no-titles', snapshot: { ...wb, sheets }, map };
}

export type TextAmountStyle = 'comma' | 'pdf-spaces' | 'full-width' | 'parentheses' | 'minus' | 'dash-zero' | 'blank-zero';

const FULL_WIDTH_DIGITS = '０１２３４５６７８９';

function grouped(d: Decimal, decimals: number): string {
  const fixed = d.abs().toFixed(decimals);
  const [int, frac] = fixed.split('.');
  return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${frac !== undefined ? `.${frac}` : ''}`;
}

/**
 * (c) Amounts stored as text, in one of the styles people paste: `1,269.24`,
 * `132, 372. 61` (spaces from a PDF copy), full-width `１２６９.２４`, negatives as
 * `(1,234.00)` or `-1,234.00`, zero as `-`/`—` or blank. Amount cells are the numeric cells
 * with a money format (#,##0.00). `negate` turns every amount negative, so the two negative
 * styles are exercised on real figures.
 */
export function textAmounts(wb: GridWorkbook, style: TextAmountStyle, negate = false): Variant {
  const snapshot = mapCells(wb, (v, _t, fmt) => {
    if (typeof v !== 'number' || !/0\.00/.test(fmt)) return null;
    let d = new Decimal(String(v));
    if (negate) d = d.negated();
    const body = grouped(d, 2);
    let text: string;
    switch (style) {
      case 'comma':
        text = d.isNegative() ? `-${body}` : body;
        break;
      case 'pdf-spaces':
        text = (d.isNegative() ? '-' : '') + body.replace(/,/g, ', ').replace('.', '. ');
        break;
      case 'full-width':
        text = (d.isNegative() ? '－' : '') + d.abs().toFixed(2).replace(/\d/g, (x) => FULL_WIDTH_DIGITS[Number(x)]);
        break;
      case 'parentheses':
        text = d.isZero() ? '-' : d.isNegative() ? `(${body})` : body;
        break;
      case 'minus':
        text = d.isNegative() ? `-${body}` : body;
        break;
      case 'dash-zero':
        text = d.isZero() ? '—' : (d.isNegative() ? '-' : '') + body;
        break;
      case 'blank-zero':
        if (d.isZero()) return { v: null, text: '', fmt: 'General' };
        text = (d.isNegative() ? '-' : '') + body;
        break;
    }
    return { v: text, text, fmt: '@' };
  });
  return { name: `text-${style}${negate ? '-negative' : ''}`, snapshot, map: identity };
}

/** (d) Amounts in 元 instead of 万元: every money figure × 10,000, the caption says 元. */
export function inYuan(wb: GridWorkbook): Variant {
  const snapshot = mapCells(wb, (v, t, fmt) => {
    if (typeof v === 'number' && /0\.00/.test(fmt)) {
      const y = new Decimal(String(v)).times(10000);
      return { v: y.toNumber(), text: grouped(y, 2), fmt };
    }
    if (typeof v === 'string' && /单位\s*[:：]\s*万元/.test(v)) {
      const s = v.replace(/万元/, '元');
      return { v: s, text: s, fmt };
    }
    void t;
    return null;
  });
  return { name: 'yuan', snapshot, map: identity };
}

/**
 * (e) Subject codes stored as numbers: every all-digit text (208, 01, 2080109, 30101,
 * 309201, and the 行次 / 栏次 numbers) becomes a number, so 款/项 lose their leading
 * zero (01 → 1).
 */
export function numericCodes(wb: GridWorkbook): Variant {
  const snapshot = mapCells(wb, (v, _t, fmt) => {
    if (typeof v !== 'string' || !/^\d{1,7}$/.test(v.trim())) return null;
    void fmt;
    const n = Number(v.trim());
    return { v: n, text: String(n), fmt: 'General' };
  });
  return { name: 'numeric-codes', snapshot, map: identity };
}

/**
 * (f) Header and row labels typed with line breaks and stray spaces inside:
 * `一般公共预\n算`, `合 计`, `基本 支出`. Titles and captions are left alone.
 */
export function messyLabels(wb: GridWorkbook): Variant {
  const snapshot = mapCells(wb, (v, _t, fmt) => {
    if (typeof v !== 'string') return null;
    const s = v.trim();
    if (!s || /\d/.test(s) || /[:：。]/.test(s) || /表$/.test(s) || s.length > 16 || s.length < 2) return null;
    const broken = s.length === 2 ? `${s[0]} ${s[1]}` : s.length <= 4 ? `${s.slice(0, 1)} ${s.slice(1)} ` : `${s.slice(0, s.length - 1)}\n${s.slice(s.length - 1)}`;
    return { v: broken, text: broken, fmt };
  });
  return { name: 'messy-labels', snapshot, map: identity };
}

/** Hidden rows: `pick` chooses rows of each sheet to hide (values are kept, as Excel does). */
export function hideRows(wb: GridWorkbook, pick: (sheet: GridSheet) => number[]): Variant {
  const sheets = wb.sheets.map((s0) => {
    const s = cloneSheet(s0);
    s.hiddenRows = [...new Set([...s.hiddenRows, ...pick(s)])].sort((a, b) => a - b);
    return s;
  });
  return { name: 'hidden-rows', snapshot: { ...wb, sheets }, map: identity };
}

/** Merged areas dropped (a copy pasted as values): header groups typed once, cells beside them empty. */
export function withoutMerges(wb: GridWorkbook): Variant {
  return { name: 'no-merges', snapshot: { ...wb, sheets: wb.sheets.map((s) => ({ ...s, merges: [] })) }, map: identity };
}

/** Every sheet moved `by` columns to the right (a table that starts in column B or later). */
export function shiftRight(wb: GridWorkbook, by = 1): Variant {
  const pad = <T>(row: T[], empty: T): T[] => [...Array<T>(by).fill(empty), ...row];
  const sheets = wb.sheets.map((s) => ({
    ...s,
    values: s.values.map((r) => pad(r, null)),
    text: s.text.map((r) => pad(r, '')),
    numberFormats: s.numberFormats.map((r) => pad(r, 'General')),
    merges: s.merges.map((m) => ({ ...m, left: m.left + by, right: m.right + by })),
    hiddenColumns: s.hiddenColumns.map((c) => c + by),
  }));
  return { name: `shift-right-${by}`, snapshot: { ...wb, sheets }, map: identity };
}

/** Sheets renamed Sheet1, Sheet2 … (a copy that lost the 目录 names). */
export function genericSheetNames(wb: GridWorkbook): Variant {
  const names = new Map(wb.sheets.map((s, i) => [s.name, `Sheet${i + 1}`]));
  const sheets = wb.sheets.map((s) => ({ ...s, name: names.get(s.name) as string }));
  const map: RowMap = (sheet, row) => ({ sheet: names.get(sheet) ?? sheet, row });
  return { name: 'generic-sheet-names', snapshot: { ...wb, sheets }, map };
}

/** Compose variants left to right; the row maps compose too. */
export function compose(wb: GridWorkbook, ...steps: ((w: GridWorkbook) => Variant)[]): Variant {
  let snapshot = wb;
  let map: RowMap = identity;
  const names: string[] = [];
  for (const step of steps) {
    const v = step(snapshot);
    const prev = map;
    map = (sheet, row) => {
      const a = prev(sheet, row);
      return a ? v.map(a.sheet, a.row) : null;
    };
    snapshot = v.snapshot;
    names.push(v.name);
  }
  return { name: names.join('+'), snapshot, map };
}

/** Every variant the acceptance asks for, one by one. */
export function allVariants(wb: GridWorkbook): Variant[] {
  return [
    stackTables(wb, 2),
    stackTables(wb, 0),
    stackTables(wb, 0, '全部表格', true),
    withoutTitles(wb),
    textAmounts(wb, 'comma'),
    textAmounts(wb, 'pdf-spaces'),
    textAmounts(wb, 'full-width'),
    textAmounts(wb, 'parentheses', true),
    textAmounts(wb, 'minus', true),
    textAmounts(wb, 'dash-zero'),
    textAmounts(wb, 'blank-zero'),
    inYuan(wb),
    numericCodes(wb),
    messyLabels(wb),
    withoutMerges(wb),
    compose(wb, withoutTitles, (w) => stackTables(w, 1)),
    compose(wb, withoutTitles, genericSheetNames),
    compose(wb, withoutTitles, (w) => stackTables(w, 0)),
    compose(wb, (w) => textAmounts(w, 'pdf-spaces'), numericCodes, messyLabels, (w) => stackTables(w, 0)),
  ];
}
