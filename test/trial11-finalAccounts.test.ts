import { audit } from '../src/core/engine';
import type { Finding } from '../src/core/finding';
import { detectTables } from '../src/core/detect';
import { sheet, workbook, type CellInput } from './support/sheetBuilder';
import type { GridSheet, WorkbookSnapshot } from '../src/core/snapshot';

/**
 * Trial 11's false alarms (final accounts 2024 and budgets 2025 of Shanxi, Inner Mongolia, Jilin,
 * Heilongjiang, Hainan, Gansu, Qinghai, Ningxia, Xinjiang, Tianjin, Chongqing), each in a small
 * workbook of our own.
 */
const loud = (fs: Finding[]) => fs.filter((f) => f.severity !== 'info' && f.rule !== 'missing-table').map((f) => `${f.rule} ${f.severity} ${f.sheet}!${f.cell} ${f.actual}→${f.expected}`);

/**
 * 1. The Ministry's 收入决算表 with its codes split 类 | 款 | 项: the last header row heads the code
 *    columns and carries the 栏次 numbers (类 | 款 | 项 | 栏次 | 1 | 2 | 3, or 科目名称 merged down from
 *    the row above). It is header, not a body row of figures 1, 2, 3; and its 类 | 款 | 项 name the
 *    code columns, so 201 | 03 | 01 is read as 2010301.
 */
const splitCodes = (lanci: 'word' | 'merged', total: CellInput = 550): GridSheet =>
  sheet(
    '公开02表',
    [
      ['收入决算表'],
      ['编制单位：某某县某某局', null, null, null, null, null, '单位：万元'],
      ['项目', null, null, null, '本年收入合计', '财政拨款收入', '事业收入'],
      ['支出功能分类科目编码', null, null, '科目名称', null, null, null],
      ['类', '款', '项', lanci === 'word' ? '栏次' : null, '1', '2', '3'],
      [null, null, null, '合计', total, 500, 50],
      ['201', null, null, '一般公共服务支出', 550, 500, 50],
      ['201', '03', null, '政府办公厅（室）及相关机构事务', 550, 500, 50],
      ['201', '03', '01', '行政运行', 400, 400, null],
      ['201', '03', '02', '一般行政管理事务', 150, 100, 50],
    ],
    { merges: ['A1:G1', 'A3:D3', 'A4:C4', ...(lanci === 'word' ? [] : ['D4:D5']), 'E3:E5', 'F3:F5', 'G3:G5'] },
  );

describe('类 | 款 | 项 and the 栏次 numbers on one header row (收入决算表, codes split)', () => {
  for (const lanci of ['word', 'merged'] as const) {
    test(`${lanci === 'word' ? '类 款 项 栏次 1 2 3' : '类 款 项 under a merged 科目名称, 1 2 3'}: header rows 3–5, the codes read whole`, () => {
      const [t] = detectTables(workbook(splitCodes(lanci)));
      expect(t.kind).toBe('income');
      expect([t.headerRows, t.bodyRows]).toEqual([
        [3, 5],
        [6, 10],
      ]);
      expect(t.rows.map((r) => r.functionCode ?? null)).toEqual([null, '201', '20103', '2010301', '2010302']);
      expect(loud(audit(workbook(splitCodes(lanci))).findings)).toEqual([]);
    });
  }

  test('a 合计 off by 10.00 is still found, once, at its cell', () => {
    expect(loud(audit(workbook(splitCodes('word', 560))).findings)).toEqual(['row-sum error 公开02表!E6 560.00→550.00']);
  });
});

/**
 * 2. A budget's 支出总表 whose one code column, headed 科目编码, writes each subject's name after its
 *    code (2080201-行政运行, no name column): the code is the row's (so 合计 = Σ 类, not Σ every row),
 *    the rest its name.
 */
const codeWithName = (total: CellInput = 600): GridSheet =>
  sheet(
    '表三',
    [
      ['某某区民政局2025年部门支出总表'],
      ['单位名称：某某区民政局', null, null, '单位：万元'],
      ['科目编码', '合计', '基本支出', '项目支出'],
      ['合计', total, 450, 150],
      ['208-社会保障和就业支出', 600, 450, 150],
      ['20802-民政管理事务', 600, 450, 150],
      ['2080201-行政运行', 450, 450, null],
      ['2080208-基层政权建设和社区治理', 150, null, 150],
    ],
    { merges: ['A1:D1'] },
  );

