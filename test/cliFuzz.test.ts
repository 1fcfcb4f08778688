import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { writeMutant } from './cliFuzz';
import { run, sha256 } from './cliRun';

/**
 * The command line's promises on fuzzed workbooks (FUZZ_COUNT=520 for the full measurement):
 * the exit status is 0, 1 or 2 (3 is a bug of ours) and agrees with the output, 2 and 3 come with one line (no stack),
 * a report that is printed parses whole, the source is never written, and a folder run gives each
 * workbook the same answer as its one-file run.
 */
const COUNT = Number(process.env.FUZZ_COUNT ?? 16);
const dir = mkdtempSync(join(tmpdir(), 'budget-audit-cli-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const IN = join(dir, 'in');
const names: string[] = [];

beforeAll(async () => {
  mkdirSync(IN);
  for (let i = 0; i < COUNT; i++) {
    const name = `m${String(i).padStart(4, '0')}.xlsx`;
    await writeMutant(i, join(IN, name));
    names.push(name);
  }
}, 600_000);

type Answer = { code: number | null; report?: unknown; reason?: string };
const answers = new Map<string, Answer>();
const statuses = { 0: 0, 1: 0, 2: 0, 3: 0 } as Record<number, number>;
const bugs: string[] = [];

test('one file at a time: status, reason, report and copy agree; the source is never written', () => {
  for (const name of names) {
    const file = join(IN, name);
    const before = sha256(file);
    const copy = join(dir, `copy-${name}`);
    const r = run(['check', file, '--json', '--out', copy], { timeout: 60_000 });
    expect([0, 1, 2, 3]).toContain(r.code);
    statuses[r.code!]++;
    expect(sha256(file)).toBe(before);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    if (r.code === 0 || r.code === 1) {
      const report = JSON.parse(r.stdout);
      expect(r.code).toBe(report.summary.errors > 0 ? 1 : 0);
      expect(r.stderr).toBe('');
      expect(existsSync(copy)).toBe(true);
      answers.set(name, { code: r.code, report });
    } else if (r.code === 2 && r.stdout) {
      // Checked, but the writer would not patch this package: the findings, and why no copy.
      expect(JSON.parse(r.stdout).summary).toBeDefined();
      expect(r.stderr).toMatch(/^budget-audit: 无法写入 .+ \/ cannot write .+\n$/);
      expect(existsSync(copy)).toBe(false);
      answers.set(name, { code: r.code });
    } else {
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(r.code === 3 ? /^budget-audit: 内部错误，请报告 \/ internal error, please report: / : /^budget-audit: .+ \/ .+/);
      expect(existsSync(copy)).toBe(false);
      if (r.code === 3) bugs.push(`${name}: ${r.stderr.trim()}`);
      answers.set(name, { code: r.code });
    }
  }
  expect(readdirSync(dir).filter((n) => n.includes('.budget-audit-'))).toEqual([]);
  // The measurement: how the mutants came out, and the bugs found (to report, not to hide).
  console.log(`fuzz: ${COUNT} workbooks, exit ${JSON.stringify(statuses)}`);
  // Exit 3 is an internal error: a bug of ours, never an answer to a damaged workbook.
  expect(bugs).toEqual([]);
});

test('the folder in one run gives each workbook its one-file answer, and the worst status', () => {
  const r = run(['check', IN, '--json', '--jobs', '2', '--out-dir', join(dir, 'copies')], { timeout: 600_000 });
  const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  expect(lines).toHaveLength(names.length);
  for (const line of lines) {
    const name = line.file.slice(IN.length + 1);
    const answer = answers.get(name)!;
    const status = line.error ? (line.error.reason === 'internal' ? 3 : 2) : line.summary.errors > 0 ? 1 : 0;
    expect([name, status]).toEqual([name, answer.code]);
    if (answer.report) {
      const { file, annotated, ...report } = line;
      void file;
      expect(annotated).toBe(join(dir, 'copies', name));
      expect(report).toEqual(answer.report);
    }
  }
  expect(r.code).toBe(Math.max(...[...answers.values()].map((a) => a.code!)));
});

test('mutants are reproducible: the same number gives the same file', async () => {
  const again = join(dir, 'again.xlsx');
  copyFileSync(join(IN, names[3]), join(dir, 'first.xlsx'));
  await writeMutant(3, again);
  expect(sha256(again)).toBe(sha256(join(dir, 'first.xlsx')));
});
