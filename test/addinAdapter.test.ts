/**
 * The Excel adapter against the fake Excel API built from the real fixture workbooks:
 * the snapshot it reads is the CLI's snapshot, in 2 syncs whatever the number of sheets;
 * the marks take 2 syncs; clearing gives back every cell's own format and note, also after
 * the workbook was saved and reopened; values are never written; protected sheets are named,
 * never unprotected.
 */
import { tableData } from './support/tableData';
import { readdirSync } from 'fs';
import { join } from 'path';
import { cellAddress } from '../src/core/address';
import { audit } from '../src/core/engine';
import type { Finding } from '../src/core/finding';
import { textAt, valueAt, numberFormatAt, columnCount, rowCount, type WorkbookSnapshot, type SheetSnapshot } from '../src/core/snapshot';
import { readSnapshotFromFile } from '../src/adapters/xlsx/readSnapshot';
import { readWorkbookSnapshot } from '../src/adapters/excel/readWorkbook';
import { clearMarks, markFindings } from '../src/adapters/excel/highlights';
import { exportReport } from '../src/adapters/excel/reportSheet';
import { selectRange } from '../src/adapters/excel/navigate';
import { describeError, errorKey } from '../src/adapters/excel/excelErrors';
import { isOurFormula } from '../src/adapters/excel/markTags';
import { planReadRequests } from '../src/adapters/excel/payloadBudget';
import { parseAreasAddress } from '../src/adapters/excel/areaAddress';
import { WorkbookSession } from '../src/adapters/excel/workbookSession';
import type { HostInfo } from '../src/adapters/excel/officeHost';
import { zhCN } from '../src/i18n/zh-CN';
import { FakeExcelHost, type FakeHostOptions } from './support/fakeExcelHost';
import { modelFromBuffer, modelFromFile, saveModelAsXlsx } from './support/fakeExcelWorkbook';
import { reopenModel, saveModel, widen, type FakeWorkbookModel } from './support/fakeExcelModel';
import { totalFinding } from './support/findings';
import { reportLines } from '../src/core/report';

const FIXTURES = join(__dirname, 'fixtures');
const FILES = readdirSync(FIXTURES).filter((f) => f.endsWith('.xlsx')).sort();
const FIRST = join(FIXTURES, FILES[0]);
/** A real disclosure with its real mistakes: its check marks cells. */
const WITH_ERRORS = join(FIXTURES, '003-sanmenxia-healthcare-security-service-center-2024-budget.xlsx');

const models = new Map<string, FakeWorkbookModel>();
async function freshModel(path: string): Promise<FakeWorkbookModel> {
  if (!models.has(path)) models.set(path, await modelFromFile(path));
  return reopenModel(saveModel(models.get(path)!));
}

function hostInfo(host: FakeExcelHost): HostInfo {
  return { isExcel: true, language: 'zh-CN', supports: (s, v) => host.supports(s, v), run: host.run as HostInfo['run'] };
}

/** Cell-by-cell equality of two snapshots as the engine sees them (textAt/valueAt/format). */
function expectSameSnapshot(actual: WorkbookSnapshot, expected: WorkbookSnapshot): void {
  expect(actual.sheets.map((s) => s.name)).toEqual(expected.sheets.map((s) => s.name));
  actual.sheets.forEach((a, i) => {
    const e = expected.sheets[i];
    const rows = Math.max(rowCount(a), rowCount(e));
    const cols = Math.max(columnCount(a), columnCount(e));
    for (let r = 1; r <= rows; r++) {
      for (let c = 1; c <= cols; c++) {
        const where = `${a.name}!${cellAddress(r, c)}`;
        expect([where, valueAt(a, r, c)]).toEqual([where, valueAt(e, r, c)]);
        expect([where, textAt(a, r, c)]).toEqual([where, textAt(e, r, c)]);
        if (valueAt(e, r, c) !== null) expect([where, numberFormatAt(a, r, c)]).toEqual([where, numberFormatAt(e, r, c)]);
      }
    }
    const key = (m: SheetSnapshot['merges'][number]) => `${m.top},${m.left},${m.bottom},${m.right}`;
    expect(a.merges.map(key).sort()).toEqual(e.merges.map(key).sort());
    expect(a.hiddenRows.filter((r) => r <= rows)).toEqual(e.hiddenRows.filter((r) => r <= rows));
    expect(a.hiddenColumns.filter((c) => c <= cols)).toEqual(e.hiddenColumns.filter((c) => c <= cols));
    expect(Boolean(a.hidden)).toBe(Boolean(e.hidden));
    expect(Boolean(a.protected)).toBe(Boolean(e.protected));
  });
}

