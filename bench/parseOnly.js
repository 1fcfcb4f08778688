#!/usr/bin/env node
/**
 * The process `npm run bench` compares a whole `check` with: Node starts, loads ExcelJS and parses
 * the workbook, nothing else. `node bench/parseOnly.js FILE`.
 */
const ExcelJS = require('exceljs');

new ExcelJS.Workbook().xlsx.readFile(process.argv[2]).then(
  (wb) => console.log(`${wb.worksheets.length} sheets parsed`),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
