#!/usr/bin/env node
/**
 * npm run bench — speed and memory of the engine on real and large workbooks.
 * Targets (checked here, not in timed tests; exit 1 when one is missed):
 *   - each shared workbook: read + detect + check in under 2 s;
 *   - a 200,000-row sheet: read + detect + check in under 60 s, peak RSS under 3 GB, no crash.
 * The Office.js side (sync counts, request sizes) through the fake Excel host: bench/addin.ts.
 */
const path = require('path');
const fs = require('fs');
const os = require('os');
const ExcelJS = require('exceljs');
const { readSnapshotFromFile } = require('../dist/adapters/xlsx/readSnapshot');
const { audit } = require('../dist/core/engine');

const FIXTURES = path.join(__dirname, '..', 'test', 'fixtures');
const results = [];
let failed = false;
let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);

function target(name, ok, detail) {
  results.push(`${ok ? 'ok  ' : 'MISS'} ${name}: ${detail}`);
  if (!ok) failed = true;
}

async function timeWorkbook(file) {
  const t0 = process.hrtime.bigint();
  const snapshot = await readSnapshotFromFile(file);
  const t1 = process.hrtime.bigint();
  const result = audit(snapshot);
  const t2 = process.hrtime.bigint();
  return { readMs: Number(t1 - t0) / 1e6, auditMs: Number(t2 - t1) / 1e6, result };
}

async function writeLargeSheet(file, rows) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file });
  const ws = wb.addWorksheet('大表');
  ws.addRow(['2024年部门支出预算表']).commit();
  ws.addRow(['单位：万元']).commit();
  ws.addRow(['科目编码', '科目名称', '合计', '基本支出', '项目支出']).commit();
  for (let i = 0; i < rows; i++) {
    const a = (i % 9973) / 100;
    const b = (i % 101) / 100;
    ws.addRow([String(2080100 + (i % 99)), `项目${i}`, Number((a + b).toFixed(2)), a, b]).commit();
  }
  ws.commit();
  await wb.commit();
}

(async () => {
  for (const f of fs.readdirSync(FIXTURES).filter((x) => x.endsWith('.xlsx')).sort()) {
    const { readMs, auditMs, result } = await timeWorkbook(path.join(FIXTURES, f));
    const total = readMs + auditMs;
    target(f, total < 2000, `read ${readMs.toFixed(0)} ms, detect+check ${auditMs.toFixed(0)} ms, ${result.tables.length} tables, ${result.findings.length} findings`);
  }
  const rows = Number(process.env.BENCH_ROWS || 200000);
  const big = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'budget-bench-')), 'large.xlsx');
  const w0 = Date.now();
  await writeLargeSheet(big, rows);
  const writeMs = Date.now() - w0;
  peakRss = 0;
  try {
    const { readMs, auditMs, result } = await timeWorkbook(big);
    const total = readMs + auditMs;
    target(
      `${rows.toLocaleString('en')}-row sheet`,
      total < 60000 && peakRss < 3 * 2 ** 30,
      `read ${(readMs / 1000).toFixed(1)} s, detect+check ${(auditMs / 1000).toFixed(1)} s, peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MB, ${result.tables.length} tables, ${result.findings.length} findings (file written in ${(writeMs / 1000).toFixed(1)} s)`,
    );
  } catch (e) {
    target(`${rows}-row sheet`, false, `crashed: ${e && e.message}`);
  }
  // Compiled from bench/addin.ts by `npm run bench` (tsc -p bench).
  const addin = path.join(__dirname, '..', 'dist-bench', 'bench', 'addin.js');
  if (fs.existsSync(addin)) {
    try {
      for (const line of await require(addin).run(big)) target(line.name, line.ok, line.detail);
    } catch (e) {
      target('add-in', false, `failed: ${e && e.message}`);
    }
  }
  clearInterval(sampler);
  console.log(results.join('\n'));
  process.exit(failed ? 1 : 0);
})();
