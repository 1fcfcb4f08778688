#!/usr/bin/env node
// The command line, compiled from src/cli by `npm run build:cli` (run by `npm ci` via prepare).
require('../dist/cli/main.js').main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`budget-audit: ${err && err.message ? err.message : String(err)}\n`);
    process.exit(2);
  },
);
