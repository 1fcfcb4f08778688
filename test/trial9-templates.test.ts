import { audit } from '../src/core/engine';
import type { Finding } from '../src/core/finding';
import { detectTables } from '../src/core/detect';
import { sheet, workbook } from './support/sheetBuilder';
import type { GridSheet } from '../src/core/snapshot';
import { withCell } from './support/smallBudget';
import { tableYear } from '../src/core/rules/toolkit/yearColumns';
import type { DetectedTable } from '../src/core/table';

/**
 * Trial 9's false alarms (templates of Sichuan, Chongqing, Guizhou, Anhui, Shaanxi, Beijing), each in
 * a small budget of our own (某某区某某局 2025, 万元):
 *
 * 1. A table whose title names no year but whose headers print two (2024年预算数 | 2025年预算数 > 小计 …
 *    | 2025年预算数比2024年预算数 > 增减额 | 增减%) is of the later year: its figure is the 2025 column,
 *    never the 2024 one (Chongqing's 一般公共预算财政拨款支出预算表).
 * 2. A “三公” table setting the years as rows (2024年预算数 | 2025年预算数 | 增减额) holds this year's
 *    figures in its own year's row, not its first.
 * 3. A 机关运行经费表 printing one line (合计 | 2024年预算数 | 2025年预算数 | 增减额) states its total: no
 *    sum of rows it does not have.
 * 4. 一般公共预算基本支出表 by government economic codes and again by department ones (Shaanxi) are two
 *    views of one disclosure, not the start of a second.
 * 5. 专项业务经费支出表 (Shaanxi) is the project table.
 * 6. A project table's 项目类别 | 项目名称 | 功能科目编码: the names left of the code are the project's,
 *    not the code's.
 *
 *   一般公共预算 2025: 100.00 = 基本 60.00 (2010301 行政运行) + 项目 40.00 (2010302 一般行政管理事务);
 *   2024: 90.00 (55.00 + 35.00). “三公” 2024 12.00, 2025 11.00 (运行费 9.50, 接待费 1.50). 机关运行经费 20.00 → 22.00.
 */
const DEPT = '某某区某某局';
const loud = (fs: Finding[]) => fs.filter((f) => f.severity !== 'info' && f.rule !== 'missing-table').map((f) => `${f.rule} ${f.sheet}!${f.cell} ${f.actual}→${f.expected}`);

const fiscal = (): GridSheet =>
  sheet(
    '表一',
    [
      [`${DEPT}财政拨款收支总表`],
      [`部门：${DEPT}`, null, null, null, '单位：万元'],
      ['收入', null, '支出', null, null],
      ['项目', '预算数', '项目', '合计', '一般公共预算'],
      ['一、本年收入', 100, '一、本年支出', 100, 100],
      ['（一）一般公共预算拨款', 100, '（一）一般公共服务支出', 100, 100],
      ['收入总计', 100, '支出总计', 100, 100],
    ],
    { merges: ['A1:E1', 'A3:B3', 'C3:E3'] },
  );

const general = (): GridSheet =>
  sheet(
    '表二',
    [
      [`${DEPT}一般公共预算财政拨款支出预算表`],
      [`部门：${DEPT}`, null, null, null, null, null, null, '单位：万元'],
      ['科目编码', '科目名称', '2024年预算数', '2025年预算数', null, null, '2025年预算数比2024年预算数', null],
      [null, null, null, '小计', '基本支出', '项目支出', '增减额', '增减%'],
      [null, '合计', 90, 100, 60, 40, 10, 11.11],
      ['201', '一般公共服务支出', 90, 100, 60, 40, 10, 11.11],
      ['20103', '政府办公厅（室）及相关机构事务', 90, 100, 60, 40, 10, 11.11],
      ['2010301', '行政运行', 55, 60, 60, null, 5, 9.09],
      ['2010302', '一般行政管理事务', 35, 40, null, 40, 5, 14.29],
    ],
    { merges: ['A1:H1', 'A3:A4', 'B3:B4', 'C3:C4', 'D3:F3', 'G3:H3'] },
  );

const threePublic = (): GridSheet =>
  sheet(
    '表四',
    [
      [`${DEPT}一般公共预算“三公”经费支出表`],
      [`部门：${DEPT}`, null, null, null, null, null, '单位：万元'],
      ['项目', '合计', '因公出国（境）费', '公务用车购置及运行费', null, null, '公务接待费'],
      [null, null, null, '小计', '公务用车购置费', '公务用车运行费', null],
      ['2024年预算数', 12, 0, 10, 0, 10, 2],
      ['2025年预算数', 11, 0, 9.5, 0, 9.5, 1.5],
      ['增减额', -1, 0, -0.5, 0, -0.5, -0.5],
    ],
    { merges: ['A1:G1', 'A3:A4', 'B3:B4', 'C3:C4', 'D3:F3', 'G3:G4'] },
  );