/**
 * Findings on real cells of the workbook, independent of the rules: every number on every
 * sheet, errors and warnings alternating, with the cross-sheet pair a cross-table check names.
 */
function findingsOnNumbers(model: FakeWorkbookModel, limit = Infinity): Finding[] {
  const out: Finding[] = [];
  for (const sheet of model.sheets) {
    sheet.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (typeof v !== 'number' || out.length >= limit) return;
        const cell = cellAddress(r + 1, c + 1);
        out.push(totalFinding(sheet.name, cell, { severity: out.length % 3 === 0 ? 'warning' : 'error', actual: String(v) }));
      }),
    );
  }
  return out;
}

/** Everything marking must give back: the cell's own formats, notes, conditional formats, values. */
function userState(model: FakeWorkbookModel) {
  return model.sheets.map((s) => ({
    name: s.name,
    formats: s.formats,
    notes: s.notes,
    conditionalFormats: s.conditionalFormats.map(({ type, areas, formula, fill }) => ({ type, areas, formula, fill })),
    values: s.values,
    text: s.text,
    protected: s.protected,
  }));
}

describe('reading the open workbook through Office.js (fake host from the fixtures)', () => {
  test.each(FILES)('%s: same snapshot and same audit as the .xlsx adapter, in 2 syncs', async (file) => {
    const path = join(FIXTURES, file);
    const host = new FakeExcelHost(await freshModel(path));
    const fromExcel = await host.run((c) => readWorkbookSnapshot(c));
    const fromFile = await readSnapshotFromFile(path);
    expect(host.syncCount).toBe(2);
    expectSameSnapshot(fromExcel, fromFile);
    const a = audit(fromExcel);
    const b = audit(fromFile);
    expect(a.tables.map(tableData)).toEqual(b.tables.map(tableData));
    expect(a.findings).toEqual(b.findings);
  });

  test('a 30-sheet workbook is read in the same 2 syncs as a 1-sheet one', async () => {
    const base = await freshModel(FIRST);
    const one = new FakeExcelHost({ ...base, sheets: base.sheets.slice(0, 1) });
    await one.run((c) => readWorkbookSnapshot(c));
    const thirty = new FakeExcelHost(widen(base, 30));
    const snap = await thirty.run((c) => readWorkbookSnapshot(c));
    expect(snap.sheets).toHaveLength(30);
    expect(one.syncCount).toBe(2);
    expect(thirty.syncCount).toBe(2);
  });

  test('merged header cells: only the top-left holds the label, every merged area comes back', async () => {
    const model = await freshModel(FIRST);
    const sheet = model.sheets.find((s) => s.merges.some((m) => m.bottom > m.top))!;
    expect(sheet).toBeDefined();
    const snap = await new FakeExcelHost(model).run((c) => readWorkbookSnapshot(c));
    const read = snap.sheets.find((s) => s.name === sheet.name)!;
    expect(read.merges.length).toBe(sheet.merges.length);
    for (const m of read.merges) {
      for (let r = m.top; r <= m.bottom; r++)
        for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) expect(valueAt(read, r, c)).toBeNull();
    }
    // A vertical header merge (label spanning the header band's rows) is in the band.
    expect(read.merges.some((m) => m.bottom > m.top && textAt(read, m.top, m.left) !== '')).toBe(true);
  });

  test('hidden rows and columns are the ones no visible area covers', async () => {
    const model = await freshModel(FIRST);
    model.sheets[0].hiddenRows = [3, 7, 8];
    model.sheets[0].hiddenColumns = [2];
    const snap = await new FakeExcelHost(model).run((c) => readWorkbookSnapshot(c));
    expect(snap.sheets[0].hiddenRows).toEqual([3, 7, 8]);
    expect(snap.sheets[0].hiddenColumns).toEqual([2]);
  });

  test('over the 5 MB limit the read is split in bands sized from the used-range addresses', async () => {
    const model = widen(await freshModel(FIRST), 30);
    const limit = 64 * 1024;
    const host = new FakeExcelHost(model, { payloadLimit: limit });
    const banded = await host.run((c) => readWorkbookSnapshot(c, { payloadLimitBytes: limit }));
    const whole = await new FakeExcelHost(widen(await freshModel(FIRST), 30)).run((c) => readWorkbookSnapshot(c));
    expectSameSnapshot(banded, whole);
    // 1 list + 1 refused + 1 addresses + one per band request; every answered sync under the limit.
    // Bands after the first are sized from what a cell really cost, so there are no more of them
    // than the address-based plan, and each later band fills most of the budget (+ the first,
    // conservative band; the budget keeps a margin under the limit).
    const requests = planReadRequests(whole.sheets.map((s) => ({ top: 1, left: 1, bottom: rowCount(s), right: columnCount(s) })), limit);
    const bandSyncs = host.syncCount - 3;
    const bytes = host.syncLog.slice(3).reduce((n, s) => n + s.responseBytes, 0);
    expect(requests.length).toBeGreaterThan(1);
    expect(bandSyncs).toBeLessThanOrEqual(requests.length);
    expect(bandSyncs).toBeLessThanOrEqual(1 + Math.ceil(bytes / (limit * 0.6)));
    for (const s of host.syncLog.filter((_, i) => i !== 1)) expect(s.responseBytes).toBeLessThanOrEqual(limit);
  });

  test('range-areas addresses with quoted sheet names split correctly', () => {
    expect(parseAreasAddress("'收支, 总表'!A1:C1, 'it''s'!$B$2, Sheet1!D4:E5")).toEqual([
      { top: 1, left: 1, bottom: 1, right: 3 },
      { top: 2, left: 2, bottom: 2, right: 2 },
      { top: 4, left: 4, bottom: 5, right: 5 },
    ]);
  });
});

