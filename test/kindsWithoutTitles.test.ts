import { formatCheck } from '../src/cli/humanReport';
import { audit, detect } from '../src/core/engine';
import type { GridSheet } from '../src/core/snapshot';
import { sheet, workbook, type CellInput } from './support/sheetBuilder';
import { BUDGET_TABLES } from './support/smallBudget';
import { crossBasicExpenditure } from '../src/core/rules/crossBasicExpenditure';
import { DEFAULT_CONFIG } from '../src/core/config';

/**
 * A disclosure converted from its PDF with every title lost (the PDF's headings stood outside the ruled grid) and
 * every sheet named Page n: only the form numbers (公开03表 …) and the headers are left to name the tables. Jiangsu's
 * budget numbers its tables 公开01–12表, the national final accounts 公开01–09表, under the same prefix: 公开07表 is
 * the 政府性基金 table of a final account and the 一般公共预算支出表 of a Jiangsu budget. Its 公开05/07/10表 print the
 * same header (功能科目代码 | 功能科目名称 | 金额). Read by the final accounts' numbering, a 一般公共预算 table was taken
 * for the 政府性基金 one and its right 合计 called wrong against the 04表, and the 情况说明's 支出总计 against a
 * 政府性基金 table read as a second 支出表.
 */
const HEADER: CellInput[] = ['功能科目代码', '功能科目名称', '金额'];
const LINES: CellInput[][] = [
  [null, '合计', 1000],
  ['201', '一般公共服务支出', 1000],
  ['20101', '人大事务', 1000],
  ['2010101', '行政运行', 1000],
];
const byFunction = (page: string, form: string, lines: CellInput[][] = LINES): GridSheet =>
  sheet(page, [[null, null, form], ['部门：某某局', null, '单位：万元'], HEADER, ...lines]);

const narrative = (kind: '预算' | '决算'): GridSheet =>
  sheet('Page 9', [[`第三部分 2018年度部门${kind}情况说明`], [`一、收支${kind}总体情况说明`], [`某某局2018年度收入${kind}合计1000.00万元，支出${kind}合计1000.00万元。`]]);

const disclosure = (kind: '预算' | '决算') =>
  workbook(
    sheet('Page 3', [[null, null, null, '公开03表'], ['部门：某某局', null, null, '单位：万元'], ['科目编码', '科目名称', '合计', '基本支出'], [null, '合计', 1000, 1000], ['201', '一般公共服务支出', 1000, 1000]]),
    byFunction('Page 5', '公开05表'),
    byFunction('Page 7', '公开07表'),
    byFunction('Page 8', '公开10表', [[null, '合计', 0]]),
    narrative(kind),
  );

test('in a budget, 公开05/07/10表 under one header cannot be told apart: of unknown kind, their guess kept, nothing said against them', () => {
  const wb = disclosure('预算');
  expect(detect(wb).map((t) => [t.sheet, t.kind, t.kindGuess ?? null])).toEqual([
    ['Page 3', 'expenditure', null],
    ['Page 5', 'unknown', 'general-budget-expenditure'],
    ['Page 7', 'unknown', 'general-budget-expenditure'],
    ['Page 8', 'unknown', 'general-budget-expenditure'],
    ['Page 9', 'narrative', null],
  ]);
  expect(audit(wb).findings.filter((f) => f.severity !== 'info').map((f) => `${f.rule} ${f.sheet}!${f.cell}`)).toEqual([]);
});

test('in final accounts the same numbers name their tables: 公开05表 the 一般公共预算 one, 公开07表 the 政府性基金 one', () => {
  expect(detect(disclosure('决算')).map((t) => [t.sheet, t.kind])).toEqual([
    ['Page 3', 'expenditure'],
    ['Page 5', 'general-budget-expenditure'],
    ['Page 7', 'gov-fund-expenditure'],
    ['Page 8', 'unknown'],
    ['Page 9', 'narrative'],
  ]);
});

test('a 政府采购 table by 品目 whose title was lost is read by its header, its levels added as an outline', () => {
  const procurement = sheet('Page 12', [
    [null, null, null, '公开12表'],
    ['采购品目大类', '专项名称', '采购物品名称', '总计'],
    ['合计', null, null, 84],
    ['一、货物A', null, null, 59],
    [null, '办公设备购置费', null, 59],
    [null, null, '台式计算机', 34],
    [null, null, '家具用具', 25],
    ['三、服务C', null, null, 25],
    [null, '综合管理费', null, 25],
    [null, null, '物业管理服务', 25],
  ]);
  expect(detect(workbook(procurement)).map((t) => t.kind)).toEqual(['government-procurement']);
  expect(audit(workbook(procurement)).findings.filter((f) => f.severity !== 'info')).toEqual([]);
});

/** The 一般公共预算支出表 without its title on a sheet of its own, its figures times `scale` (still adding up). */
function untitledGeneral(name: string, scale = 1): GridSheet {
  const s = BUDGET_TABLES.map((t) => t()).find((x) => x.name === '预算05表')!;
  const values = s.values.map((r) => r.map((v) => (typeof v === 'number' ? v * scale : v)));
  values[0] = [null];
  return sheet(name, values as CellInput[][]);
}

