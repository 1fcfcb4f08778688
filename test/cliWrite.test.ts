import { chmodSync, createWriteStream, copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'fs';
import { spawnSync } from 'child_process';
import { tmpdir } from 'os';
import { join } from 'path';
import { writeAtomically, writeBytesAtomically } from '../src/adapters/fs/atomicWrite';
import { foldCase, isCaseInsensitive, isSameFile } from '../src/adapters/fs/sameFile';
import { describeWriteFailure } from '../src/adapters/fs/writeError';
import { BIN, run, SAMPLE, sha256 } from './cliRun';

/** Nothing lost: the source is never written, and a copy is written whole or not at all. */
const dir = mkdtempSync(join(tmpdir(), 'budget-audit-cli-write-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const SOURCE = join(dir, 'source.xlsx');
let original: string;

beforeAll(() => {
  copyFileSync(SAMPLE, SOURCE);
  original = sha256(SOURCE);
});

/** No temporary folder of ours is left behind. */
function leftovers(folder: string): string[] {
  return readdirSync(folder).filter((n) => n.includes('.budget-audit-'));
}

function expectRefused(args: string[], message: RegExp, as: { uid?: number; gid?: number } = {}) {
  const r = run(args, { cwd: dir, ...as });
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toMatch(/EACCES|ENOENT|EISDIR|\n\s+at /);
  expect(sha256(SOURCE)).toBe(original);
  expect(leftovers(dir)).toEqual([]);
}

describe('--out never writes over the input, in any spelling', () => {
  test('a hard link of the source', () => {
    linkSync(SOURCE, join(dir, 'hard.xlsx'));
    expectRefused(['check', 'source.xlsx', '--out', 'hard.xlsx'], /这就是输入文件.*\/ cannot write hard\.xlsx: it is the input file/);
  });

  test('a symbolic link to the source', () => {
    symlinkSync('source.xlsx', join(dir, 'sym.xlsx'));
    expectRefused(['check', 'source.xlsx', '--out', 'sym.xlsx'], /it is the input file/);
  });

  test('the same path spelled with ./ and ..', () => {
    mkdirSync(join(dir, 'sub'), { recursive: true });
    expectRefused(['check', './source.xlsx', '--out', 'sub/../source.xlsx'], /it is the input file/);
    expectRefused(['check', 'source.xlsx', '--out', `../${dir.split('/').pop()}/./source.xlsx`], /it is the input file/);
  });
});

describe('an output that cannot be written: exit 2, one bilingual line, no half file', () => {
  test('a target in a folder that does not exist', () => {
    expectRefused(['check', 'source.xlsx', '--out', 'missing/copy.xlsx'], /无法写入 missing\/copy\.xlsx：所在文件夹不存在 \/ cannot write missing\/copy\.xlsx: the folder does not exist/);
  });

  test('a target that is a named pipe (or a device) is not replaced', () => {
    const fifo = join(dir, 'pipe.xlsx');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    expectRefused(['check', 'source.xlsx', '--out', 'pipe.xlsx'], /这不是普通文件（设备、管道或套接字），未替换 \/ cannot write pipe\.xlsx: it is not a regular file/);
    expect(statSync(fifo).isFIFO()).toBe(true);
    rmSync(fifo);
  });

  test('a target that is a directory', () => {
    mkdirSync(join(dir, 'folder.xlsx'));
    expectRefused(['check', 'source.xlsx', '--out', 'folder.xlsx'], /这是一个文件夹 \/ cannot write folder\.xlsx: it is a directory/);
  });

  test('a read-only folder (as root, run as nobody: root writes anyway; skipped when no user can be denied)', () => {
    const ro = join(dir, 'readonly');
    mkdirSync(ro);
    chmodSync(ro, 0o555);
    chmodSync(dir, 0o755);
    const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const canWrite = spawnSync(process.execPath, ['-e', `require('fs').writeFileSync(${JSON.stringify(join(ro, 'probe'))}, '')`], { ...asNobody }).status === 0;
    // Nor when that user cannot run the tool here at all (a clone inside a folder only root may
    // enter, as `mktemp -d` makes): the refusal to test would be Node's, not ours.
    const canRun = spawnSync(process.execPath, [BIN, '--help'], { ...asNobody }).status === 0;
    if (canWrite || !canRun) return;
    expectRefused(['check', 'source.xlsx', '--out', 'readonly/copy.xlsx'], /权限不足 \/ cannot write readonly\/copy\.xlsx: permission denied/, asNobody);
    expect(leftovers(ro)).toEqual([]);
  });

  test('--out with a folder of inputs is a usage error', () => {
    const r = run(['check', dir, '--out', join(dir, 'x.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--out is for one file; use --out-dir/);
  });
});

describe('a copy that can be written', () => {
  test('is written whole under its name, with no temporary left, and replaces an older copy by rename', () => {
    const target = join(dir, 'copy.xlsx');
    writeFileSync(target, 'an older copy');
    const before = statSync(target).ino;
    const r = run(['check', 'source.xlsx', '--out', 'copy.xlsx'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/已写出标注副本：copy\.xlsx/);
    expect(readFileSync(target).subarray(0, 2).toString()).toBe('PK');
    expect(statSync(target).ino).not.toBe(before);
    expect(sha256(SOURCE)).toBe(original);
    expect(leftovers(dir)).toEqual([]);
  });
});

describe('writeAtomically', () => {
  test('a failure while producing leaves the existing target as it was, and no temporary', async () => {
    const target = join(dir, 'atomic.txt');
    writeFileSync(target, 'old');
    await expect(
      writeAtomically(target, async (temp) => {
        writeFileSync(temp, 'half of the new');
        throw new Error('the writer failed midway');
      }),
    ).rejects.toThrow('the writer failed midway');
    expect(readFileSync(target, 'utf8')).toBe('old');
    expect(leftovers(dir)).toEqual([]);
  });

  test('a writer that fails but leaves a stream opening its file later (as ExcelJS does) leaves nothing behind', async () => {
    const target = join(dir, 'late.xlsx');
    await expect(
      writeAtomically(target, async (temp) => {
        const stream = createWriteStream(temp);
        stream.on('error', () => undefined);
        throw new TypeError("Cannot read properties of undefined (reading 'date1904')");
      }),
    ).rejects.toThrow('date1904');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(existsSync(target)).toBe(false);
    expect(leftovers(dir)).toEqual([]);
  });

  test('writes the bytes and keeps the mode of the file it replaces', async () => {
    const target = join(dir, 'mode.txt');
    writeFileSync(target, 'old');
    chmodSync(target, 0o640);
    await writeBytesAtomically(target, Buffer.from('new'));
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(statSync(target).mode & 0o777).toBe(0o640);
  });

  test('refuses the input as target before producing anything', async () => {
    let produced = false;
    await expect(writeAtomically(join(dir, 'hard.xlsx'), async () => void (produced = true), { input: SOURCE })).rejects.toThrow(/it is the input file/);
    expect(produced).toBe(false);
  });
});

describe('isSameFile', () => {
  test('same file by inode, not by name; a missing target is never the input', async () => {
    expect(await isSameFile(SOURCE, join(dir, 'hard.xlsx'))).toBe(true);
    expect(await isSameFile(SOURCE, join(dir, 'sym.xlsx'))).toBe(true);
    expect(await isSameFile(SOURCE, join(dir, 'copy.xlsx'))).toBe(false);
    expect(await isSameFile(SOURCE, join(dir, 'nothing-here.xlsx'))).toBe(false);
    expect(existsSync(join(dir, 'nothing-here.xlsx'))).toBe(false);
  });
});

describe('case-insensitive file systems', () => {
  test('the probe asks the file system: a name with its case swapped that is the same file means case-insensitive', async () => {
    const probe = join(dir, 'Probe.xlsx');
    writeFileSync(probe, 'x');
    expect(await isCaseInsensitive(probe)).toBe(false);
    // A second name with the case swapped, for the same inode: what a case-insensitive disk shows.
    linkSync(probe, join(dir, 'pROBE.XLSX'));
    expect(await isCaseInsensitive(probe)).toBe(true);
  });

  test('paths are folded for case and for Unicode normalisation (macOS stores NFD)', () => {
    expect(foldCase('/Data/预算/A.XLSX')).toBe(foldCase('/data/预算/a.xlsx'));
    expect(foldCase('/d/Cafe\u0301.xlsx')).toBe(foldCase('/d/caf\u00e9.xlsx'));
  });
});

describe('describeWriteFailure says what happened in both languages', () => {
  test.each([
    ['EACCES', '权限不足', 'permission denied'],
    ['EPERM', '权限不足', 'permission denied'],
    ['ENOENT', '所在文件夹不存在', 'the folder does not exist'],
    ['ENOTDIR', '路径中有一段不是文件夹', 'a part of the path is not a folder'],
    ['EISDIR', '这是一个文件夹', 'it is a directory'],
    ['ENOSPC', '磁盘已满', 'no space left on the disk'],
    ['EROFS', '文件系统只读', 'the file system is read-only'],
    ['EEXIST', '同名文件已存在', 'a file of that name already exists'],
    ['EDQUOT', '超出磁盘配额', 'disk quota exceeded'],
  ])('%s', (code, zh, en) => {
    const e = describeWriteFailure('a.xlsx', Object.assign(new Error(`${code}: raw`), { code }));
    expect(e?.message).toBe(`无法写入 a.xlsx：${zh} / cannot write a.xlsx: ${en}`);
  });

  test('an unknown errno still names the file and the code; a non-fs error is not a write failure', () => {
    expect(describeWriteFailure('a.xlsx', Object.assign(new Error('x'), { code: 'EWHATEVER' }))?.message).toBe('无法写入 a.xlsx：系统错误 EWHATEVER / cannot write a.xlsx: system error EWHATEVER');
    expect(describeWriteFailure('a.xlsx', new TypeError('a bug'))).toBeUndefined();
  });
});
