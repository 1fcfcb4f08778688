import type { CellRange } from '../../core/snapshot';

/**
 * Excel on the web refuses a request or response larger than 5 MB
 * (RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded). A read of values, text
 * and number formats costs roughly the same per cell whatever the content, so the cell count of
 * a used-range address is a good enough estimate to split reads before they fail.
 */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

/** Bytes per cell for values + text + numberFormat, JSON-encoded, with room for long text. */
export const BYTES_PER_CELL = 96;

/** Even an empty cell costs its brackets, quotes and 'General'. */
export const MIN_BYTES_PER_CELL = 8;

/** Keep a margin under the limit: the estimate is an estimate. */
export const PAYLOAD_SAFETY = 0.8;

export function estimateReadBytes(area: CellRange): number {
  const rows = area.bottom - area.top + 1;
  const cols = area.right - area.left + 1;
  return rows * cols * BYTES_PER_CELL;
}

export interface ReadChunk {
  sheetIndex: number;
  /** Rows of one sheet, columns A..right. */
  area: CellRange;
}

/**
 * Splits every sheet's A1-anchored area into row bands and packs the bands into requests that
 * each stay under the budget: one request per `context.sync()`.
 */
export function planReadRequests(areas: CellRange[], limitBytes = PAYLOAD_LIMIT_BYTES, bytesPerCell = BYTES_PER_CELL): ReadChunk[][] {
  const budget = Math.max(1, Math.floor(limitBytes * PAYLOAD_SAFETY));
  const requests: ReadChunk[][] = [];
  let current: ReadChunk[] = [];
  let used = 0;
  areas.forEach((area, sheetIndex) => {
    const cols = area.right - area.left + 1;
    const rowBytes = cols * bytesPerCell;
    const rowsPerBand = Math.max(1, Math.floor(budget / rowBytes));
    for (let top = area.top; top <= area.bottom; top += rowsPerBand) {
      const bottom = Math.min(area.bottom, top + rowsPerBand - 1);
      const bytes = (bottom - top + 1) * rowBytes;
      if (used + bytes > budget && current.length) {
        requests.push(current);
        current = [];
        used = 0;
      }
      current.push({ sheetIndex, area: { top, left: area.left, bottom, right: area.right } });
      used += bytes;
    }
  });
  if (current.length) requests.push(current);
  return requests;
}

/**
 * What one band really cost, per cell, as JSON in UTF-8 (values + text + number formats; a
 * Chinese character is 3 bytes on the wire, not the 1 unit `length` counts): the
 * address-based guess is for the worst case (long text everywhere); a sheet of numbers costs
 * a third of it, so later bands are sized from what Excel actually sent.
 */
export function measuredBytesPerCell(values: unknown[][], text: unknown[][], formats: unknown[][]): number {
  const cells = values.reduce((n, row) => n + row.length, 0);
  if (cells === 0) return BYTES_PER_CELL;
  const bytes = utf8Bytes(JSON.stringify(values)) + utf8Bytes(JSON.stringify(text)) + utf8Bytes(JSON.stringify(formats));
  return bytes / cells;
}

/** The error codes Excel uses when a request or its response is too large. */
export function isPayloadTooLarge(e: unknown): boolean {
  const code = (e as { code?: string })?.code ?? '';
  return /PayloadSizeLimitExceeded/i.test(code);
}

/** UTF-8 bytes of a string. */
export function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
