/**
 * The add-in's side of `npm run bench`, through the workbook-backed fake Excel host
 * (test/support/fakeExcelHost.ts), which counts `context.sync()` calls and the bytes of each
 * request as Excel on the web would see them.
 *
 * Targets: read 2 syncs, mark 2, clear 2 (a read over 5 MB: the refused try, the addresses and
 * the adapter's bands), every answered request under 5 MB, on each seed workbook, a 30-sheet workbook and a
 * 200,000-row sheet; and the pane's whole check of the 200,000-row sheet (read, the engine behind
 * its Web Worker, marks) under 5 s of this thread's CPU time (the worker runs in this thread here).
 */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { audit } from '../src/core/engine';
import { readWorkbookSnapshot } from '../src/adapters/excel/readWorkbook';
import { clearMarks, markFindings } from '../src/adapters/excel/highlights';
import type { HostInfo } from '../src/adapters/excel/officeHost';
import { WorkbookSession } from '../src/adapters/excel/workbookSession';
import { workerEngine } from '../taskpane/engine/workerEngine';
import { FakeExcelHost, FAKE_PAYLOAD_LIMIT } from '../test/support/fakeExcelHost';
import { modelFromFile } from '../test/support/fakeExcelWorkbook';
import { largeBudgetModel, widen, type FakeWorkbookModel } from '../test/support/fakeExcelModel';

export interface BenchLine {
  name: string;
  ok: boolean;
  detail: string;
}

const MB = 1024 * 1024;

/**
 * This thread's CPU time in ms (as bench/threadCpu.js): the pane's check runs here whole, its
 * worker in this thread too, so its CPU time is its cost on a machine shared with other work.
 */
function threadCpuMs(): number {
  try {
    return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
  } catch {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  }
}

async function syncCounts(name: string, model: FakeWorkbookModel): Promise<BenchLine> {
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
  // Where Excel refuses the one big read, the adapter reads in bands of its own sizing: their
  // number is its design (readWorkbook.ts), and only that every answered request fits is bound here.
  const ok = (refused > 0 || readSyncs <= 2) && markSyncs <= 2 + Math.ceil(markBytes / (5 * MB)) && clearSyncs <= 2 && largest <= FAKE_PAYLOAD_LIMIT;
  return {
    name: `add-in syncs, ${name}`,
    ok,
    detail:
      `read ${readSyncs} (${(readBytes / MB).toFixed(2)} MB${refused ? `, ${refused} refused as too large` : ''}, ${t1 - t0} ms), check ${t2 - t1} ms, ` +
      `mark ${result.findings.filter((f) => f.severity !== 'info').length} findings in ${markSyncs} (${t3 - t2} ms), clear ${clearSyncs}, ` +
      `largest request ${(largest / MB).toFixed(2)} MB`,
  };
}

/**
 * A Web Worker in this thread, as the pane's tests use it: every message structured-cloned both
 * ways and delivered in a later task, the worker's module running against its own `self`.
 */
class InThreadWorker {
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  private terminated = false;
  private readonly scope: { onmessage: ((e: MessageEvent) => void) | null; postMessage(m: unknown): void };

  constructor() {
    this.scope = {
      onmessage: null,
      postMessage: (m) => setTimeout(() => !this.terminated && this.onmessage?.({ data: structuredClone(m) } as MessageEvent)),
    };
    const g = globalThis as unknown as { self?: unknown };
    const before = g.self;
    g.self = this.scope;
    const worker = require.resolve('../taskpane/engine/engine.worker');
    delete require.cache[worker];
    require(worker);
    g.self = before;
  }

  postMessage(m: unknown): void {
    if (this.terminated) return;
    const data = structuredClone(m);
    setTimeout(() => !this.terminated && this.scope.onmessage?.({ data } as MessageEvent));
  }

  terminate(): void {
    this.terminated = true;
  }
}

export async function paneCheck(rows: number): Promise<BenchLine> {
  const host = new FakeExcelHost(largeBudgetModel(rows, 1000));
  const info: HostInfo = { isExcel: true, language: 'zh-CN', supports: (s, v) => host.supports(s, v), run: host.run as HostInfo['run'] };
  const session = new WorkbookSession(info, workerEngine(() => new InThreadWorker() as unknown as Worker));
  const stages: Record<string, number> = {};
  let stage = 'reading';
  let since = Date.now();
  const t0 = since;
  const cpu0 = threadCpuMs();
  const outcome = await session.check({
    strict: false,
    reviewerNotes: true,
    lang: 'zh-CN',
    onProgress: (p) => {
      const next = p.stage === 'detecting' ? 'engine' : p.stage === 'rules' ? 'engine' : p.stage;
      if (next === stage) return;
      stages[stage] = (stages[stage] ?? 0) + Date.now() - since;
      stage = next;
      since = Date.now();
    },
  });
  stages[stage] = (stages[stage] ?? 0) + Date.now() - since;
  const wall = Date.now() - t0;
  const ms = Math.round(threadCpuMs() - cpu0);
  const errors = outcome.result.findings.filter((f) => f.severity === 'error').length;
  return {
    name: `pane's check of a ${rows.toLocaleString('en')}-row sheet < 5 s`,
    ok: ms < 5000 && errors === Math.ceil(rows / 1000),
    detail: `${ms} ms CPU, ${wall} ms wall (${Object.entries(stages).map(([k, v]) => `${k} ${v} ms`).join(', ')} wall), ${errors} errors found of ${Math.ceil(rows / 1000)} made`,
  };
}

export async function run(): Promise<BenchLine[]> {
  const fixtures = join(__dirname, '..', '..', 'test', 'fixtures');
  const lines: BenchLine[] = [];
  const files = readdirSync(fixtures).filter((f) => f.endsWith('.xlsx')).sort();
  for (const f of files) lines.push(await syncCounts(f, await modelFromFile(join(fixtures, f))));
  lines.push(await syncCounts('30-sheet workbook', widen(await modelFromFile(join(fixtures, files[0])), 30)));
  lines.push(await syncCounts('200,000-row sheet', largeBudgetModel(200000)));
  lines.push(await paneCheck(200000));
  return lines;
}