describe('a 科目编码 column writing the name after the code (2080201-行政运行)', () => {
  test('each row has its code and its name; the table adds up', () => {
    const [t] = detectTables(workbook(codeWithName()));
    expect(t.rows.map((r) => [r.functionCode ?? null, r.label])).toEqual([
      [null, '合计'],
      ['208', '社会保障和就业支出'],
      ['20802', '民政管理事务'],
      ['2080201', '行政运行'],
      ['2080208', '基层政权建设和社区治理'],
    ]);
    expect(loud(audit(workbook(codeWithName())).findings)).toEqual([]);
  });

  test('a 合计 off by 10.00 is found, once, at its cell', () => {
    expect(loud(audit(workbook(codeWithName(610))).findings)).toEqual(['row-sum error 表三!B4 610.00→600.00']);
  });

  test('its names are compared with another table’s (cross-code-names): the same names say nothing, another name is a warning at it', () => {
    const beside = (name: string): GridSheet =>
      sheet('表五', [
        ['某某区民政局2025年一般公共预算支出表'],
        ['单位名称：某某区民政局', null, null, null, '单位：万元'],
        ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
        ['合计', null, 600, 450, 150],
        ['208', '社会保障和就业支出', 600, 450, 150],
        ['20802', '民政管理事务', 600, 450, 150],
        ['2080201', '行政运行', 450, 450, null],
        ['2080208', name, 150, null, 150],
      ]);
    const warned = (name: string) => audit(workbook(codeWithName(), beside(name))).findings.filter((f) => f.rule === 'cross-code-names').map((f) => `${f.sheet}!${f.cell}`);
    expect(warned('基层政权建设和社区治理')).toEqual([]);
    expect(warned('基层政权和社区建设')).toEqual(['表三!A8', '表五!B8']);
  });
});

/**
 * 3. A 项目支出表 laid out 项目名称 | 功能科目编码 | 功能科目名称: the subject's name is the 功能科目名称
 *    column's, not the project's (安全生产专项整治 is no name of 2240106 安全监管).
 */
const general = (): GridSheet =>
  sheet('表五', [
    ['某某市应急管理局2025年一般公共预算支出表'],
    ['单位名称：某某市应急管理局', null, null, null, '单位：万元'],
    ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
    ['合计', null, 700, 400, 300],
    ['224', '灾害防治及应急管理支出', 700, 400, 300],
    ['22401', '应急管理事务', 700, 400, 300],
    ['2240101', '行政运行', 400, 400, null],
    ['2240106', '安全监管', 300, null, 300],
  ]);
const projects = (subjectName = '安全监管'): GridSheet =>
  sheet('表十', [
    ['某某市应急管理局2025年项目支出表'],
    ['单位名称：某某市应急管理局', null, null, null, '单位：万元'],
    ['项目名称', '功能科目编码', '功能科目名称', '合计', '一般公共预算拨款'],
    ['合计', null, null, 300, 300],
    ['安全生产专项整治', '2240106', subjectName, 200, 200],
    ['应急救援队伍能力建设', '2240106', '安全监管', 100, 100],
  ]);

describe('项目名称 | 功能科目编码 | 功能科目名称: the subject is named by its own column (cross-code-names)', () => {
  test('projects named otherwise than their subject: nothing said', () => {
    expect(detectTables(workbook(general(), projects())).map((t) => t.kind)).toEqual(['general-budget-expenditure', 'project-expenditure']);
    expect(loud(audit(workbook(general(), projects())).findings)).toEqual([]);
  });

  test('a 功能科目名称 that is not the subject’s is still a warning at its cell', () => {
    expect(loud(audit(workbook(general(), projects('安全监督'))).findings)).toEqual(['cross-code-names warning 表十!C5 安全监督→安全监管']);
  });
});

/**
 * The final accounts of 4–5 below (万元): 一般公共预算财政拨款支出 520.00 = 基本 380.00 (人员经费 300.00 +
 * 公用经费 80.00) + 项目 140.00.
 */
