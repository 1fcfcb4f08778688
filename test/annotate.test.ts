import ExcelJS from 'exceljs';
import { createHash } from 'crypto';
import { mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { writeAnnotatedCopy, MARK_FILLS } from '../src/adapters/xlsx/annotate';
import { audit } from '../src/core/engine';
import { readSnapshotFromFile } from '../src/adapters/xlsx/readSnapshot';
import type { Finding } from '../src/core/finding';
import { totalFinding } from './support/findings';
import { reportLines } from '../src/core/report';

/** --out: an annotated copy a reviewer can open in Excel; the preparer's file is untouched. */
const SOURCE = join(__dirname, 'fixtures/003-sanmenxia-healthcare-security-service-center-2024-budget.xlsx');

const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

function finding(severity: Finding['severity'], cell: string, also: string[] = []): Finding {
  return totalFinding('YS04', cell, { severity, cells: [{ sheet: 'YS04', cell }, ...also.map((c) => ({ sheet: 'YS04', cell: c }))] });
}

describe('the annotated copy', () => {
  const dir = mkdtempSync(join(tmpdir(), 'budget-audit-annotate-'));
  const out = join(dir, 'annotated.xlsx');
  const before = sha(SOURCE);
  let result: ReturnType<typeof audit>;

  beforeAll(async () => {
    const snapshot = await readSnapshotFromFile(SOURCE);
    result = audit(snapshot);
    // Whatever the rules find, also mark known cells so the marking itself is asserted.
    result = {
      ...result,
      findings: [...result.findings, finding('error', 'E7', ['F7']), finding('warning', 'D17'), finding('info', 'D7')],
    };
    await writeAnnotatedCopy(SOURCE, out, result, 'zh-CN');
  });

  test('leaves the source file byte for byte as it was', () => {
    expect(sha(SOURCE)).toBe(before);
  });

  test('opens as an Excel workbook and keeps every value of the source', async () => {
    const [a, b] = [new ExcelJS.Workbook(), new ExcelJS.Workbook()];
    await a.xlsx.readFile(SOURCE);
    await b.xlsx.readFile(out);
    a.eachSheet((ws) => {
      const copy = b.getWorksheet(ws.name)!;
      expect(copy).toBeDefined();
      ws.eachRow({ includeEmpty: false }, (row, r) =>
        row.eachCell({ includeEmpty: false }, (cell, c) => {
          expect(copy.getCell(r, c).value).toEqual(cell.value);
        }),
      );
    });
  });

  test('fills an error red and a warning amber, with the message as the cell note; info is not marked', async () => {
    const b = new ExcelJS.Workbook();
    await b.xlsx.readFile(out);
    const ws = b.getWorksheet('YS04')!;
    const fill = (a: string) => (ws.getCell(a).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
    expect(fill('E7')).toBe(MARK_FILLS.error);
    expect(fill('F7')).toBe(MARK_FILLS.error);
    expect(fill('D17')).toBe(MARK_FILLS.warning);
    expect(fill('D27')).toBe(MARK_FILLS.error); // the real finding: 住房保障支出 70.88 without its 一般公共预算 part
    expect(fill('D7')).toBeUndefined();
    expect(fill('D15')).toBeUndefined(); // same style as E7 in the source: must not turn red with it
    expect(JSON.stringify(ws.getCell('E7').note)).toContain('YS04 E7 合计 912.63，不等于各项之和 841.74（差 70.89）。');
  });

  test('adds a 校验报告 sheet with one linked line per finding', async () => {
    const b = new ExcelJS.Workbook();
    await b.xlsx.readFile(out);
    const report = b.getWorksheet('校验报告')!;
    expect(report).toBeDefined();
    expect(report.rowCount).toBe(2 + result.findings.length);
    // Lines in the reviewer's order (errors first, in sheet order); each links to its cell.
    const first = reportLines(result.findings, 'zh-CN', result.tables.map((t) => t.sheet)).lines[0];
    const link = report.getRow(3).getCell(5).value as ExcelJS.CellHyperlinkValue;
    expect(link.hyperlink).toBe(`#'${first.sheet}'!${first.cell}`);
  });
});
