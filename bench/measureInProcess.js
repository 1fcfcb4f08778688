#!/usr/bin/env node
/**
 * One group of `npm run bench`, in a process of its own: for each workbook, medians of several
 * warm runs (after WARMUP runs to warm up; a million cells warm themselves) of
 *   - the read floor: ExcelJS parsing the file's bytes (the reference parse the targets are set
 *     against) and SheetJS parsing them (our reader's own parser, reported beside it);
 *   - snapshot: our reader, bytes → WorkbookSnapshot;
 *   - engine: detect + check (audit);
 * and the process's peak RSS as the kernel counts it. Prints one JSON line.
 *
 *   node bench/measureInProcess.js PARSE_RUNS ENGINE_RUNS WARMUP FILE...
 *
 * The parsers run PARSE_RUNS times, the engine ENGINE_RUNS times on the last snapshot.
 */
const fs = require('fs');
const path = require('path');
const ExcelJS = require('exceljs');
const XLSX = require('@e965/xlsx');
const { readSnapshotFromBuffer } = require('../dist/adapters/xlsx/readSnapshot');
const { audit } = require('../dist/core/engine');
const { forEachCell } = require('../dist/core/snapshot');

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;

async function timed(fn) {
  const t0 = process.hrtime.bigint();
  const value = await fn();
  return { ms: ms(t0), value };
}

async function measure(file, parseRuns, engineRuns, warmup) {
  const bytes = fs.readFileSync(file);
  const name = path.basename(file);
  const times = { exceljs: [], sheetjs: [], snapshot: [], engine: [] };
  let snapshot;
  for (let i = 0; i < warmup + parseRuns; i++) {
    // Each parser's objects are let go before the next one runs.
    const excel = await timed(async () => {
      await new ExcelJS.Workbook().xlsx.load(bytes);
    });
    const sheet = await timed(() => {
      XLSX.read(bytes, { type: 'buffer', dense: true, cellNF: true, cellStyles: true });
    });
    snapshot = undefined;
    const snap = await timed(() => readSnapshotFromBuffer(bytes, name));
    snapshot = snap.value;
    if (i < warmup) continue;
    times.exceljs.push(excel.ms);
    times.sheetjs.push(sheet.ms);
    times.snapshot.push(snap.ms);
  }
  let result;
  for (let i = 0; i < warmup + engineRuns; i++) {
    result = undefined;
    const engine = await timed(() => audit(snapshot));
    result = engine.value;
    if (i >= warmup) times.engine.push(engine.ms);
  }
  let cells = 0;
  for (const s of snapshot.sheets) forEachCell(s, (_r, _c, v) => (cells += v === null ? 0 : 1));
  return {
    file: name,
    cells,
    tables: result.tables.length,
    findings: result.findings.length,
    exceljsMs: median(times.exceljs),
    sheetjsMs: median(times.sheetjs),
    snapshotMs: median(times.snapshot),
    engineMs: median(times.engine),
    runs: { parse: parseRuns, engine: engineRuns, warmup },
  };
}

(async () => {
  const [parseRuns, engineRuns, warmup, ...files] = process.argv.slice(2);
  const results = [];
  for (const f of files) results.push(await measure(f, Number(parseRuns), Number(engineRuns), Number(warmup)));
  process.stdout.write(`${JSON.stringify({ results, peakRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
