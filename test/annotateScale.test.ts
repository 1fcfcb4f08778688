import { annotatePackage, type AnnotationPlan } from '../src/adapters/xlsx/annotate';
import { columnLetter } from '../src/core/address';
import { featureWorkbook } from './support/featureWorkbook';
import { readParts, text } from './support/ooxmlPackage';

/**
 * 100,000 marks on one sheet: every step is a sort or a single pass, so this takes seconds, not
 * the hours a quadratic step would. The bound is loose on purpose (the machine is shared); the
 * structure is asserted exactly.
 */
const ROWS = 10_000;
const COLUMNS = 10;

test('100,000 marks on one sheet: two ranges of fills, 100,000 notes and note boxes, in linear time', () => {
  const cells: AnnotationPlan['marks'][number]['cells'] = [];
  for (let r = 1; r <= ROWS; r++) {
    for (let c = 1; c <= COLUMNS; c++) {
      const cell = `${columnLetter(c)}${r}`;
      cells.push({ cell, severity: c <= 5 ? 'error' : 'warning', messages: [`${cell} 合计不符`] });
    }
  }
  const started = performance.now();
  const output = annotatePackage(featureWorkbook(), { marks: [{ sheet: 'Data', cells }], report: { name: '校验报告', title: '', headers: [], rows: [] } });
  const seconds = (performance.now() - started) / 1000;

  const after = readParts(output);
  const sheet = text(after, 'xl/worksheets/sheet1.xml');
  expect(sheet).toContain('<conditionalFormatting sqref="A1:E10000"><cfRule type="expression" dxfId="1" priority="8">');
  expect(sheet).toContain('<conditionalFormatting sqref="F1:J10000"><cfRule type="expression" dxfId="2" priority="9">');
  const comments = text(after, 'xl/comments1.xml');
  expect(comments.match(/<comment /g)).toHaveLength(ROWS * COLUMNS); // D7, E7 and H2 had notes: extended, not doubled
  const vml = text(after, 'xl/drawings/vmlDrawing1.vml');
  expect(vml.match(/<v:shape /g)).toHaveLength(ROWS * COLUMNS);
  // Every shape id unique, and inside a block the drawing lists (blocks of 1,024; n·1024 itself is never an id).
  const ids = [...vml.matchAll(/<v:shape id="_x0000_s(\d+)"/g)].map((m) => Number(m[1]));
  const blocks = new Set(/<o:idmap v:ext="edit" data="([^"]*)"/.exec(vml)![1].split(',').map(Number));
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids.every((id) => blocks.has(Math.floor(id / 1024)) && id % 1024 !== 0)).toBe(true);
  expect(blocks.size).toBe(Math.ceil((ROWS * COLUMNS - 1020) / 1023) + 1); // block 1 had room for 1,020 more
  process.stdout.write(`100,000 marks: ${seconds.toFixed(2)} s, ${(output.length / 1e6).toFixed(1)} MB zipped\n`);
  expect(seconds).toBeLessThan(30);
});
