import ExcelJS from 'exceljs';
import { cellAddress } from '../../src/core/address';
import { forEachCell, numberFormatAt, type WorkbookSnapshot } from '../../src/core/snapshot';

/**
 * Write a snapshot (a fixture, or a variant built from one) to an .xlsx file with ExcelJS,
 * for CLI-level tests: values with their number formats, merged areas (their label in the
 * top-left cell only, as the snapshot has it), hidden rows and columns, hidden sheets.
 */
export async function writeXlsx(snapshot: WorkbookSnapshot, path: string): Promise<void> {
  const wb = snapshotToWorkbook(snapshot);
  await wb.xlsx.writeFile(path);
}

export async function xlsxBuffer(snapshot: WorkbookSnapshot): Promise<Buffer> {
  const wb = snapshotToWorkbook(snapshot);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function snapshotToWorkbook(snapshot: WorkbookSnapshot): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const s of snapshot.sheets) {
    const ws = wb.addWorksheet(s.name, { state: s.hidden ? 'hidden' : 'visible' });
    forEachCell(s, (r, c, v) => {
      if (v === null || v === '') return;
      const cell = ws.getCell(r, c);
      cell.value = isErrorText(v) ? { error: v as ExcelJS.CellErrorValue['error'] } : v;
      const fmt = numberFormatAt(s, r, c);
      if (fmt && fmt !== 'General') cell.numFmt = fmt;
    });
    for (const m of s.merges) {
      // ExcelJS copies the top-left value into a merge; non-top-left cells are empty anyway.
      ws.mergeCells(`${cellAddress(m.top, m.left)}:${cellAddress(m.bottom, m.right)}`);
    }
    for (const r of s.hiddenRows) ws.getRow(r).hidden = true;
    for (const c of s.hiddenColumns) ws.getColumn(c).hidden = true;
  }
  return wb;
}

function isErrorText(v: unknown): boolean {
  return typeof v === 'string' && /^#(REF!|DIV\/0!|VALUE!|NAME\?|N\/A|NUM!|NULL!)$/.test(v);
}
