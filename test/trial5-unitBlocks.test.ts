import { audit } from '../src/core/engine';
import { detectTables } from '../src/core/detect';
import type { Finding } from '../src/core/finding';
import { unitCodeBeforeName } from '../src/core/detect/labels';
import { findingText } from '../src/core/messages/render';
import type { GridSheet, WorkbookSnapshot } from '../src/core/snapshot';
import { sheet, workbook, type CellInput } from './support/sheetBuilder';

/**
 * A 部门支出总表 in 元 with split 类 | 款 | 项 columns and units as rows (Guangxi, Yunnan, Jiangxi):
 * 合计, then for each unit its own line carrying the unit's totals, followed by that unit's 类/款/项
 * rows; the next unit repeats the same codes. 合计 = Σ unit lines, each unit line = Σ its own 类,
 * 类 = Σ 款 = Σ 项 within each unit, and the 收支总表's 类 line = that 类 summed over the units.
 *
 *   118001 某某局本级      800,000 = 基本 600,000 + 项目 200,000: 201 700,000 (2010301 500,000 + 2010302 200,000), 208 100,000
 *   118002 某某服务中心    400,000 = 基本 400,000: 201 300,000, 208 60,000, 221 40,000
 *   department           1,200,000: 201 1,000,000, 208 160,000, 221 40,000
 */
type UnitLine = 'code-name' | 'name' | 'bracket' | 'code-column';

interface Options {
  unitLine?: UnitLine;
  /** Changes to the 支出总表 before it is written: [row (1-based), column letter, value]. */
  expenditure?: Array<[number, string, CellInput]>;
  summary?: Array<[number, string, CellInput]>;
  /** The unit lines' names (to write one that does not say unit). */
  names?: [string, string];
  /** How each unit line is written, when they differ. */
  unitLines?: [UnitLine, UnitLine];
}

const UNITS = [
  {
    code: '118001',
    name: '某某局本级',
    total: [800000, 600000, 200000],
    rows: [
      ['201', null, null, '一般公共服务支出', 700000, 500000, 200000],
      ['201', '03', null, '政府办公厅（室）及相关机构事务', 700000, 500000, 200000],
      ['201', '03', '01', '行政运行', 500000, 500000, null],
      ['201', '03', '02', '一般行政管理事务', 200000, null, 200000],
      ['208', null, null, '社会保障和就业支出', 100000, 100000, null],
      ['208', '05', null, '行政事业单位养老支出', 100000, 100000, null],
      ['208', '05', '05', '机关事业单位基本养老保险缴费支出', 100000, 100000, null],
    ],
  },
  {
    code: '118002',
    name: '某某服务中心',
    total: [400000, 400000, null],
    rows: [
      ['201', null, null, '一般公共服务支出', 300000, 300000, null],
      ['201', '03', null, '政府办公厅（室）及相关机构事务', 300000, 300000, null],
      ['201', '03', '01', '行政运行', 300000, 300000, null],
      ['208', null, null, '社会保障和就业支出', 60000, 60000, null],
      ['208', '05', null, '行政事业单位养老支出', 60000, 60000, null],
      ['208', '05', '05', '机关事业单位基本养老保险缴费支出', 60000, 60000, null],
      ['221', null, null, '住房保障支出', 40000, 40000, null],
      ['221', '02', null, '住房改革支出', 40000, 40000, null],
      ['221', '02', '01', '住房公积金', 40000, 40000, null],
    ],
  },
];

function put(rows: CellInput[][], changes: Array<[number, string, CellInput]> = []): CellInput[][] {
  for (const [row, col, v] of changes) rows[row - 1][col.charCodeAt(0) - 65] = v;
  return rows;
}

