import { audit } from '../src/core/engine';
import type { Finding } from '../src/core/finding';
import { findingText } from '../src/core/messages/render';
import { sheet, workbook } from './support/sheetBuilder';

/**
 * The Ministry of Finance's final-accounts wording, read against a small final accounts of our own:
 * each 项 of the 一般公共预算财政拨款支出 gives its 年初预算 and its 支出决算 (…行政运行（项）：年初预算为 A，
 * 支出决算为 B，完成年初预算的 X%), and the “三公” total gives both (…支出年初预算为 A，支出决算为 B).
 *
 *   公开05表 一般公共预算财政拨款支出 1000.00 = 行政运行 640.00 + 农业生产发展 240.00 + 基本养老保险缴费 120.00
 *   (年初预算 630.00 + 250.00 + 110.00 = 990.00: a budget the tables do not print)
 *   公开07表 “三公” 预算数 合计 33.00 (公务用车 26.00, 接待 7.00) | 决算数 合计 30.70 (公务用车 24.50, 接待 6.20)
 *
 * Right, it says nothing; one slip is one finding, at its cell.
 */
const general = () =>
  sheet(
    '公开05表',
    [
      ['一般公共预算财政拨款支出决算表'],
      ['部门：某某局', null, null, '2023年度', '单位：万元'],
      ['科目编码', '科目名称', '本年支出'],
      [null, null, '合计', '基本支出', '项目支出'],
      [null, '合计', 1000, 760, 240],
      ['208', '社会保障和就业支出', 120, 120],
      ['20805', '行政事业单位养老支出', 120, 120],
      ['2080505', '机关事业单位基本养老保险缴费支出', 120, 120],
      ['213', '农林水支出', 880, 640, 240],
      ['21301', '农业农村', 880, 640, 240],
      ['2130101', '行政运行', 640, 640],
      ['2130122', '农业生产发展', 240, null, 240],
    ],
    { merges: ['A1:E1', 'A3:A4', 'B3:B4', 'C3:E3'] },
  );

const threePublic = () =>
  sheet(
    '公开07表',
    [
      ['一般公共预算财政拨款“三公”经费支出决算表'],
      ['部门：某某局', null, null, null, null, '2023年度', null, null, null, null, null, '单位：万元'],
      ['预算数', null, null, null, null, null, '决算数'],
      ['合计', '因公出国（境）费', '公务用车购置及运行费', null, null, '公务接待费', '合计', '因公出国（境）费', '公务用车购置及运行费', null, null, '公务接待费'],
      [null, null, '小计', '公务用车购置费', '公务用车运行费', null, null, null, '小计', '公务用车购置费', '公务用车运行费'],
      ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'],
      [33, 0, 26, 0, 26, 7, 30.7, 0, 24.5, 0, 24.5, 6.2],
    ],
    { merges: ['A1:L1', 'A3:F3', 'G3:L3', 'A4:A5', 'B4:B5', 'C4:E4', 'F4:F5', 'G4:G5', 'H4:H5', 'I4:K4', 'L4:L5'] },
  );

const HEAD = ['某某局2023年度部门决算情况说明', '一、一般公共预算财政拨款支出决算情况说明'];
const loud = (fs: Finding[]) => fs.filter((f) => f.sheet === '情况说明' && f.severity !== 'info').map((f) => `${f.rule} ${f.severity} ${f.cell} ${f.actual}→${f.expected}`);
const audited = (lines: string[]) => audit(workbook(general(), threePublic(), sheet('情况说明', [...HEAD, ...lines].map((l) => [l])))).findings;
const run = (lines: string[]) => loud(audited(lines));

const ITEMS = [
  '1.农林水支出（类）农业农村（款）行政运行（项）：年初预算为630.00万元，支出决算为640.00万元，完成年初预算的101.59%。',
  '2.农林水支出（类）农业农村（款）农业生产发展（项）：年初预算为250.00万元，支出决算为240.00万元，完成年初预算的96.00%。',
  '3.社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）：年初预算为110.00万元，支出决算为120.00万元，完成年初预算的109.09%。',
];
/** The total in its own paragraph (A3), the 项 numbered below it (A4–A6). */
const RUN = ['2023年度一般公共预算财政拨款支出1000.00万元，完成年初预算的101.01%。', ...ITEMS];
const LIST = ['2023年度一般公共预算财政拨款支出1000.00万元。主要用于以下方面：', ...ITEMS];
/** The same in one paragraph (A3), the 项 one sentence each. */
const ONE = [`2023年度一般公共预算财政拨款支出1000.00万元。主要用于以下方面：${ITEMS.map((l) => l.replace(/^\d\./, '')).join('')}`];
const edit = (lines: string[], n: number, from: string, to: string) => lines.map((l, i) => (i === n ? l.replace(from, to) : l));

