import { audit } from '../src/core/engine';
import type { Finding } from '../src/core/finding';
import { findingText } from '../src/core/messages/render';
import { sheet, workbook } from './support/sheetBuilder';

/**
 * A final accounts whose 项目支出 is not all the appropriations': 35.00 of the 农业生产发展 project
 * was paid from 其他收入, so the 支出决算表 of all the money (公开03表) prints more than the
 * 一般公共预算财政拨款支出决算表 (公开05表).
 *
 *   公开03表 本年支出合计 1035.00 = 基本支出 760.00 + 项目支出 275.00 (农业生产发展 275.00 = 240.00 + 35.00 其他收入)
 *   公开05表 一般公共预算财政拨款支出 1000.00 = 基本支出 760.00 + 项目支出 240.00
 *   (年初预算: 行政运行 630.00, 农业生产发展 250.00, 基本养老保险缴费 110.00 — printed in no table)
 *
 * The 项 are written as the Ministry's model has them, the path a sentence of its own
 * (…农业生产发展（项）。年初预算为 A，支出决算为 B，完成年初预算的 X%). Right, it says nothing; one slip
 * is one finding, at its cell.
 */
const body = (total: number[], project: number) => [
  [null, '合计', ...total],
  ['208', '社会保障和就业支出', 120, 120],
  ['20805', '行政事业单位养老支出', 120, 120],
  ['2080505', '机关事业单位基本养老保险缴费支出', 120, 120],
  ['213', '农林水支出', 640 + project, 640, project],
  ['21301', '农业农村', 640 + project, 640, project],
  ['2130101', '行政运行', 640, 640],
  ['2130122', '农业生产发展', project, null, project],
];

const allMoney = () =>
  sheet(
    '公开03表',
    [
      ['支出决算表'],
      ['部门：某某局', null, null, '2023年度', '单位：万元'],
      ['科目编码', '科目名称', '本年支出'],
      [null, null, '合计', '基本支出', '项目支出'],
      ...body([1035, 760, 275], 275),
    ],
    { merges: ['A1:E1', 'A3:A4', 'B3:B4', 'C3:E3'] },
  );

const general = () =>
  sheet(
    '公开05表',
    [
      ['一般公共预算财政拨款支出决算表'],
      ['部门：某某局', null, null, '2023年度', '单位：万元'],
      ['科目编码', '科目名称', '本年支出'],
      [null, null, '合计', '基本支出', '项目支出'],
      ...body([1000, 760, 240], 240),
    ],
    { merges: ['A1:E1', 'A3:A4', 'B3:B4', 'C3:E3'] },
  );

const HEAD = ['某某局2023年度部门决算情况说明', '一、一般公共预算财政拨款支出决算情况说明'];
const loud = (fs: Finding[]) => fs.filter((f) => f.sheet === '情况说明' && f.severity !== 'info');
const line = (f: Finding) => `${f.rule} ${f.severity} ${f.cell} ${f.actual}→${f.expected}`;
const audited = (lines: string[], tables = [allMoney(), general()]) => loud(audit(workbook(...tables, sheet('情况说明', [...HEAD, ...lines].map((l) => [l])))).findings);
const run = (lines: string[], tables?: ReturnType<typeof sheet>[]) => audited(lines, tables).map(line);

const ITEMS = [
  '1.农林水支出（类）农业农村（款）行政运行（项）。年初预算为630.00万元，支出决算为640.00万元，完成年初预算的101.59%。决算数大于年初预算数的主要原因是人员增加。',
  '2.农林水支出（类）农业农村（款）农业生产发展（项）。年初预算为250.00万元，支出决算为240.00万元，完成年初预算的96.00%。决算数小于年初预算数的主要原因是厉行节约。',
  '3.社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）。年初预算为110.00万元，支出决算为120.00万元，完成年初预算的109.09%。',
];
const TOTAL = '2023年度一般公共预算财政拨款支出年初预算为990.00万元，支出决算为1000.00万元，完成年初预算的101.01%。其中：';
const SHARE = '2023年度一般公共预算财政拨款项目支出240.00万元，占一般公共预算项目支出总额的100%。';
/** The wording of a 绩效 section: the amount is not judged there, the share of the fund's whole is. */
const PERFORMANCE = ['（二）预算绩效管理情况', '本部门组织对2023年度一般公共预算项目支出全面开展绩效自评，共涉及项目1个，资金240.00万元，占一般公共预算项目支出总额的100%。'];
const edit = (lines: string[], n: number, from: string, to: string) => lines.map((l, i) => (i === n ? l.replace(from, to) : l));

test('the tables of our own add up', () => {
  expect(audit(workbook(allMoney(), general())).findings.filter((f) => f.severity !== 'info' && f.rule !== 'missing-table')).toEqual([]);
});

