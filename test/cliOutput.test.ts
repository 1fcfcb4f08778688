import { spawnSync } from 'child_process';
import { closeSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { BIN, ROOT, run, SAMPLE, writeFailingWorkbook } from './cliRun';

/** Standard output arrives whole through a pipe, and a reader that goes away is no error. */
const dir = mkdtempSync(join(tmpdir(), 'budget-audit-cli-output-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const BIG = join(dir, 'big.xlsx');

beforeAll(() => writeFailingWorkbook(BIG, 4500));

test('a --json report over 1 MB read through a pipe equals the same run redirected to a file, byte for byte', () => {
  const piped = spawnSync(process.execPath, [BIN, 'check', BIG, '--json'], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
  const file = join(dir, 'report.json');
  const fd = openSync(file, 'w');
  const redirected = spawnSync(process.execPath, [BIN, 'check', BIG, '--json'], { cwd: ROOT, stdio: ['ignore', fd, 'pipe'] });
  closeSync(fd);
  const onDisk = readFileSync(file);
  expect(onDisk.length).toBeGreaterThan(1024 * 1024);
  expect(piped.stdout.length).toBe(onDisk.length);
  expect(Buffer.compare(piped.stdout, onDisk)).toBe(0);
  expect(piped.status).toBe(1);
  expect(redirected.status).toBe(1);
  expect(JSON.parse(onDisk.toString('utf8')).summary.errors).toBe(1500);
});

test('a reader that goes away (| head) ends the run quietly: no message, no crash status', () => {
  const r = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" check "${BIG}" --json 2>"${dir}/err" | head -c 100 >/dev/null; echo "\${PIPESTATUS[0]}"`], { encoding: 'utf8' });
  expect(r.stdout.trim()).toBe('1');
  expect(readFileSync(join(dir, 'err'), 'utf8')).toBe('');
});

test('a folder run whose reader goes away stops its workers quietly, and does not claim success for what it did not check', () => {
  const folder = join(dir, 'folder');
  mkdirSync(folder);
  for (let i = 0; i < 12; i++) copyFileSync(SAMPLE, join(folder, `w${i}.xlsx`));
  const r = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" check "${folder}" --json --jobs 2 2>"${dir}/err2" | head -n 1 >/dev/null; echo "\${PIPESTATUS[0]}"`], { encoding: 'utf8' });
  expect(r.stdout.trim()).toBe('2');
  expect(readFileSync(join(dir, 'err2'), 'utf8')).toBe('');
});

test('a full disk under the redirection is exit 2 with one bilingual line', () => {
  if (!existsSync('/dev/full')) return;
  const fd = openSync('/dev/full', 'w');
  const r = spawnSync(process.execPath, [BIN, 'check', SAMPLE, '--json'], { cwd: ROOT, stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
  closeSync(fd);
  expect(r.status).toBe(2);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(/无法写入 标准输出：磁盘已满 \/ cannot write standard output: no space left/);
});

test('help goes to stdout and exits 0', () => {
  const r = run(['--help']);
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/3 内部错误 internal error/);
});

test('no command at all is a usage error: usage on stderr, exit 2 (a script that lost its arguments must not read success)', () => {
  const r = run([]);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/^budget-audit: 缺少命令 \/ missing command\n用法 \/ usage:/);
});

test.each(['--strict', '--all', '--verbose'])('%s with detect is refused, not ignored', (option) => {
  const r = run(['detect', SAMPLE, option]);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(new RegExp(`^budget-audit: ${option} 只用于 check / ${option} goes with check`));
});
