#!/usr/bin/env node
/**
 * Findings must not change when the engine gets faster. This records, and later compares, the full
 * JSON of every table and finding (rule, severity, sheet, cell, cells, parts, actual, expected,
 * difference, tolerance, rendered messages, explained checks) for:
 *   - the seed workbooks (test/fixtures/*.xlsx), the real ones (test/fixtures/formats/*.xlsx, copies
 *     of ../shared/workbooks/real) and variety.xlsx, read from their files, default and --strict;
 *   - every workbook the layouts, disclosures, variants, rounding and injected tests check (through
 *     bench/recordAudits.ts, a jest setup file that writes down each audit() call).
 *
 *   node bench/findings.js record DIR     # before: writes DIR/files.json and DIR/tests.ndjson
 *   node bench/findings.js compare DIR    # after: records again beside it (DIR.after-PID) and names every difference
 *
 * Run `npm run build:cli` first (the files are read through dist/). Not part of `npm test`.
 */
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const ROOT = path.join(__dirname, '..');
const TESTS = [
  'layoutsProvinces',
  'layoutsFinalAccounts',
  'disclosures',
  'notBudget',
  'rules-variants',
  'rules-rounding',
  'injected',
  'detectLayouts',
  'trial-layouts',
  'trial-narrative',
  'trial2-narrative',
  'narrative',
  'narrativeFinalAccounts',
  'rules-crossTables',
  'rules-crossCodes',
  'rules-crossBasic',
  'rules-crossFiscalCodes',
  'rules-crossFiscalFunds',
  'rules-crossFunds',
  'rules-crossIncome',
  'rules-crossProject',
  'rules-codeTypos',
  'rules-changeColumns',
  'rules-balanceColumns',
  'rules-econClass',
  'rules-procurement',
  'rules-unreadable',
  'rules-disabled',
  'trial3-layouts',
  'trial3-columns',
  'trial3-narrative',
  'trial5-unitBlocks',
  'rules-continuedTables',
  'detectHiddenColumns',
  'detectSideBySideTables',
  'trial4-basicGroups',
  'trial4-narrative',
  'trial6-narrative',
  'trial7-fixes',
  'trial7-wideFiscal',
  'rules-tableUnit',
].map((t) => `test/${t}.test.ts`);

function workbookFiles() {
  const fixtures = path.join(ROOT, 'test', 'fixtures');
  const formats = path.join(fixtures, 'formats');
  return [
    ...fs.readdirSync(fixtures).filter((f) => f.endsWith('.xlsx')).sort().map((f) => path.join(fixtures, f)),
    ...fs.readdirSync(formats).filter((f) => f.endsWith('.xlsx')).sort().map((f) => path.join(formats, f)),
  ];
}

async function recordFiles() {
  const { readSnapshotFromFile } = require('../dist/adapters/xlsx/readSnapshot');
  const { audit } = require('../dist/core/engine');
  const { resultRecord } = require('../dist/cli/checkFile');
  const out = {};
  for (const file of workbookFiles()) {
    const name = path.relative(ROOT, file);
    const snapshot = await readSnapshotFromFile(file);
    out[name] = resultRecord(audit(snapshot));
    out[`${name} --strict`] = resultRecord(audit(snapshot, { strict: true }));
  }
  return out;
}

function recordTests(file) {
  fs.rmSync(file, { force: true });
  const r = spawnSync('npx', ['jest', ...TESTS, '--setupFilesAfterEnv', './bench/recordAudits.ts', '--runInBand'], {
    cwd: ROOT,
    env: { ...process.env, FINDINGS_RECORD: file },
    encoding: 'utf8',
  });
  if (r.status !== 0) console.error(`jest exited ${r.status}:\n${(r.stderr || '').split('\n').filter((l) => /✕|Tests:|●/.test(l)).join('\n')}`);
  return readTests(file);
}

/** Test workbooks by key (test file # call): jest runs the files in an order of its own. */
function readTests(file) {
  const out = {};
  for (const line of fs.readFileSync(file, 'utf8').trim().split('\n')) {
    const { key, ...record } = JSON.parse(line);
    out[key] = record;
  }
  return out;
}

async function record(dir) {
  fs.mkdirSync(dir, { recursive: true });
  const files = await recordFiles();
  fs.writeFileSync(path.join(dir, 'files.json'), JSON.stringify(files, null, 1));
  const tests = recordTests(path.join(dir, 'tests.ndjson'));
  const findings = Object.values(files).reduce((n, r) => n + r.findings.length, 0) + Object.values(tests).reduce((n, r) => n + r.findings.length, 0);
  console.log(`${Object.keys(files).length} file checks and ${Object.keys(tests).length} test workbooks recorded (${findings} findings) in ${dir}`);
  return { files, tests };
}

/** The first differences between two records, as paths into them. */
function differences(a, b, at = '', out = []) {
  if (out.length >= 20) return out;
  if (JSON.stringify(a) === JSON.stringify(b)) return out;
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) differences(a[k], b[k], `${at}/${k}`, out);
  } else out.push(`${at}: ${JSON.stringify(a)?.slice(0, 200)} → ${JSON.stringify(b)?.slice(0, 200)}`);
  return out;
}

async function compare(dir) {
  const before = { files: JSON.parse(fs.readFileSync(path.join(dir, 'files.json'), 'utf8')), tests: readTests(path.join(dir, 'tests.ndjson')) };
  // Beside the record, one directory per run: two checkouts comparing against one record at once
  // would otherwise write their test workbooks into one file.
  const after = await record(`${dir}.after-${process.pid}`);
  const diff = [...differences(before.files, after.files, 'files'), ...differences(before.tests, after.tests, 'tests')];
  if (diff.length) {
    console.log(`DIFFERENT:\n${diff.join('\n')}`);
    process.exit(1);
  }
  console.log('identical: every table and finding as recorded');
}

const [mode, dir] = process.argv.slice(2);
if (!['record', 'compare'].includes(mode) || !dir) {
  console.error('usage: node bench/findings.js record|compare DIR');
  process.exit(2);
}
(mode === 'record' ? record(dir) : compare(dir)).catch((e) => {
  console.error(e);
  process.exit(1);
});
