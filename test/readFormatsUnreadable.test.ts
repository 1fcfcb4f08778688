/**
 * Input that is not a readable workbook: every case is refused quickly with its reason and one
 * bilingual line (Chinese first, no stack trace), never read as "0 tables" and never waited on.
 * The bad files are built here: a FIFO, an encrypted OLE stub, zips with parts missing.
 */
import { run } from './cliRun';
import { execFileSync } from 'child_process';
import fs from 'fs';
import fsp from 'fs/promises';
import os from 'os';
import path from 'path';
import * as XLSX from '@e965/xlsx';
import { readSnapshotFromBuffer, readSnapshotFromFile, UnreadableWorkbookError, type UnreadableReason } from '../src/adapters/xlsx/readSnapshot';
import { MAX_WORKBOOK_BYTES } from '../src/adapters/xlsx/workbookBytes';

const FIXTURES = path.join(__dirname, 'fixtures');
const SAMPLE = path.join(FIXTURES, '003-sanmenxia-healthcare-security-service-center-2024-budget.xlsx');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'budget-unreadable-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** SheetJS's zip and OLE writer, to build containers with chosen parts. */
const CFB = XLSX.CFB as {
  read(data: Uint8Array, o: { type: 'buffer' }): { FullPaths: string[]; FileIndex: { type: number; content: Uint8Array }[] };
  write(c: unknown, o: { type: 'buffer'; fileType?: 'zip' }): Buffer;
  utils: { cfb_new(): unknown; cfb_add(c: unknown, name: string, content: Uint8Array): void };
};

function zipOf(parts: Record<string, Uint8Array | string>): Buffer {
  const z = CFB.utils.cfb_new();
  for (const [name, content] of Object.entries(parts)) CFB.utils.cfb_add(z, name, typeof content === 'string' ? Buffer.from(content) : content);
  return CFB.write(z, { type: 'buffer', fileType: 'zip' });
}

/** The sample workbook's parts, less those `drop` names. */
function sampleWithout(drop: RegExp): Buffer {
  const zip = CFB.read(fs.readFileSync(SAMPLE), { type: 'buffer' });
  const parts: Record<string, Uint8Array> = {};
  zip.FullPaths.forEach((p, i) => {
    const name = p.replace(/^Root Entry\//, '');
    if (zip.FileIndex[i].type === 2 && !drop.test(name) && !name.startsWith('\u0001')) parts[name] = zip.FileIndex[i].content;
  });
  return zipOf(parts);
}

function file(name: string, content: Buffer | string): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, content);
  return p;
}