describe('narrative-internal: a 项 giving 年初预算 A and 支出决算 B is B in the sum of a 决算 total', () => {
  test('the tables of our own add up', () => {
    expect(audit(workbook(general(), threePublic())).findings.filter((f) => f.severity !== 'info' && f.rule !== 'missing-table')).toEqual([]);
  });

  test.each([
    ['a numbered run under its total', RUN],
    ['a list opened by 主要用于以下方面', LIST],
    ['a list in one paragraph, a sentence per 项', ONE],
  ])('right, it says nothing (the 年初预算 add up to 990.00, not 1000.00): %s', (_, lines) => {
    expect(run(lines)).toEqual([]);
  });

  test('a 支出决算 typed wrong (650.00 for 640.00) is named at the 项 against the table, once: the right total its table figure closes is not blamed', () => {
    for (const lines of [RUN, LIST]) {
      expect(run(edit(lines, 1, '支出决算为640.00', '支出决算为650.00'))).toEqual(['narrative-vs-table error A4 650.00→640.00']);
    }
    const f = audited(edit(ONE, 0, '支出决算为640.00', '支出决算为650.00')).filter((x) => x.sheet === '情况说明');
    expect(f.map((x) => `${x.rule} ${x.severity} ${x.cell} ${x.actual}→${x.expected}`).sort()).toEqual(['narrative-vs-table error A3 650.00→640.00']);
    expect(findingText(f.find((x) => x.rule === 'narrative-vs-table')!)['zh-CN']).toContain('公开05表 行政运行');
  });

  test('the 项 whose 支出决算 is right do not make a wrong total right: 1010.00 is named against the table', () => {
    expect(run(edit(RUN, 0, '1000.00万元', '1010.00万元'))).toEqual(['narrative-vs-table error A3 1010.00→1000.00']);
  });

  test('a 年初预算 typed wrong is not judged as a part of the 决算 total (its own completion rate is)', () => {
    expect(run(edit(RUN, 1, '年初预算为630.00', '年初预算为640.00'))).toEqual(['narrative-percent error A4 101.59→100.00']);
  });

  test('项 that give their 年初预算 only are no parts of a 决算 total: not summed', () => {
    const budgetsOnly = ITEMS.map((l) => l.replace(/，支出决算为[^，]*，完成年初预算的[^。]*。/, '。'));
    expect(run([RUN[0], ...budgetsOnly])).toEqual([]);
  });

  test('项 giving their figures unnamed (支出 B) still add up to the total, and are judged when they do not', () => {
    const plain = ITEMS.map((l) => l.replace(/年初预算为[^，]*，支出决算为([^，]*)，完成年初预算的[^。]*。/, '支出$1。'));
    expect(run([RUN[0], ...plain])).toEqual([]);
    expect(run(edit([RUN[0], ...plain], 2, '支出240.00', '支出230.00'))).toEqual(['narrative-vs-table error A5 230.00→240.00']);
    // The total typed wrong as well (1020.00 for 1000.00): the 项 as the tables give them do not close it either.
    expect(run(edit(edit([RUN[0], ...plain], 2, '支出240.00', '支出230.00'), 0, '1000.00万元', '1020.00万元'))).toContain('narrative-vs-table error A3 1020.00→1000.00');
  });
});

describe('narrative-vs-table: the “三公” total’s 支出决算 after its 年初预算 is the 决算数 合计', () => {
  const RIGHT = '2023年度“三公”经费支出年初预算为33.00万元，支出决算为30.70万元，完成预算的93.03%。其中：因公出国（境）费支出决算为0万元；公务用车购置及运行费支出决算为24.50万元，完成预算的94.23%；公务接待费支出决算为6.20万元，完成预算的88.57%。';

  test('right, it says nothing', () => {
    expect(run([RIGHT])).toEqual([]);
  });

  test('32.70 typed for 30.70 is one finding, against 决算数合计; the completion rate right on 30.70 is not blamed', () => {
    const f = audited([RIGHT.replace('支出决算为30.70', '支出决算为32.70')]).filter((x) => x.sheet === '情况说明' && x.severity !== 'info');
    expect(f.map((x) => `${x.rule} ${x.severity} ${x.cell} ${x.actual}→${x.expected}`)).toEqual(['narrative-vs-table error A3 32.70→30.70']);
    expect(findingText(f[0])['zh-CN']).toContain('决算数合计 30.70');
  });

  test('nor a completion rate worked out on the wrong figure (32.70 ÷ 33.00 = 99.09%): the amount is the slip', () => {
    expect(run([RIGHT.replace('支出决算为30.70', '支出决算为32.70').replace('93.03%', '99.09%')])).toEqual(['narrative-vs-table error A3 32.70→30.70']);
    expect(run(['2023年度“三公”经费财政拨款支出决算为32.70万元，完成预算的99.09%。'])).toEqual(['narrative-vs-table error A3 32.70→30.70']);
  });

  test('a completion rate wrong on both figures is still named', () => {
    expect(run([RIGHT.replace('93.03%', '95.03%')])).toEqual(['narrative-percent error A3 95.03→93.03']);
    expect(run([RIGHT.replace('支出决算为30.70', '支出决算为32.70').replace('93.03%', '95.03%')])).toEqual(['narrative-vs-table error A3 32.70→30.70', 'narrative-percent error A3 95.03→93.03']);
  });

  test('an item’s 支出决算 after its 年初预算 is its 决算数 too', () => {
    const item = '2023年度公务接待费支出年初预算为7.00万元，支出决算为6.20万元，完成预算的88.57%。';
    expect(run([item])).toEqual([]);
    expect(run([item.replace('支出决算为6.20', '支出决算为6.80')])).toEqual(['narrative-vs-table error A3 6.80→6.20']);
  });

  test('a bare 支出 after a figure naming no measure is not read as of that subject', () => {
    // (收入 and 支出 of the year are different figures in final accounts: 支出 B is not the “三公” total.)
    expect(run(['2023年度“三公”经费30.70万元，支出决算为99.00万元。'])).toEqual([]);
  });
});
