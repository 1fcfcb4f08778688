import ExcelJS from 'exceljs';
import { readFileSync, readdirSync } from 'fs';
import { join } from 'path';
import { annotatedCopy } from '../src/adapters/xlsx/annotate';
import { readSnapshotFromFile } from '../src/adapters/xlsx/readSnapshot';
import { audit } from '../src/core/engine';
import { planMarks } from '../src/core/marks';
import { parseXml } from '../src/adapters/xlsx/ooxml/xmlTree';
import { insertionsOnly, readParts, sameBytes, text, withoutInsertedMarks } from './support/ooxmlPackage';

/**
 * The five real disclosures, annotated with their real findings: every part the marks and the
 * report do not need is carried over byte for byte; a marked sheet differs from its source only
 * by the conditional formats and the legacy drawing inserted into it.
 */
const FIXTURES = join(__dirname, 'fixtures');
const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.xlsx'));

// Which workbooks have marks follows the rules; that some do is what makes the sheet checks below bite.
test('the five workbooks are there, and some of them have cells to mark', async () => {
  expect(files).toHaveLength(5);
  const marked = await Promise.all(files.map(async (f) => planMarks(audit(await readSnapshotFromFile(join(FIXTURES, f))).findings, 'zh-CN').length > 0));
  expect(marked.filter(Boolean).length).toBeGreaterThanOrEqual(2);
});

describe.each(files)('the annotated copy of %s', (file) => {
  const path = join(FIXTURES, file);
  let source: Buffer;
  let result: ReturnType<typeof audit>;
  let output: Uint8Array;
  let milliseconds: number;

  beforeAll(async () => {
    source = readFileSync(path);
    result = audit(await readSnapshotFromFile(path));
    const started = performance.now();
    output = annotatedCopy(source, result, 'zh-CN');
    milliseconds = performance.now() - started;
  });

  test('is made well under a second', () => {
    expect(milliseconds).toBeLessThan(1000);
  });

  test('changes only the parts a mark or the report needs, each by insertions only, and adds the rest after them', () => {
    const before = readParts(source);
    const after = readParts(output);
    expect([...after.keys()].slice(0, before.size)).toEqual([...before.keys()]);
    const workbook = text(before, 'xl/workbook.xml');
    const rels = text(before, 'xl/_rels/workbook.xml.rels');
    const partOf = (sheet: string) => {
      const id = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*r:id="(rId\\d+)"`).exec(workbook)![1];
      return `xl/${new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)![1]}`;
    };
    const marked = new Set(planMarks(result.findings, 'zh-CN').map((m) => partOf(m.sheet)));
    const needed = new Set(['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', ...marked]);
    for (const [name, bytes] of before) {
      const same = sameBytes(after.get(name), bytes);
      expect({ name, same }).toEqual({ name, same: !needed.has(name) });
      if (!same) expect({ name, insertionsOnly: insertionsOnly(text(before, name), text(after, name)) !== null }).toEqual({ name, insertionsOnly: true });
    }
    for (const name of marked) {
      const sheet = text(after, name);
      const legacy = /<legacyDrawing r:id="(rId\d+)"\/>/.exec(sheet)?.[1];
      expect(withoutInsertedMarks(sheet, 0, legacy)).toBe(text(before, name));
    }
    for (const name of after.keys()) if (name.endsWith('.xml') || name.endsWith('.rels')) expect(() => parseXml(text(after, name), name)).not.toThrow();
  });

  test('opens with ExcelJS with every value of the source, a note on every marked cell and one report line per finding', async () => {
    const [was, now] = [new ExcelJS.Workbook(), new ExcelJS.Workbook()];
    await was.xlsx.load(source as unknown as ExcelJS.Buffer);
    await now.xlsx.load(Buffer.from(output) as unknown as ExcelJS.Buffer);
    was.eachSheet((ws) => {
      const copy = now.getWorksheet(ws.name)!;
      ws.eachRow((row, r) => row.eachCell((cell, c) => expect(copy.getCell(r, c).value).toEqual(cell.value)));
    });
    for (const { sheet, cells } of planMarks(result.findings, 'zh-CN')) {
      for (const mark of cells) expect(JSON.stringify(now.getWorksheet(sheet)!.getCell(mark.cell).note)).toContain(JSON.stringify(mark.messages[0]).slice(1, 20));
    }
    expect(now.getWorksheet('校验报告')!.rowCount).toBe(2 + result.findings.filter((f) => f.severity !== 'info').length);
  });
});
