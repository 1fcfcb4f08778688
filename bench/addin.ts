/**
 * The add-in's side of `npm run bench`: round trips and request sizes through the
 * workbook-backed fake Excel host (test/support/fakeExcelHost.ts), which counts
 * `context.sync()` calls and the bytes of each request as Excel on the web would see them.
 * Targets: read ≤ 2 syncs and mark ≤ 2 syncs (over 5 MB: + the refused try, + the addresses,
 * + 1 per 4 MB band), every answered request under
 * 5 MB, on each shared workbook, on a 30-sheet workbook and on a 200,000-row sheet.
 */
import { readdirSync } from 'fs';
import { join } from 'path';
import { audit } from '../src/core/engine';
import { readWorkbookSnapshot } from '../src/adapters/excel/readWorkbook';
import { clearMarks, markFindings } from '../src/adapters/excel/highlights';
import { FakeExcelHost, FAKE_PAYLOAD_LIMIT } from '../test/support/fakeExcelHost';
import { modelFromFile } from '../test/support/fakeExcelWorkbook';
import { widen, type FakeWorkbookModel } from '../test/support/fakeExcelModel';

export interface BenchLine {
  name: string;
  ok: boolean;
  detail: string;
}

const MB = 1024 * 1024;

async function measure(name: string, model: FakeWorkbookModel): Promise<BenchLine> {
  const host = new FakeExcelHost(model);
  const t0 = Date.now();
  const snapshot = await host.run((ctx) => readWorkbookSnapshot(ctx));
  const readSyncs = host.runs[host.runs.length - 1].syncs;
  // A request Excel refuses as too large costs a round trip but carries nothing.
  const answered = host.syncLog.filter((s) => s.responseBytes <= FAKE_PAYLOAD_LIMIT && s.requestBytes <= FAKE_PAYLOAD_LIMIT);
  const refused = host.syncLog.length - answered.length;
  const readBytes = answered.reduce((a, s) => a + s.requestBytes + s.responseBytes, 0);
  const t1 = Date.now();
  const result = audit(snapshot);
  const t2 = Date.now();
  const names = snapshot.sheets.map((s) => s.name);
  const logBefore = host.syncLog.length;
  await host.run((ctx) => markFindings(ctx, names, result.findings, { lang: 'zh-CN', reviewerNotes: true, notesSupported: true }));
  const markSyncs = host.runs[host.runs.length - 1].syncs;
  const t3 = Date.now();
  await host.run((ctx) => clearMarks(ctx, true, names));
  const clearSyncs = host.runs[host.runs.length - 1].syncs;
  const largest = Math.max(...answered.map((s) => Math.max(s.requestBytes, s.responseBytes)));
  const markBytes = host.syncLog.slice(logBefore).reduce((a, s) => a + s.requestBytes, 0);
  // Over 5 MB: the refused try, the addresses, then bands that fill ~80% of the limit.
  const extra = refused ? 1 + refused + Math.ceil(readBytes / (4 * MB)) : 0;
  const ok = readSyncs <= 2 + extra && markSyncs <= 2 + Math.ceil(markBytes / (5 * MB)) && largest <= FAKE_PAYLOAD_LIMIT;
  return {
    name: `add-in ${name}`,
    ok,
    detail:
      `read ${readSyncs} syncs (${(readBytes / MB).toFixed(2)} MB${refused ? `, ${refused} refused as too large` : ''}, ${t1 - t0} ms), check ${t2 - t1} ms, ` +
      `mark ${result.findings.filter((f) => f.severity !== 'info').length} findings in ${markSyncs} syncs (${t3 - t2} ms), clear ${clearSyncs} syncs, ` +
      `largest request ${(largest / MB).toFixed(2)} MB`,
  };
}

export async function run(largeFile?: string): Promise<BenchLine[]> {
  const fixtures = join(__dirname, '..', '..', 'test', 'fixtures');
  const lines: BenchLine[] = [];
  const files = readdirSync(fixtures).filter((f) => f.endsWith('.xlsx')).sort();
  for (const f of files) lines.push(await measure(f, await modelFromFile(join(fixtures, f))));
  lines.push(await measure('30-sheet workbook', widen(await modelFromFile(join(fixtures, files[0])), 30)));
  if (largeFile) lines.push(await measure('200,000-row sheet', await modelFromFile(largeFile)));
  return lines;
}