/** Reads and expects a refusal with this reason, within two seconds, in one bilingual line. */
async function refused(read: Promise<unknown>, reason: UnreadableReason): Promise<UnreadableWorkbookError> {
  const t0 = Date.now();
  const e = await read.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(Date.now() - t0).toBeLessThan(2000);
  expect(e).toBeInstanceOf(UnreadableWorkbookError);
  const err = e as UnreadableWorkbookError;
  expect(err.reason).toBe(reason);
  expect(err.message).not.toMatch(/\n/);
  expect(err.message).not.toMatch(/\bat .*\.(js|ts):\d+/);
  // Chinese first, then ' / ' and the English sentence.
  expect(err.message).toMatch(/^[\u4e00-\u9fff].* \/ [a-z']+ [a-z]+/i);
  return err;
}

describe('what is not a regular, readable file', () => {
  test('a missing file', async () => {
    await refused(readSnapshotFromFile(path.join(dir, 'nope.xlsx')), 'not-found');
  });
  test('a directory, even one named like a workbook', async () => {
    const d = path.join(dir, 'folder.xlsx');
    fs.mkdirSync(d);
    await refused(readSnapshotFromFile(d), 'directory');
  });
  test('a FIFO named x.xlsx is refused at once, not waited on', async () => {
    const fifo = path.join(dir, 'x.xlsx');
    execFileSync('mkfifo', [fifo]);
    await refused(readSnapshotFromFile(fifo), 'not-a-file');
  });
  test('a file without read permission', async () => {
    const p = file('locked.xlsx', fs.readFileSync(SAMPLE));
    fs.chmodSync(p, 0o000);
    if (process.getuid?.() === 0) {
      // root reads any file: the refusal is checked on the error the file system would give.
      const spy = jest.spyOn(fsp, 'open').mockRejectedValueOnce(Object.assign(new Error(`EACCES: permission denied, open '${p}'`), { code: 'EACCES' }));
      const e = await refused(readSnapshotFromFile(p), 'permission-denied');
      expect(spy).toHaveBeenCalled();
      expect((e.cause as { code?: string }).code).toBe('EACCES');
      spy.mockRestore();
    } else {
      await refused(readSnapshotFromFile(p), 'permission-denied');
    }
  });
  test('an empty file', async () => {
    await refused(readSnapshotFromFile(file('empty.xlsx', '')), 'empty');
    await refused(readSnapshotFromBuffer(new Uint8Array(0), 'empty.xlsx'), 'empty');
  });
  test('a file over the size bound is refused from its size, without reading it', async () => {
    const p = path.join(dir, 'huge.xlsx');
    fs.closeSync(fs.openSync(p, 'w'));
    fs.truncateSync(p, MAX_WORKBOOK_BYTES + 1); // sparse: no disk used
    const e = await refused(readSnapshotFromFile(p), 'too-big');
    expect(e.message).toMatch(/100 MB/);
  });
});

describe('what is a file but not a workbook', () => {
  test('an encrypted workbook (an OLE file with EncryptionInfo and EncryptedPackage)', async () => {
    const ole = CFB.utils.cfb_new();
    CFB.utils.cfb_add(ole, 'EncryptionInfo', Buffer.alloc(200, 1));
    CFB.utils.cfb_add(ole, 'EncryptedPackage', Buffer.alloc(5000, 2));
    const e = await refused(readSnapshotFromFile(file('secret.xlsx', CFB.write(ole, { type: 'buffer' }))), 'encrypted');
    expect(e.message).toMatch(/^工作簿已加密，请先取消密码保护后另存 \/ the workbook is encrypted/);
  });
  test('a zip that is not a workbook, and a Word document', async () => {
    await refused(readSnapshotFromFile(file('photos.xlsx', zipOf({ 'a.txt': 'hello' }))), 'not-a-workbook');
    const e = await refused(readSnapshotFromFile(file('report.xlsx', zipOf({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' }))), 'not-a-workbook');
    expect(e.message).toMatch(/Word/);
  });
  test('a workbook without its sheet parts', async () => {
    const e = await refused(readSnapshotFromFile(file('nosheets.xlsx', sampleWithout(/^xl\/worksheets\//))), 'missing-sheets');
    expect(e.message).toMatch(/YS03/);
  });
  test('a workbook missing its shared strings while cells refer to them', async () => {
    await refused(readSnapshotFromFile(file('nosst.xlsx', sampleWithout(/sharedStrings/))), 'missing-shared-strings');
  });
  test('a workbook without its workbook part', async () => {
    await refused(readSnapshotFromFile(file('nowb.xlsx', sampleWithout(/^xl\/workbook\.xml$/))), 'missing-sheets');
  });
  test('a zip cut short', async () => {
    await refused(readSnapshotFromFile(file('cut.xlsx', fs.readFileSync(SAMPLE).subarray(0, 10_000))), 'damaged');
  });
  test('a zip whose parts would unpack past the bound (a zip bomb) is refused from its directory', async () => {
    const bytes = Buffer.from(fs.readFileSync(SAMPLE));
    // Declare 600 MB for the first part in the central directory (PK\1\2, uncompressed size at +24).
    const central = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bytes.writeUInt32LE(600 * 2 ** 20, central + 24);
    await refused(readSnapshotFromFile(file('bomb.xlsx', bytes)), 'too-big');
  });
  test('text, a PDF and a web page saved as .xls: say to save it as .xlsx', async () => {
    const text = await refused(readSnapshotFromFile(file('notes.xlsx', '科目编码,科目名称\n208,社会保障和就业支出\n')), 'unsupported-format');
    expect(text.message).toMatch(/另存为 \.xlsx/);
    await refused(readSnapshotFromFile(file('scan.xlsx', '%PDF-1.7\n...')), 'unsupported-format');
    const html = await refused(readSnapshotFromFile(file('export.xls', '<html><body><table><tr><td>1</td></tr></table></body></html>')), 'unsupported-format');
    expect(html.message).toMatch(/HTML/);
    await refused(readSnapshotFromBuffer(fs.readFileSync(__filename), 'x.ts'), 'unsupported-format');
  });
});

describe('the command line exits 2 with the one line', () => {
  async function cli(...args: string[]) {
    // The real command, as a reviewer runs it (its output waits for the pipe to drain).
    const r = run(args);
    return { code: r.code, stderr: r.stderr };
  }
  test.each([
    ['a FIFO', () => (execFileSync('mkfifo', [path.join(dir, 'cli.xlsx')]), path.join(dir, 'cli.xlsx')), /not a regular file/],
    ['a zip without sheets', () => file('cli-nosheets.xlsx', sampleWithout(/^xl\/worksheets\//)), /sheet parts are missing/],
    ['a missing shared strings part', () => file('cli-nosst.xlsx', sampleWithout(/sharedStrings/)), /shared strings part is missing/],
  ])('%s', async (_what, make, message) => {
    const r = await cli('check', (make as () => string)());
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message as RegExp);
  });
});

describe('what is a workbook, whatever its name', () => {
  test('an .xls renamed .et (as WPS names its OLE workbooks) reads like the .xls', async () => {
    const xls = path.join(FIXTURES, 'formats', '003-sanmenxia-healthcare-security-service-center-2024-budget.xls');
    const et = file('sanmenxia.et', fs.readFileSync(xls));
    expect((await readSnapshotFromFile(et)).sheets).toEqual((await readSnapshotFromFile(xls)).sheets);
  });
  test('an .xlsx named .xls reads like the .xlsx', async () => {
    const renamed = file('sanmenxia.xls', fs.readFileSync(SAMPLE));
    expect((await readSnapshotFromFile(renamed)).sheets).toEqual((await readSnapshotFromFile(SAMPLE)).sheets);
  });
});
