import { spawnSync } from 'child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { join } from 'path';
import { isDeepStrictEqual } from 'util';
import { readSnapshotFromBuffer } from '../../../src/adapters/xlsx/readSnapshot';
import { findingRecord } from '../../../src/cli/findingRecord';
import { audit } from '../../../src/core/engine';
import { tableRecord } from '../../../src/core/report';
import { sameBytes } from '../ooxmlPackage';
import { caseFileName, sha256, timeBound, type CaseOutcome } from './checkCase';
import type { FuzzCase } from './fuzzCase';
import { repoRoot } from './repoRoot';

/**
 * The real command line on a fuzz case (`node bin/budget-audit.js`, compiled from src/cli by
 * `npm run build:cli`): `check --json` and `check --out`, each judged against what the in-process
 * run of the same case found. Returns the differences, as sentences.
 */
const ROOT = repoRoot();
const BIN = join(ROOT, 'bin', 'budget-audit.js');
/** Starting node and loading the reader and engine, on top of the in-process bound. */
const STARTUP_MS = 10_000;

export async function checkCli(c: FuzzCase, expected: CaseOutcome, dir: string): Promise<string[]> {
  const problems: string[] = [];
  const file = join(dir, caseFileName(c));
  const out = join(dir, `${caseFileName(c)}.annotated.xlsx`);
  writeFileSync(file, c.bytes);
  rmSync(out, { force: true });
  const hash = sha256(c.bytes);
  const timeout = STARTUP_MS + 2 * timeBound(expected.cells);
  try {
    const json = run(['check', file, '--json'], timeout);
    problems.push(...statusProblems('check --json', json, expected.expectedCheckStatus));
    if (json.status === 0 || json.status === 1) problems.push(...(await reportProblems(c, json)));

    const annotated = run(['check', file, '--out', out], timeout);
    problems.push(...statusProblems('check --out', annotated, expected.expectedOutStatus));
    if (expected.copy) {
      if (!existsSync(out)) problems.push('check --out: no copy written, though one was made in-process');
      else if (!sameBytes(new Uint8Array(readFileSync(out)), expected.copy)) problems.push('check --out: the copy written differs from the one made in-process');
    } else if (existsSync(out)) {
      problems.push(`check --out: a copy was written, though in-process the copy was refused (${expected.refusal})`);
    }
    if (sha256(new Uint8Array(readFileSync(file))) !== hash) problems.push('the command line changed the source file');
  } finally {
    rmSync(file, { force: true });
    rmSync(out, { force: true });
  }
  return problems;
}

interface Run {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  /** stdout's length in bytes, as written (a cut may fall inside a character). */
  stdoutBytes: number;
  stderr: string;
}

function run(args: string[], timeout: number): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, timeout, killSignal: 'SIGKILL', maxBuffer: 64 * 2 ** 20 });
  const stdout = r.stdout ?? Buffer.alloc(0);
  return { status: r.status, signal: r.signal, stdout: stdout.toString('utf8'), stdoutBytes: stdout.length, stderr: (r.stderr ?? Buffer.alloc(0)).toString('utf8') };
}

/** The `check --json` report of a case, made in-process with the command line's own record functions. */
async function expectedReport(c: FuzzCase): Promise<unknown> {
  const result = audit(await readSnapshotFromBuffer(c.bytes, caseFileName(c)));
  return { tables: result.tables.map(tableRecord), findings: result.findings.map(findingRecord), summary: result.summary };
}

/** stdout of `check --json`: the report the in-process run makes, as JSON. */
async function reportProblems(c: FuzzCase, r: Run): Promise<string[]> {
  const expected = await expectedReport(c);
  let report: unknown;
  try {
    report = JSON.parse(r.stdout);
  } catch {
    // A report cut short in the pipe is a failure: the CLI waits for stdout to drain before it exits.
    return [`check --json: exit ${r.status} with stdout that is not JSON (${r.stdoutBytes} bytes): ${JSON.stringify(r.stdout.slice(0, 200))}`];
  }
  if (isDeepStrictEqual(report, JSON.parse(JSON.stringify(expected)))) return [];
  const got = report as { summary?: unknown; findings?: unknown[] };
  return [`check --json: a report other than the in-process one (summary ${JSON.stringify(got.summary)}, ${got.findings?.length} findings)`];
}

function statusProblems(what: string, r: Run, expected: number): string[] {
  const problems: string[] = [];
  if (r.signal) return [`${what}: killed by ${r.signal} (a hang: no answer within the bound)`];
  if (r.status !== expected) problems.push(`${what}: exit ${r.status}, expected ${expected}${r.stderr ? ` (${r.stderr.trim()})` : ''}`);
  const lines = r.stderr.split('\n').filter((l) => l.trim());
  if (lines.length > 1) problems.push(`${what}: ${lines.length} lines on stderr: ${JSON.stringify(r.stderr.slice(0, 300))}`);
  if (/^\s+at .+[:(]\d+:\d+\)?$/m.test(r.stderr) || /\bError:/.test(r.stderr)) problems.push(`${what}: a stack trace or raw error on stderr: ${JSON.stringify(r.stderr.slice(0, 300))}`);
  if (r.status === 2 && !lines.length) problems.push(`${what}: exit 2 without a reason on stderr`);
  // A refused copy prints the report and exits 2; stdout is judged only when the exit is 0 or 1.
  return problems;
}
