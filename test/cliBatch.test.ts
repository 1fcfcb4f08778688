import { spawnSync } from 'child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import * as XLSX from '@e965/xlsx';
import { tmpdir } from 'os';
import { join, relative } from 'path';
import { BIN, FIXTURES, run, sha256 } from './cliRun';

/**
 * A reviewer's folder in one run: nested sub-folders of real workbooks, a file that is not a
 * workbook, a corrupt one. Every workbook's line must equal its one-file run.
 */
const dir = mkdtempSync(join(tmpdir(), 'budget-audit-cli-batch-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const IN = join(dir, 'in');
const fixture = (n: string) => join(FIXTURES, readdirSync(FIXTURES).find((f) => f.startsWith(n))!);
const LAYOUT: Record<string, string> = {
  'top.xlsx': '002',
  'a/clean.xlsx': '000',
  'a/b/second.xlsx': '001',
  'a/b/c/errors.xlsx': '003',
  'd/温县 2024#1.xlsx': '004',
};
const CORRUPT = 'a/broken.xlsx';
const hashes: Record<string, string> = {};

function files(root: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else out.push(relative(root, join(d, e.name)));
    }
  };
  walk(root);
  return out.sort();
}

beforeAll(() => {
  for (const [rel, n] of Object.entries(LAYOUT)) {
    mkdirSync(join(IN, rel, '..'), { recursive: true });
    copyFileSync(fixture(n), join(IN, rel));
  }
  writeFileSync(join(IN, CORRUPT), Buffer.from('PK\u0003\u0004 not really a zip'));
  writeFileSync(join(IN, 'a/notes.txt'), 'a reviewer’s notes, not a workbook');
  writeFileSync(join(IN, 'a/~$clean.xlsx'), 'Office owner file');
  for (const f of files(IN)) hashes[f] = sha256(join(IN, f));
});

/** The one-file `--json` report of a workbook, to compare a batch line with. */
const single = new Map<string, unknown>();
function oneFileReport(rel: string) {
  if (!single.has(rel)) single.set(rel, JSON.parse(run(['check', join(IN, rel), '--json']).stdout));
  return single.get(rel);
}

describe('check FOLDER --json --out-dir --summary', () => {
  const OUT = join(dir, 'out');
  const SUMMARY = join(dir, 'summary.xlsx');
  let r: ReturnType<typeof run>;
  let lines: Record<string, unknown>[];
  beforeAll(() => {
    r = run(['check', IN, '--json', '--out-dir', OUT, '--summary', SUMMARY, '--jobs', '2']);
    lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  });

  test('one JSON line per workbook, in path order; the text file and the Office owner file are skipped', () => {
    expect(lines.map((l) => relative(IN, l.file as string))).toEqual([...Object.keys(LAYOUT), CORRUPT].sort());
  });

  test('each workbook line is its one-file report plus "file" and "annotated"', () => {
    for (const line of lines) {
      const rel = relative(IN, line.file as string);
      if (rel === CORRUPT) continue;
      const { file, annotated, ...report } = line;
      expect(file).toBe(join(IN, rel));
      expect(annotated).toBe(join(OUT, rel));
      expect(report).toEqual(oneFileReport(rel));
    }
  });

  test('the corrupt workbook is a line with its reason, not the end of the run', () => {
    const broken = lines.find((l) => relative(IN, l.file as string) === CORRUPT)!;
    expect(Object.keys(broken)).toEqual(['file', 'error']);
    expect(broken.error).toEqual({ reason: 'damaged', message: expect.stringMatching(/damaged and cannot be read/) });
  });

  test('the exit status is the worst file: the corrupt one (2) over the errors (1)', () => {
    expect(r.code).toBe(2);
  });

  test('nothing on stderr when it is not a terminal: no progress bar, and an unreadable file is a line of the report', () => {
    expect(r.stderr).toBe('');
  });

  test('--out-dir mirrors the layout of the folder named; the inputs are untouched', () => {
    expect(files(OUT)).toEqual(Object.keys(LAYOUT).sort());
    for (const f of files(IN)) expect(sha256(join(IN, f))).toBe(hashes[f]);
  });

  test('the summary workbook has one row per workbook with the counts of the one-file runs, the unreadable first', () => {
    const ws = XLSX.read(readFileSync(SUMMARY)).Sheets['汇总'];
    const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(ws, { defval: null });
    expect(rows).toHaveLength(Object.keys(LAYOUT).length + 1);
    expect(relative(IN, rows[0]['文件'] as string)).toBe(CORRUPT);
    expect(rows[0]['无法读取或写出']).toMatch(/damaged and cannot be read/);
    expect(rows[0]['错误']).toBeNull();
    for (const row of rows.slice(1)) {
      const rel = relative(IN, row['文件'] as string);
      const report = oneFileReport(rel) as { tables: { kind: string }[]; summary: { errors: number; warnings: number } };
      expect(row['错误']).toBe(report.summary.errors);
      expect(row['警告']).toBe(report.summary.warnings);
      expect(row['识别表格']).toBe(report.tables.filter((t) => t.kind !== 'unknown' && t.kind !== 'narrative').length);
      expect(row['无法读取或写出']).toBeNull();
    }
    const errors = rows.slice(1).map((row) => row['错误'] as number);
    expect(errors).toEqual([...errors].sort((a, b) => b - a));
    expect(errors[0]).toBeGreaterThan(0);
  });

  test("each path in the summary links to its annotated copy, relative to the summary's folder", () => {
    const ws = XLSX.read(readFileSync(SUMMARY)).Sheets['汇总'];
    const range = XLSX.utils.decode_range(ws['!ref']!);
    for (let r = 1; r <= range.e.r; r++) {
      const cell = ws[XLSX.utils.encode_cell({ r, c: 0 })] as XLSX.CellObject;
      const rel = relative(IN, String(cell.v));
      if (rel === CORRUPT) expect(cell.l).toBeUndefined();
      else expect(decodeURIComponent(cell.l!.Target)).toBe(`out/${rel}`);
    }
  });
});

