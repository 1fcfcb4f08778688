import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { readSnapshotFromBuffer, readSnapshotFromFile, UnreadableWorkbookError } from '../src/adapters/xlsx/readSnapshot';
import { textAt, valueAt, numberFormatAt, rowCount, forEachCell, gridsOf } from '../src/core/snapshot';

/** The .xlsx adapter: a file read into plain data, the way Excel itself reports the cells. */
async function bufferOf(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('reading a workbook file into a snapshot', () => {
  test('a merged header keeps its label in the top-left cell only, and the area is listed', async () => {
    const snap = await readSnapshotFromFile(join(__dirname, 'fixtures/003-sanmenxia-healthcare-security-service-center-2024-budget.xlsx'));
    const ys03 = snap.sheets.find((s) => s.name === 'YS03')!;
    expect(valueAt(ys03, 4, 7)).toBe('基本支出');
    expect(valueAt(ys03, 4, 8)).toBeNull();
    expect(ys03.merges).toContainEqual({ top: 4, left: 7, bottom: 4, right: 11 });
  });

  test('amounts keep their number format and displayed text; codes stored as text stay text', async () => {
    const snap = await readSnapshotFromFile(join(__dirname, 'fixtures/002-jiaozuo-healthcare-security-bureau-2023-final-accounts.xlsx'));
    const t = snap.sheets.find((s) => s.name === '公开01表')!;
    expect(valueAt(t, 7, 3)).toBe(1269.24);
    expect(textAt(t, 7, 3)).toBe('1,269.24');
    expect(numberFormatAt(t, 7, 3)).toBe('#,##0.00');
    expect(valueAt(t, 7, 2)).toBe('1');
  });

  test('every sheet of every fixture comes through', async () => {
    for (const f of readdirSync(join(__dirname, 'fixtures')).filter((x) => x.endsWith('.xlsx'))) {
      const snap = await readSnapshotFromFile(join(__dirname, 'fixtures', f));
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(join(__dirname, 'fixtures', f));
      expect(snap.sheets.map((s) => s.name)).toEqual(wb.worksheets.map((w) => w.name));
    }
  });

  test('hidden rows and columns, hidden and protected sheets, errors, formulas and rich text', async () => {
    const data = await bufferOf((wb) => {
      const ws = wb.addWorksheet('表');
      ws.getCell('A1').value = { richText: [{ text: '一般公共预' }, { text: '算' }] };
      ws.getCell('B1').value = { error: '#REF!' } as ExcelJS.CellErrorValue;
      ws.getCell('C1').value = { formula: 'D1+E1', result: 3.5 } as ExcelJS.CellFormulaValue;
      ws.getCell('D1').value = '1,269.24';
      ws.getRow(2).hidden = true;
      ws.getCell('A2').value = 'hidden';
      ws.getColumn(3).hidden = true;
      const locked = wb.addWorksheet('锁定');
      locked.getCell('A1').value = 1;
      void locked.protect('', {});
      wb.addWorksheet('隐藏', { state: 'hidden' });
    });
    const snap = await readSnapshotFromBuffer(data, 'mem.xlsx');
    const [ws, locked, hidden] = snap.sheets;
    expect(valueAt(ws, 1, 1)).toBe('一般公共预算');
    expect(valueAt(ws, 1, 2)).toBe('#REF!');
    expect(valueAt(ws, 1, 3)).toBe(3.5);
    expect(valueAt(ws, 1, 4)).toBe('1,269.24');
    expect(ws.hiddenRows).toEqual([2]);
    expect(ws.hiddenColumns).toEqual([3]);
    expect(locked.protected).toBe(true);
    expect(ws.protected).toBe(false);
    expect(hidden.hidden).toBe(true);
  });

  test('bytes that are not a workbook are refused with a clear error', async () => {
    await expect(readSnapshotFromBuffer(readFileSync(__filename), 'x.ts')).rejects.toBeInstanceOf(UnreadableWorkbookError);
  });

  test('one value in row 1,048,576 costs one row: read fast, every other row a hole', async () => {
    const data = await bufferOf((wb) => (wb.addWorksheet('远处').getCell('A1048576').value = 1269.24));
    const t0 = Date.now();
    const snap = await readSnapshotFromBuffer(data, 'far.xlsx');
    expect(Date.now() - t0).toBeLessThan(2000);
    const [sheet] = snap.sheets;
    expect(rowCount(sheet)).toBe(1_048_576);
    const filled: number[] = [];
    forEachCell(sheet, (r) => filled.push(r));
    expect(filled).toEqual([1_048_576]);
    expect(valueAt(sheet, 1_048_576, 1)).toBe(1269.24);
    expect(valueAt(sheet, 1, 1)).toBeNull();
    // One cell kept, nothing for the empty rows above it.
    expect(sheet.cells?.kinds.length).toBe(1);
    expect(sheet.cells?.rows).toEqual(new Uint32Array([1_048_576]));
  });

  test('a value stored under a merge is blanked, as Excel shows it', async () => {
    const data = await bufferOf((wb) => {
      const ws = wb.addWorksheet('表');
      ws.getCell('A1').value = '基本支出';
      ws.mergeCells('A1:C1');
    });
    // ExcelJS will not write a value under a merge; put one there in the sheet XML itself.
    const zip = XLSX.CFB.read(data, { type: 'buffer' });
    const sheetXml = (z: { FullPaths: string[]; FileIndex: { content: Uint8Array }[] }) => z.FileIndex[z.FullPaths.findIndex((p) => p.endsWith('xl/worksheets/sheet1.xml'))];
    const entry = sheetXml(zip);
    const under = '<c r="B1" t="inlineStr"><is><t>藏在合并格下</t></is></c>';
    entry.content = Buffer.from(Buffer.from(entry.content).toString('utf8').replace(/<c r="B1"[^>]*?(\/>|>.*?<\/c>)/, '').replace(/(<c r="A1".*?<\/c>)/, `$1${under}`));
    const patched = XLSX.CFB.write(zip, { type: 'buffer', fileType: 'zip' });
    expect(Buffer.from(sheetXml(XLSX.CFB.read(patched, { type: 'buffer' })).content).toString()).toContain(under);
    const [sheet] = (await readSnapshotFromBuffer(patched, 'merged.xlsx')).sheets;
    expect(valueAt(sheet, 1, 1)).toBe('基本支出');
    expect(valueAt(sheet, 1, 2)).toBeNull();
    expect(gridsOf(sheet).values[0]).toEqual(['基本支出']);
  });

  test('a number in a date format out of the date range stays the number, and its text is the number', async () => {
    const data = await bufferOf((wb) => {
      const ws = wb.addWorksheet('表');
      ws.getCell('A1').value = 123456789;
      ws.getCell('A1').numFmt = 'yyyy"年"m"月"d"日"';
      ws.getCell('B1').value = 45306;
      ws.getCell('B1').numFmt = 'yyyy"年"m"月"d"日"';
      ws.getCell('C1').value = 1234567;
      ws.getCell('C1').numFmt = '#,##0,';
      ws.getCell('D1').value = -3;
      ws.getCell('D1').numFmt = '_(* #,##0.00_);_(* (#,##0.00);_(* "-"??_);_(@_)';
    });
    const [sheet] = (await readSnapshotFromBuffer(data, 'dates.xlsx')).sheets;
    expect(valueAt(sheet, 1, 1)).toBe(123456789);
    expect(textAt(sheet, 1, 1)).toBe('123456789');
    expect(textAt(sheet, 1, 2)).toBe('2024年1月15日');
    expect(textAt(sheet, 1, 3)).toBe('1,235');
    expect(textAt(sheet, 1, 4)).toBe(' (3.00)');
  });

  test('an empty workbook is an empty snapshot, not an error', async () => {
    const snap = await readSnapshotFromBuffer(await bufferOf((wb) => wb.addWorksheet('Sheet1')));
    expect(snap.sheets).toHaveLength(1);
    expect(rowCount(snap.sheets[0])).toBe(0);
    expect(gridsOf(snap.sheets[0]).values).toEqual([]);
  });
});

describe('the engine stays pure', () => {
  test('nothing under src/core imports Office.js, ExcelJS, React or Node I/O', () => {
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
    const offenders = walk(join(__dirname, '../src/core'))
      .filter((f) => /\.tsx?$/.test(f))
      .filter((f) => /from ['"](exceljs|react|fs|path|child_process|@microsoft\/office-js)['"]|\bOffice\.(context|onReady)|\bExcel\.(run|RequestContext)/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
