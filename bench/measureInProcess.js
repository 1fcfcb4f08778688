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
 * The CPU time of this thread per run of fn (bench/threadCpu.js), fn run back to back for at least
 * BATCH_MS of wall time: the machine is shared, and wall time there counts the neighbours' work as
 * ours. Every step measured here is synchronous work on this one thread (ExcelJS's load awaits only
 * its own promises), so its CPU time is its cost.
 *
 * The thread's clock moves in scheduler ticks (/proc/thread-self/schedstat is brought up to date at
 * each tick and switch: 4 ms steps on this kernel), so a step of a few ms timed alone reads 0, 4 or
 * 8 ms and a median of such readings says little. A short step is timed over a batch long enough for
 * a tick to be a small error, and its time is the batch's over its count; a long one runs once.
 */
const BATCH_MS = 200;
async function timed(fn) {
  let value;
  let count = 0;
  const wall0 = process.hrtime.bigint();
  const t0 = threadCpuMs();
  do {
    value = await fn();
    count++;
  } while (Number(process.hrtime.bigint() - wall0) / 1e6 < BATCH_MS);
  return { ms: (threadCpuMs() - t0) / count, value, count };
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

/** The steps measured on a file: the two parsers and our reader, on its bytes. */
function stepsOf(file) {
  const bytes = fs.readFileSync(file);
  const name = path.basename(file);
  return {
    name,
    parseExcel: async () => {
      await new ExcelJS.Workbook().xlsx.load(bytes);
    },
    parseSheet: () => {
      XLSX.read(bytes, { type: 'buffer', dense: true, cellNF: true, cellStyles: true });
    },
    readOurs: () => readSnapshotFromBuffer(bytes, name),
  };
}

/** One run of every step on a file, untimed. */
async function warmUpOn(file) {
  const { parseExcel, parseSheet, readOurs } = stepsOf(file);
  await parseExcel();
  parseSheet();
  audit(await readOurs());
}

async function measure(file, parseRuns, engineRuns, warmup) {
  const { name, parseExcel, parseSheet, readOurs } = stepsOf(file);
  const times = { exceljs: [], sheetjs: [], snapshot: [], engine: [] };
  let snapshot;
  // Warm-up runs first: the first runs also compile the code.
  for (let i = 0; i < warmup; i++) {
    await parseExcel();
    parseSheet();
    snapshot = await readOurs();
  }
  const batches = { exceljs: [], sheetjs: [], snapshot: [], engine: [] };
  const record = (step, run) => {
    times[step].push(run.ms);
    batches[step].push(run.count);
    return run.value;
  };
  for (let i = 0; i < parseRuns; i++) {
    // Each parser's objects are let go before the next one runs.
    record('exceljs', await timed(parseExcel));
    record('sheetjs', await timed(parseSheet));
    snapshot = undefined;
    snapshot = record('snapshot', await timed(readOurs));
  }
  let result;
  let tables = 0;
  let findings = 0;
  const check = () => audit(snapshot);
  for (let i = 0; i < warmup; i++) check();
  for (let i = 0; i < engineRuns; i++) {
    result = undefined;
    result = record('engine', await timed(check));
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
    // (Runs per timed batch, by step: the medians are of batches.)
    runs: { parse: parseRuns, engine: engineRuns, warmup, batches: Object.fromEntries(Object.entries(batches).map(([k, v]) => [k, median(v)])) },
  };
}

(async () => {
  const [parseRuns, engineRuns, warmup, ...files] = process.argv.slice(2);
  const results = [];
  // A pass over every file first: the code the parsers and the engine run is still being compiled
  // for the first file measured (ExcelJS reads the first of the seed workbooks in twice the time).
  if (files.length > 1) for (const f of files) await warmUpOn(f);
  for (const f of files) results.push(await measure(f, Number(parseRuns), Number(engineRuns), Number(warmup)));
  process.stdout.write(`${JSON.stringify({ results, peakRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
