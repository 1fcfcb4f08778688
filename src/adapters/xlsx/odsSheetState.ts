import type { SheetState } from './sheetSnapshot';
import { OdsNumberStyles } from './odsNumberStyles';
import { walkXml } from './xmlElements';

/**
 * What SheetJS's .ods reader leaves out and the snapshot needs, read from styles.xml and
 * content.xml in one streaming pass each, tables in document order as SheetJS lists them:
 * - hidden rows and columns (table:visibility="collapse", or "filter" for rows a filter hides);
 * - hidden sheets (a table style with table:display="false") and protected ones (table:protected);
 * - each number cell's format code, from its cell style's data style (odsNumberStyles.ts).
 *
 * Hidden rows and columns are kept to the rows and columns that hold a cell: an .ods writes
 * "the next million rows are hidden" as one repeated row, and nothing there is worth a list.
 * The pass runs before SheetJS parses the same part, so the two never hold it at once.
 */
export type OdsSheetState = Required<Pick<SheetState, 'hidden' | 'protected' | 'hiddenRows' | 'hiddenColumns'>> & {
  /** Format code per number cell, 0-based [row][column]; holes where SheetJS's own is kept. */
  numberFormats: string[][];
};

/** The value types SheetJS reads as numbers (and so whose format code matters). */
const NUMERIC = new Set(['float', 'percentage', 'currency', 'date', 'time']);

interface Span {
  from: number; // 0-based, inclusive
  to: number; // exclusive
}

interface TableWalk {
  state: OdsSheetState;
  hiddenRows: Span[];
  hiddenColumns: Span[];
  /** Column default cell styles, as runs (a column element may repeat for 16,384 columns). */
  columnStyles: (Span & { style?: string })[];
  rows: number;
  columns: number;
  /** One past the last row and column holding a cell. */
  usedRows: number;
  usedColumns: number;
}

export function odsSheetStates(stylesXml: string, contentXml: string): OdsSheetState[] {
  const styles = new OdsNumberStyles();
  if (stylesXml) walkXml(stylesXml, (el) => styles.open(el), (name) => styles.close(name), (t) => styles.text(t));

  const hiddenTableStyles = new Set<string>();
  const tables: TableWalk[] = [];
  let styleName = '';
  let styleFamily = '';
  let depth = 0; // nesting of table:table (a table inside a cell belongs to its cell)
  let t: TableWalk | undefined;
  let row = { first: 0, count: 1, style: undefined as string | undefined };
  let column = 0;

  walkXml(
    contentXml,
    (el) => {
      styles.open(el);
      const a = el.attrs;
      switch (el.name) {
        case 'style':
          styleName = a.name ?? '';
          styleFamily = a.family ?? '';
          break;
        case 'table-properties':
          if (styleFamily === 'table' && a.display === 'false') hiddenTableStyles.add(styleName);
          break;
        case 'table':
          if (++depth > 1) break;
          t = {
            state: { hidden: hiddenTableStyles.has(a['style-name'] ?? ''), protected: a.protected === 'true', hiddenRows: [], hiddenColumns: [], numberFormats: [] },
            hiddenRows: [],
            hiddenColumns: [],
            columnStyles: [],
            rows: 0,
            columns: 0,
            usedRows: 0,
            usedColumns: 0,
          };
          tables.push(t);
          break;
        case 'table-column': {
          if (depth !== 1 || !t) break;
          const n = repeat(a['number-columns-repeated']);
          t.columnStyles.push({ from: t.columns, to: t.columns + n, style: a['default-cell-style-name'] });
          if (hides(a.visibility)) t.hiddenColumns.push({ from: t.columns, to: t.columns + n });
          t.columns += n;
          break;
        }
        case 'table-row':
          if (depth !== 1 || !t) break;
          row = { first: t.rows, count: repeat(a['number-rows-repeated']), style: a['default-cell-style-name'] };
          if (hides(a.visibility)) t.hiddenRows.push({ from: row.first, to: row.first + row.count });
          t.rows += row.count;
          column = 0;
          break;
        case 'table-cell':
        case 'covered-table-cell': {
          if (depth !== 1 || !t) break;
          const n = repeat(a['number-columns-repeated']);
          const type = a['value-type'];
          if (type) {
            t.usedRows = Math.max(t.usedRows, row.first + row.count);
            t.usedColumns = Math.max(t.usedColumns, column + n);
          }
          if (type && NUMERIC.has(type)) {
            const code = styles.codeOfCellStyle(a['style-name'] ?? row.style ?? columnStyle(t, column) ?? 'Default');
            if (code) recordCode(t.state.numberFormats, row, column, n, code);
          }
          column += n;
          break;
        }
      }
    },
    (name) => {
      styles.close(name);
      if (name === 'table') depth--;
    },
    (text) => styles.text(text),
  );
  return tables.map((w) => ({
    ...w.state,
    hiddenRows: expand(w.hiddenRows, w.usedRows),
    hiddenColumns: expand(w.hiddenColumns, w.usedColumns),
  }));
}

function hides(visibility: string | undefined): boolean {
  return visibility === 'collapse' || visibility === 'filter';
}

function columnStyle(t: TableWalk, column: number): string | undefined {
  return t.columnStyles.find((r) => column >= r.from && column < r.to)?.style;
}

function recordCode(grid: string[][], row: { first: number; count: number }, column: number, n: number, code: string): void {
  for (let r = row.first; r < row.first + row.count; r++) {
    const line = (grid[r] ??= []);
    for (let c = column; c < column + n; c++) line[c] = code;
  }
}

/** 1-based indexes of the spans, up to `bound` (exclusive, 0-based). */
function expand(spans: Span[], bound: number): number[] {
  const out: number[] = [];
  for (const s of spans) for (let i = s.from; i < Math.min(s.to, bound); i++) out.push(i + 1);
  return out;
}

function repeat(n: string | undefined): number {
  const k = Number(n);
  return Number.isInteger(k) && k > 0 ? k : 1;
}