describe('marking findings in place and clearing them', () => {
  const opts = { lang: 'zh-CN' as const, reviewerNotes: true, notesSupported: true };

  test('marks take 2 syncs on a 1-sheet and a 30-sheet workbook, batched by colour (≤500 areas a call)', async () => {
    const base = await freshModel(FIRST);
    for (const model of [{ ...base, sheets: base.sheets.slice(0, 1) }, widen(base, 30)]) {
      const host = new FakeExcelHost(model);
      const findings = findingsOnNumbers(model);
      const outcome = await host.run((c) => markFindings(c, model.sheets.map((s) => s.name), findings, opts));
      expect(host.syncCount).toBe(2);
      expect(outcome.markedCells).toBe(findings.length);
      const ours = model.sheets.flatMap((s) => s.conditionalFormats.filter((cf) => isOurFormula(cf.formula)));
      for (const cf of ours) expect(cf.areas.length).toBeLessThanOrEqual(500);
      // A handful of conditional formats, not one per cell.
      expect(ours.length).toBeLessThanOrEqual(model.sheets.length * 2 + Math.ceil(findings.length / 500));
      const marked = ours.flatMap((cf) => cf.areas.map((a) => cellAddress(a.top, a.left)));
      expect(marked.length).toBe(findings.length);
      expect(host.valueWrites).toEqual([]);
    }
  });

  test('errors are red and warnings amber; a cell named by both is red', async () => {
    const model = await freshModel(FIRST);
    const [a, b] = findingsOnNumbers(model, 2);
    const both = { ...b, severity: 'warning' as const, cell: a.cell, sheet: a.sheet, cells: [{ sheet: a.sheet, cell: a.cell }] };
    const err = { ...a, severity: 'error' as const };
    await new FakeExcelHost(model).run((c) => markFindings(c, [a.sheet], [err, both], opts));
    const ours = model.sheets.find((s) => s.name === a.sheet)!.conditionalFormats.filter((cf) => isOurFormula(cf.formula));
    expect(ours).toHaveLength(1);
    expect(ours[0].fill).toBe('#FFC7CE');
    // Ours comes first, so the user's own conditional formats cannot hide it.
    expect(model.sheets.find((s) => s.name === a.sheet)!.conditionalFormats[0]).toBe(ours[0]);
  });

  test.each(FILES)('%s: after save, close, reopen and clear, every format, note and value is the original', async (file) => {
    const model = await freshModel(join(FIXTURES, file));
    // The user's own note on a cell we will mark, and the user's own conditional format.
    const findings = findingsOnNumbers(model, 1200);
    const first = findings[0];
    const sheet = model.sheets.find((s) => s.name === first.sheet)!;
    sheet.notes[first.cell] = '我的批注：请核对';
    sheet.conditionalFormats.push({ id: 'user', type: 'Custom', areas: [{ top: 1, left: 1, bottom: 3, right: 3 }], formula: '=A1>100', fill: '#00FF00' });
    const before = JSON.stringify(userState(model));

    const host = new FakeExcelHost(model);
    const outcome = await host.run((c) => markFindings(c, model.sheets.map((s) => s.name), findings, opts));
    expect(outcome.notesKeptForUser).toBe(1);
    expect(outcome.notesAdded).toBe(new Set(findings.map((f) => `${f.sheet}!${f.cell}`)).size - 1);
    expect(sheet.notes[first.cell]).toBe('我的批注：请核对');
    expect(JSON.stringify(userState(model))).not.toBe(before);

    const reopened = new FakeExcelHost(reopenModel(saveModel(model)));
    const cleared = await reopened.run((c) => clearMarks(c, true));
    expect(reopened.syncCount).toBe(3);
    expect(cleared.removedNotes).toBe(outcome.notesAdded);
    expect(JSON.stringify(userState(reopened.model))).toBe(before);
    expect(host.valueWrites).toEqual([]);
    expect(reopened.valueWrites).toEqual([]);
  });

  test.each(FILES)('%s: marks survive a real .xlsx save and reopen, found by their tag; clearing gives the file back', async (file) => {
    const path = join(FIXTURES, file);
    const start = await freshModel(path);
    const findings = findingsOnNumbers(start, 300);
    const sheet = start.sheets.find((s) => s.name === findings[0].sheet)!;
    sheet.notes[findings[0].cell] = '我的批注';
    sheet.conditionalFormats.push({ id: 'user', type: 'Custom', areas: [{ top: 2, left: 1, bottom: 4, right: 2 }], formula: '=$A2<0', fill: '#00B050' });
    // The user's workbook as a file, before the add-in touched it.
    const baseline = await modelFromBuffer(await saveModelAsXlsx(path, start), file);

    const host = new FakeExcelHost(reopenModel(saveModel(baseline)));
    await host.run((c) => markFindings(c, host.model.sheets.map((s) => s.name), findings, opts));
    const reopened = await modelFromBuffer(await saveModelAsXlsx(path, host.model), file);
    const ours = reopened.sheets.flatMap((s) => s.conditionalFormats.filter((cf) => isOurFormula(cf.formula)));
    expect(ours.flatMap((cf) => cf.areas)).toHaveLength(findings.length);

    const after = new FakeExcelHost(reopened);
    await after.run((c) => clearMarks(c, true));
    expect(JSON.stringify(userState(after.model))).toBe(JSON.stringify(userState(baseline)));
    expect(after.model.sheets.find((s) => s.name === sheet.name)!.notes[findings[0].cell]).toBe('我的批注');
  });

  test('re-running replaces the old marks instead of stacking them', async () => {
    const model = await freshModel(FIRST);
    const names = model.sheets.map((s) => s.name);
    const host = new FakeExcelHost(model);
    const all = findingsOnNumbers(model, 40);
    await host.run((c) => markFindings(c, names, all, opts));
    const second = await host.run((c) => markFindings(c, names, all.slice(0, 5), opts));
    expect(second.removedMarks).toBeGreaterThan(0);
    const marked = model.sheets.flatMap((s) => s.conditionalFormats.filter((cf) => isOurFormula(cf.formula)).flatMap((cf) => cf.areas));
    expect(marked).toHaveLength(5);
    const notes = model.sheets.flatMap((s) => Object.keys(s.notes).filter((k) => s.notes[k].startsWith('【预算表校验')));
    expect(notes).toHaveLength(5);
  });

  test('a protected sheet is named, left unmarked and never unprotected', async () => {
    const model = await freshModel(FIRST);
    const findings = findingsOnNumbers(model, 30);
    const target = model.sheets.find((s) => s.name === findings[0].sheet)!;
    target.protected = true;
    const outcome = await new FakeExcelHost(model).run((c) => markFindings(c, model.sheets.map((s) => s.name), findings, opts));
    expect(outcome.protectedSheets).toEqual([target.name]);
    expect(target.conditionalFormats.some((cf) => isOurFormula(cf.formula))).toBe(false);
    expect(target.protected).toBe(true);
  });

  test('without the notes API (older Excel on the web) marks still work and no note is attempted', async () => {
    const model = await freshModel(FIRST);
    const host = new FakeExcelHost(model, { apiVersion: '1.12' });
    const session = new WorkbookSession(hostInfo(host));
    expect(session.notesSupported).toBe(false);
    const outcome = await session.mark(findingsOnNumbers(model, 10), { lang: 'zh-CN', reviewerNotes: true });
    expect(outcome.notesAdded).toBe(0);
    expect(outcome.markedCells).toBe(10);
    // No merged undo group below ExcelApi 1.20.
    expect(host.runs[0].options).toBeUndefined();
  });

  test('marking is one undo step where Excel supports merged undo groups', async () => {
    const model = await freshModel(FIRST);
    const host = new FakeExcelHost(model, { apiVersion: '1.20' });
    await new WorkbookSession(hostInfo(host)).mark(findingsOnNumbers(model, 3), { lang: 'zh-CN', reviewerNotes: false });
    expect(host.runs[0].options).toEqual({ mergeUndoGroup: true });
  });
});

