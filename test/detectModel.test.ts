import { detectTables } from '../src/core/detect';
import type { DetectedTable, TableRow } from '../src/core/table';
import { fixtureSnapshot } from './detectFixtures';

/**
 * What the rules read: columns with their roles and header paths, rows with their roles,
 * names, normalized codes and parsed amounts — checked on real tables.
 */
const BUDGET = '000-jiaozuo-medical-insurance-center-2024-budget.xlsx';
const FINAL = '002-jiaozuo-healthcare-security-bureau-2023-final-accounts.xlsx';
const SANMENXIA = '003-sanmenxia-healthcare-security-service-center-2024-budget.xlsx';

let budget: DetectedTable[];
let final: DetectedTable[];
let sanmenxia: DetectedTable[];
beforeAll(async () => {
  budget = detectTables(await fixtureSnapshot(BUDGET));
  final = detectTables(await fixtureSnapshot(FINAL));
  sanmenxia = detectTables(await fixtureSnapshot(SANMENXIA));
});

const bySheet = (ts: DetectedTable[], sheet: string): DetectedTable => {
  const t = ts.find((x) => x.sheet === sheet);
  if (!t) throw new Error(`no table on ${sheet}`);
  return t;
};
const rowAt = (t: DetectedTable, r: number): TableRow => {
  const row = t.rows.find((x) => x.row === r);
  if (!row) throw new Error(`no row ${r} in ${t.sheet}`);
  return row;
};
const amount = (t: DetectedTable, r: number, c: number): string | null => {
  const a = rowAt(t, r).cells[c]?.amount;
  return a && a.kind === 'amount' ? a.value.toFixed(2) : null;
};

test('支出预算表: header paths follow the merged header cells down to the leaf', () => {
  const t = bySheet(budget, '预算03表');
  const path = (c: number) => t.columns.find((x) => x.col === c)?.headerPath;
  expect(path(1)).toEqual(['科目编码', '类']);
  expect(path(9)).toEqual(['基本支出', '人员经费', '工资福利支出']);
  expect(path(16)).toEqual(['项目支出', '特定目标类']);
  expect(t.columns.slice(0, 6).map((c) => c.role)).toEqual(['function-lei', 'function-kuan', 'function-xiang', 'unit-code', 'label', 'amount']);
});

test('支出预算表: 合计 row is the total, 309 医疗保障局 a unit row, 205 08 03 reads as FunctionCode 2050803', () => {
  const t = bySheet(budget, '预算03表');
  expect(rowAt(t, 7)).toMatchObject({ role: 'total', label: '合计' });
  expect(rowAt(t, 8)).toMatchObject({ role: 'unit', unitCode: '309', label: '医疗保障局' });
  expect(rowAt(t, 9)).toMatchObject({ role: 'detail', functionCode: '2050803', label: '培训支出' });
  expect(amount(t, 9, 6)).toBe('2.83');
  expect(amount(t, 15, 16)).toBe('129819.00');
});

test('支出经济分类汇总表: department and government economic codes from split 类/款 columns', () => {
  const t = bySheet(budget, '预算08表');
  expect(rowAt(t, 8)).toMatchObject({ econCode: '30101', govEconCode: '50101', label: '基本工资', role: 'detail' });
  expect(rowAt(t, 7)).toMatchObject({ role: 'unit', unitCode: '309' });
});

test('基本支出预算表: econ code beside the government econ code', () => {
  const t = bySheet(budget, '预算06表');
  expect(rowAt(t, 6).role).toBe('total');
  expect(rowAt(t, 8)).toMatchObject({ econCode: '30101', govEconCode: '50101', label: '基本工资' });
});

test('收支总表: each sheet row carries an income line and an expenditure line', () => {
  const t = bySheet(budget, '预算01表');
  expect(t.columns.map((c) => c.side)).toEqual(['income', 'income', 'expenditure', 'expenditure']);
  const r36 = rowAt(t, 36);
  expect(r36.role).toBe('line');
  expect(r36.lines?.income).toEqual({ label: '本年收入合计', labelCol: 1, amountCols: [2] });
  expect(r36.lines?.expenditure).toEqual({ label: '本年支出合计', labelCol: 3, amountCols: [4] });
  expect(amount(t, 36, 4)).toBe('131073.41');
});

test('final accounts: concatenated codes, 行次 columns are not amounts, the 栏次 row is header', () => {
  const t = bySheet(final, '公开02表');
  expect(t.columns[0]).toMatchObject({ role: 'function-code', headerPath: ['项目', '功能分类科目编码'] });
  expect(['206', '20699', '2069999'].map((_, i) => rowAt(t, 8 + i).functionCode)).toEqual(['206', '20699', '2069999']);
  expect(rowAt(t, 7).role).toBe('total');
  const summary = bySheet(final, '公开01表');
  expect(summary.columns.filter((c) => c.role === 'line-no').map((c) => c.col)).toEqual([2, 5]);
  expect(rowAt(summary, 7).cells[2].amount.kind).toBe('not-amount');
});

test('公开06表: three 经济分类 groups side by side, each with its own codes and 合计', () => {
  const t = bySheet(final, '公开06表');
  expect(t.kind).toBe('basic-expenditure');
  expect(t.columns.map((c) => c.group)).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 2]);
  const r5 = rowAt(t, 5);
  expect(r5.groupItems?.map((g) => g.econCode)).toEqual(['301', '302', '307']);
  const last = rowAt(t, 33);
  expect(last.role).toBe('total');
  expect(last.groupItems?.filter((g) => g.total).map((g) => g.label)).toEqual(['人员经费合计', '公用经费合计']);
});

test('empty tables say so: 本表无数据 under 政府性基金 / 国有资本经营 tables', () => {
  expect(bySheet(budget, '预算10表').declaredEmpty).toBe(true);
  expect(bySheet(final, '公开08表').declaredEmpty).toBe(true);
  expect(bySheet(budget, '预算03表').declaredEmpty).toBeUndefined();
});

test('三门峡: the unlabeled first body row is the total, 707002 is the unit row', () => {
  const t = bySheet(sanmenxia, 'YS03');
  expect(rowAt(t, 7)).toMatchObject({ role: 'total', label: '' });
  expect(rowAt(t, 8)).toMatchObject({ role: 'unit', unitCode: '707002' });
  expect(bySheet(sanmenxia, 'YS10').rows.find((r) => r.row === 7)).toMatchObject({ role: 'unit', unitCode: '707002' });
});

test('notes, form numbers and units are read from around the table', () => {
  const t = bySheet(budget, '预算05表');
  expect(t.noteRows).toEqual([20, 21]);
  expect(t.formNumber).toBe('预算05表');
  expect(t.unit).toBe('万元');
  expect(bySheet(final, '公开09表').headerRows).toEqual([4, 7]);
});