const operating = (): GridSheet =>
  sheet(
    '表十',
    [
      [`${DEPT}机关运行经费预算表`],
      [`部门：${DEPT}`, null, null, null, '单位：万元'],
      ['科目编码', '科目名称', '2024年预算数', '2025年预算数', '增减额'],
      [null, '合计', 20, 22, 2],
    ],
    { merges: ['A1:E1'] },
  );

const NARRATIVE = [
  `${DEPT}2025年部门预算情况说明`,
  '一、“三公”经费预算情况',
  `${DEPT}2025年“三公”经费预算为11.00万元，其中：公务用车运行费9.50万元，公务接待费1.50万元。`,
  '二、机关运行经费',
  `2025年，${DEPT}机关运行经费预算22.00万元。`,
];
const narrative = (lines = NARRATIVE): GridSheet => sheet('情况说明', lines.map((l) => [l]));
const budget = () => workbook(fiscal(), general(), threePublic(), operating(), narrative());

describe('years in the headers, years as rows, a one-line table (Chongqing, Guizhou, Beijing)', () => {
  test('the consistent budget: not one finding on its tables, not one loud finding at all', () => {
    const { findings } = audit(budget());
    expect(loud(findings)).toEqual([]);
    expect(findings.filter((f) => f.sheet === '表十')).toEqual([]);
  });

  test('a 2025 figure changed in 表二 is named at its cell, against the 2025 column of 表一', () => {
    const wb = withCell(withCell(budget(), '表二', 'D8', 61), '表二', 'G8', 6);
    expect(loud(audit(wb).findings)).toContain('row-sum 表二!D8 61.00→60.00');
  });

  test('the narrative’s “三公” figures are this year’s row: the year before’s 12.00 said of 2025 is told', () => {
    const lines = [...NARRATIVE];
    lines[2] = `${DEPT}2025年“三公”经费预算为12.00万元，其中：公务用车运行费9.50万元，公务接待费1.50万元。`;
    expect(loud(audit(workbook(fiscal(), general(), threePublic(), operating(), narrative(lines))).findings)).toEqual(['narrative-vs-table 情况说明!A3 12.00→11.00']);
  });

  test('the one-line 机关运行经费表 is still checked along its line: 增减额 3.00 is told', () => {
    expect(loud(audit(withCell(budget(), '表十', 'E4', 3)).findings)).toEqual(['column-change 表十!E4 3.00→2.00']);
  });
});

// Shaanxi: 一般公共预算基本支出明细表 by government and by department economic codes, 专项业务经费支出表.
const basicBy = (name: string, title: string, codes: Array<[string, string, number, number | null, number | null]>, head: string): GridSheet =>
  sheet(
    name,
    [
      [`${DEPT}2025年部门综合预算${title}`],
      [`单位：${DEPT}`, null, null, null, '单位：万元'],
      [head, '科目名称', '合计', '人员经费', '公用经费'],
      [null, '合计', 60, 50, 10],
      ...codes,
    ],
    { merges: ['A1:E1'] },
  );
const byGov = () =>
  basicBy(
    '附件6',
    '一般公共预算基本支出明细表（按政府预算经济分类科目）',
    [
      ['501', '机关工资福利支出', 50, 50, null],
      ['50101', '工资奖金津补贴', 50, 50, null],
      ['502', '机关商品和服务支出', 10, null, 10],
      ['50201', '办公经费', 10, null, 10],
    ],
    '政府预算经济分类科目编码',
  );
const byDept = () =>
  basicBy(
    '附件7',
    '一般公共预算基本支出明细表（按部门预算经济分类科目）',
    [
      ['301', '工资福利支出', 50, 50, null],
      ['30101', '基本工资', 50, 50, null],
      ['302', '商品和服务支出', 10, null, 10],
      ['30201', '办公费', 10, null, 10],
    ],
    '部门预算经济分类科目编码',
  );
const specialProjects = (title = '专项业务经费支出表'): GridSheet =>
  sheet(
    '附件10',
    [
      [`${DEPT}2025年部门综合预算${title}`],
      [`单位：${DEPT}`, null, null, null, '单位：万元'],
      ['项目类别', '项目名称', '功能科目编码', '合计', '一般公共预算拨款'],
      ['合计', null, null, 40, 40],
      ['专项业务费', '信息系统运维', '2010302', 40, 40],
    ],
    { merges: ['A1:E1'] },
  );
const shaanxiGeneral = (name = '附件5', title = '一般公共预算支出明细表（按支出功能分类科目）'): GridSheet =>
  sheet(
    name,
    [
      [`${DEPT}2025年部门综合预算${title}`],
      [`单位：${DEPT}`, null, null, null, '单位：万元'],
      ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
      [null, '合计', 100, 60, 40],
      ['201', '一般公共服务支出', 100, 60, 40],
      ['20103', '政府办公厅（室）及相关机构事务', 100, 60, 40],
      ['2010301', '行政运行', 60, 60, null],
      ['2010302', '一般行政管理事务', 40, null, 40],
    ],
    { merges: ['A1:E1'] },
  );

/** 附件3 支出总表: the same coded rows, every money. */
const shaanxiExpenditure = (): GridSheet => shaanxiGeneral('附件3', '支出总表');

