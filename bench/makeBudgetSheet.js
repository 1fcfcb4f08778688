#!/usr/bin/env node
/**
 * Writes a large budget-table workbook for measuring the file readers (never committed: the files
 * are tens of megabytes). Usage:
 *
 *   node bench/makeBudgetSheet.js CELLS OUT.xlsx     # a 支出预算表 of about CELLS cells, 6 per row
 *   node bench/makeBudgetSheet.js far OUT.xlsx       # one value in row 1,048,576, nothing else
 *
 * The table looks like the real ones (title, 单位 line, a two-row header, 合计 row, 7-digit codes as
 * text, amounts with '#,##0.00', every row consistent) so that reading, detection and the rules all
 * do their real work on it. ExcelJS's streaming writer keeps this script's own memory flat.
 */
const ExcelJS = require('exceljs');

async function writeBudgetSheet(file, cells) {
  const rows = Math.max(1, Math.round(cells / 6));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet('支出预算表');
  ws.addRow(['2024年部门支出预算表']).commit();
  ws.addRow(['单位：万元']).commit();
  ws.addRow(['科目编码', '科目名称', '合计', '基本支出', '', '项目支出']).commit();
  ws.addRow(['', '', '', '人员经费', '公用经费', '']).commit();
  const body = [];
  let total = [0, 0, 0, 0];
  for (let i = 0; i < rows; i++) {
    // Cents as integers so that every total is exact, then shown with two decimals.
    const personnel = (i * 37) % 99991;
    const office = (i * 53) % 9973;
    const project = (i * 11) % 100003;
    body.push([personnel, office, project]);
    total = [total[0] + personnel + office + project, total[1] + personnel, total[2] + office, total[3] + project];
  }
  const money = (cents) => cents / 100;
  const addAmounts = (values) => {
    const row = ws.addRow(values);
    for (let c = 3; c <= 6; c++) row.getCell(c).numFmt = '#,##0.00';
    row.commit();
  };
  addAmounts(['', '合计', money(total[0]), money(total[1]), money(total[2]), money(total[3])]);
  body.forEach(([p, o, j], i) => addAmounts([String(2010101 + i), `项目${i + 1}`, money(p + o + j), money(p), money(o), money(j)]));
  ws.commit();
  await wb.commit();
  return rows;
}

async function writeFarValue(file) {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('远处').getCell('A1048576').value = 1;
  await wb.xlsx.writeFile(file);
}

(async () => {
  const [what, out] = process.argv.slice(2);
  if (!what || !out) {
    console.error('usage: node bench/makeBudgetSheet.js CELLS|far OUT.xlsx');
    process.exit(2);
  }
  if (what === 'far') await writeFarValue(out);
  else console.log(`${await writeBudgetSheet(out, Number(what))} body rows written to ${out}`);
})();
