import type { SheetState } from './sheetSnapshot';
import { walkXml } from './xmlElements';

/**
 * What SheetJS's .ods reader leaves out and the snapshot needs: hidden rows and columns
 * (table:visibility="collapse", or "filter" for rows a filter hides), hidden sheets (a table
 * style with table:display="false") and protected sheets (table:protected="true"), read from
 * content.xml in one streaming pass, tables in document order as SheetJS lists them.
 *
 * `extent` bounds each sheet to the rows and columns that hold something: an .ods writes
 * "the next million rows are hidden" as one repeated row, and nothing there is worth a list.
 */
export type OdsSheetState = Required<Pick<SheetState, 'hidden' | 'protected' | 'hiddenRows' | 'hiddenColumns'>>;

export function odsSheetStates(contentXml: string, extent: { rows: number; columns: number }[]): OdsSheetState[] {
  const hiddenTableStyles = new Set<string>();
  const states: OdsSheetState[] = [];
  let styleName = '';
  let styleFamily = '';
  let depth = 0; // nesting of table:table (a table inside a cell is part of its cell)
  let row = 0;
  let column = 0;
  let current: OdsSheetState | undefined;
  let bound = { rows: 0, columns: 0 };
  walkXml(
    contentXml,
    (el) => {
      switch (el.name) {
        case 'style':
          styleName = el.attrs.name ?? '';
          styleFamily = el.attrs.family ?? '';
          break;
        case 'table-properties':
          if (styleFamily === 'table' && el.attrs.display === 'false') hiddenTableStyles.add(styleName);
          break;
        case 'table':
          if (++depth > 1) break;
          current = {
            hidden: hiddenTableStyles.has(el.attrs['style-name'] ?? ''),
            protected: el.attrs.protected === 'true',
            hiddenRows: [],
            hiddenColumns: [],
          };
          bound = extent[states.length] ?? { rows: 0, columns: 0 };
          states.push(current);
          row = 0;
          column = 0;
          break;
        case 'table-column':
          if (depth !== 1 || !current) break;
          column = mark(current.hiddenColumns, column, repeat(el.attrs['number-columns-repeated']), el.attrs.visibility, bound.columns);
          break;
        case 'table-row':
          if (depth !== 1 || !current) break;
          row = mark(current.hiddenRows, row, repeat(el.attrs['number-rows-repeated']), el.attrs.visibility, bound.rows);
          break;
      }
    },
    (name) => {
      if (name === 'table') depth--;
    },
  );
  return states;
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