const fiscalGeneral = (): GridSheet =>
  sheet(
    '公开05表',
    [
      ['一般公共预算财政拨款支出决算表'],
      ['部门：某某县某某局', null, null, '2024年度', '单位：万元'],
      ['功能分类科目编码', '科目名称', '合计', '基本支出', '项目支出'],
      ['合计', null, 520, 380, 140],
      ['201', '一般公共服务支出', 520, 380, 140],
      ['20103', '政府办公厅（室）及相关机构事务', 520, 380, 140],
      ['2010301', '行政运行', 380, 380, null],
      ['2010302', '一般行政管理事务', 140, null, 140],
    ],
    { merges: ['A1:E1', 'A4:B4'] },
  );
const fiscalBasic = (): GridSheet =>
  sheet(
    '公开06表',
    [
      ['一般公共预算财政拨款基本支出决算表'],
      ['部门：某某县某某局', null, null, '2024年度', '单位：万元'],
      ['科目编码', '科目名称', '合计', '人员经费', '公用经费'],
      ['合计', null, 380, 300, 80],
      ['301', '工资福利支出', 300, 300, null],
      ['30101', '基本工资', 180, 180, null],
      ['30107', '绩效工资', 120, 120, null],
      ['302', '商品和服务支出', 80, null, 80],
      ['30201', '办公费', 80, null, 80],
    ],
    { merges: ['A1:E1', 'A4:B4'] },
  );
const finalNarrative = (...lines: string[]): WorkbookSnapshot =>
  workbook(fiscalGeneral(), fiscalBasic(), sheet('情况说明', ['某某县某某局2024年度部门决算情况说明', '六、一般公共预算财政拨款基本支出决算情况说明', ...lines].map((l) => [l])));

/**
 * 4. 绩效工资 is a pay item (人员经费), not 预算绩效管理: a paragraph listing it among what 人员经费
 *    covers is judged like any other, not set aside as a 绩效 section's.
 */
describe('a paragraph naming 绩效工资 among the 人员经费 items is judged', () => {
  const BASIC = (personnel: string) => `2024年度一般公共预算财政拨款基本支出380.00万元，其中：人员经费${personnel}万元，主要包括基本工资、津贴补贴、奖金、绩效工资、住房公积金；公用经费80.00万元，主要包括办公费、印刷费。`;

  test('right: nothing said', () => {
    expect(loud(audit(finalNarrative(BASIC('300.00'))).findings)).toEqual([]);
  });

  test('人员经费 295.00 where the table prints 300.00: one error at the paragraph (the table’s 300.00 closes the list’s 380.00, so the total is not blamed too)', () => {
    expect(loud(audit(finalNarrative(BASIC('295.00'))).findings)).toEqual(['narrative-vs-table error 情况说明!A3 295.00→300.00']);
  });

  test('a 预算绩效管理 paragraph is still set aside (its figures are not the tables’)', () => {
    expect(loud(audit(finalNarrative('（四）预算绩效管理情况', '本部门组织对项目支出开展绩效自评，涉及资金295.00万元，其中人员经费12.00万元。')).findings)).toEqual([]);
  });
});


/**
 * 5. A final accounts' 财政拨款收入支出决算总表: a fund column's 总计 is its 本年支出合计 and its 年末结转和结余;
 *    the fund's spending (政府性基金预算财政拨款支出) is the 本年支出合计 line only.
 */
const fiscalSummary = (): GridSheet =>
  sheet(
    '公开04表',
    [
      ['财政拨款收入支出决算总表'],
      ['部门：某某县某某局', null, null, null, null, null, null, '单位：万元'],
      ['收入', null, null, '支出', null, null, null, null],
      ['项目', '行次', '金额', '项目', '行次', '合计', '一般公共预算财政拨款', '政府性基金预算财政拨款'],
      ['一、一般公共预算财政拨款', 1, 500, '一、一般公共服务支出', 33, 480, 480, null],
      ['二、政府性基金预算财政拨款', 2, 100, '二、城乡社区支出', 34, 90, null, 90],
      ['本年收入合计', 3, 600, '本年支出合计', 35, 570, 480, 90],
      ['年初财政拨款结转和结余', 4, null, '年末财政拨款结转和结余', 36, 30, 20, 10],
      ['总计', 5, 600, '总计', 37, 600, 500, 100],
    ],
    { merges: ['A1:H1', 'A3:C3', 'D3:H3'], formats: Object.fromEntries(['B', 'E'].flatMap((c) => [5, 6, 7, 8, 9].map((r) => [`${c}${r}`, '0']))) },
  );
