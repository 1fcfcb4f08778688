/**
 * A jest setupFilesAfterEnv file for bench/findings.js: wraps the engine's `audit` so that every workbook a
 * test checks is written down (tables and findings as the CLI's --json prints them, rendered
 * messages included) in the order the tests check them. Optimisations are compared against this
 * record: the layouts tests build their workbooks in code, so this is the only way to see their
 * full findings, not just what each test asserts. Inactive unless FINDINGS_RECORD names a file.
 */
import { appendFileSync } from 'fs';
import { basename } from 'path';
import * as engine from '../src/core/engine';
import { tableRecord } from '../src/core/report';
import { findingRecord } from '../src/cli/findingRecord';

const target = process.env.FINDINGS_RECORD;
if (target) {
  const real = engine.audit;
  let n = 0;
  const testFile = basename(expect.getState().testPath ?? 'unknown');
  (engine as { audit: typeof engine.audit }).audit = (...args: Parameters<typeof engine.audit>) => {
    const result = real(...args);
    const record = { tables: result.tables.map(tableRecord), findings: result.findings.map(findingRecord), summary: result.summary };
    appendFileSync(target, `${JSON.stringify({ key: `${testFile}#${n++}`, ...record })}\n`);
    return result;
  };
}
