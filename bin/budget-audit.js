#!/usr/bin/env node
// The command line, compiled from src/cli by `npm run build:cli` (run by `npm ci` via prepare).
// The status is set, never forced with process.exit: Node ends by itself once stdout has drained,
// so a report read through a pipe arrives whole.
const debug = process.argv.includes('--debug');
const internal = (err) => {
  process.stderr.write(`budget-audit: 内部错误，请报告 / internal error, please report: ${err && err.message ? err.message : String(err)}\n`);
  if (debug && err && err.stack) process.stderr.write(`${err.stack}\n`);
  process.exitCode = 3;
};
// V8's compiled code kept between runs (src/cli/codeCache.ts): a small check is mostly compiling.
if (process.env.BUDGET_AUDIT_CODE_CACHE !== 'off') {
  try {
    require('../dist/cli/codeCache.js').useCodeCache(require('path').join(__dirname, '..'));
  } catch {
    // Without it the program runs from source, as before.
  }
}
try {
  require(require('./programFile').programFile(require('path').join(__dirname, '..', 'dist', 'cli'))).main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  }, internal);
} catch (err) {
  internal(err);
}
