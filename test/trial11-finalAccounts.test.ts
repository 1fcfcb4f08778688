import { audit } from '../src/core/engine';
import type { Finding } from '../src/core/finding';
import { detectTables } from '../src/core/detect';
import { sheet, workbook, type CellInput } from './support/sheetBuilder';
import type { GridSheet } from '../src/core/snapshot';

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
