#!/usr/bin/env node
/**
 * One group of `npm run bench`, in a process of its own: for each workbook, medians of several
 * warm runs (after WARMUP runs to warm up: the first runs also compile the code) of
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

/** V8's size of a string: a 16-byte header, then 1 byte a character (Latin-1) or 2, rounded up to 8. */
function stringBytes(x) {
  // eslint-disable-next-line no-control-regex
  const wide = /[^\u0000-\u00ff]/.test(x);
  return 8 * Math.ceil((16 + x.length * (wide ? 2 : 1)) / 8);
}

/** A sheet's cells as held: a packed sheet's typed arrays and strings (8 bytes a slot); a grid sheet's three grids. */
function sheetBytes(s) {
  let n = 0;
  if (s.cells) {
    const p = s.cells;
    for (const a of [p.rows, p.starts, p.cols, p.kinds, p.numbers, p.formatIds, p.textIds]) if (a) n += a.byteLength;
    for (const list of [p.strings, p.formats]) {
      n += 8 * list.length;
      for (const x of list) n += stringBytes(x);
    }
    return n;
  }
  for (const grid of [s.values, s.text, s.numberFormats]) {
    grid.forEach((row) => {
      n += 8 * row.length;
      for (const x of row) if (typeof x === 'string') n += stringBytes(x);
    });
  }
  return n;
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
  // What the snapshot holds, counted from what it is made of (a heap delta in this process also
  // counts what the parsers leave behind and code compiled meanwhile: tens of MB that are not the
  // snapshot). A heap snapshot of the 100,000-cell one finds 2.7 MB reachable from it; this counts 2.6.
  let snapshotBytes = 0;
  for (const s of snapshot.sheets) snapshotBytes += sheetBytes(s);
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