describe('检查工作簿 end to end through the session (what the pane calls)', () => {
  test.each(FILES)('%s: same findings as the CLI, read 2 + mark 2 syncs, every finding cell and the other side of an undecided cross-table mismatch marked, clear restores', async (file) => {
    const path = join(FIXTURES, file);
    const model = await freshModel(path);
    const before = JSON.stringify(userState(model));
    const host = new FakeExcelHost(model, { apiVersion: '1.20' });
    const session = new WorkbookSession(hostInfo(host));
    const outcome = await session.check({ strict: false, reviewerNotes: true, lang: 'zh-CN' });
    const cli = audit(await readSnapshotFromFile(path));
    expect(outcome.result.findings).toEqual(cli.findings);
    expect(outcome.result.summary).toEqual(cli.summary);
    expect(host.runs.map((r) => r.syncs)).toEqual([2, 2]);
    const expectedCells = new Set(
      cli.findings.filter((f) => f.severity !== 'info').flatMap((f) => [`${f.sheet}!${f.cell}`, ...f.cells.filter((c) => c.other && (f.expected === null || c.sheet === f.sheet)).map((c) => `${c.sheet}!${c.cell}`)]),
    );
    const marked = new Set(
      model.sheets.flatMap((s) => s.conditionalFormats.filter((cf) => isOurFormula(cf.formula)).flatMap((cf) => cf.areas.map((a) => `${s.name}!${cellAddress(a.top, a.left)}`))),
    );
    expect([...marked].sort()).toEqual([...expectedCells].sort());
    await session.clear();
    // read 2, mark 2, clear 2 (the session knows the sheets from its read)
    expect(host.runs.map((r) => r.syncs)).toEqual([2, 2, 2]);
    expect(JSON.stringify(userState(model))).toBe(before);
    expect(host.valueWrites).toEqual([]);
  });

  test('a 30-sheet workbook: read 2, mark 2, clear 2 syncs; a sheet added since the check (a copy of a marked one) is cleared too', async () => {
    const model = widen(await freshModel(WITH_ERRORS), 30);
    const host = new FakeExcelHost(model, { apiVersion: '1.20' });
    const session = new WorkbookSession(hostInfo(host));
    const outcome = await session.check({ strict: false, reviewerNotes: true, lang: 'zh-CN' });
    expect(outcome.marks.markedCells).toBeGreaterThan(0);
    expect(outcome.sheetNames).toHaveLength(30);
    await session.clear();
    expect(host.runs.map((r) => r.syncs)).toEqual([2, 2, 2]);

    await session.mark(outcome.result.findings, { reviewerNotes: true, lang: 'zh-CN' });
    const marked = model.sheets.find((s) => s.conditionalFormats.some((cf) => isOurFormula(cf.formula)))!;
    model.sheets.push({ ...JSON.parse(JSON.stringify(marked)), name: `${marked.name} (copy)` });
    const cleared = await session.clear();
    expect(model.sheets.some((s) => s.conditionalFormats.some((cf) => isOurFormula(cf.formula)))).toBe(false);
    expect(cleared.syncs).toBe(3);
  });

  test('clear after a sheet was renamed lists the sheets again instead of failing', async () => {
    const model = await freshModel(WITH_ERRORS);
    const host = new FakeExcelHost(model, { apiVersion: '1.20' });
    const session = new WorkbookSession(hostInfo(host));
    await session.check({ strict: false, reviewerNotes: false, lang: 'zh-CN' });
    const marked = model.sheets.find((s) => s.conditionalFormats.some((cf) => isOurFormula(cf.formula)))!;
    marked.name = `${marked.name}改`;
    await session.clear();
    expect(model.sheets.some((s) => s.conditionalFormats.some((cf) => isOurFormula(cf.formula)))).toBe(false);
  });

  test('strict rounding turns rounding tails into mismatches', async () => {
    // The first fixture whose lenient check reports rounding tails (info).
    let path = '';
    for (const f of FILES) if (audit(await readSnapshotFromFile(join(FIXTURES, f))).summary.infos > 0 && !path) path = join(FIXTURES, f);
    expect(path).not.toBe('');
    const check = async (strict: boolean) =>
      (await new WorkbookSession(hostInfo(new FakeExcelHost(await freshModel(path)))).check({ strict, reviewerNotes: false, lang: 'zh-CN' })).result;
    const lenient = await check(false);
    const strict = await check(true);
    expect(strict.findings).toEqual(audit(await readSnapshotFromFile(path), { strict: true }).findings);
    expect(strict.summary.infos).toBe(0);
    expect(strict.summary.errors).toBeGreaterThan(lenient.summary.errors);
  });
});

