#!/usr/bin/env node
/**
 * Writes a workbook holding several units' disclosures, as a 主管部门 collects them: the seed
 * workbooks' sheets (test/fixtures/*.xlsx, each a whole disclosure) copied one disclosure after
 * another until the workbook has SHEETS sheets. For `npm run bench` (never committed).
 *
 *   node bench/makeDisclosures.js SHEETS OUT.xlsx
 */
const fs = require('fs');
const path = require('path');
const ExcelJS = require('exceljs');

async function writeDisclosures(sheets, out) {
  const fixtures = path.join(__dirname, '..', 'test', 'fixtures');
  const seeds = [];
  for (const f of fs.readdirSync(fixtures).filter((x) => x.endsWith('.xlsx')).sort()) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(fixtures, f));
    seeds.push(wb.worksheets);
  }
  const wb = new ExcelJS.Workbook();
  let disclosures = 0;
  for (let unit = 0; wb.worksheets.length < sheets; unit++) {
    disclosures++;
    for (const src of seeds[unit % seeds.length]) {
      if (wb.worksheets.length >= sheets) break;
      const ws = wb.addWorksheet(`${String(unit + 1).padStart(2, '0')}-${src.name}`.slice(0, 31));
      // The sheet's model carries values, number formats, styles, merges, row and column records.
      const model = { ...src.model, name: ws.name, id: ws.id };
      ws.model = Object.assign(model, { mergeCells: src.model.merges });
      ws.state = src.state;
    }
  }
  await wb.xlsx.writeFile(out);
  return disclosures;
}

if (require.main === module) {
  const [sheets, out] = process.argv.slice(2);
  if (!Number(sheets) || !out) {
    console.error('usage: node bench/makeDisclosures.js SHEETS OUT.xlsx');
    process.exit(2);
  }
  writeDisclosures(Number(sheets), out).then((n) => console.log(`${sheets} sheets (${n} disclosures) written to ${out}`));
}

module.exports = { writeDisclosures };
