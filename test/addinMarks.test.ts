/**
 * Nothing lost in the add-in (the measured bugs), through the fake Excel host:
 * - 30,000 findings with reviewer notes (≈ 12 MB of UTF-8) all land, every request under 5 MB
 *   counted in UTF-8 bytes, in a constant number of syncs per 5 MB; clearing them too;
 * - clear removes only our conditional formats (matched exactly, not by a substring) and only
 *   our block of a note, keeping what the user typed before and after it;
 * - without the notes API the outcome says our old notes could not be reached;
 * - notes too many to read at once are read page by page, every answer under the limit.
 */
import { cellAddress } from '../src/core/address';
import type { Finding } from '../src/core/finding';
import { renderSentence } from '../src/core/messages/render';
import { clearMarks, markFindings } from '../src/adapters/excel/highlights';
import { hasOurBlock, isOurFormula, markFormula, NOTE_END, NOTE_TAG, noteBlock, withOurBlock, withoutOurBlock } from '../src/adapters/excel/markTags';
import { utf8Bytes, wireBytes } from '../src/adapters/excel/requestBatch';
import { WorkbookSession } from '../src/adapters/excel/workbookSession';
import type { HostInfo } from '../src/adapters/excel/officeHost';
import { FAKE_PAYLOAD_LIMIT, FakeExcelHost, utf8Length } from './support/fakeExcelHost';
import { numberSheet, type FakeWorkbookModel } from './support/fakeExcelModel';
import { totalFinding } from './support/findings';

const MB = 1024 * 1024;
const withNotes = { lang: 'zh-CN' as const, reviewerNotes: true, notesSupported: true };

/** `sheets` sheets of `rows` × 10 numbers. */
function numbers(sheets: number, rows: number): FakeWorkbookModel {
  return { sheets: Array.from({ length: sheets }, (_, i) => numberSheet(`表${i + 1}`, rows, 10)) };
}

/** One finding per number, errors and warnings alternating. */
function findingsOn(model: FakeWorkbookModel): Finding[] {
  return model.sheets.flatMap((s) =>
    s.values.flatMap((row, r) => row.map((_, c) => totalFinding(s.name, cellAddress(r + 1, c + 1), { severity: (r + c) % 3 === 0 ? 'warning' : 'error' }))),
  );
}

function ourNotes(model: FakeWorkbookModel): number {
  return model.sheets.reduce((n, s) => n + Object.values(s.notes).filter((t) => hasOurBlock(t)).length, 0);
}

function markedCells(model: FakeWorkbookModel): number {
  return model.sheets.reduce((n, s) => n + s.conditionalFormats.filter((cf) => isOurFormula(cf.formula)).reduce((k, cf) => k + cf.areas.length, 0), 0);
}

describe('sizes are UTF-8 bytes, as Excel on the web counts them', () => {
  test('a Chinese character is 3 bytes, an ASCII one 1, a character outside the BMP 4', () => {
    expect(utf8Bytes('合计')).toBe(6);
    expect(utf8Bytes('A1')).toBe(2);
    expect(utf8Bytes('𠀀')).toBe(4);
    expect(utf8Length('预算表校验 budget-audit')).toBe(utf8Bytes('预算表校验 budget-audit'));
    expect(wireBytes('a\nb')).toBe(6);
  });

  test('the fake refuses a request of 2 M Chinese characters (6 MB) though it is 2 M UTF-16 units', async () => {
    const model = numbers(1, 1);
    const host = new FakeExcelHost(model);
    const text = '合'.repeat(2 * MB);
    const e = await host
      .run(async (c) => {
        c.workbook.worksheets.getItem('表1').notes.add('A1', text);
        await c.sync();
      })
      .catch((x) => x);
    expect(text.length).toBeLessThan(FAKE_PAYLOAD_LIMIT);
    expect(e.code).toBe('RequestPayloadSizeLimitExceeded');
    expect(model.sheets[0].notes.A1).toBeUndefined();
  });
});

