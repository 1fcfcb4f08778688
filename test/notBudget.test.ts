import { audit } from '../src/core/engine';
import { detectTables } from '../src/core/detect';
import { findingText } from '../src/core/messages/render';
import { sheet, workbook } from './support/sheetBuilder';

/**
 * Ordinary office workbooks with no budget table: a checker that calls a phone list wrong is
 * switched off after one afternoon. None of these may get an error or a budget kind.
 */
const phoneList = sheet(
  '通讯录',
  [
    ['机关各科室联系电话'],
    ['序号', '科室', '姓名', '办公电话', '手机', '分机'],
    [1, '办公室', '张三', 3921001, 13800000001, 8001],
    [2, '财务科', '李四', 3921002, 13800000002, 8002],
    [3, '人事科', '王五', 3921003, 13800000003, 8003],
    [4, '信息科', '赵六', 3921004, 13800000004, 8004],
    ['合计', null, null, null, null, null],
  ],
  { format: '0' },
);

const purchaseList = sheet('采购清单', [
  ['2024年办公用品采购支出明细表'],
  [null, null, null, null, '单位：元'],
  ['序号', '品名', '数量', '单价', '金额'],
  [1, 'A4复印纸', 40, 25.5, 1020],
  [2, '签字笔', 200, 2.5, 500],
  [3, '文件夹', 60, 8.8, 528],
  [4, '墨盒', 12, 168, 2016],
  // Neither quantities nor unit prices are summed: these two would be wrong as sums (312, 204.8).
  ['合计', null, 300, 51.2, 4064],
]);

const ledger = sheet('固定资产台账', [
  ['固定资产台账'],
  ['资产编号', '资产名称', '购置日期', '数量', '原值', '累计折旧', '净值'],
  ['ZC001', '台式计算机', '2021-03-05', 2, 9600, 5760, 3840],
  ['ZC002', '打印机', '2022-07-11', 1, 2800, 1120, 1680],
  ['小计', null, null, 3, 12400, 6880, 5520],
  ['ZC101', '办公桌', '2019-01-20', 6, 7200, 7200, 0],
  ['ZC102', '文件柜', '2020-05-08', 4, 3600, 2880, 720],
  ['小计', null, null, 10, 10800, 10080, 720],
  ['合计', null, null, 13, 23200, 16960, 6240],
]);

const scores = sheet('考核成绩', [
  ['2024年度财务人员业务考核成绩表'],
  ['序号', '姓名', '理论成绩', '实务得分', '总分'],
  [1, '张三', 88, 90, 178],
  [2, '李四', 92, 85, 177],
  [3, '王五', 79, 95, 174],
  ['平均分', null, 86.33, 90, 176.33],
]);

/** 小计 named by its group, in the name column beside no code (电子设备小计, 家具小计). */
const namedSubtotals = sheet('资产分类', [
  ['固定资产分类汇总'],
  ['资产编号', '资产名称', '数量', '原值'],
  ['ZC001', '计算机', 2, 9600],
  ['ZC002', '打印机', 1, 2800],
  [null, '电子设备小计', 3, 12400],
  ['ZC101', '办公桌', 6, 7200],
  ['ZC102', '文件柜', 4, 3600],
  [null, '家具小计', 10, 10800],
  [null, '合计', 13, 23200],
]);

/** 小计 and 合计 in the 编号 column, real dates, a 单价 column and a group of one item. */
const codedLedger = sheet(
  '台账',
  [
    ['固定资产台账'],
    ['编号', '名称', '购置日期', '数量', '单价', '原值'],
    ['ZC001', '计算机', 44260, 2, 4800, 9600],
    ['ZC002', '打印机', 44753, 1, 2800, 2800],
    ['小计', null, null, 3, null, 12400],
    ['ZC101', '办公桌', 43485, 6, 1200, 7200],
    ['小计', null, null, 6, null, 7200],
    ['合计', null, null, 9, null, 19600],
  ],
  { formats: { C3: 'yyyy-mm-dd', C4: 'yyyy-mm-dd', C6: 'yyyy-mm-dd' } },
);

/** 合计 above or below an average row: the average is never a part of the total. */
const scoresWithTotal = (averageFirst: boolean) =>
  sheet('成绩汇总', [
    ['考核成绩表'],
    ['序号', '姓名', '理论', '实务', '总分'],
    [1, '张三', 88, 90, 178],
    [2, '李四', 92, 85, 177],
    [3, '王五', 79, 95, 174],
    ...(averageFirst
      ? [
          ['平均', null, 86.33, 90, 176.33],
          ['合计', null, 259, 270, 529],
        ]
      : [
          ['合计', null, 259, 270, 529],
          ['平均', null, 86.33, 90, 176.33],
        ]),
  ]);

const dates = sheet(
  '会议安排',
  [['会议室使用安排'], ['日期', '时间', '会议室', '参会人数'], [45292, '09:00', '一号会议室', 12], [45293, '14:30', '二号会议室', 8], [45294, '10:00', '一号会议室', 20], ['合计', null, null, 40]],
  { format: 'yyyy-mm-dd', formats: { D3: '0', D4: '0', D5: '0', D6: '0' } },
);

// The books of accounts: account codes (1001, 100201) are no 类/款 of a budget table, and a 余额 is no sum of its debits.
const trialBalance = sheet('科目余额表', [
  ['科目余额表'],
  ['单位：某某局', null, null, null, null, '单位：元'],
  ['科目编码', '科目名称', '期初余额', '本期借方', '本期贷方', '期末余额'],
  ['1001', '库存现金', 5000, 12000, 11000, 6000],
  ['1002', '银行存款', 800000, 1500000, 1600000, 700000],
  ['100201', '基本户', 500000, 900000, 1000000, 400000],
  ['100202', '零余额账户', 300000, 600000, 600000, 300000],
  ['2001', '应付账款', 20000, 10000, 30000, 40000],
  ['5001', '行政支出', 0, 1200000, 0, 1200000],
  ['合计', null, 825000, 2722000, 1641000, 1946000],
]);

