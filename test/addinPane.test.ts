/**
 * What the task pane shows, as data (taskpane/findingGroups.ts), and the engine behind its Web
 * Worker (taskpane/engine/), in node: the verdict in words, the groups by table with errors
 * first and the narrative's findings under 情况说明, and the snapshot crossing to the worker in
 * bands — the same findings as audit(), a cancel that stops it on the spot.
 */
import { join } from 'path';
import { audit } from '../src/core/engine';
import type { Finding } from '../src/core/finding';
import type { SheetSnapshot, WorkbookSnapshot } from '../src/core/snapshot';
import { readSnapshotFromFile } from '../src/adapters/xlsx/readSnapshot';
import { auditWithProgress, type CheckResult, type EngineProgress, type TableInfo } from '../src/adapters/excel/checkResult';
import { zhCN } from '../src/i18n/zh-CN';
import { DEFAULT_FILTER, filterKey, groupFindings, isNarrativeFinding, tableName, verdictOf } from '../taskpane/findingGroups';
import { workerEngine } from '../taskpane/engine/workerEngine';
import { CELLS_PER_MESSAGE } from '../taskpane/engine/workerProtocol';
import { totalFinding } from './support/findings';

const FIXTURE = join(__dirname, 'fixtures', '003-sanmenxia-healthcare-security-service-center-2024-budget.xlsx');

const table = (id: string, sheet: string, title?: string, kind: TableInfo['kind'] = 'income'): TableInfo => ({ id, sheet, kind, title, range: { top: 1, left: 1, bottom: 9, right: 5 } });

function result(findings: Finding[], tables: TableInfo[]): CheckResult {
  return { tables, findings, summary: { errors: 0, warnings: 0, infos: 0, verified: 0 } };
}

describe('the verdict, first line of the pane', () => {
  const tables = [table('T1', 'YS01', '收支总表', 'income-expenditure-summary')];

  test('before a check it invites one', () => {
    expect(verdictOf(null, zhCN)).toEqual({ tone: 'idle', text: zhCN.verdictIdle, aside: zhCN.appSubtitle });
  });

  test('errors and warnings are counted in words: 发现 4 处错误、2 处警告', () => {
    const f = [...Array(4)].map((_, i) => totalFinding('YS01', `B${i + 2}`)).concat([...Array(2)].map((_, i) => totalFinding('YS01', `C${i + 2}`, { severity: 'warning' })));
    expect(verdictOf(result(f, tables), zhCN)).toMatchObject({ tone: 'error', text: '发现 4 处错误、2 处警告' });
    expect(verdictOf(result(f.slice(4), tables), zhCN)).toMatchObject({ tone: 'warning', text: '发现 2 处警告' });
  });

  test('rounding tails and verified findings do not spoil a clean verdict, and are said beside it', () => {
    const f = [totalFinding('YS01', 'B2', { severity: 'info' }), totalFinding('YS01', 'B3', { review: { status: 'verified', reviewer: '王', reason: '尾数' } })];
    expect(verdictOf(result(f, tables), zhCN)).toEqual({ tone: 'clean', text: '未发现问题', aside: zhCN.verdictAside(1, 1) });
  });

  test('a workbook with no table recognised is never a clean pass', () => {
    expect(verdictOf(result([], [table('U', 'Sheet1', undefined, 'unknown')]), zhCN)).toMatchObject({ tone: 'warning', text: zhCN.verdictNoTables });
  });
});

describe('findings grouped by table, errors first', () => {
  const tables = [table('A', 'YS01', '部门收支总体情况表'), table('B', 'YS02', '部门收入总体情况表'), table('N', '说明', '情况说明', 'narrative')];
  const findings = [
    totalFinding('YS01', 'C5', { table: 'A', severity: 'warning' }),
    totalFinding('YS02', 'D7', { table: 'B' }),
    totalFinding('YS01', 'B3', { table: 'A', severity: 'info' }),
    totalFinding('说明', 'A3', { rule: 'narrative-total', table: 'N', severity: 'warning' }),
    totalFinding('YS02', 'A1', { rule: 'missing-table', severity: 'error' }),
    totalFinding('说明', 'A9', { rule: 'text-unit', severity: 'info' }),
    totalFinding('其他表', 'B2'),
  ];
  const groups = groupFindings(result(findings, tables), ['YS01', 'YS02', '说明', '其他表'], zhCN, 'zh-CN');

  test('the narrative rules (narrative-*, text-*, missing-table) land under 情况说明, wherever their cell is', () => {
    expect(findings.filter(isNarrativeFinding).map((f) => f.rule)).toEqual(['narrative-total', 'missing-table', 'text-unit']);
    const narrative = groups.find((g) => g.key === 'narrative')!;
    expect(narrative.name).toBe(zhCN.narrativeGroup);
    expect(narrative.findings.map((f) => f.rule).sort()).toEqual(['missing-table', 'narrative-total', 'text-unit']);
  });

  test('groups in the order of their first finding in the reviewer order: a table with an error before one with warnings only', () => {
    // Errors: YS02!A1 (missing-table, narrative), YS02!D7, 其他表!B2 — in sheet order, then row.
    expect(groups.map((g) => g.name)).toEqual([zhCN.narrativeGroup, '部门收入总体情况表', zhCN.otherFindings, '部门收支总体情况表']);
    expect(groups[0].findings.map((f) => f.severity)).toEqual(['error', 'warning', 'info']);
    expect(groups[3].counts).toEqual({ error: 0, warning: 1, info: 1, verified: 0 });
  });

  test('a table named like its sheet is named once; another sheet is named beside the title', () => {
    expect(tableName(table('x', 'YS01', 'YS01 部门收支总体情况表'), 'zh-CN')).toEqual({ name: 'YS01 部门收支总体情况表' });
    expect(tableName(table('x', '收入表', '收入'), 'zh-CN')).toEqual({ name: '收入' });
    expect(tableName(table('x', 'YS02', '部门收入总体情况表'), 'zh-CN')).toEqual({ name: '部门收入总体情况表', sheet: 'YS02' });
    expect(groups.find((g) => g.key === 'other:其他表')).toMatchObject({ name: zhCN.otherFindings, sheet: '其他表' });
  });

  test('by default errors and warnings show; rounding tails and verified findings are one click away', () => {
    const verified = totalFinding('YS01', 'B2', { review: { status: 'verified', reviewer: '王', reason: '已核' } });
    expect(filterKey(verified)).toBe('verified');
    expect(DEFAULT_FILTER).toEqual({ error: true, warning: true, info: false, verified: false });
  });
});

