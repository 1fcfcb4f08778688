import { spawnSync } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { columns, MAX_COLUMNS } from '../src/cli/humanReport';

/** The command line as a reviewer uses it: `budget-audit detect|check FILE.xlsx`. */
const ROOT = join(__dirname, '..');
const SAMPLE = join(ROOT, 'test/fixtures/003-sanmenxia-healthcare-security-service-center-2024-budget.xlsx');

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/budget-audit.js'), ...args], { encoding: 'utf8', cwd: ROOT });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('budget-audit on the bundled sample', () => {
  test('detect --json lists tables with the fields of the contract', () => {
    const r = run('detect', SAMPLE, '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Array.isArray(out.tables)).toBe(true);
    for (const t of out.tables) {
      expect(Object.keys(t).sort()).toEqual(['bodyRows', 'headerRows', 'kind', 'range', 'reading', 'sheet', 'title', 'unit']);
      if (t.kind !== 'narrative') expect(t.reading.columns.length).toBeGreaterThan(0);
      expect(t.bodyRows).toMatch(/^\d+:\d+$/);
    }
  });

  test('check --json has tables, findings and a summary, and exits 1 only when there is an error', () => {
    const r = run('check', SAMPLE, '--json');
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['tables', 'findings', 'summary']);
    expect(r.code).toBe(out.summary.errors > 0 ? 1 : 0);
    for (const f of out.findings) {
      expect(typeof f.actual === 'string' || f.actual === null).toBe(true);
      expect(typeof f.tolerance).toBe('string');
      expect(f.message['zh-CN']).toBeTruthy();
      expect(f.message.en).toBeTruthy();
    }
  });

  test('human output is Chinese', () => {
    const r = run('detect', SAMPLE);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/工作表|未识别/);
  });

  test('check --verbose adds the checks behind each finding, one indented line each, within 160 columns', () => {
    const plain = run('check', SAMPLE);
    const verbose = run('check', SAMPLE, '--verbose');
    expect(verbose.code).toBe(plain.code);
    const details = verbose.stdout.split('\n').filter((l) => l.startsWith('        · '));
    expect(details.length).toBeGreaterThan(0);
    expect(plain.stdout).not.toContain('        · ');
    // A detail too long for a line wraps under its own text (10 columns in), never cut.
    const isDetail = (l: string) => l.startsWith('        · ') || /^ {10}\S/.test(l);
    expect(verbose.stdout.split('\n').filter((l) => !isDetail(l))).toEqual(plain.stdout.split('\n'));
    for (const l of verbose.stdout.split('\n')) expect(columns(l)).toBeLessThanOrEqual(MAX_COLUMNS);
    expect(verbose.stdout).not.toMatch(/…\n/);
  });
});

describe('input that cannot be read: exit 2, one clear line, no stack trace', () => {
  const dir = mkdtempSync(join(tmpdir(), 'budget-audit-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('a missing file', () => {
    const r = run('check', join(dir, 'nope.xlsx'));
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/文件不存在 \/ file not found/);
  });

  test('a corrupt file', () => {
    const bad = join(dir, 'corrupt.xlsx');
    writeFileSync(bad, Buffer.from('PK\u0003\u0004 this is not really a zip'));
    const r = run('check', bad, '--json');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/文件已损坏.* \/ the file is damaged and cannot be read/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  test('a directory', () => {
    const r = run('detect', dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is a directory/);
  });

  test('an unknown command or option is a usage error', () => {
    expect(run('frobnicate', SAMPLE).code).toBe(2);
    expect(run('check', SAMPLE, '--bogus').code).toBe(2);
  });

  test('an .xls with --out: its findings are printed, the copy is refused with the way out, exit 2', () => {
    const out = join(dir, 'copy.xlsx');
    const r = run('check', join(ROOT, 'test/fixtures/formats/003-sanmenxia-healthcare-security-service-center-2024-budget.xls'), '--json', '--out', out);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).tables.length).toBeGreaterThan(5);
    expect(r.stderr).toMatch(/^budget-audit: 无法写入 .*另存为 \.xlsx \/ cannot write .*save it as \.xlsx in Excel\/WPS\n$/);
  });

  test('--out may never overwrite the source', () => {
    const r = run('check', SAMPLE, '--out', SAMPLE);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/never written/);
  });
});