// Rooms and tenancies: a floor, a 房间号 and a span of years are no money, and no part of the row's 合计.
const rooms = sheet('办公用房', [
  ['办公用房租金明细'],
  [null, null, null, null, null, null, null, '单位：元'],
  ['序号', '使用科室', '楼层', '房间号', '租赁起止年限', '租金', '物业费', '合计'],
  [1, '办公室', 3, 301, 2025, 12000, 1200, 13200],
  [2, '财务科', 3, 302, 2025, 9000, 900, 9900],
  [3, '人事科', 4, 405, 2026, 9000, 900, 9900],
  ['合计', null, null, null, null, 30000, 3000, 33000],
]);

describe.each([
  ['a 科目余额表 (期初余额 | 本期借方 | 本期贷方 | 期末余额)', trialBalance],
  ['a list of rooms (房间号, 楼层, 起止年限)', rooms],
  ['a phone list', phoneList],
  ['a purchase list (数量 × 单价 = 金额)', purchaseList],
  ['an asset ledger with 小计 rows', ledger],
  ['a score sheet with an average row', scores],
  ['a meeting schedule of dates', dates],
  ['an asset summary with 小计 named by their group', namedSubtotals],
  ['a ledger with 小计 in the 编号 column, dates, unit prices and a group of one', codedLedger],
  ['a score sheet with an average row above 合计', scoresWithTotal(true)],
  ['a score sheet with an average row below 合计', scoresWithTotal(false)],
])('%s', (_name, s) => {
  test('has no budget kind', () => {
    for (const t of detectTables(workbook(s))) expect(['unknown', 'narrative']).toContain(t.kind);
  });

  test('gets no error and no warning', () => {
    const loud = audit(workbook(s)).findings.filter((f) => f.severity !== 'info');
    expect(loud.map((f) => `${f.rule} ${f.cell} ${findingText(f)['zh-CN']}`)).toEqual([]);
  });
});

// A table of no budget kind has no template vouching for its rows (a pivot table's group rows, a ledger's running balance,
// room numbers were each read as parts of its 合计): its 合计 that does not add up is told as a warning, never an error.
test('a labelled 合计 that does not add up is still told, as a warning, in a table of unknown kind', () => {
  const wrong = structuredClone(purchaseList);
  wrong.values[7][4] = 4046;
  wrong.text[7][4] = '4,046.00';
  const told = audit(workbook(wrong)).findings.filter((f) => f.severity !== 'info');
  expect(told.map((f) => [f.severity, f.rule, f.cell, f.expected])).toEqual([['warning', 'column-total', 'E8', '4064.00']]);
});

describe('the totals of office tables are still checked, with 小计 groups and average rows left out of the parts', () => {
  const changed = (s: ReturnType<typeof sheet>, cell: [number, number], v: number) => {
    const c = structuredClone(s);
    c.values[cell[0]][cell[1]] = v;
    c.text[cell[0]][cell[1]] = String(v);
    return c;
  };
  const errors = (s: ReturnType<typeof sheet>) =>
    audit(workbook(s))
      .findings.filter((f) => f.severity !== 'info')
      .map((f) => [f.severity === 'warning' ? f.rule : `${f.rule} (${f.severity})`, f.cell, f.expected]);

  test('合计 of named 小计 groups is their sum', () => {
    expect(errors(changed(namedSubtotals, [8, 3], 24200))).toEqual([['column-total', 'D9', '23200.00']]);
  });

  test('a 小计 of the 编号 column closes its group', () => {
    expect(errors(changed(codedLedger, [4, 5], 12500))).toContainEqual(['column-total', 'F5', '12400.00']);
  });

  test('合计 below an average row is the sum of the people, not of the average too', () => {
    expect(errors(changed(scoresWithTotal(true), [6, 2], 269))).toEqual([['column-total', 'C7', '259.00']]);
  });
});

describe('when most checks of one table fail, the reading is wrong, not the table', () => {
  // 合计 | 基本支出 | 项目支出 as the header says, but the 合计 column holds last year's figures.
  const misread = sheet('支出表', [
    ['2024年部门支出预算表'],
    ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
    ['2010101', '行政运行', 101.5, 90, 20],
    ['2010102', '一般行政管理事务', 37.2, 10, 30],
    ['2010199', '其他一般公共服务支出', 12.8, 5, 4],
    ['2080501', '行政单位离退休', 48.9, 40, 3],
    ['2210201', '住房公积金', 21.4, 25, 1],
  ]);

  test('it is said once, quietly (info), instead of a wall of errors', () => {
    const r = audit(workbook(misread));
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    const doubt = r.findings.filter((f) => f.rule === 'layout-doubtful');
    expect(doubt).toHaveLength(1);
    expect(findingText(doubt[0])['zh-CN']).toBe('支出表 的版式未能可靠识别（5 项核对中 5 项不符），未作为错误报告，请人工核对。');
  });

  test('one wrong row among many right ones is still an error', () => {
    const one = structuredClone(misread);
    for (const [r, total] of [
      [2, 110],
      [3, 40],
      [4, 9],
      [5, 43],
      [6, 26],
    ] as const) {
      one.values[r][2] = total;
      one.text[r][2] = total.toFixed(2);
    }
    one.values[3][2] = 41;
    one.text[3][2] = '41.00';
    const errors = audit(workbook(one)).findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => [f.rule, f.cell])).toEqual([['row-sum', 'C4']]);
  });
});
