import { audit } from '../src/core/engine';
import type { Finding } from '../src/core/finding';
import { detectTables } from '../src/core/detect';
import { sheet, workbook, type CellInput } from './support/sheetBuilder';
import type { GridSheet } from '../src/core/snapshot';
import { all, edited, said } from './support/checklist';

/**
 * Trial 7's false alarms, each in a small workbook of our own.
 *
 * 1. A quantity named with money other than the appropriations' (其他资金项目支出) is that money's
 *    figure: judged against a column of that money (a 项目支出表's 其他资金), otherwise not judged;
 *    never against the 一般公共预算 table's 项目支出 nor all the money's.
 * 2. A table we cannot name (a 部门整体支出绩效自评表 whose second header block is read as a body
 *    row) claims no unreadable amounts: 「分值」 is a header word, not an amount gone wrong.
 *
 * The final accounts below (万元):
 *   支出 550.00 = 基本 400.00 + 项目 150.00 (2010301 行政运行 基本 400.00; 2010302 一般行政管理事务 项目 150.00)
 *   一般公共预算 520.00 = 基本 380.00 + 项目 140.00
 *   项目支出 150.00 = 财政拨款 140.00 + 其他资金 10.00
 */
const loud = (fs: Finding[]) => fs.filter((f) => f.severity !== 'info' && f.rule !== 'missing-table').map((f) => `${f.rule} ${f.severity} ${f.sheet}!${f.cell} ${f.actual}→${f.expected}`);

const codes: Array<[string, string]> = [
  ['201', '一般公共服务支出'],
  ['20103', '政府办公厅（室）及相关机构事务'],
  ['2010301', '行政运行'],
  ['2010302', '一般行政管理事务'],
];

const expenditure = (): GridSheet =>
  sheet(
    '公开03表',
    [
      ['支出决算表'],
      ['部门：某某县某某局', null, null, '2024年度', '单位：万元'],
      ['功能分类科目编码', '科目名称', '本年支出合计', '基本支出', '项目支出'],
      ['合计', null, 550, 400, 150],
      ...codes.map(([c, n]): CellInput[] => [c, n, ...({ '201': [550, 400, 150], '20103': [550, 400, 150], '2010301': [400, 400, null], '2010302': [150, null, 150] } as Record<string, CellInput[]>)[c]]),
    ],
    { merges: ['A1:E1', 'A4:B4'] },
  );

const general = (): GridSheet =>
  sheet(
    '公开05表',
    [
      ['一般公共预算财政拨款支出决算表'],
      ['部门：某某县某某局', null, null, '2024年度', '单位：万元'],
      ['功能分类科目编码', '科目名称', '合计', '基本支出', '项目支出'],
      ['合计', null, 520, 380, 140],
      ...codes.map(([c, n]): CellInput[] => [c, n, ...({ '201': [520, 380, 140], '20103': [520, 380, 140], '2010301': [380, 380, null], '2010302': [140, null, 140] } as Record<string, CellInput[]>)[c]]),
    ],
    { merges: ['A1:E1', 'A4:B4'] },
  );

/** 项目支出决算表 by function: 项目支出合计 | 财政拨款 | 其他资金. */
const projects = (): GridSheet =>
  sheet(
    '公开08表',
    [
      ['项目支出决算表'],
      ['部门：某某县某某局', null, null, '2024年度', '单位：万元'],
      ['功能分类科目编码', '科目名称', '项目支出合计', '财政拨款', '其他资金'],
      ['合计', null, 150, 140, 10],
      ['201', '一般公共服务支出', 150, 140, 10],
      ['20103', '政府办公厅（室）及相关机构事务', 150, 140, 10],
      ['2010302', '一般行政管理事务', 150, 140, 10],
    ],
    { merges: ['A1:E1', 'A4:B4'] },
  );

const HEAD = ['某某县某某局2024年度部门决算情况说明', '三、项目支出决算情况说明'];
const SENTENCE = '2024年度项目支出150.00万元，其中：财政拨款项目支出140.00万元，其他资金项目支出10.00万元。';
const run = (line: string, tables: Array<() => GridSheet>) => loud(audit(workbook(...tables.map((t) => t()), sheet('情况说明', [...HEAD, line].map((l) => [l])))).findings);

