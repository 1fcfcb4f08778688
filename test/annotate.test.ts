import ExcelJS from 'exceljs';
import { createHash } from 'crypto';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { writeAnnotatedCopy, MARK_FILLS } from '../src/adapters/xlsx/annotate';
import { readParts, text } from './support/ooxmlPackage';
import { audit } from '../src/core/engine';
import { readSnapshotFromFile } from '../src/adapters/xlsx/readSnapshot';
import type { Finding } from '../src/core/finding';
import { totalFinding } from './support/findings';
import { reportLines } from '../src/core/report';

/** --out: an annotated copy a reviewer can open in Excel; the preparer's file is untouched. */
const SOURCE = join(__dirname, 'fixtures/003-sanmenxia-healthcare-security-service-center-2024-budget.xlsx');

const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

type ConditionalFormats = { ref: string; rules: { type: string; formulae?: string[]; style?: { fill?: { bgColor?: { argb?: string } } } }[] }[];

/** The fill an always-true conditional format gives the cell (how the copy marks cells), if any. */
function markFill(ws: ExcelJS.Worksheet, address: string): string | undefined {
  const { row, col } = { row: Number(/\d+/.exec(address)![0]), col: ws.getColumn(/^[A-Z]+/.exec(address)![0]).number };
  const covers = (area: string) => {
    const [a, b = a] = area.split(':').map((x) => ({ row: Number(/\d+/.exec(x)![0]), col: ws.getColumn(/^[A-Z]+/.exec(x)![0]).number }));
    return row >= a.row && row <= b.row && col >= a.col && col <= b.col;
  };
  const formats = (ws as unknown as { conditionalFormattings: ConditionalFormats }).conditionalFormattings;
  for (const cf of formats) {
    if (!cf.ref.split(' ').some(covers)) continue;
    const rule = cf.rules.find((r) => r.type === 'expression' && r.formulae?.[0] === 'TRUE');
    if (rule) return rule.style?.fill?.bgColor?.argb;
  }
  return undefined;
}

function finding(severity: Finding['severity'], cell: string, also: string[] = []): Finding {
  return totalFinding('YS04', cell, { severity, cells: [{ sheet: 'YS04', cell }, ...also.map((c) => ({ sheet: 'YS04', cell: c }))] });
}

describe('the annotated copy', () => {
  const dir = mkdtempSync(join(tmpdir(), 'budget-audit-annotate-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
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
    const fill = (a: string) => markFill(ws, a);
    expect(fill('E7')).toBe(MARK_FILLS.error);
    // F7 is a right figure a finding was checked against (the column's total): not marked.
    expect(fill('F7')).toBeUndefined();
    expect(fill('D17')).toBe(MARK_FILLS.warning);
    // The real finding: 住房保障支出 70.88 (D27, right) without its 一般公共预算 part (E27, empty).
    expect(fill('E27')).toBe(MARK_FILLS.error);
    expect(fill('D27')).toBeUndefined();
    expect(fill('D7')).toBeUndefined();
    expect(fill('D15')).toBeUndefined(); // same style as E7 in the source: must not turn red with it
    // The marks are conditional formats: every cell keeps its own format, marked or not.
    const a = new ExcelJS.Workbook();
    await a.xlsx.readFile(SOURCE);
    for (const cell of ['E7', 'F7', 'D17', 'D27', 'E27', 'D15']) expect(ws.getCell(cell).style).toEqual(a.getWorksheet('YS04')!.getCell(cell).style);
    expect(JSON.stringify(ws.getCell('E7').note)).toContain('YS04 E7 合计 912.63，不等于各项之和 841.74（差 70.89）。');
  });

  test('adds a 校验报告 sheet with one linked line per finding', async () => {
    const b = new ExcelJS.Workbook();
    await b.xlsx.readFile(out);
    const report = b.getWorksheet('校验报告')!;
    expect(report).toBeDefined();
    // Rounding tails (info) are listed only with --all.
    expect(report.rowCount).toBe(2 + result.findings.filter((f) => f.severity !== 'info').length);
    // Lines in the reviewer's order (errors first, in sheet order); each links to its cell with an
    // internal link (`location`), as Excel writes one: read from the part, since ExcelJS does not surface it.
    const first = reportLines(result.findings, 'zh-CN', result.tables.map((t) => t.sheet)).lines[0];
    expect(report.getRow(3).getCell(5).value).toBe(first.cell);
    const parts = readParts(readFileSync(out));
    const reportPart = [...parts.keys()].filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)).pop()!;
    expect(text(parts, reportPart)).toContain(`<hyperlink ref="E3" location="'${first.sheet}'!${first.cell}" display="${first.cell}"/>`);
  });
});