test('two title-less tables under the 一般公共预算支出表\'s header, their lines not the same: of unknown kind, not said to be missing, and the 基本支出表 is not held to the 支出表 instead', () => {
  const wb = workbook(...BUDGET_TABLES.map((t) => t()).filter((s) => s.name !== '预算05表'), untitledGeneral('Page 5'), untitledGeneral('Page 6', 0.5));
  const tables = detect(wb);
  expect(tables.filter((t) => t.sheet.startsWith('Page')).map((t) => [t.kind, t.kindGuess])).toEqual([
    ['unknown', 'general-budget-expenditure'],
    ['unknown', 'general-budget-expenditure'],
  ]);
  expect(audit(wb).findings.filter((f) => f.rule === 'missing-table')).toEqual([]);
  // (The 支出表's 基本支出 holds every fund's: held to the 基本支出表 only where the 一般公共预算 table is not there at all.)
  const checks = crossBasicExpenditure.collect({ tables, config: DEFAULT_CONFIG }).checks ?? [];
  expect(checks.filter((c) => c.rule === 'cross-basic-expenditure')).toEqual([]);
});

test('two title-less tables printing the same lines (a 财政拨款支出表 and a 一般公共预算支出表 of one money): the first keeps the kind', () => {
  const wb = workbook(...BUDGET_TABLES.map((t) => t()).filter((s) => s.name !== '预算05表'), untitledGeneral('Page 5'), untitledGeneral('Page 6'));
  expect(detect(wb).filter((t) => t.sheet.startsWith('Page')).map((t) => [t.kind, t.kindGuess ?? null])).toEqual([
    ['general-budget-expenditure', null],
    ['unknown', 'general-budget-expenditure'],
  ]);
});

/**
 * The 财政拨款收支总表 (预算04表, its title '2024年财政拨款收支预算总表') on a sheet named Page 4, its title row replaced
 * by `top` (two rows: a wrapped title) or, with `keepTitle`, the row(s) put above it.
 */
function fiscalUnder(top: CellInput[][], keepTitle = false): GridSheet {
  const s = BUDGET_TABLES.map((t) => t()).find((x) => x.name === '预算04表')!;
  const values = [...top, ...s.values.slice(keepTitle ? 0 : 1)] as CellInput[][];
  const by = top.length - (keepTitle ? 0 : 1);
  const merges = (s.merges ?? []).filter((m) => keepTitle || m.top > 1).map((m) => ({ ...m, top: m.top + by, bottom: m.bottom + by }));
  return { ...sheet('Page 4', values), merges };
}

test('a title wrapped at a word onto a second row (2024年财政拨款 | 收支预算总表) is one title: the kind its whole words name', () => {
  const [t] = detect(workbook(fiscalUnder([['2024年财政拨款'], ['收支预算总表']])));
  expect([t.kind, t.title]).toEqual(['fiscal-appropriation-summary', '2024年财政拨款收支预算总表']);
});

test('a part\'s heading over a table\'s title stays apart: the table keeps its own', () => {
  expect(detect(workbook(fiscalUnder([['第二部分 2024年部门预算表']], true))).map((t) => t.title)).toEqual(['2024年财政拨款收支预算总表']);
});

test('a short title wrapped in a narrow box, neither half a title alone (财政拨款收支预 | 算总表), is one title', () => {
  const [t] = detect(workbook(fiscalUnder([['财政拨款收支预'], ['算总表']])));
  expect([t.kind, t.title]).toEqual(['fiscal-appropriation-summary', '财政拨款收支预算总表']);
});

test('the report tells the reader what such a table seemed and that it was not compared, in both languages, with no ✓', () => {
  const lines = formatCheck(audit(disclosure('预算')), 'zh-CN', { all: false, verbose: false }).split('\n');
  expect(lines).toContain('■ Page 5 — 未识别 （疑为一般公共预算支出表，无从与同表头的表区分，未与其他表核对）');
  expect(formatCheck(audit(disclosure('预算')), 'en', { all: false, verbose: false })).toContain('(perhaps ');
});

test('of two title-less tables under one header, one with figures and one saying it is empty, the one with figures keeps its kind', () => {
  const s = BUDGET_TABLES.map((t) => t()).find((x) => x.name === '预算05表')!;
  const values = s.values.map((r) => [...r]) as CellInput[][];
  values[0] = [null];
  const header = values.slice(0, 4);
  const empty = sheet('Page 10', [...header, [null, '合计', null, null, null, null, null], ['注：本表无数据。']]);
  const wb = workbook(...BUDGET_TABLES.map((t) => t()).filter((x) => x.name !== '预算05表' && x.name !== '预算10表'), sheet('Page 5', values), empty);
  expect(detect(wb).filter((t) => t.sheet.startsWith('Page')).map((t) => [t.sheet, t.kind, t.kindGuess ?? null])).toEqual([
    ['Page 5', 'general-budget-expenditure', null],
    ['Page 10', 'unknown', 'general-budget-expenditure'],
  ]);
});

test.each(['某某部门', '江苏省高级人民法院', '某某局2023年度部门决算'])('the department\'s name a PDF prints atop each page (%s), right above the title, is no part of it', (head) => {
  expect(detect(workbook(fiscalUnder([[head]], true))).map((t) => t.title)).toEqual(['2024年财政拨款收支预算总表']);
});