describe('Shaanxi’s 部门综合预算: two basic tables by two classifications, 专项业务经费', () => {
  test('the basic tables by 政府预算 and by 部门预算 经济分类 stay in one disclosure', () => {
    const result = audit(workbook(shaanxiGeneral(), byGov(), byDept(), specialProjects()));
    expect(result.disclosures).toHaveLength(1);
    expect(loud(result.findings)).toEqual([]);
  });

  test('the same kind by the same classification still opens the next disclosure', () => {
    expect(audit(workbook(shaanxiGeneral(), byDept(), shaanxiGeneral(), byDept())).disclosures).toHaveLength(2);
  });

  test('专项业务经费支出表 is read as the project table', () => {
    expect(detectTables(workbook(specialProjects())).map((t) => t.kind)).toEqual(['project-expenditure']);
  });

  test('a project’s category and name left of its subject code are not the code’s name', () => {
    const findings = audit(workbook(shaanxiExpenditure(), shaanxiGeneral(), specialProjects('项目支出表'))).findings;
    expect(findings.filter((f) => f.rule === 'cross-code-names')).toEqual([]);
  });

  test('a subject named otherwise in two 科目编码 | 科目名称 tables is still told', () => {
    // One table against one: each is named, pointing at the other.
    const wb = withCell(workbook(shaanxiExpenditure(), shaanxiGeneral(), specialProjects('项目支出表')), '附件5', 'B8', '一般行政事务');
    expect(audit(wb).findings.filter((f) => f.rule === 'cross-code-names').map((f) => `${f.sheet}!${f.cell}`)).toEqual(['附件3!B8', '附件5!B8']);
  });
});

// Anhui's 部门收支总表: 项目 | 2024年预算数 | 2025年预算数 | 增减额 | 增减% on each side.
const summaryWithYears = (): GridSheet =>
  sheet(
    '部门收支总表',
    [
      [`${DEPT}2025年部门收支总表`],
      [`单位名称：${DEPT}`, null, null, null, null, null, null, null, null, '金额单位：万元'],
      ['收入', null, null, null, null, '支出', null, null, null, null],
      ['项目', '2024年预算数', '2025年预算数', '增减额', '增减%', '项目', '2024年预算数', '2025年预算数', '增减额', '增减%'],
      ['一、一般公共预算拨款收入', 90, 100, 10, 11.11, '一、一般公共服务支出', 80, 85, 5, 6.25],
      ['二、事业收入', 10, 10, 0, 0, '二、住房保障支出', 20, 25, 5, 25],
      ['本年收入合计', 100, 110, 10, 10, '本年支出合计', 100, 110, 10, 10],
      ['收入总计', 100, 110, 10, 10, '支出总计', 100, 110, 10, 10],
    ],
    { merges: ['A1:J1', 'A3:E3', 'F3:J3'] },
  );

describe('上年 | 本年 | 增减 on each side, and as rows (Anhui, Chongqing)', () => {
  test('the consistent 收支总表 printing both years on each side: nothing', () => {
    expect(loud(audit(workbook(summaryWithYears())).findings)).toEqual([]);
  });

  test('a 增减额 of the 支出 side is named at its cell, not at the side’s total', () => {
    expect(loud(audit(withCell(workbook(summaryWithYears()), '部门收支总表', 'I6', 6)).findings)).toEqual(['column-change 部门收支总表!I6 6.00→5.00']);
  });

  test('a 增减% of the 支出 side is named with its own side’s line', () => {
    const f = audit(withCell(workbook(summaryWithYears()), '部门收支总表', 'J5', 7.25)).findings.filter((x) => x.rule === 'column-change-rate');
    expect(f.map((x) => [`${x.sheet}!${x.cell}`, x.name])).toEqual([['部门收支总表!J5', '一、一般公共服务支出 增减%']]);
  });

  test('a “三公” item of the 2025 row is named at its cell: its row’s 合计 and the 增减额 row both point at it', () => {
    expect(loud(audit(withCell(budget(), '表四', 'G6', 2.5)).findings)).toEqual(['row-sum 表四!G6 2.50→1.50']);
  });
});

describe('the year of a table whose title names none', () => {
  const untitled = { year: undefined } as unknown as DetectedTable;
  test('two years in a row with their change: the later', () => {
    expect(tableYear(untitled, ['2024年预算数', '2025年预算数', '2025年预算数比2024年预算数', '增减额'])).toBe(2025);
  });
  test('no change printed, a rolling plan, years apart: untold', () => {
    expect(tableYear(untitled, ['2024年预算数', '2025年预算数'])).toBeUndefined();
    expect(tableYear(untitled, ['2025年', '2026年', '2027年', '增减额'])).toBeUndefined();
    expect(tableYear(untitled, ['2022年预算数', '2025年预算数', '增减额'])).toBeUndefined();
  });
  test('a title’s own year wins', () => {
    expect(tableYear({ year: 2024 } as unknown as DetectedTable, ['2024年预算数', '2025年预算数', '增减额'])).toBe(2024);
  });
});