describe('30,000 findings with reviewer notes', () => {
  const model = numbers(10, 300);
  const findings = findingsOn(model);
  const host = new FakeExcelHost(model);
  const names = model.sheets.map((s) => s.name);

  test('every mark and every note lands, every request under 5 MB, a constant number of syncs per 5 MB', async () => {
    expect(findings).toHaveLength(30000);
    const outcome = await host.run((c) => markFindings(c, names, findings, withNotes));
    expect(outcome.markedCells).toBe(30000);
    expect(outcome.notesAdded).toBe(30000);
    expect(markedCells(model)).toBe(30000);
    expect(ourNotes(model)).toBe(30000);
    const sent = host.syncLog.reduce((n, s) => n + s.requestBytes, 0);
    // The notes alone are over 5 MB: one unsplit request would have been refused with nothing written.
    expect(sent).toBeGreaterThan(2 * FAKE_PAYLOAD_LIMIT);
    for (const s of host.syncLog) expect(s.requestBytes).toBeLessThanOrEqual(FAKE_PAYLOAD_LIMIT);
    // Probe and write phases each fill their requests: at most 2 syncs per 5 MB sent, + the last of each phase.
    expect(host.runs[0].syncs).toBe(outcome.syncs);
    expect(outcome.syncs).toBeLessThanOrEqual(2 + 2 * Math.ceil(sent / FAKE_PAYLOAD_LIMIT));
  });

  test('clearing them: all gone, every request and every answer under 5 MB', async () => {
    const before = host.syncLog.length;
    const outcome = await host.run((c) => clearMarks(c, true, names));
    expect(outcome.removedNotes).toBe(30000);
    expect(markedCells(model)).toBe(0);
    expect(ourNotes(model)).toBe(0);
    for (const s of host.syncLog.slice(before)) {
      expect(s.requestBytes).toBeLessThanOrEqual(FAKE_PAYLOAD_LIMIT);
      expect(s.responseBytes).toBeLessThanOrEqual(FAKE_PAYLOAD_LIMIT);
    }
  });
});

describe('our marks, matched exactly', () => {
  test('a user rule that merely contains our tag is not ours; ours is ours however Excel re-cases or re-spaces it', () => {
    expect(isOurFormula(markFormula('error'))).toBe(true);
    expect(isOurFormula('=and( true , "budget-audit:warning" <> "" )')).toBe(true);
    expect(isOurFormula('AND(TRUE,"budget-audit:error"<>"")')).toBe(true);
    expect(isOurFormula('=AND($B2>0,"budget-audit:error"<>"")')).toBe(false);
    expect(isOurFormula('=ISNUMBER(SEARCH("budget-audit:",$A1))')).toBe(false);
    // The literal is compared as written: a user's "BUDGET-AUDIT:ERROR" is not our tag.
    expect(isOurFormula('=AND(TRUE,"BUDGET-AUDIT:ERROR"<>"")')).toBe(false);
  });

  test('clear keeps the user conditional format that mentions our tag', async () => {
    const model = numbers(1, 5);
    const sheet = model.sheets[0];
    const user = { id: 'user', type: 'Custom', areas: [{ top: 1, left: 1, bottom: 5, right: 3 }], formula: '=ISNUMBER(SEARCH("budget-audit:",$A1))', fill: '#00FF00' };
    sheet.conditionalFormats.push(user);
    const host = new FakeExcelHost(model);
    await host.run((c) => markFindings(c, ['表1'], findingsOn(model).slice(0, 4), withNotes));
    const cleared = await host.run((c) => clearMarks(c, true, ['表1']));
    expect(cleared.removedMarks).toBeGreaterThan(0);
    expect(sheet.conditionalFormats).toEqual([user]);
  });
});

