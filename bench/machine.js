#!/usr/bin/env node
/**
 * What this machine charges for the two things the slow targets turn on (printed by `npm run bench`,
 * judged by no target): memory touched for the first time, and nothing at all. A million-cell audit
 * touches some 300 MB afresh (V8 hands its old generation's pages back after each collection), so a
 * machine whose page faults cost 12 µs (a virtual one, measured in the twelfth round) spends most of
 * that audit there; earlier rounds' machines did not. Prints one JSON line: the CPU time of filling
 * 256 MB freshly allocated and of filling it again, and the µs a page that makes.
 */
const { threadCpuMs } = require('./threadCpu');

const BYTES = 256 * 2 ** 20;
const PAGE = 4096;
let t = threadCpuMs();
const b = Buffer.allocUnsafeSlow(BYTES);
b.fill(1);
const first = threadCpuMs() - t;
t = threadCpuMs();
b.fill(2);
const again = threadCpuMs() - t;
process.stdout.write(`${JSON.stringify({ firstMs: first, againMs: again, usPerPage: ((first - again) * 1000) / (BYTES / PAGE) })}\n`);
