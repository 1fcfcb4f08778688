/**
 * 导出报告 through the fake Excel host: the reviewer's order (errors, then warnings, rounding
 * tails only when the pane shows them; each in the workbook's sheet order), Chinese rule names,
 * the reviewer's three columns left empty, a link per cell address — and a sheet named like a
 * formula (=收支, +1, -2) written as its name, never as a formula.
 */
import { REPORT_COLUMNS } from '../src/core/report';
import type { Finding } from '../src/core/finding';
import { columnPoints, exportReport } from '../src/adapters/excel/reportSheet';
import { FAKE_PAYLOAD_LIMIT, FakeExcelHost } from './support/fakeExcelHost';
import { numberSheet, type FakeSheetModel, type FakeWorkbookModel } from './support/fakeExcelModel';
import { totalFinding } from './support/findings';

function workbook(names: string[]): FakeWorkbookModel {
  return { sheets: names.map((n) => numberSheet(n, 5, 5)) };
}

function report(model: FakeWorkbookModel): FakeSheetModel {
  return model.sheets.find((s) => s.name === '校验报告')!;
}

const summary = { errors: 2, warnings: 1, infos: 1, verified: 0 };

describe('the report sheet', () => {
  const names = ['=收支', '+1', '-2', '收入表'];
  const findings: Finding[] = [
    totalFinding('收入表', 'C5', { severity: 'warning' }),
    totalFinding('-2', 'B3', { severity: 'info' }),
    totalFinding('收入表', 'B2'),
    totalFinding('=收支', 'D4'),
  ];

  test('errors first, then warnings, in the workbook sheet order; infos only when the pane shows them', async () => {
    const model = workbook(names);
    await new FakeExcelHost(model).run((c) => exportReport(c, { tables: [], findings, summary }, { lang: 'zh-CN', includeInfo: false, sheetOrder: names }));
    const rows = report(model).values.slice(2);
    expect(rows.map((r) => `${r[1]} ${r[3]}!${r[4]}`)).toEqual(['错误 =收支!D4', '错误 收入表!B2', '警告 收入表!C5']);
    expect(rows.map((r) => r[0])).toEqual([1, 2, 3]);

    const withInfo = workbook(names);
    await new FakeExcelHost(withInfo).run((c) => exportReport(c, { tables: [], findings, summary }, { lang: 'zh-CN', includeInfo: true, sheetOrder: names }));
    expect(report(withInfo).values.slice(2).map((r) => r[1])).toEqual(['错误', '错误', '警告', '提示']);
  });

  test('a sheet named like a formula is written as text: no formula, the name as it is', async () => {
    const model = workbook(names);
    await new FakeExcelHost(model).run((c) => exportReport(c, { tables: [], findings, summary }, { lang: 'zh-CN', includeInfo: true, sheetOrder: names }));
    const sheet = report(model);
    expect(sheet.formulas ?? {}).toEqual({});
    expect(sheet.values.slice(2).map((r) => r[3])).toEqual(['=收支', '收入表', '收入表', '-2']);
    // The fake does take such a value for a formula where the cell is not text: the check can fail.
    const plain = workbook(['x']);
    await new FakeExcelHost(plain).run(async (c) => {
      c.workbook.worksheets.getItem('x').getRange('A1').values = [['=收支']];
      await c.sync();
    });
    expect(plain.sheets[0].formulas).toEqual({ A1: '=收支' });
  });

  test('Chinese rule names, the reviewer columns empty, a link per cell, the column widths set', async () => {
    const model = workbook(names);
    await new FakeExcelHost(model).run((c) => exportReport(c, { tables: [], findings, summary }, { lang: 'zh-CN', includeInfo: false, sheetOrder: names }));
    const sheet = report(model);
    expect(sheet.values[1].slice(-3)).toEqual(['处理情况', '复核人', '复核意见']);
    expect(sheet.values[2][2]).toBe('列合计');
    expect(sheet.values.slice(2).every((r) => r.slice(-3).every((v) => v === null))).toBe(true);
    expect(sheet.hyperlinks.E3).toEqual({ documentReference: "'=收支'!D4", textToDisplay: 'D4' });
    expect(Object.keys(sheet.hyperlinks)).toHaveLength(3);
    expect(sheet.columnWidths?.[6]).toBe(columnPoints(REPORT_COLUMNS.widths[5]));
  });

  test('a report of 30,000 findings is written in requests under 5 MB', async () => {
    const model = workbook(['表']);
    const many = Array.from({ length: 30000 }, (_, i) => totalFinding('表', `A${i + 1}`));
    const host = new FakeExcelHost(model);
    await host.run((c) => exportReport(c, { tables: [], findings: many, summary }, { lang: 'zh-CN', includeInfo: false, sheetOrder: ['表'] }));
    expect(report(model).values).toHaveLength(30002);
    expect(host.syncLog.length).toBeGreaterThan(2);
    for (const s of host.syncLog) expect(s.requestBytes).toBeLessThanOrEqual(FAKE_PAYLOAD_LIMIT);
  });
});