function unitBudget(o: Options = {}): WorkbookSnapshot<GridSheet> {
  const f = { format: '#,##0' };
  const summary = sheet(
    '表一',
    put(
      [
        ['某某局2025年部门收支总表'],
        ['部门名称：某某局', null, null, '单位：元'],
        ['收入', null, '支出'],
        ['项目', '预算数', '项目', '预算数'],
        ['一、一般公共预算拨款收入', 1200000, '一、一般公共服务支出', 1000000],
        ['二、政府性基金预算拨款收入', null, '二、社会保障和就业支出', 160000],
        ['三、事业收入', null, '三、住房保障支出', 40000],
        ['本年收入合计', 1200000, '本年支出合计', 1200000],
        ['上年结转', null, '结转下年', null],
        ['收入总计', 1200000, '支出总计', 1200000],
      ],
      o.summary,
    ),
    { ...f, merges: ['A1:D1', 'A3:B3', 'C3:D3'] },
  );
  const income = sheet(
    '表二',
    [
      ['某某局2025年部门收入总表'],
      ['部门名称：某某局', null, null, '单位：元'],
      ['单位编码', '单位名称', '合计', '一般公共预算拨款收入'],
      [null, '合计', 1200000, 1200000],
      ['118001', '某某局本级', 800000, 800000],
      ['118002', '某某服务中心', 400000, 400000],
    ],
    { ...f, merges: ['A1:D1'] },
  );
  const names = o.names ?? [UNITS[0].name, UNITS[1].name];
  const rows: CellInput[][] = [
    ['某某局2025年部门支出总表'],
    ['部门名称：某某局', null, null, null, null, null, '单位：元'],
    ['科目编码', null, null, '单位名称（科目名称）', '合计', '基本支出', '项目支出'],
    ['类', '款', '项', null, null, null, null],
    [null, null, null, '合计', 1200000, 1000000, 200000],
  ];
  UNITS.forEach((u, i) => {
    const name = names[i];
    const line = o.unitLines?.[i] ?? o.unitLine ?? 'code-name';
    const head: CellInput[] =
      line === 'name' ? [null, null, null, name] : line === 'bracket' ? [null, null, null, `【${u.code}】${name}`] : line === 'code-column' ? [u.code, null, null, name] : [null, null, null, `${u.code} ${name}`];
    rows.push([...head, ...u.total]);
    for (const r of u.rows) rows.push([...r]);
  });
  const expenditure = sheet('表三', put(rows, o.expenditure), { ...f, merges: ['A1:G1', 'A3:C3', 'D3:D4', 'E3:E4', 'F3:F4', 'G3:G4'] });
  return workbook(summary, income, expenditure);
}

const loud = (fs: Finding[]) => fs.filter((f) => f.severity !== 'info').map((f) => `${f.rule} ${f.sheet}!${f.cell} ${findingText(f)['zh-CN']}`);
const errors = (fs: Finding[]) => fs.filter((f) => f.severity === 'error').map((f) => [f.rule, `${f.sheet}!${f.cell}`, f.expected]);