describe('several inputs, human output, workers', () => {
  test('one block per workbook and a total line; one worker and two give the same report', () => {
    const args = ['check', join(IN, 'a/b'), join(IN, 'top.xlsx')];
    const one = run([...args, '--jobs', '1']);
    const two = run([...args, '--jobs', '2']);
    expect(one.stdout).toBe(two.stdout);
    expect(one.code).toBe(1);
    const blocks = one.stdout.split('\n').filter((l) => l.startsWith('━━ '));
    expect(blocks).toEqual([`━━ ${join(IN, 'a/b/c/errors.xlsx')}`, `━━ ${join(IN, 'a/b/second.xlsx')}`, `━━ ${join(IN, 'top.xlsx')}`]);
    expect(one.stdout.trim().split('\n').pop()).toMatch(/^共 3 个文件：2 个无错误，1 个有错误，0 个无法读取或写出；共计错误 \d+ 条，警告 \d+ 条$/);
  });

  test('files named directly go to the top of --out-dir; a clean batch exits 0', () => {
    const out = join(dir, 'out-files');
    const r = run(['check', join(IN, 'a/clean.xlsx'), join(IN, 'top.xlsx'), '--json', '--out-dir', out]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(2);
    expect(files(out)).toEqual(['clean.xlsx', 'top.xlsx']);
  });

  test('exactly one file named keeps the one-file --json object (no "file"), even with --out-dir', () => {
    const r = run(['check', join(IN, 'a/clean.xlsx'), '--json', '--out-dir', join(dir, 'out-one')]);
    expect(Object.keys(JSON.parse(r.stdout))).toEqual(['tables', 'findings', 'summary']);
    expect(existsSync(join(dir, 'out-one/clean.xlsx'))).toBe(true);
  });

  test('two inputs whose copies would share a name are refused before any work', () => {
    mkdirSync(join(dir, 'twin'), { recursive: true });
    copyFileSync(join(IN, 'top.xlsx'), join(dir, 'twin/top.xlsx'));
    const r = run(['check', join(IN, 'top.xlsx'), join(dir, 'twin/top.xlsx'), '--out-dir', join(dir, 'out-twins')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/would both be/);
    expect(existsSync(join(dir, 'out-twins'))).toBe(false);
  });

  test('--out-dir onto the folder of the inputs refuses each copy, exit 2, and leaves every input as it was', () => {
    const r = run(['check', join(IN, 'd'), '--json', '--out-dir', join(IN, 'd')]);
    expect(r.code).toBe(2);
    const line = JSON.parse(r.stdout);
    expect(line.error).toEqual({ reason: 'same-as-input', message: expect.stringMatching(/it is the input file/) });
    expect(line.summary).toBeDefined();
    expect(sha256(join(IN, 'd/温县 2024#1.xlsx'))).toBe(hashes['d/温县 2024#1.xlsx']);
  });

  test('a --summary that is one of the inputs is refused before any work', () => {
    const r = run(['check', join(IN, 'a'), '--summary', join(IN, 'a/clean.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/it is one of the inputs/);
    expect(sha256(join(IN, 'a/clean.xlsx'))).toBe(hashes['a/clean.xlsx']);
  });

  test('on a terminal, stderr shows the progress: files done / total, the file being read; then clears it', () => {
    // `script` (util-linux) gives the run a terminal; stdout goes to a file so the terminal holds stderr only.
    const which = spawnSync('sh', ['-c', 'command -v script'], { encoding: 'utf8' });
    if (which.status !== 0) return;
    const report = join(dir, 'tty-report.txt');
    const cmd = `"${process.execPath}" "${BIN}" check "${join(IN, 'a')}" --jobs 2 > "${report}"`;
    const r = spawnSync('script', ['-qec', cmd, '/dev/null'], { encoding: 'utf8', env: { ...process.env, COLUMNS: '200' } });
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/\] 4\/4 {2}\d\d:\d\d/);
    expect(r.stdout).toMatch(/\] [0-3]\/4 {2}\d\d:\d\d {2}.*\.xlsx/);
    expect(r.stdout.endsWith('\r\x1b[2K')).toBe(true);
    const text = readFileSync(report, 'utf8');
    expect(text.includes('\x1b') || text.includes('█')).toBe(false);
  });

  test('a --summary in a folder that does not exist is refused before any work, with the reason', () => {
    const r = run(['check', join(IN, 'a'), '--json', '--summary', join(dir, 'no-such-folder/sum.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/所在文件夹不存在 \/ cannot write .*sum\.xlsx: the folder does not exist/);
  });

  test('a folder without workbooks is exit 2, never a silent pass', () => {
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    writeFileSync(join(empty, 'readme.txt'), 'x');
    const r = run(['check', empty]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no workbook found/);
  });

  test('a file named explicitly is tried whatever its extension', () => {
    const r = run(['check', join(IN, 'a/notes.txt'), join(IN, 'top.xlsx'), '--json']);
    const first = JSON.parse(r.stdout.split('\n')[0]);
    expect(first.file).toBe(join(IN, 'a/notes.txt'));
    expect(first.error.message).toMatch(/not a workbook format this tool reads/);
    expect(r.code).toBe(2);
  });
});
