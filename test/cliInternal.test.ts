import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Writable } from 'stream';
import * as engine from '../src/core/engine';
import * as annotate from '../src/adapters/xlsx/annotate';
import { main } from '../src/cli/main';
import { StandardOutput } from '../src/cli/standardOutput';
import { SAMPLE } from './cliRun';

/**
 * A bug is exit 3 with one line to report — never "the input cannot be read" (exit 2), which
 * sends the user to fix a file that is fine. The engine and the writer are made to fail here.
 */
jest.mock('../src/core/engine', () => {
  const actual = jest.requireActual('../src/core/engine');
  return { ...actual, audit: jest.fn(actual.audit), detect: jest.fn(actual.detect) };
});
jest.mock('../src/adapters/xlsx/annotate', () => {
  const actual = jest.requireActual('../src/adapters/xlsx/annotate');
  return { ...actual, writeAnnotatedCopy: jest.fn(actual.writeAnnotatedCopy) };
});

const dir = mkdtempSync(join(tmpdir(), 'budget-audit-cli-internal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const sink = new Writable({
    write(chunk, _enc, done) {
      stdout += String(chunk);
      done();
    },
  });
  const spy = jest.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => ((stderr += String(s)), true));
  try {
    const code = await main(argv, new StandardOutput(sink as unknown as NodeJS.WriteStream));
    return { code, stdout, stderr };
  } finally {
    spy.mockRestore();
  }
}

const bug = () => {
  throw new TypeError("Cannot read properties of undefined (reading 'row')");
};

test('a bug while checking: exit 3, one line, no stack, nothing on stdout', async () => {
  (engine.audit as jest.Mock).mockImplementationOnce(bug);
  const r = await cli('check', SAMPLE, '--json');
  expect(r.code).toBe(3);
  expect(r.stdout).toBe('');
  expect(r.stderr).toBe("budget-audit: 内部错误，请报告 / internal error, please report: Cannot read properties of undefined (reading 'row')\n");
});

test('--debug adds the stack', async () => {
  (engine.audit as jest.Mock).mockImplementationOnce(bug);
  const r = await cli('check', SAMPLE, '--debug');
  expect(r.code).toBe(3);
  expect(r.stderr.split('\n')[0]).toMatch(/^budget-audit: 内部错误，请报告 \/ internal error, please report: /);
  expect(r.stderr).toMatch(/\n\s+at /);
});

test('a bug in detect is exit 3 too', async () => {
  (engine.detect as jest.Mock).mockImplementationOnce(bug);
  const r = await cli('detect', SAMPLE);
  expect(r.code).toBe(3);
  expect(r.stderr).toMatch(/internal error, please report/);
});

test('a bug while writing the annotated copy is exit 3, not "cannot write"', async () => {
  (annotate.writeAnnotatedCopy as jest.Mock).mockImplementationOnce(async () => bug());
  const r = await cli('check', SAMPLE, '--out', join(dir, 'copy.xlsx'));
  expect(r.code).toBe(3);
  expect(r.stderr).toMatch(/internal error, please report: Cannot read properties/);
});

test('the writer refusing a package it cannot patch (its own bilingual error) is exit 2', async () => {
  (annotate.writeAnnotatedCopy as jest.Mock).mockImplementationOnce(async () => {
    throw Object.assign(new Error('无法修补此工作簿 / cannot patch this workbook'), { name: 'UnpatchableWorkbookError' });
  });
  const r = await cli('check', SAMPLE, '--out', join(dir, 'copy.xlsx'));
  expect(r.code).toBe(2);
  expect(r.stderr).toBe('budget-audit: 无法修补此工作簿 / cannot patch this workbook\n');
});

test('an unreadable workbook stays exit 2, and an error-free run that works is not affected', async () => {
  const bad = join(dir, 'bad.xlsx');
  writeFileSync(bad, 'not a workbook');
  expect((await cli('check', bad)).code).toBe(2);
  const ok = await cli('check', SAMPLE, '--json');
  expect(ok.code).toBe(1);
  expect(JSON.parse(ok.stdout).summary.errors).toBeGreaterThan(0);
});

test('a folder with one workbook is checked in this process; a bug there is exit 3 and a line with reason "internal"', async () => {
  const folder = mkdtempSync(join(dir, 'folder-'));
  writeFileSync(join(folder, 'a.xlsx'), require('fs').readFileSync(SAMPLE));
  (engine.audit as jest.Mock).mockImplementationOnce(bug);
  const r = await cli('check', folder, '--json');
  expect(r.code).toBe(3);
  const line = JSON.parse(r.stdout);
  expect(line).toEqual({ file: join(folder, 'a.xlsx'), error: { reason: 'internal', message: expect.stringMatching(/^内部错误，请报告 \/ internal error, please report: /) } });
  expect(r.stderr).toMatch(/a\.xlsx: 内部错误，请报告/);
});