const fundNarrative = (line: string): WorkbookSnapshot =>
  workbook(fiscalSummary(), sheet('情况说明', ['某某县某某局2024年度部门决算情况说明', '八、政府性基金预算财政拨款支出决算情况说明', line].map((l) => [l])));

describe('a fund’s spending in final accounts is its 本年支出合计, not its 总计 (narrative-vs-table)', () => {
  test('the table reads as planned and holds together', () => {
    expect(detectTables(fundNarrative('无。')).map((t) => t.kind)).toEqual(['fiscal-appropriation-summary', 'narrative']);
    expect(loud(audit(fundNarrative('2024年度政府性基金预算财政拨款支出90.00万元，主要用于城市建设。')).findings)).toEqual([]);
  });

  test('100.00, the fund column’s 总计 (its carry-over included): an error, 90.00 expected', () => {
    expect(loud(audit(fundNarrative('2024年度政府性基金预算财政拨款支出100.00万元，主要用于城市建设。')).findings)).toEqual(['narrative-vs-table error 情况说明!A3 100.00→90.00']);
  });

  test('96.00: the 本年支出合计 is the figure expected, not the nearer 总计', () => {
    expect(loud(audit(fundNarrative('2024年度政府性基金预算财政拨款支出96.00万元，主要用于城市建设。')).findings)).toEqual(['narrative-vs-table error 情况说明!A3 96.00→90.00']);
  });
});

/**
 * 6. A budget's 一般公共预算支出表 printing 2024年预算数 | 2025年预算数 > 小计 | 基本支出 > 小计 | 人员经费 |
 *    公用经费 | 项目支出 | 增减 > 增减额 | 增减%: the year's figure is the 小计 right under its heading, not
 *    the 基本支出's 小计 one level down; so 增减额 and 增减% are checked on every row.
 */
const withChange = (edit: (rows: CellInput[][]) => void = () => undefined): GridSheet => {
  const rows: CellInput[][] = [
    ['某某区民政局2025年一般公共预算支出表'],
    ['单位名称：某某区民政局', null, null, null, null, null, null, null, '单位：万元'],
    ['科目编码', '2024年预算数', '2025年预算数', '2025年预算数', '2025年预算数', '2025年预算数', '2025年预算数', '2025年比2024年预算数增减', '2025年比2024年预算数增减'],
    [null, null, '小计', '基本支出', '基本支出', '基本支出', '项目支出', '增减额', '增减%'],
    [null, null, null, '小计', '人员经费', '公用经费', null, null, null],
    ['合计', 650, 690, 540, 460, 80, 150, 40, 6.15],
    ['208-社会保障和就业支出', 650, 690, 540, 460, 80, 150, 40, 6.15],
    ['20802-民政管理事务', 650, 690, 540, 460, 80, 150, 40, 6.15],
    ['2080201-行政运行', 500, 540, 540, 460, 80, null, 40, 8.0],
    ['2080208-基层政权建设和社区治理', 150, 150, null, null, null, 150, '-', 0],
  ];
  edit(rows);
  return sheet('表五', rows, { merges: ['A1:I1', 'A3:A5', 'B3:B5', 'C3:G3', 'H3:I3', 'C4:C5', 'D4:F4', 'G4:G5', 'H4:H5', 'I4:I5'] });
};

describe('2025年预算数 > 小计 beside 基本支出 > 小计: the year’s figure is its own 小计 (column-change, column-change-rate)', () => {
  test('right: nothing said', () => {
    expect(loud(audit(workbook(withChange())).findings)).toEqual([]);
  });

  test('增减额 41.00 where 540.00 − 500.00 = 40.00: told at that cell', () => {
    expect(loud(audit(workbook(withChange((r) => (r[8][7] = 41)))).findings)).toEqual(['column-change error 表五!H9 41.00→40.00']);
  });

  test('增减% 9.00 where 40.00 ÷ 500.00 = 8.00%: told at that cell', () => {
    expect(loud(audit(workbook(withChange((r) => (r[8][8] = 9)))).findings)).toEqual(['column-change-rate error 表五!I9 9.00→8.00']);
  });
});