describe('其他资金项目支出 is the 其他资金 money’s figure (narrative-vs-table)', () => {
  test('the tables read as planned: 支出表, 一般公共预算 table, 项目支出表', () => {
    const kinds = detectTables(workbook(expenditure(), general(), projects())).map((t) => t.kind);
    expect(kinds).toEqual(['expenditure', 'general-budget-expenditure', 'project-expenditure']);
  });

  test('right against the 项目支出表’s 其他资金 column: nothing said', () => {
    expect(run(SENTENCE, [expenditure, general, projects])).toEqual([]);
  });

  test('12.00 where the 其他资金 column prints 10.00: an error, the 其他资金 figure expected', () => {
    expect(run('2024年度其他资金项目支出12.00万元。', [expenditure, general, projects])).toEqual(['narrative-vs-table error 情况说明!A3 12.00→10.00']);
    // In the list, its items make up the 项目支出 the tables print: the table's 10.00 closes the list's 150.00,
    // so the item is the one slip (its total is not blamed as well).
    expect(run(SENTENCE.replace('其他资金项目支出10.00', '其他资金项目支出12.00'), [expenditure, general, projects])).toEqual(['narrative-vs-table error 情况说明!A3 12.00→10.00']);
  });

  test('no table with a 其他资金 column: not judged, never against 一般公共预算 项目支出 140.00 nor all the money’s 150.00', () => {
    expect(run(SENTENCE, [expenditure, general])).toEqual([]);
    expect(run(SENTENCE.replace('其他资金项目支出10.00', '其他资金项目支出12.00'), [expenditure, general])).toEqual([]);
  });

  test('非财政拨款项目支出 and 单位资金项目支出 are other moneys, not the 其他资金 column’s unless the column says so', () => {
    expect(run('2024年度非财政拨款项目支出99.00万元。', [expenditure, general, projects])).toEqual([]);
    expect(run('2024年度单位资金项目支出99.00万元。', [expenditure, general, projects])).toEqual([]);
  });

  test('the plain and the appropriations’ 项目支出 are judged as before', () => {
    expect(run(SENTENCE.replace('2024年度项目支出150.00', '2024年度项目支出160.00'), [expenditure, general, projects])).toEqual(['narrative-vs-table error 情况说明!A3 160.00→150.00']);
    expect(run('2024年度一般公共预算财政拨款项目支出145.00万元。', [expenditure, general, projects])).toEqual(['narrative-vs-table error 情况说明!A3 145.00→140.00']);
  });

  test('a 支出表 whose 项目支出 is split by money (项目支出 > 财政拨款 | 其他资金) holds it too', () => {
    const split = (): GridSheet =>
      sheet(
        '公开03表',
        [
          ['支出决算表'],
          ['部门：某某县某某局', null, null, '2024年度', null, '单位：万元'],
          ['功能分类科目编码', '科目名称', '本年支出合计', '基本支出', '项目支出', null],
          [null, null, null, null, '财政拨款', '其他资金'],
          ['合计', null, 550, 400, 140, 10],
          ['201', '一般公共服务支出', 550, 400, 140, 10],
          ['20103', '政府办公厅（室）及相关机构事务', 550, 400, 140, 10],
          ['2010301', '行政运行', 400, 400, null, null],
          ['2010302', '一般行政管理事务', 150, null, 140, 10],
        ],
        { merges: ['A1:F1', 'A3:A4', 'B3:B4', 'C3:C4', 'D3:D4', 'E3:F3', 'A5:B5'] },
      );
    expect(run('2024年度其他资金项目支出10.00万元。', [split, general])).toEqual([]);
    expect(run('2024年度其他资金项目支出12.00万元。', [split, general])).toEqual(['narrative-vs-table error 情况说明!A3 12.00→10.00']);
  });
});

/** A 部门整体支出绩效自评表: a 资金 block over an 指标 block, each with its own header row. */
const selfAssessment = (): GridSheet =>
  sheet('部门整体支出绩效自评表', [
    ['2024年度部门整体支出绩效自评表'],
    ['部门名称：某某区卫生健康委员会', null, null, null, null, '自评得分：96.5'],
    ['年度预算执行情况（万元）', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分', null],
    ['年度资金总额', '1,200.0', '1,323.5', '1,250.1', 10, '94.45%', 9.45, null],
    ['一级指标', '二级指标', '三级指标', '分值', '年度指标值', '实际完成值', '得分', '偏差原因分析及改进措施'],
    ['产出指标', '数量指标', '家庭医生签约服务人数', 10, '≥30万人', '31.2万人', 10, null],
    ['产出指标', '质量指标', '传染病报告及时率', 10, '100%', '99.8%', 9.5, '部分项目受天气影响延期'],
    ['效益指标', '社会效益指标', '居民健康素养水平', 15, '≥38%', '39.1%', 15, null],
    ['满意度指标', '服务对象满意度指标', '群众满意度', 10, '≥90%', '92.5%', 10, null],
    ['总分', null, null, 55, null, null, 53.95, null],
  ]);

describe('a table we cannot name claims no unreadable amounts as errors (unreadable-amount)', () => {
  test('the 绩效自评表 with stacked header blocks is of no budget kind, and says nothing: 「分值」 is a header word', () => {
    const book = workbook(selfAssessment());
    expect(detectTables(book).map((t) => t.kind)).toEqual(['unknown']);
    expect(loud(audit(book).findings)).toEqual([]);
  });

  test('words with no digits in a table of unknown kind are no amount; a damaged number there is a warning only', () => {
    const damaged = selfAssessment();
    const words = audit(workbook(damaged)).findings.filter((f) => f.rule === 'unreadable-amount');
    expect(words).toEqual([]);
    const withSlip = sheet('部门整体支出绩效自评表', [
      ['2024年度部门整体支出绩效自评表'],
      ['年度预算执行情况（万元）', '年初预算数', '全年预算数', '全年执行数'],
      ['年度资金总额', '1,200.0', '1,323.5', '1,25a.1'],
      ['其中：财政拨款', '1,100.0', '1,200.0', '1,150.1'],
    ]);
    const f = audit(workbook(withSlip)).findings.filter((x) => x.rule === 'unreadable-amount');
    expect(f.map((x) => [x.rule, x.severity, x.cell, x.actual])).toEqual([['unreadable-amount', 'warning', 'D3', '1,25a.1']]);
  });

  test('a damaged number in a table we know is still named, an error', () => {
    expect(all(edited([['预算03表', 'C6', '12,3a4']])).map(said)).toEqual([['unreadable-amount', 'error', '预算03表!C6', '12,3a4', null]]);
    expect(all(edited([['预算03表', 'C6', '分值']])).map(said)).toEqual([['unreadable-amount', 'error', '预算03表!C6', '分值', null]]);
  });
});
