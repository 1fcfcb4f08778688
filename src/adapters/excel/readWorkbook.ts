import type { CellRange, RawValue, SheetSnapshot, WorkbookSnapshot } from '../../core/snapshot';
import { localAddress, parseAreasAddress, uncovered } from './areaAddress';
import { BYTES_PER_CELL, isPayloadTooLarge, measuredBytesPerCell, MIN_BYTES_PER_CELL, PAYLOAD_LIMIT_BYTES, planReadRequests } from './payloadBudget';

/**
 * The Office.js snapshot adapter: builds the same WorkbookSnapshot as the .xlsx adapter from
 * the open workbook, in two `context.sync()` calls whatever the number of sheets:
 *   1. the sheet list (name, visibility, protection);
 *   2. for every sheet at once: the used range grown to A1 (values, text, number formats),
 *      its merged areas and its visible cells (hidden rows/columns are the ones no visible
 *      area covers).
 * If Excel on the web refuses sync 2 because the response would pass 5 MB, one more sync reads
 * the used-range addresses and the cells are read in row bands sized from those addresses,
 * one sync per ~5 MB.
 */
export interface ReadOptions {
  payloadLimitBytes?: number;
}

interface SheetMeta {
  name: string;
  hidden: boolean;
  protected: boolean;
}

export async function readWorkbookSnapshot(context: Excel.RequestContext, options: ReadOptions = {}): Promise<WorkbookSnapshot> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name,items/visibility,items/protection/protected');
  await context.sync();
  const metas: SheetMeta[] = sheets.items.map((ws) => ({
    name: ws.name,
    hidden: ws.visibility !== 'Visible',
    protected: Boolean(ws.protection.protected),
  }));

  try {
    return await readInOneRequest(context, sheets.items, metas);
  } catch (e) {
    if (!isPayloadTooLarge(e)) throw e;
    return readInBands(context, metas, options.payloadLimitBytes ?? PAYLOAD_LIMIT_BYTES);
  }
}

interface LayoutProxies {
  merged: Excel.RangeAreas;
  visible: Excel.RangeAreas;
}

/**
 * Merged areas come from the whole used range grown to A1 (getMergedAreas on a smaller range
 * misses areas that start outside it, office-js #3611, and Excel reports a merged area's value
 * only in its top-left cell, #1590 — exactly what the Snapshot expects).
 */
function queueLayout(ws: Excel.Worksheet): LayoutProxies {
  const layout = ws.getUsedRange(false).getBoundingRect('A1');
  const merged = layout.getMergedAreasOrNullObject();
  merged.load('address');
  const visible = layout.getSpecialCellsOrNullObject('Visible');
  visible.load('address');
  return { merged, visible };
}

async function readInOneRequest(context: Excel.RequestContext, worksheets: Excel.Worksheet[], metas: SheetMeta[]): Promise<WorkbookSnapshot> {
  const queued = worksheets.map((ws) => {
    // valuesOnly: a cell that is only formatted adds nothing to read; the grid starts at A1.
    const data = ws.getUsedRange(true).getBoundingRect('A1');
    data.load('address,rowCount,columnCount,values,text,numberFormat');
    return { data, ...queueLayout(ws) };
  });
  await context.sync();
  return {
    sheets: queued.map((q, i) =>
      sheetSnapshot(metas[i], q.data.values as unknown[][], q.data.text, q.data.numberFormat as unknown[][], q.merged, q.visible),
    ),
  };
}

async function readInBands(context: Excel.RequestContext, metas: SheetMeta[], limitBytes: number): Promise<WorkbookSnapshot> {
  const sheets = metas.map((m) => context.workbook.worksheets.getItem(m.name));
  const ranges = sheets.map((ws) => {
    const data = ws.getUsedRange(true).getBoundingRect('A1');
    data.load('rowCount,columnCount');
    return data;
  });
  const layouts = sheets.map((ws) => queueLayout(ws));
  await context.sync();
  const areas: CellRange[] = ranges.map((r) => ({ top: 1, left: 1, bottom: r.rowCount, right: r.columnCount }));
  const values: unknown[][][] = metas.map(() => []);
  const text: string[][][] = metas.map(() => []);
  const formats: unknown[][][] = metas.map(() => []);
  // Bands are read top-down, one request per sync; each answer tells what a cell really
  // costs, and the rest is re-planned with that (never below it: the margin stays).
  let bytesPerCell = BYTES_PER_CELL;
  const remaining = areas.map((a) => ({ ...a }));
  while (remaining.some((a) => a.top <= a.bottom)) {
    const [request] = planReadRequests(remaining, limitBytes, bytesPerCell);
    const bands = request.map((chunk) => {
      const band = sheets[chunk.sheetIndex].getRange(localAddress(chunk.area));
      band.load('values,text,numberFormat');
      return { chunk, band };
    });
    try {
      // One sync per ~5 MB band is the point here: only reached when a single request is refused.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (e) {
      if (!isPayloadTooLarge(e) || bands.every((b) => b.chunk.area.top === b.chunk.area.bottom)) throw e;
      bytesPerCell *= 2;
      continue;
    }
    const got: { v: unknown[][]; t: unknown[][]; f: unknown[][] } = { v: [], t: [], f: [] };
    for (const { chunk, band } of bands) {
      // A loop, not push(...rows): a band of 100,000 rows passed as arguments overflows the stack.
      append(values[chunk.sheetIndex], band.values as unknown[][]);
      append(text[chunk.sheetIndex], band.text);
      append(formats[chunk.sheetIndex], band.numberFormat as unknown[][]);
      append(got.v, band.values as unknown[][]);
      append(got.t, band.text);
      append(got.f, band.numberFormat as unknown[][]);
      remaining[chunk.sheetIndex].top = chunk.area.bottom + 1;
    }
    bytesPerCell = Math.max(MIN_BYTES_PER_CELL, measuredBytesPerCell(got.v, got.t, got.f) * 1.1);
  }
  return {
    sheets: metas.map((m, i) => sheetSnapshot(m, values[i], text[i], formats[i], layouts[i].merged, layouts[i].visible)),
  };
}

function sheetSnapshot(
  meta: SheetMeta,
  values: unknown[][],
  text: string[][],
  formats: unknown[][],
  merged: Excel.RangeAreas,
  visible: Excel.RangeAreas,
): SheetSnapshot {
  const rows = values.length;
  const cols = rows ? values[0].length : 0;
  const visibleAreas = visible.isNullObject ? null : parseAreasAddress(visible.address);
  // No visible cell at all: every row (and column) of the grid is hidden.
  const hiddenRows = visibleAreas ? uncovered(visibleAreas, rows, 'rows') : range(rows);
  const hiddenColumns = visibleAreas ? uncovered(visibleAreas, cols, 'columns') : range(cols);
  return {
    name: meta.name,
    values: values.map((row) => row.map(rawValue)),
    text: text.map((row) => row.map((t) => (t == null ? '' : String(t)))),
    numberFormats: formats.map((row) => row.map((f) => (typeof f === 'string' && f ? f : 'General'))),
    merges: merged.isNullObject ? [] : parseAreasAddress(merged.address),
    hiddenRows,
    hiddenColumns,
    hidden: meta.hidden,
    protected: meta.protected,
  };
}

function append<T>(to: T[], rows: T[]): void {
  for (const row of rows) to.push(row);
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i + 1);
}

/** Office.js reports an empty cell as ''; the Snapshot (like ExcelJS) says null. */
function rawValue(v: unknown): RawValue {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  return String(v);
}