describe('report sheet, navigation and errors', () => {
  test('导出报告 adds 校验报告 with a hyperlink per finding, and never replaces a sheet', async () => {
    const model = await freshModel(FIRST);
    const host = new FakeExcelHost(model);
    const findings = findingsOnNumbers(model, 4);
    const result = { tables: [], findings, summary: { errors: 2, warnings: 2, infos: 0, verified: 0 } };
    const options = { lang: 'zh-CN' as const, includeInfo: false, sheetOrder: model.sheets.map((s) => s.name) };
    expect(await host.run((c) => exportReport(c, result, options))).toBe('校验报告');
    expect(await host.run((c) => exportReport(c, result, options))).toBe('校验报告 (2)');
    const report = model.sheets.find((s) => s.name === '校验报告')!;
    expect(report.values[1][0]).toBe('序号');
    expect(Object.values(report.hyperlinks)).toHaveLength(4);
    const first = reportLines(findings, 'zh-CN', options.sheetOrder).lines[0];
    expect(report.hyperlinks.E3.documentReference).toBe(`'${first.sheet}'!${first.cell}`);
    expect(host.valueWrites.every((w) => w.sheet.startsWith('校验报告'))).toBe(true);
  });

  test('clicking a finding activates its sheet and selects its cell', async () => {
    const model = await freshModel(FIRST);
    const host = new FakeExcelHost(model);
    await host.run((c) => selectRange(c, model.sheets[2].name, 'F7'));
    expect(model.selection).toEqual({ sheet: model.sheets[2].name, address: 'F7' });
    expect(model.activeSheet).toBe(model.sheets[2].name);
  });

  test('a cell in edit mode becomes a readable message, not a blank pane', async () => {
    const host = new FakeExcelHost(await freshModel(FIRST), { cellEditMode: true } as FakeHostOptions);
    const e = await host.run((c) => readWorkbookSnapshot(c)).catch((x) => x);
    expect(errorKey(e)).toBe('cellEditMode');
    expect(describeError(e, zhCN)).toContain('编辑');
  });

  test('a protected sheet rejects writes like Excel, and the pane says so in words', async () => {
    const model = await freshModel(FIRST);
    model.sheets[0].protected = true;
    const host = new FakeExcelHost(model);
    const e = await host
      .run(async (c) => {
        c.workbook.worksheets.getItem(model.sheets[0].name).getRange('A1').values = [['x']];
        await c.sync();
      })
      .catch((x) => x);
    expect(errorKey(e)).toBe('protectedSheet');
    expect(describeError(e, zhCN)).toContain('受保护');
    expect(host.valueWrites).toEqual([]);
  });

  test('a request over the payload limit is refused, as by Excel on the web', async () => {
    const host = new FakeExcelHost(await freshModel(FIRST), { payloadLimit: 1000 });
    const e = await host
      .run(async (c) => {
        const r = c.workbook.worksheets.getItem(host.model.sheets[0].name).getRange('A1:Z100');
        r.load('values,text,numberFormat');
        await c.sync();
      })
      .catch((x) => x);
    expect(e.code).toBe('ResponsePayloadSizeLimitExceeded');
    expect(errorKey(e)).toBe('tooLarge');
  });

  test('reading a property before load and sync throws, as in Excel', async () => {
    const host = new FakeExcelHost(await freshModel(FIRST));
    await host.run(async (c) => {
      const r = c.workbook.worksheets.getItem(host.model.sheets[0].name).getRange('A1');
      expect(() => r.values).toThrow(/not available/);
      r.load('values');
      expect(() => r.values).toThrow(/not available/);
      await c.sync();
      expect(r.values).toHaveLength(1);
    });
  });
});