/**
 * A Web Worker in this thread: messages are structured-cloned both ways, and the worker's
 * module (engine.worker.ts) runs against its own `self`, as in the browser.
 */
class InThreadWorker {
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  terminated = false;
  messages = 0;
  largest = 0;
  private scope: { onmessage: ((e: MessageEvent) => void) | null; postMessage(m: unknown): void };

  constructor() {
    this.scope = {
      onmessage: null,
      postMessage: (m) => setTimeout(() => !this.terminated && this.onmessage?.({ data: structuredClone(m) } as MessageEvent)),
    };
    const g = globalThis as unknown as { self?: unknown };
    const before = g.self;
    g.self = this.scope;
    jest.isolateModules(() => require('../taskpane/engine/engine.worker'));
    g.self = before;
  }

  postMessage(m: { type: string; values?: unknown[] }): void {
    if (this.terminated) return;
    this.messages++;
    if (m.values) this.largest = Math.max(this.largest, m.values.reduce<number>((n, row) => n + ((row as unknown[])?.length ?? 0), 0));
    const data = structuredClone(m);
    // The worker works in its own time, after the pane's task.
    setTimeout(() => !this.terminated && this.scope.onmessage?.({ data } as MessageEvent));
  }

  terminate(): void {
    this.terminated = true;
  }
}

describe('the engine behind the Web Worker', () => {
  let snapshot: WorkbookSnapshot;
  beforeAll(async () => {
    snapshot = await readSnapshotFromFile(FIXTURE);
  });

  test('the snapshot crosses in bands (holes stay empty rows) and the findings are audit()’s', async () => {
    // A sheet of 30,000 rows with a hole: more than one band, never one big message.
    const tall: SheetSnapshot = { name: '长表', values: [], text: [], numberFormats: [], merges: [], hiddenRows: [], hiddenColumns: [] };
    for (let r = 0; r < 30000; r++) {
      if (r === 7) continue;
      tall.values[r] = [r, `行${r}`];
      tall.text[r] = [String(r), `行${r}`];
      tall.numberFormats[r] = ['General', 'General'];
    }
    const workbook = { ...snapshot, sheets: [...snapshot.sheets, tall] };
    let worker: InThreadWorker | undefined;
    const progress: EngineProgress[] = [];
    const got = await workerEngine(() => (worker = new InThreadWorker()) as unknown as Worker)(workbook, { includeInfo: true }, { onProgress: (p) => progress.push(p) });
    const want = auditWithProgress(workbook, { includeInfo: true });
    expect(got).toEqual(want);
    expect(want.findings).toEqual(audit(workbook, { includeInfo: true }).findings);
    expect(worker!.largest).toBeLessThanOrEqual(CELLS_PER_MESSAGE);
    expect(worker!.messages).toBeGreaterThan(workbook.sheets.length + 1);
    expect(worker!.terminated).toBe(true);
    // Progress by sheet, then the checks.
    expect(progress.filter((p) => p.stage === 'detecting').map((p) => p.stage === 'detecting' && p.sheet)).toEqual(workbook.sheets.map((s) => s.name));
    expect(progress[progress.length - 1]).toEqual({ stage: 'rules' });
  });

  test('cancel terminates the worker at once and the check fails as cancelled', async () => {
    let worker: InThreadWorker | undefined;
    const controller = new AbortController();
    const run = workerEngine(() => (worker = new InThreadWorker()) as unknown as Worker)(snapshot, {}, { signal: controller.signal });
    controller.abort();
    await expect(run).rejects.toMatchObject({ name: 'CancelledError' });
    expect(worker!.terminated).toBe(true);
  });

  test('where no worker can be made, the engine runs in the pane’s thread with the same findings', async () => {
    const got = await workerEngine(() => {
      throw new Error('worker-src refused');
    })(snapshot, { includeInfo: true }, {});
    expect(got.findings).toEqual(audit(snapshot, { includeInfo: true }).findings);
  });
});