describe('narrative-vs-table: a 项 whose path is a sentence of its own heads the figures after it', () => {
  test('right, it says nothing', () => {
    expect(run([TOTAL, ...ITEMS])).toEqual([]);
    expect(run(ITEMS)).toEqual([]);
  });

  test('a 支出决算 typed wrong (250.00 for 240.00, its completion rate left right) is named once, at its 项, against 公开05表', () => {
    const f = audited(edit(ITEMS, 1, '支出决算为240.00', '支出决算为250.00'));
    expect(f.map(line)).toEqual(['narrative-vs-table error A4 250.00→240.00']);
    expect(findingText(f[0])['zh-CN']).toContain('公开05表 农业生产发展');
    // (Not narrative-percent 「完成年初预算的96.00% 应约为 100.00%」: the rate is right on the table's figure.)
  });

  test('under its total the 项 no longer make up 1000.00, but the table’s 240.00 closes it: told at the 项 only, the total is right', () => {
    expect(run(edit([TOTAL, ...ITEMS], 2, '支出决算为240.00', '支出决算为250.00'))).toEqual(['narrative-vs-table error A5 250.00→240.00']);
  });

  test('a completion rate wrong on the right figures is still named', () => {
    expect(run(edit(ITEMS, 1, '96.00%', '98.00%'))).toEqual(['narrative-percent error A4 98.00→96.00']);
  });

  test('a path heading alone in its paragraph heads the first sentence of the next', () => {
    const lines = ['（一）农林水支出（类）农业农村（款）农业生产发展（项）', '年初预算为250.00万元，支出决算为240.00万元，完成年初预算的96.00%。'];
    expect(run(lines)).toEqual([]);
    expect(run(edit(lines, 1, '支出决算为240.00', '支出决算为250.00'))).toEqual(['narrative-vs-table error A4 250.00→240.00']);
  });

  test('a sentence with words beside the path heads nothing: its bare figures stay unjudged', () => {
    const lines = ['农林水支出（类）农业农村（款）农业生产发展（项）的资金由上级追加。年初预算为250.00万元，支出决算为250.00万元。'];
    expect(run(lines)).toEqual([]);
  });
});

describe('narrative-percent: a whole named with its money is that money’s figure', () => {
  test('right, it says nothing: 240.00 of 一般公共预算项目支出总额 240.00 (公开05表) is 100%, though 公开03表 prints 275.00', () => {
    expect(run([SHARE])).toEqual([]);
    expect(run(PERFORMANCE)).toEqual([]);
  });

  test('a share of the fund’s whole typed wrong is judged against 公开05表', () => {
    const f = audited([SHARE.replace('100%', '90%')]);
    expect(f.map(line)).toEqual(['narrative-percent error A3 90→100.00']);
    expect(findingText(f[0])['zh-CN']).toContain('一般公共预算项目支出总额 240.00');
    expect(f[0].cells.filter((c) => c.other).map((c) => `${c.sheet}!${c.cell}`)).toEqual(['公开05表!E5']);
  });

  test('a whole named with no money is all the money’s: 240.00 of 项目支出总额 275.00 (公开03表)', () => {
    expect(run(['2023年度一般公共预算财政拨款项目支出240.00万元，占项目支出总额的87.27%。'])).toEqual([]);
    // (100% is right on 公开05表's 项目支出 240.00 — the general budget's, the other figure the tables print of that name:
    // which the writer meant is not told, so it is said quietly; a share right on neither is an error.)
    expect(run(['2023年度一般公共预算财政拨款项目支出240.00万元，占项目支出总额的100%。'])).toEqual([]);
    expect(audit(workbook(allMoney(), general(), sheet('情况说明', [...HEAD, '2023年度一般公共预算财政拨款项目支出240.00万元，占项目支出总额的100%。'].map((l) => [l])))).findings.filter((f) => f.rule === 'narrative-percent').map(line)).toEqual(['narrative-percent info A3 100→87.27']);
    expect(run(['2023年度一般公共预算财政拨款项目支出240.00万元，占项目支出总额的90%。'])).toEqual(['narrative-percent error A3 90→87.27']);
  });

  test('no table of that money: neither the share nor the amount is judged on all the money’s figure', () => {
    // Only 公开03表: 一般公共预算项目支出 is not 275.00 — nothing holds it, nothing is said.
    expect(run([SHARE], [allMoney()])).toEqual([]);
    expect(run(PERFORMANCE, [allMoney()])).toEqual([]);
  });

  test('an amount named with its money is judged against that money’s table', () => {
    expect(run([SHARE.replace('项目支出240.00', '项目支出275.00')])).toEqual(['narrative-vs-table error A3 275.00→240.00']);
  });
});

describe('text-subject-level: a 款 and its 项 of one name are each read at the level the path gives', () => {
  const science = () =>
    sheet(
      '公开05表',
      [
        ['一般公共预算财政拨款支出决算表'],
        ['部门：某某局', null, null, '2023年度', '单位：万元'],
        ['科目编码', '科目名称', '本年支出'],
        [null, null, '合计', '基本支出', '项目支出'],
        [null, '合计', 35.8, null, 35.8],
        ['206', '科学技术支出', 35.8, null, 35.8],
        ['20699', '其他科学技术支出', 35.8, null, 35.8],
        ['2069999', '其他科学技术支出', 35.8, null, 35.8],
      ],
      { merges: ['A1:E1', 'A3:A4', 'B3:B4', 'C3:E3'] },
    );
  const ITEM = '1.科学技术支出（类）其他科学技术支出（款）其他科学技术支出（项）。年初预算为0.00万元，支出决算为35.80万元。';

  test('right, it says nothing (not 「其他科学技术支出（项）」 read as the 款, nor the 款 as the 类)', () => {
    expect(run([ITEM], [science()])).toEqual([]);
  });

  test('its 支出决算 typed wrong is named against the 项', () => {
    const f = audited([ITEM.replace('35.80', '36.80')], [science()]);
    expect(f.map(line)).toEqual(['narrative-vs-table error A3 36.80→35.80']);
    expect(f[0].cells.filter((c) => c.other).map((c) => `${c.sheet}!${c.cell}`)).toEqual(['公开05表!C8']);
  });

  test('a level written wrong is still named', () => {
    expect(run([ITEM.replace('其他科学技术支出（项）', '其他科学技术支出（类）')], [science()]).filter((l) => l.startsWith('text-subject-level'))).toEqual(['text-subject-level warning A3 其他科学技术支出（类）→其他科学技术支出（项）']);
  });
});
