import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { parseCellAddress, parseRangeAddress } from '../src/core/address';
import { readSnapshotFromFile } from '../src/adapters/xlsx/readSnapshot';
import type { GridSheet, WorkbookSnapshot } from '../src/core/snapshot';
import { gridWorkbook } from './support/gridSnapshot';
import { run, SAMPLE, sha256 } from './cliRun';
import { writeXlsx } from './support/writeXlsx';

/**
 * A reviewer's own settings and the findings already looked at, on the command line:
 * budget-audit.json switches a rule off and lowers another's severity, the review file (written by
 * `budget-audit review`) marks one finding 已核实 — and exactly those findings change, in the JSON,
 * the text, the exit status and the annotated copy. A review survives a row inserted above its cell
 * and gives way when its figures change; a bad settings file is exit 2 with its sentence; in a
 * batch each folder's settings apply to its own workbooks.
 */
const dir = mkdtempSync(join(tmpdir(), 'budget-audit-cli-settings-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Finding = { rule: string; severity: string; sheet: string; cell: string; actual: string | null; expected: string | null; name?: string; review?: { reviewer: string; reason: string }; explains: Array<{ rule: string }> };
type Report = { findings: Finding[]; summary: { errors: number; warnings: number; infos: number; verified: number }; settingsFile?: string; reviewFile?: string };

/** A finding by what it says, not by its severity or review: the sets before and after compare on this. */
const key = (f: Finding) => `${f.rule} ${f.sheet}!${f.cell} ${f.actual}→${f.expected}`;
const check = (...args: string[]) => {
  const r = run(['check', ...args, '--json']);
  return { ...r, report: r.stdout ? (JSON.parse(r.stdout) as Report) : undefined };
};
const byKey = (r: Report) => new Map(r.findings.map((f) => [key(f), f]));

/** The rules the settings change, and the finding reviewed: all present in the sample without settings. */
const OFF = 'cross-public-split';
const LOWERED = 'cross-fiscal-function';
const REVIEWED = { rule: 'summary-lines', cell: 'YS04!E39' };
const SETTINGS = { rules: { [OFF]: 'off', [LOWERED]: '提示性' }, strict: false, fiscalYear: 2024, unit: '万元' };

/** A copy of the sample in a folder of its own, with the settings given (none: no settings file). */
function workbookIn(folder: string, settings?: unknown, source = SAMPLE): string {
  mkdirSync(join(dir, folder), { recursive: true });
  const file = join(dir, folder, '预算.xlsx');
  copyFileSync(source, file);
  if (settings !== undefined) writeFileSync(join(dir, folder, 'budget-audit.json'), typeof settings === 'string' ? settings : JSON.stringify(settings, null, 2));
  return file;
}

/** The sample with a row inserted at the top of YS04: every cell of that sheet moves one row down. */
function withRowInserted(wb: WorkbookSnapshot<GridSheet>, sheet: string): WorkbookSnapshot<GridSheet> {
  const insert = <T>(grid: T[][]) => [[], ...grid];
  return {
    ...wb,
    sheets: wb.sheets.map((s) =>
      s.name !== sheet
        ? s
        : {
            ...s,
            values: insert(s.values),
            text: insert(s.text),
            numberFormats: insert(s.numberFormats),
            merges: s.merges.map((m) => ({ ...m, top: m.top + 1, bottom: m.bottom + 1 })),
            hiddenRows: s.hiddenRows.map((r) => r + 1),
          },
    ),
  };
}

/** The sample with one figure changed. */
function withValue(wb: WorkbookSnapshot<GridSheet>, sheet: string, row: number, col: number, value: number): WorkbookSnapshot<GridSheet> {
  return {
    ...wb,
    sheets: wb.sheets.map((s) => {
      if (s.name !== sheet) return s;
      const values = s.values.map((r) => (r ? [...r] : r));
      const text = s.text.map((r) => (r ? [...r] : r));
      values[row - 1][col - 1] = value;
      text[row - 1][col - 1] = value.toFixed(2);
      return { ...s, values, text };
    }),
  };
}

describe('budget-audit.json and the review file change exactly the findings they name', () => {
  let plain: Report;
  let file: string;
  let withSettings: ReturnType<typeof check>;
  let reviewed: ReturnType<typeof check>;

  beforeAll(() => {
    plain = check(workbookIn('plain')).report!;
    file = workbookIn('reviewed', SETTINGS);
    withSettings = check(file);
    const r = run(['review', file, '--rule', REVIEWED.rule, '--cell', REVIEWED.cell, '--by', '王会计', '--reason', '支出合计含上年结转，已与财政局核对']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toContain(`已核实：${REVIEWED.cell}`);
    reviewed = check(file);
  });

  test('the sample without settings has findings of every rule the settings name', () => {
    for (const rule of [OFF, LOWERED, REVIEWED.rule]) expect(plain.findings.some((f) => f.rule === rule && f.severity !== 'info')).toBe(true);
    expect(plain.findings.filter((f) => f.rule === LOWERED && f.severity !== 'info').every((f) => f.severity === 'error')).toBe(true);
  });

  test('a rule switched off: its findings and only them are gone', () => {
    const before = byKey(plain);
    const after = byKey(withSettings.report!);
    expect([...before.keys()].filter((k) => !after.has(k)).sort()).toEqual(plain.findings.filter((f) => f.rule === OFF).map(key).sort());
    expect([...after.keys()].filter((k) => !before.has(k))).toEqual([]);
  });

  test('a severity lowered to 提示性: those findings are warnings, every other finding keeps its severity', () => {
    const before = byKey(plain);
    const changed = withSettings.report!.findings.filter((f) => before.get(key(f))!.severity !== f.severity);
    expect(changed.map(key).sort()).toEqual(plain.findings.filter((f) => f.rule === LOWERED && f.severity === 'error').map(key).sort());
    expect(changed.every((f) => f.severity === 'warning')).toBe(true);
    expect(withSettings.report!.settingsFile).toBe(join(dir, 'reviewed', 'budget-audit.json'));
  });

  test('review writes one entry beside the workbook: rule, sheet, the line by name, the figures, who, why, when', () => {
    const entries = JSON.parse(readFileSync(`${file}.review.json`, 'utf8'));
    expect(entries).toEqual([
      expect.objectContaining({ rule: REVIEWED.rule, sheet: 'YS04', cell: 'E39', line: '支出合计 一般公共预算小计', actual: '812.63', expected: '912.63', reviewer: '王会计', reason: '支出合计含上年结转，已与财政局核对', date: expect.stringMatching(/^\d{4}-\d\d-\d\d$/) }),
    ]);
  });

  test('one finding 已核实: the same findings, that one marked with who and why, not counted', () => {
    const after = reviewed.report!;
    expect(after.findings.map(key)).toEqual(withSettings.report!.findings.map(key));
    expect(after.findings.filter((f) => f.review).map((f) => `${f.sheet}!${f.cell}`)).toEqual([REVIEWED.cell]);
    expect(after.findings.find((f) => f.review)!.review).toMatchObject({ reviewer: '王会计', reason: '支出合计含上年结转，已与财政局核对' });
    const s = withSettings.report!.summary;
    expect(after.summary).toEqual({ ...s, errors: s.errors - 1, verified: 1 });
    expect(after.reviewFile).toBe(`${file}.review.json`);
  });

  test('the human report says which settings and reviews applied, and shows the finding as 已核实 with its reason', () => {
    const r = run(['check', file]);
    const lines = r.stdout.split('\n');
    expect(lines.slice(0, 3)).toEqual([
      `设置：${join(dir, 'reviewed', 'budget-audit.json')}`,
      '  关闭 公用经费划分；级别 财政拨款表与一般公共预算表按类核对→提示性；年度 2024；未注明单位的表按万元',
      `复核记录：${file}.review.json（1 条）`,
    ]);
    expect(lines.find((l) => l.includes('E39'))).toMatch(/^ {2}\[已核实\] E39 +王会计：支出合计含上年结转，已与财政局核对 — /);
    expect(r.stdout).toContain('已核实 1 条');
  });

  test('the exit status counts open errors only: 1 while one is left, 0 when the rest are off or verified', () => {
    expect(reviewed.code).toBe(reviewed.report!.summary.errors > 0 ? 1 : 0);
    // A rule switched off takes no part: the slips it explained are still told by the rules left
    // (E39's 一般公共预算小计 by the row's sum), so those are switched off too.
    const clean = workbookIn('clean', { rules: { [LOWERED]: 'warning', 'summary-lines': 'off', 'row-sum': 'off', 'summary-balance': 'off', 'of-which': 'off' } });
    const r = check(clean);
    expect(r.report!.summary.errors).toBe(0);
    expect(plain.summary.errors).toBeGreaterThan(0);
    expect(r.code).toBe(0);
  });

  test('a row inserted above the reviewed cell: the finding moved one row down and is still 已核实', async () => {
    const moved = join(dir, 'reviewed', '插入行.xlsx');
    await writeXlsx(withRowInserted(gridWorkbook(await readSnapshotFromFile(file)), 'YS04'), moved);
    copyFileSync(`${file}.review.json`, `${moved}.review.json`);
    const after = check(moved).report!;
    const f = after.findings.find((x) => x.rule === REVIEWED.rule && x.cell === 'E40')!;
    expect(f).toMatchObject({ actual: '812.63', expected: '912.63', review: { reviewer: '王会计' } });
    expect(after.findings.filter((x) => x.review)).toHaveLength(1);
    expect(after.summary.verified).toBe(1);
  });

  test('a figure changed since: the finding is open again (an error, counted)', async () => {
    const changed = join(dir, 'reviewed', '改数.xlsx');
    await writeXlsx(withValue(gridWorkbook(await readSnapshotFromFile(file)), 'YS04', 39, 5, 812.6), changed);
    copyFileSync(`${file}.review.json`, `${changed}.review.json`);
    const r = check(changed);
    const f = r.report!.findings.find((x) => x.rule === REVIEWED.rule && x.cell === 'E39')!;
    expect(f).toMatchObject({ actual: '812.60', severity: 'error' });
    expect(f.review).toBeUndefined();
    expect(r.report!.summary.verified).toBe(0);
    expect(r.code).toBe(1);
  });

  test('the annotated copy: the verified finding is not painted, its report line says 已核实 with reason and reviewer; the source untouched', async () => {
    const out = join(dir, 'copy.xlsx');
    const before = sha256(file);
    expect(run(['check', file, '--out', out]).code).toBe(reviewed.code);
    expect(sha256(file)).toBe(before);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const report = wb.getWorksheet('校验报告')!;
    const rows: string[][] = [];
    report.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    const line = rows.find((r) => r[4] === 'E39' && r[3] === 'YS04')!;
    expect(line[1]).toBe('已核实');
    expect(line[9]).toBe('已核实：支出合计含上年结转，已与财政局核对');
    expect(line[10]).toBe('王会计');
    expect(isMarked(wb.getWorksheet('YS04')!, 'E39')).toBe(false);
    // Without the review the same cell is painted.
    const plainCopy = join(dir, 'plain-copy.xlsx');
    run(['check', join(dir, 'plain', '预算.xlsx'), '--out', plainCopy]);
    const wb0 = new ExcelJS.Workbook();
    await wb0.xlsx.readFile(plainCopy);
    expect(isMarked(wb0.getWorksheet('YS04')!, 'E39')).toBe(true);
  });
});

/** Whether one of the copy's marks (its conditional formats) covers the cell. */
function isMarked(ws: ExcelJS.Worksheet, cell: string): boolean {
  const at = parseCellAddress(cell);
  const formats = (ws as unknown as { conditionalFormattings: { ref: string }[] }).conditionalFormattings ?? [];
  return formats.some((cf) =>
    cf.ref.split(' ').some((area) => {
      const r = parseRangeAddress(area);
      return at.row >= r.top && at.row <= r.bottom && at.col >= r.left && at.col <= r.right;
    }),
  );
}

describe('review refuses what it cannot record', () => {
  const file = () => join(dir, 'refuse', '预算.xlsx');
  beforeAll(() => workbookIn('refuse'));

  test('no finding of that rule at that cell: exit 2, a sentence naming what is there, nothing written', () => {
    const r = run(['review', file(), '--rule', 'row-sum', '--cell', 'YS04!E39', '--by', '王会计', '--reason', '核对过']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('budget-audit: YS04!E39 处没有规则 row-sum 的发现，无从核实（此处的发现：summary-lines 总表各行合计） / no finding of rule row-sum at YS04!E39 to verify (findings there: summary-lines 总表各行合计)\n');
    expect(existsSync(`${file()}.review.json`)).toBe(false);
  });

  test('an empty cell, a sheet that does not exist, a cell that is no cell, a missing reason: exit 2 each', () => {
    const base = ['review', file(), '--by', '王会计'];
    expect(run([...base, '--cell', 'YS04!A1', '--reason', 'x']).stderr).toContain('YS04!A1 处没有发现，无从核实');
    expect(run([...base, '--cell', '不存在!A1', '--reason', 'x']).stderr).toContain('工作簿中没有工作表「不存在」');
    expect(run([...base, '--cell', 'E39', '--reason', 'x']).stderr).toContain('--cell 应为 工作表!单元格');
    expect(run([...base, '--cell', 'YS04!E39']).stderr).toContain('review 需要 --reason');
    for (const r of [run([...base, '--cell', 'YS04!A1', '--reason', 'x']), run([...base, '--cell', 'E39', '--reason', 'x'])]) expect(r.code).toBe(2);
    expect(existsSync(`${file()}.review.json`)).toBe(false);
  });

  test('the same finding twice is recorded once', () => {
    const args = ['review', file(), '--cell', "'YS04'!$e$39", '--by', '王会计', '--reason', '核对过'];
    expect(run(args).code).toBe(0);
    const again = run(args);
    expect([again.code, again.stdout]).toEqual([0, 'YS04!E39 总表各行合计 已核实过（王会计：核对过），未重复记录。\n']);
    expect(JSON.parse(readFileSync(`${file()}.review.json`, 'utf8'))).toHaveLength(1);
  });
});

describe('a settings file that cannot be used is exit 2 with a sentence naming the file and the key', () => {
  test.each([
    ['an unknown rule id', { rules: { 'row-sums': 'off' } }, 'rules.row-sums：未知的规则编号（是否为 row-sum？）'],
    ['a level that is not one', { rules: { 'row-sum': '严重' } }, 'rules.row-sum：应为 off、on、强制性 或 提示性，而不是 "严重"'],
    ['an unknown setting', { rule: {} }, 'rule：未知设置项'],
    ['strict as text', { strict: 'yes' }, 'strict：应为 true 或 false'],
    ['a year as text', { fiscalYear: '2024' }, 'fiscalYear：应为年份数字'],
    ['a unit that is not one', { unit: '美元' }, 'unit：应为 万元、元、千元、亿元 之一'],
    ['a rule that only informs, given a severity', { rules: { 'layout-doubtful': '强制性' } }, 'rules.layout-doubtful：此规则只作提示'],
    ['a JSON typo', '{\n  "rules": { "row-sum": "off", }\n}', '不是有效的 JSON（第 2 行第 32 列）'],
  ])('%s', (_, settings, sentence) => {
    const file = workbookIn(`bad-${sentence.length}-${Math.random().toString(36).slice(2)}`, settings);
    const r = check(file);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`设置文件 ${join(file, '..', 'budget-audit.json')}`);
    expect(r.stderr).toContain(sentence);
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  });

  test('a settings file saved in GBK is named, with the hint to save it as UTF-8', () => {
    const file = workbookIn('gbk', '{}');
    writeFileSync(join(dir, 'gbk', 'budget-audit.json'), Buffer.from([0x7b, 0x22, 0x75, 0x6e, 0x69, 0x74, 0x22, 0x3a, 0x22, 0xcd, 0xf2, 0xd4, 0xaa, 0x22, 0x7d]));
    const r = check(file);
    expect([r.code, r.stderr]).toEqual([2, expect.stringContaining('不是 UTF-8 编码（请用记事本等另存为 UTF-8）')]);
  });

  test('--config naming a file that does not exist', () => {
    const r = check(workbookIn('no-config'), '--config', join(dir, 'nowhere.json'));
    expect([r.code, r.stderr]).toEqual([2, `budget-audit: 设置文件 ${join(dir, 'nowhere.json')} 不存在 / settings file ${join(dir, 'nowhere.json')}: not found\n`]);
  });
});

describe('a batch: each workbook uses the settings found for it', () => {
  const root = join(dir, 'batch');
  beforeAll(() => {
    workbookIn('batch/a', { rules: { 'summary-lines': 'off' } });
    workbookIn('batch/b', { rules: { 'cross-personnel-split': '强制性' } });
    workbookIn('batch/b/inner');
    workbookIn('batch/c');
    writeFileSync(join(root, 'budget-audit.json'), JSON.stringify({ strict: true }));
  });
  const lines = (...args: string[]) => {
    const r = run(['check', ...args, '--json']);
    const reports = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Report & { file: string; error?: unknown });
    return { code: r.code, stderr: r.stderr, byFolder: Object.fromEntries(reports.map((o) => [o.file.slice(root.length + 1, -'/预算.xlsx'.length), o])) };
  };
  let plain: Report;
  let strictPlain: Report;
  beforeAll(() => {
    plain = check(workbookIn('batch-plain')).report!;
    strictPlain = check(join(dir, 'batch-plain', '预算.xlsx'), '--strict').report!;
  });

  test('two folders, two settings; a folder without its own uses the nearest above it, up to the folder named', () => {
    const { byFolder } = lines(root);
    expect(Object.keys(byFolder).sort()).toEqual(['a', 'b', 'b/inner', 'c']);
    expect(byFolder.a.settingsFile).toBe(join(root, 'a', 'budget-audit.json'));
    expect(byFolder.a.findings.some((f: Finding) => f.rule === 'summary-lines')).toBe(false);
    // Every other finding stays; the slips a summary-lines finding stood for are still told, at
    // the same cells, by the other rules it explained (a rule off takes no part in pinpointing).
    const off = plain.findings.filter((f) => f.rule === 'summary-lines');
    const kept = new Set(plain.findings.filter((f) => f.rule !== 'summary-lines').map(key));
    const told = byFolder.a.findings.filter((f: Finding) => !kept.has(key(f)));
    expect([...kept].every((k) => byFolder.a.findings.some((f: Finding) => key(f) === k))).toBe(true);
    for (const f of told as Finding[]) expect(off.some((o) => o.sheet === f.sheet && o.cell === f.cell && o.explains.some((e) => e.rule === f.rule))).toBe(true);
    expect(told.map((f: Finding) => `${f.rule} ${f.sheet}!${f.cell}`).sort()).toEqual(['row-sum YS04!E39', 'summary-balance YS04!B39']);
    for (const folder of ['b', 'b/inner']) {
      expect(byFolder[folder].settingsFile).toBe(join(root, 'b', 'budget-audit.json'));
      expect(byFolder[folder].findings.filter((f: Finding) => f.rule === 'cross-personnel-split').map((f: Finding) => f.severity)).toEqual(['error']);
    }
    // c has none of its own: the one in the folder named (strict) applies — the findings of a --strict run.
    expect(byFolder.c.settingsFile).toBe(join(root, 'budget-audit.json'));
    expect(byFolder.c.findings.map(key).sort()).toEqual(strictPlain.findings.map(key).sort());
    expect(strictPlain.findings.map(key).sort()).not.toEqual(plain.findings.map(key).sort());
  });

  test('a file named on its own finds the same settings as in its folder\'s batch (the current folder bounds the search)', () => {
    const r = run(['check', join('batch', 'b', 'inner', '预算.xlsx'), '--json'], { cwd: dir });
    expect(JSON.parse(r.stdout).settingsFile).toBe(join(root, 'b', 'budget-audit.json'));
  });

  test('--config wins over every folder\'s own; --strict wins over the settings\' strict', () => {
    const config = join(dir, 'override.json');
    writeFileSync(config, JSON.stringify({ rules: { 'cross-public-split': 'off' }, strict: false }));
    const { byFolder } = lines(root, '--config', config);
    for (const o of Object.values(byFolder)) {
      expect(o.settingsFile).toBe(config);
      expect(o.findings.map(key).sort()).toEqual(plain.findings.filter((f) => f.rule !== 'cross-public-split').map(key).sort());
    }
    const strict = lines(root, '--config', config, '--strict').byFolder;
    expect(strict.a.findings.map(key).sort()).toEqual(strictPlain.findings.filter((f) => f.rule !== 'cross-public-split').map(key).sort());
  });

  test('one folder\'s bad settings stop its workbooks only: their row says why, the others are checked, the batch exits 2', () => {
    writeFileSync(join(root, 'b', 'budget-audit.json'), '{"rules": {"row-sums": "off"}}');
    const { byFolder, code } = lines(root);
    for (const folder of ['b', 'b/inner']) expect(byFolder[folder].error).toEqual({ reason: 'bad-settings', message: expect.stringContaining('rules.row-sums：未知的规则编号') });
    expect(byFolder.a.findings.length).toBeGreaterThan(0);
    expect(code).toBe(2);
  });
});

describe('rules lists the ids a settings file may name', () => {
  test('each with its name and its own severity', () => {
    const r = run(['rules', '--json']);
    const rules = JSON.parse(r.stdout) as { id: string; severity: string; name: { 'zh-CN': string } }[];
    expect(rules.find((x) => x.id === 'row-sum')).toEqual({ id: 'row-sum', severity: 'error', name: { 'zh-CN': '行内合计', en: 'Row total' } });
    expect(rules.find((x) => x.id === 'cross-personnel-split')!.severity).toBe('warning');
    expect(run(['rules']).stdout).toMatch(/^row-sum +强制性 +行内合计$/m);
  });
});
