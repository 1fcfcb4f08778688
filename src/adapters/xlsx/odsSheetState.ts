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
 * `extent` bounds each sheet to the rows and columns that hold something: an .ods writes "the
 * next million rows are hidden" as one repeated row, and nothing there is worth a list.
 */
export type OdsSheetState = Required<Pick<SheetState, 'hidden' | 'protected' | 'hiddenRows' | 'hiddenColumns'>> & {
  /** Format code per number cell, 0-based [row][column]; holes where SheetJS's own is kept. */
  numberFormats: string[][];
};

/** The value types SheetJS reads as numbers (and so whose format code matters). */
const NUMERIC = new Set(['float', 'percentage', 'currency', 'date', 'time', 'boolean']);

export function odsSheetStates(stylesXml: string, contentXml: string, extent: { rows: number; columns: number }[]): OdsSheetState[] {
  const styles = new OdsNumberStyles();
  if (stylesXml) walkXml(stylesXml, (el) => styles.open(el), (name) => styles.close(name), (t) => styles.text(t));

  const hiddenTableStyles = new Set<string>();
  const states: OdsSheetState[] = [];
  let styleName = '';
  let styleFamily = '';
  let depth = 0; // nesting of table:table (a table inside a cell belongs to its cell)
  let current: OdsSheetState | undefined;
  let bound = { rows: 0, columns: 0 };
  let rowsDone = 0;
  let columnsDone = 0;
  let columnStyles: (string | undefined)[] = [];
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
          current = { hidden: hiddenTableStyles.has(a['style-name'] ?? ''), protected: a.protected === 'true', hiddenRows: [], hiddenColumns: [], numberFormats: [] };
          bound = extent[states.length] ?? { rows: 0, columns: 0 };
          states.push(current);
          rowsDone = columnsDone = 0;
          columnStyles = [];
          break;
        case 'table-column': {
          if (depth !== 1 || !current) break;
          const n = repeat(a['number-columns-repeated']);
          for (let c = columnsDone; c < Math.min(columnsDone + n, bound.columns); c++) columnStyles[c] = a['default-cell-style-name'];
          columnsDone = mark(current.hiddenColumns, columnsDone, n, a.visibility, bound.columns);
          break;
        }
        case 'table-row':
          if (depth !== 1 || !current) break;
          row = { first: rowsDone, count: repeat(a['number-rows-repeated']), style: a['default-cell-style-name'] };
          rowsDone = mark(current.hiddenRows, rowsDone, row.count, a.visibility, bound.rows);
          column = 0;
          break;
        case 'table-cell':
        case 'covered-table-cell': {
          if (depth !== 1 || !current) break;
          const n = repeat(a['number-columns-repeated']);
          if (NUMERIC.has(a['value-type'] ?? '')) {
            const code = styles.codeOfCellStyle(a['style-name'] ?? row.style ?? columnStyles[column] ?? 'Default');
            if (code) recordCode(current.numberFormats, row, column, n, bound, code);
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
    (t) => styles.text(t),
  );
  return states;
}

function recordCode(grid: string[][], row: { first: number; count: number }, column: number, n: number, bound: { rows: number; columns: number }, code: string): void {
  for (let r = row.first; r < Math.min(row.first + row.count, bound.rows); r++) {
    const line = (grid[r] ??= []);
    for (let c = column; c < Math.min(column + n, bound.columns); c++) line[c] = code;
  }
}

function repeat(n: string | undefined): number {
  const k = Number(n);
  return Number.isInteger(k) && k > 0 ? k : 1;
}

/** Records the hidden ones among `count` rows (or columns) after `done`, up to `bound`; returns the new count. */
function mark(hidden: number[], done: number, count: number, visibility: string | undefined, bound: number): number {
  if (visibility === 'collapse' || visibility === 'filter') {
    for (let i = done + 1; i <= Math.min(done + count, bound); i++) hidden.push(i);
  }
  return done + count;
}
