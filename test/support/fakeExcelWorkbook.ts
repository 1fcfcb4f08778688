/**
 * Builds a FakeWorkbookModel from a real .xlsx with ExcelJS: the grids as Excel shows them
 * (through the .xlsx adapter, which already blanks merged non-top-left cells and computes the
 * displayed text), plus what marking must never lose: each cell's own format (fill, borders,
 * font, alignment), its note, and the sheet's own conditional formats.
 */
import ExcelJS from 'exceljs';
import { cellAddress, parseRangeAddress } from '../../src/core/address';
import { readSnapshotFromBuffer, readSnapshotFromFile } from '../../src/adapters/xlsx/readSnapshot';
import { gridsOf, type WorkbookSnapshot } from '../../src/core/snapshot';
import { noteText } from '../../src/adapters/xlsx/annotate';
import { FakeExcelHost, type FakeHostOptions } from './fakeExcelHost';
import type { FakeConditionalFormat, FakeSheetModel, FakeWorkbookModel } from './fakeExcelModel';

export function modelFromWorkbook(wb: ExcelJS.Workbook, snapshot: WorkbookSnapshot, name?: string): FakeWorkbookModel {
  const sheets: FakeSheetModel[] = [];
  let i = 0;
  wb.eachSheet((ws) => {
    const snap = snapshot.sheets[i++];
    const formats: Record<string, string> = {};
    const notes: Record<string, string> = {};
    ws.eachRow({ includeEmpty: true }, (row) => {
      row.eachCell({ includeEmpty: true }, (cell) => {
        const { fill, border, font, alignment } = cell.style ?? {};
        if (fill || border || font || alignment) formats[cell.address] = JSON.stringify({ fill, border, font, alignment });
        const note = cell.note ? noteText(cell.note) : undefined;
        if (note !== undefined && cell.type !== ExcelJS.ValueType.Merge) notes[cell.address] = note;
      });
    });
    const cfs = ((ws as unknown as { conditionalFormattings?: { ref: string; rules: { type: string; formulae?: string[]; style?: { fill?: { bgColor?: { argb?: string } } } }[] }[] }).conditionalFormattings ?? []);
    const conditionalFormats: FakeConditionalFormat[] = [];
    cfs.forEach((cf, k) =>
      cf.rules.forEach((rule, j) =>
        conditionalFormats.push({
          id: `user-${k}-${j}`,
          type: rule.type === 'expression' ? 'Custom' : rule.type,
          areas: cf.ref.split(/\s+/).map((a) => parseRangeAddress(a)),
          formula: rule.formulae?.[0] !== undefined ? `=${rule.formulae[0]}` : undefined,
          fill: rule.style?.fill?.bgColor?.argb,
        }),
      ),
    );
    sheets.push({
      name: snap.name,
      visibility: ws.state === 'veryHidden' ? 'VeryHidden' : ws.state === 'hidden' ? 'Hidden' : 'Visible',
      protected: Boolean(snap.protected),
      ...gridsOf(snap),
      merges: snap.merges,
      hiddenRows: snap.hiddenRows,
      hiddenColumns: snap.hiddenColumns,
      formats,
      notes,
      conditionalFormats,
      hyperlinks: {},
    });
  });
  return { name, sheets, activeSheet: sheets[0]?.name };
}

export async function modelFromFile(path: string): Promise<FakeWorkbookModel> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return modelFromWorkbook(wb, await readSnapshotFromFile(path), path.split(/[\\/]/).pop());
}

export async function fakeHostFromFile(path: string, options?: FakeHostOptions): Promise<FakeExcelHost> {
  return new FakeExcelHost(await modelFromFile(path), options);
}

/**
 * "Save and close": writes the model's notes and conditional formats into the original .xlsx
 * (values and the cells' own formats are never changed by the add-in, so the file's are the
 * model's) and returns the bytes; `modelFromBuffer` is "reopen". Our marks must survive this as
 * real file content, and be found again by their tag.
 */
export async function saveModelAsXlsx(sourcePath: string, model: FakeWorkbookModel): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(sourcePath);
  for (const sheet of model.sheets) {
    const ws = wb.getWorksheet(sheet.name);
    if (!ws) continue;
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        if (cell.type !== ExcelJS.ValueType.Merge && sheet.notes[cell.address] === undefined && cell.note) cell.note = undefined as unknown as string;
      }),
    );
    for (const [address, text] of Object.entries(sheet.notes)) ws.getCell(address).note = text;
    (ws as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings = [];
    sheet.conditionalFormats.forEach((cf, i) => {
      if (cf.type !== 'Custom' || !cf.formula) return;
      const argb = (c?: string) => (c ? `FF${c.replace(/^#/, '').replace(/^FF(?=[0-9A-F]{6}$)/i, '')}`.toUpperCase() : undefined);
      ws.addConditionalFormatting({
        ref: cf.areas.map((a) => `${cellAddress(a.top, a.left)}:${cellAddress(a.bottom, a.right)}`).join(' '),
        rules: [
          {
            type: 'expression',
            priority: i + 1,
            formulae: [cf.formula.replace(/^=/, '')],
            style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(cf.fill) } } },
          },
        ],
      } as unknown as ExcelJS.ConditionalFormattingOptions);
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}


export async function modelFromBuffer(data: Buffer, name?: string): Promise<FakeWorkbookModel> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
  return modelFromWorkbook(wb, await readSnapshotFromBuffer(data, name), name);
}