describe('our block of a note, and the user words around it', () => {
  const block = noteBlock(['应为 841.74']);

  test('the block is found between its two tags; the user text before and after it is kept', () => {
    expect(block.startsWith(NOTE_TAG) && block.endsWith(NOTE_END)).toBe(true);
    expect(withoutOurBlock(block)).toBe('');
    expect(withoutOurBlock(`${block}\n已核对，系尾数`)).toBe('已核对，系尾数');
    expect(withoutOurBlock(`请财务科复核：\n${block}`)).toBe('请财务科复核：');
    expect(withoutOurBlock(`前\n${block}\n后`)).toBe('前\n后');
    expect(withoutOurBlock('我的批注')).toBeNull();
    // A note of an earlier version (no end tag) is ours when it starts with the tag.
    expect(withoutOurBlock(`${NOTE_TAG}\n应为 1.00`)).toBe('');
    expect(withoutOurBlock(`抄录：${NOTE_TAG}`)).toBeNull();
    expect(withOurBlock(`前\n${block}\n后`, ['新句'])).toBe(`前\n${noteBlock(['新句'])}\n后`);
  });

  test('clear removes only our block: a note the user extended keeps the user words', async () => {
    const model = numbers(1, 3);
    const host = new FakeExcelHost(model);
    const findings = findingsOn(model).slice(0, 3);
    await host.run((c) => markFindings(c, ['表1'], findings, withNotes));
    const notes = model.sheets[0].notes;
    notes.A1 = `${notes.A1}\n已核对，系尾数`;
    notes.B1 = `请复核：\n${notes.B1}`;
    notes.D1 = '用户自己的批注';
    const cleared = await host.run((c) => clearMarks(c, true, ['表1']));
    expect(cleared.removedNotes).toBe(3);
    expect(notes).toEqual({ A1: '已核对，系尾数', B1: '请复核：', D1: '用户自己的批注' });
  });

  test('checking again rewrites our block in place and keeps the user words; a user-only note stays untouched', async () => {
    const model = numbers(1, 3);
    const host = new FakeExcelHost(model);
    const findings = findingsOn(model).slice(0, 2);
    model.sheets[0].notes.B1 = '用户自己的批注';
    const first = await host.run((c) => markFindings(c, ['表1'], findings, withNotes));
    expect(first.notesKeptForUser).toBe(1);
    model.sheets[0].notes.A1 = `${model.sheets[0].notes.A1}\n已核对`;
    const second = await host.run((c) => markFindings(c, ['表1'], findings, withNotes));
    expect(second.notesAdded).toBe(1);
    expect(model.sheets[0].notes.A1).toBe(`${noteBlock([renderSentence(findings[0].message, 'zh-CN')])}\n已核对`);
    expect(model.sheets[0].notes.B1).toBe('用户自己的批注');
    // A cell no longer found loses our block only.
    await host.run((c) => markFindings(c, ['表1'], [], withNotes));
    expect(model.sheets[0].notes).toEqual({ A1: '已核对', B1: '用户自己的批注' });
  });

  test('without the notes API, clear says our old notes could not be reached (the pane shows it)', async () => {
    const model = numbers(1, 2);
    const host = new FakeExcelHost(model, { apiVersion: '1.17' });
    const outcome = await host.run((c) => clearMarks(c, false, ['表1']));
    expect(outcome.notesUnreachable).toBe(true);
    const full = await new FakeExcelHost(numbers(1, 2)).run((c) => clearMarks(c, true, ['表1']));
    expect(full.notesUnreachable).toBe(false);
  });

  test('notes too many to read in one answer are read page by page, every answer under the limit', async () => {
    const model = numbers(2, 40);
    const limit = 64 * 1024;
    const big = new FakeExcelHost(model, { payloadLimit: limit });
    // Long user notes beside ours: 800 notes of ~250 bytes are ~200 KB to read back.
    for (const s of model.sheets) for (let r = 1; r <= 40; r++) s.notes[`J${r}`] = `用户批注 ${'说明'.repeat(40)}`;
    const findings = findingsOn(model).filter((f) => !f.cell.startsWith('J'));
    const marked = await new FakeExcelHost(model).run((c) => markFindings(c, model.sheets.map((s) => s.name), findings, withNotes));
    expect(marked.notesAdded).toBe(findings.length);
    const outcome = await big.run((c) => clearMarks(c, true, model.sheets.map((s) => s.name), { payloadLimitBytes: limit }));
    expect(outcome.removedNotes).toBe(findings.length);
    expect(ourNotes(model)).toBe(0);
    expect(model.sheets.every((s) => Object.keys(s.notes).length === 40)).toBe(true);
    const answered = big.syncLog.filter((s) => s.responseBytes <= limit);
    // One refused probe, then pages.
    expect(big.syncLog.length - answered.length).toBe(1);
    for (const s of big.syncLog) expect(s.requestBytes).toBeLessThanOrEqual(limit);
  });
});

describe('the session', () => {
  function hostInfo(host: FakeExcelHost): HostInfo {
    return { isExcel: true, language: 'zh-CN', supports: (s, v) => host.supports(s, v), run: host.run as HostInfo['run'] };
  }

  test('below ExcelApi 1.13 the session knows it cannot read (the pane says so), and the fake refuses like Excel', async () => {
    const host = new FakeExcelHost(numbers(1, 2), { apiVersion: '1.12' });
    const session = new WorkbookSession(hostInfo(host));
    expect(session.readSupported).toBe(false);
    const e = await session.read().catch((x) => x);
    expect(e.code).toBe('ApiNotFound');
    expect(new WorkbookSession(hostInfo(new FakeExcelHost(numbers(1, 2), { apiVersion: '1.13' }))).readSupported).toBe(true);
  });

  test('findings reach the pane before the marks are written; cancel stops the marks', async () => {
    const model = numbers(1, 3);
    const host = new FakeExcelHost(model);
    const seen: string[] = [];
    const engine = async () => ({ tables: [], findings: findingsOn(model), summary: { errors: 20, warnings: 10, infos: 0, verified: 0 } });
    const session = new WorkbookSession(hostInfo(host), engine);
    const outcome = await session.check({
      strict: false,
      reviewerNotes: false,
      lang: 'zh-CN',
      onProgress: (p) => seen.push(p.stage),
      onResult: (r) => seen.push(`result ${r.findings.length} marked ${markedCells(model)}`),
    });
    expect(seen).toEqual(['reading', 'result 30 marked 0', 'marking']);
    expect(outcome.marks.markedCells).toBe(30);

    const controller = new AbortController();
    const cancelled = await session
      .check({ strict: false, reviewerNotes: false, lang: 'zh-CN', signal: controller.signal, onResult: () => controller.abort() })
      .catch((x) => x);
    expect(cancelled.name).toBe('CancelledError');
  });
});