describe('支出总表 with units as rows, each unit’s 类/款/项 under its own line (the codes repeat)', () => {
  test.each<UnitLine>(['code-name', 'name', 'bracket', 'code-column'])('unit line written %s: every unit line read as a unit, and nothing said', (unitLine) => {
    const wb = unitBudget({ unitLine });
    const t = detectTables(wb).find((x) => x.sheet === '表三')!;
    expect(t.kind).toBe('expenditure');
    const units = t.rows.filter((r) => r.role === 'unit');
    expect(units.map((r) => [r.row, r.label])).toEqual([
      [6, '某某局本级'],
      [14, '某某服务中心'],
    ]);
    if (unitLine !== 'name') expect(units.map((r) => r.unitCode)).toEqual(['118001', '118002']);
    expect(loud(audit(wb).findings)).toEqual([]);
  });

  test('the 收入总表 with units as rows (no codes) is read as before', () => {
    const t = detectTables(unitBudget()).find((x) => x.sheet === '表二')!;
    expect(t.rows.map((r) => r.role)).toEqual(['total', 'unit', 'unit']);
  });

  test('a 项 changed in the second unit’s block is named at its cell, not the totals of the first unit', () => {
    // 2010301 行政运行 of 某某服务中心 (row 17): 合计 300,000 → 310,000 (its 基本支出 still 300,000).
    const found = audit(unitBudget({ expenditure: [[17, 'E', 310000]] })).findings;
    expect(errors(found)).toEqual([['row-sum', '表三!E17', '300000']]);
    // The one slip accounts for its own 款 (201 03 of the same unit) as well.
    const f = found.find((x) => x.cell === 'E17')!;
    expect(f.explains.map((x) => x.relation)).toHaveLength(2);
  });

  test('a unit line’s total changed is named at that line', () => {
    // 某某局本级 (row 6): 800,000 → 810,000.
    const found = audit(unitBudget({ expenditure: [[6, 'E', 810000]] })).findings;
    expect(errors(found)).toEqual([['row-sum', '表三!E6', '800000']]);
    // It closes its row (基本 + 项目), 合计 = Σ unit lines and the line = Σ its own 类.
    expect(found.find((x) => x.cell === 'E6')!.explains).toHaveLength(3);
  });

  test('the 收支总表’s 类 line is the 类 summed over the units: a changed line is named', () => {
    const consistent = audit(unitBudget()).findings.filter((f) => f.rule === 'cross-summary-function');
    expect(consistent.filter((f) => f.severity !== 'info')).toEqual([]);
    // 二、社会保障和就业支出 160,000 = 208 of 本级 100,000 + 208 of 中心 60,000; written 170,000.
    const found = errors(audit(unitBudget({ summary: [[6, 'D', 170000]] })).findings);
    expect(found).toContainEqual(['cross-summary-function', '表一!D6', '160000']);
    expect(found.every(([, cell]) => cell === '表一!D6')).toBe(true);
  });

  test('unit lines whose names do not say unit: no false sum is claimed (the codes are still checked unit by unit)', () => {
    const wb = unitBudget({ unitLine: 'name', names: ['第一部分', '第二部分'] });
    expect(loud(audit(wb).findings)).toEqual([]);
    // Still, a 项 that breaks its own unit's 款 is told.
    const e = errors(
      audit(
        unitBudget({
          unitLine: 'name',
          names: ['第一部分', '第二部分'],
          expenditure: [[17, 'E', 310000]],
        }),
      ).findings,
    );
    expect(e).toEqual([['row-sum', '表三!E17', '300000']]);
  });

  test('the first unit’s line not told apart (its rows outside every unit): the 合计 is not judged, the rest is', () => {
    const wb = unitBudget({ unitLines: ['name', 'code-name'], names: ['第一部分', '某某服务中心'] });
    expect(detectTables(wb).find((x) => x.sheet === '表三')!.rows.filter((r) => r.role === 'unit').map((r) => r.row)).toEqual([14]);
    expect(loud(audit(wb).findings)).toEqual([]);
    // The 类 lines of the 收支总表 are still the 类 over both blocks.
    const found = errors(audit(unitBudget({ unitLines: ['name', 'code-name'], names: ['第一部分', '某某服务中心'], summary: [[5, 'D', 1100000]] })).findings);
    expect(found).toContainEqual(['cross-summary-function', '表一!D5', '1000000']);
  });
});

describe('a unit’s code before its name, and what is none', () => {
  test.each([
    ['118001 某某局本级', { code: '118001', name: '某某局本级' }],
    ['【118001】某某局', { code: '118001', name: '某某局' }],
    ['[309]医疗保障局', { code: '309', name: '医疗保障局' }],
    ['118002某某服务中心', { code: '118002', name: '某某服务中心' }],
    ['2100302乡镇卫生院', undefined],
    ['2070104图书馆', undefined],
    ['2025年某某局', undefined],
    ['118001', undefined],
    ['118001 行政运行', undefined],
  ])('%s', (label, want) => {
    expect(unitCodeBeforeName(label)).toEqual(want);
  });
});
