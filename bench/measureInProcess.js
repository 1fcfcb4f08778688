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
const { threadCpuMs } = require('./threadCpu');

/**
 * The CPU time of this thread while fn runs (bench/threadCpu.js): the machine is shared, and wall
 * time there counts the neighbours' work as ours. Every step measured here is synchronous work on
 * this one thread (ExcelJS's load awaits only its own promises), so its CPU time is its cost.
 */
async function timed(fn) {
  const t0 = threadCpuMs();
  const value = await fn();
  return { ms: threadCpuMs() - t0, value };
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
  let tables = 0;
  let findings = 0;
  for (let i = 0; i < warmup + engineRuns; i++) {
    result = undefined;
    const engine = await timed(() => audit(snapshot));
    result = engine.value;
    if (i >= warmup) times.engine.push(engine.ms);
    tables = result.tables.length;
    findings = result.findings.length;
  }
  let cells = 0;
  let valueBytes = 0;
  for (const s of snapshot.sheets) {
    forEachCell(s, (_r, _c, v) => {
      if (v === null) return;
      cells++;
      // A value's own bytes: 8 for a number, 2 a character for a string (JS strings are UTF-16), 1 for a boolean.
      valueBytes += typeof v === 'number' ? 8 : typeof v === 'string' ? 2 * v.length : 1;
    });
  }
  // What the snapshot keeps alive: the heap (and typed arrays' buffers) after it is built, less before.
  result = undefined;
  snapshot = undefined;
  const retained = () => {
    global.gc();
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  const before = retained();
  snapshot = await readSnapshotFromBuffer(bytes, name);
  const snapshotBytes = retained() - before;
  return {
    file: name,
    cells,
    valueBytes,
    snapshotBytes,
    tables,
    findings,
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
