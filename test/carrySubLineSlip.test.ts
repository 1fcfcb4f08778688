import { join } from 'path';
import { readSnapshotFromFile } from '../src/adapters/xlsx/readSnapshot';
import { audit } from '../src/core/engine';
import type { GridSheet, WorkbookSnapshot } from '../src/core/snapshot';
import { gridWorkbook } from './support/gridSnapshot';

/**
 * A slip in the one sub-line written under a line (二、上年结转 92.68 over （一）一般公共预算拨款 93.68, （二） left blank), in
 * the 财政拨款收支总表 of the 2025 budget fixture (001): the line is shown right by the checks it agrees with exactly
 * (收入总计 = 本年收入 + 上年结转, the 收支总表's 上年结转), the sub-line by none — the sub-line is the slip, named with what it
 * should be, not 「二、上年结转 不等于各分项之和」 at the right line.
 */
const BUDGET = join(__dirname, 'fixtures', '001-jiaozuo-healthcare-security-bureau-2025-budget.xlsx');

async function withCarrySlip(by: number): Promise<WorkbookSnapshot<GridSheet>> {
  const wb = gridWorkbook(await readSnapshotFromFile(BUDGET));
  const sheets = wb.sheets.map((s) => {
    if (!s.name.startsWith('四、')) return s;
    const r = s.values.findIndex((row, i) => i > 0 && String(row[0] ?? '').includes('一般公共预算') && String(s.values[i - 1][0] ?? '').includes('上年结转'));
    const values = s.values.map((row, i) => (i === r ? row.map((v, c) => (c === 1 ? (v as number) + by : v)) : row));
    const text = s.text.map((row, i) => (i === r ? row.map((t, c) => (c === 1 ? (values[r][1] as number).toFixed(2) : t)) : row));
    return { ...s, values, text };
  });
  return { ...wb, sheets };
}

test('（一）一般公共预算拨款 under 二、上年结转 raised by 1.00: named there, with what it should be', async () => {
  const errors = audit(await withCarrySlip(1)).findings.filter((f) => f.severity === 'error');
  expect(errors.map((f) => [f.rule, f.sheet.slice(0, 2), f.cell, f.actual, f.expected])).toEqual([['summary-lines', '四、', 'B15', '93.68', '92.68']]);
});

test('（一） lowered by 1.00 instead: the blank （二） may have lost a figure as well, so no line is named the slip — the gap is told at the line, neutrally', async () => {
  const errors = audit(await withCarrySlip(-1)).findings.filter((f) => f.severity === 'error');
  expect(errors.map((f) => [f.rule, f.cell, f.message.key])).toEqual([['summary-lines', 'B14', 'sum.total']]);
});
