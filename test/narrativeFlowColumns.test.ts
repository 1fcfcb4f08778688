import { audit } from '../src/core/engine';
import type { Finding } from '../src/core/finding';
import { sheet, workbook } from './support/sheetBuilder';

/**
 * The national 决算 template's newer 一般公共预算财政拨款支出决算表 prints each subject's flow in columns of its own:
 * 年初结转和结余 | 本年收入 | 本年支出 (小计 | 基本支出 | 项目支出) | 年末结转和结余. A 情况说明 explaining a 项's carry-over
 * (…一般行政管理事务（项）年初结转和结余 A，本年收入 B，本年支出 C，年末结转和结余 D; 年末财政拨款结转和结余 X，其中：
 * 一般行政管理事务 a) names those columns: each figure is held to its own, not to the row's 本年支出 (3 errors a right
 * sentence, the bare 本年收入 / 年末结转和结余 held to the department's lines).
 */
const general05 = sheet(
  '公开05表',
  [
    ['一般公共预算财政拨款支出决算表'],
    ['部门：某某局', null, null, null, null, null, null, '单位：万元'],
    ['科目编码', '科目名称', '年初结转和结余', '本年收入', '本年支出', null, null, '年末结转和结余'],
    [null, null, null, null, '小计', '基本支出', '项目支出'],
    [null, '合计', 50, 700, 720, 610, 110, 30],
    ['201', '一般公共服务支出', 50, 700, 720, 610, 110, 30],
    ['20101', '人大事务', 50, 700, 720, 610, 110, 30],
    ['2010101', '行政运行', null, 610, 610, 610, null, null],
    ['2010102', '一般行政管理事务', 50, 90, 110, null, 110, 30],
  ],
  { merges: ['A1:H1', 'A3:A4', 'B3:B4', 'C3:C4', 'D3:D4', 'E3:G3', 'H3:H4'] },
);
const narrative = (line: string) => audit(workbook(general05, sheet('情况说明', [['某某局2023年度部门决算情况说明'], [line]]))).findings;
const told = (fs: Finding[]) => fs.filter((f) => f.sheet === '情况说明' && f.severity !== 'info').map((f) => [f.rule, f.severity, f.cell, f.actual, f.expected]);

const FLOW = '一般公共服务支出（类）人大事务（款）一般行政管理事务（项）年初结转和结余50.00万元，本年收入90.00万元，本年支出110.00万元，年末结转和结余30.00万元。';
const RIGHT = [
  FLOW,
  '一般行政管理事务（项）年末结转和结余30.00万元，主要是项目尚未完成。',
  '年末财政拨款结转和结余30.00万元，其中：一般行政管理事务30.00万元。',
  '年末财政拨款结转和结余30.00万元，其中：一般行政管理事务（项）30.00万元。',
];

test('the table of our own adds up', () => {
  expect(audit(workbook(general05)).findings.filter((f) => f.severity !== 'info')).toEqual([]);
});

test.each(RIGHT)('right: %s', (line) => {
  expect(told(narrative(line))).toEqual([]);
});

describe('a slipped figure of the flow is told against its own column', () => {
  test('年末结转和结余 40.00 for 30.00, after the 项’s path', () => {
    expect(told(narrative(FLOW.replace('年末结转和结余30.00', '年末结转和结余40.00')))).toEqual([['narrative-vs-table', 'error', 'A2', '40.00', '30.00']]);
  });
  test('本年收入 80.00 for 90.00, after the 项’s path', () => {
    expect(told(narrative(FLOW.replace('本年收入90.00', '本年收入80.00')))).toEqual([['narrative-vs-table', 'error', 'A2', '80.00', '90.00']]);
  });
  test('年初结转和结余 5.00 for 50.00, the path’s own figure', () => {
    expect(told(narrative(FLOW.replace('年初结转和结余50.00', '年初结转和结余5.00')))).toEqual([['narrative-vs-table', 'error', 'A2', '5.00', '50.00']]);
  });
  test('a 项 listed under the year-end carry-over: 31.00 for 30.00', () => {
    expect(told(narrative(RIGHT[2].replace('一般行政管理事务30.00', '一般行政管理事务31.00')))).toEqual([['narrative-vs-table', 'error', 'A2', '31.00', '30.00']]);
  });
});
