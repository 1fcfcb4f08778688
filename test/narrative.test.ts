import { audit } from '../src/core/engine';
import type { Finding } from '../src/core/finding';
import { findingText } from '../src/core/messages/render';
import type { GridSheet } from '../src/core/snapshot';
import { sheet, workbook } from './support/sheetBuilder';

/**
 * What the 情况说明 says against the tables, on a small disclosure of our own: each right claim
 * passes, each wrong one is found at its cell — amounts (in 万元 against 元 tables too), rates from
 * rounded figures, shares forced to add to 100%, sums of the narrative's own items, names and levels
 * of subjects (older names count as the same 类), template leftovers and years.
 */
type Unit = '万元' | '元';
const money = (v: number | null, unit: Unit) => (v === null ? null : unit === '元' ? v * 10000 : v);

function tables(unit: Unit): GridSheet[] {
  const m = (v: number | null) => money(v, unit);
  const caption = `单位：${unit}`;
  const summary = sheet(
    '预算01表',
    [
      ['2024年部门收支预算总表'],
      ['部门：某某局', null, null, caption],
      ['收入', null, '支出'],
      ['项目', '金额', '项目', '金额'],
      ['一、一般公共预算', m(1000), '一、一般公共服务支出', m(333.33)],
      ['二、政府性基金预算', null, '二、社会保障和就业支出', m(333.33)],
      [null, null, '三、卫生健康支出', m(333.34)],
      ['本年收入合计', m(1000), '本年支出合计', m(1000)],
      ['上年结转结余', null, '年终结转结余', null],
      ['收入总计', m(1000), '支出总计', m(1000)],
    ],
    { merges: ['A1:D1', 'A3:B3', 'C3:D3'] },
  );
  const general = sheet(
    '预算05表',
    [
      ['2024年一般公共预算支出预算表'],
      ['部门：某某局', null, null, null, caption],
      ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
      [null, '合计', m(1000), m(800), m(200)],
      ['201', '一般公共服务支出', m(333.33), m(233.33), m(100)],
      ['20101', '人大事务', m(333.33), m(233.33), m(100)],
      ['2010101', '行政运行', m(233.33), m(233.33), null],
      ['2010102', '一般行政管理事务', m(100), null, m(100)],
      ['208', '社会保障和就业支出', m(333.33), m(233.33), m(100)],
      ['20805', '行政事业单位养老支出', m(333.33), m(233.33), m(100)],
      ['2080505', '机关事业单位基本养老保险缴费支出', m(333.33), m(233.33), m(100)],
      ['210', '卫生健康支出', m(333.34), m(333.34), null],
      ['21011', '行政事业单位医疗', m(333.34), m(333.34), null],
      ['2101101', '行政单位医疗', m(333.34), m(333.34), null],
    ],
    { merges: ['A1:E1'] },
  );
  const threePublic = sheet(
    '预算09表',
    [
      ['2024年一般公共预算“三公”经费支出预算表'],
      ['部门：某某局', null, null, null, null, caption],
      ['合计', '因公出国（境）费', '公务用车购置及运行费', null, null, '公务接待费'],
      [null, null, '小计', '公务用车购置费', '公务用车运行费'],
      [m(10), m(2), m(6), null, m(6), m(2)],
    ],
    { merges: ['A1:F1', 'A3:A4', 'B3:B4', 'C3:E3', 'F3:F4'] },
  );
  return [summary, general, threePublic];
}

const RIGHT: string[] = [
  '某某局2024年部门预算情况说明',
  '一、收支预算总体情况说明',
  '2024年某某局收入总计1000.00万元，支出总计1000.00万元，与上年相比收、支总计各增加50.00万元，增长5.26%。',
  '二、支出预算情况说明',
  '本年支出合计1000.00万元，其中：基本支出800.00万元，占80.00%；项目支出200.00万元，占20.00%。',
  '三、一般公共预算支出预算情况说明',
  '一般公共预算支出1000.00万元，与上年相比增加50.00万元，增长5.26%。主要用于以下方面：一般公共服务支出333.33万元，占33.33%；社会保障和就业支出333.33万元，占33.33%；卫生健康支出333.34万元，占33.33%。',
  '1．一般公共服务（类）人大事务（款）行政运行（项）支出233.33万元，与上年相比增加30.00万元，增长14.75%。',
  '2．一般公共服务（类）人大事务（款）一般行政管理事务（项）支出100.00万元，与上年相比增加10.00万元，增长11.11%。',
  '3．社会保障和就业（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）333.33万元，与上年持平。',
  '4．医疗卫生与计划生育（类）行政事业单位医疗（款）行政单位医疗（项）333.34万元，与上年相比增加10.00万元，增长3.09%。',
  '四、“三公”经费支出预算情况说明',
  '“三公”经费预算10.00万元，其中：因公出国（境）费2.00万元，占20.00%；公务用车购置及运行费6.00万元，占60.00%；公务接待费2.00万元，占20.00%。',
];

function disclosure(lines: string[], unit: Unit = '万元') {
  const narrative = sheet('情况说明', lines.map((l) => [l]));
  return workbook(...tables(unit), narrative);
}

/** Line n (1-based, the row) replaced. */
function edited(n: number, line: string): string[] {
  const out = [...RIGHT];
  out[n - 1] = line;
  return out;
}

const about = (fs: Finding[]) => fs.filter((f) => f.sheet === '情况说明' && f.severity !== 'info');
const show = (fs: Finding[]) => fs.map((f) => `${f.rule} ${f.severity} ${f.cell} ${f.actual} → ${f.expected}: ${findingText(f)['zh-CN']}`);

describe('a right narrative says nothing', () => {
  test.each(['万元', '元'] as Unit[])('tables in %s, text in 万元', (unit) => {
    expect(show(about(audit(disclosure(RIGHT, unit)).findings))).toEqual([]);
  });

  test('a narrative with no figures at all', () => {
    const r = audit(disclosure(['某某局2024年部门预算情况说明', '一、部门职责', '本部门负责全市医疗保障工作，贯彻落实有关方针政策。', '二、机构设置', '本部门内设办公室、财务科等科室。']));
    expect(show(about(r.findings))).toEqual([]);
  });
});

describe('amounts against the tables', () => {
  test.each(['万元', '元'] as Unit[])('an amount typed wrong is an error at its paragraph, against the table figure (tables in %s)', (unit) => {
    const r = audit(disclosure(edited(13, RIGHT[12].replace('公务接待费2.00万元', '公务接待费20.00万元')), unit));
    const f = about(r.findings).find((x) => x.rule === 'narrative-vs-table')!;
    expect(f).toMatchObject({ severity: 'error', cell: 'A13', actual: '20.00', expected: '2.00' });
    expect(f.cells.map((c) => `${c.sheet}!${c.cell}`)).toEqual(['情况说明!A13', '预算09表!F5']);
    expect(findingText(f)['zh-CN']).toContain('公务接待费20.00万元');
  });

  test('a figure printed truncated instead of rounded (333.34 for 333.335) is a rounding tail, not an error', () => {
    const r = audit(disclosure(edited(11, RIGHT[10].replace('333.34万元', '333.33万元'))));
    expect(about(r.findings).filter((f) => f.rule === 'narrative-vs-table')).toEqual([]);
  });

  test('“0万元” where the tables are not nought', () => {
    const r = audit(disclosure(edited(3, RIGHT[2].replace('收入总计1000.00万元', '收入总计0万元'))));
    expect(about(r.findings).map((f) => [f.rule, f.cell, f.expected])).toContainEqual(['narrative-vs-table', 'A3', '1000']);
  });
});

describe('rates of change', () => {
  test('a rate that does not follow from the change and the year before is an error', () => {
    const r = audit(disclosure(edited(8, RIGHT[7].replace('增长14.75%', '增长15.75%'))));
    expect(about(r.findings).map((f) => [f.rule, f.severity, f.cell, f.expected])).toEqual([['narrative-growth-rate', 'error', 'A8', '14.75']]);
  });

  test('off in the last digit only (a rate from rounded figures) is a warning', () => {
    // 30.00 ÷ (233.33 − 30.00) lies in [14.751%, 14.758%]: 14.76 meets it, 14.77 misses by under 0.01.
    expect(about(audit(disclosure(edited(8, RIGHT[7].replace('增长14.75%', '增长14.76%')))).findings)).toEqual([]);
    const r = audit(disclosure(edited(8, RIGHT[7].replace('增长14.75%', '增长14.77%'))));
    expect(about(r.findings).map((f) => [f.rule, f.severity])).toEqual([['narrative-growth-rate', 'warning']]);
  });

  test('with the year before stated, the change is checked against both figures and the rate against the year before', () => {
    const right = '1．一般公共服务（类）人大事务（款）行政运行（项）支出233.33万元，比2023年预算数203.33万元增加30.00万元，增长14.75%。';
    expect(about(audit(disclosure(edited(8, right))).findings)).toEqual([]);
    const wrongChange = audit(disclosure(edited(8, right.replace('增加30.00万元', '增加35.00万元'))));
    expect(about(wrongChange.findings).map((f) => [f.rule, f.expected])).toContainEqual(['narrative-change', '30.00']);
    const wrongRate = audit(disclosure(edited(8, right.replace('增长14.75%', '增长12.75%'))));
    expect(about(wrongRate.findings).map((f) => [f.rule, f.expected])).toEqual([['narrative-growth-rate', '14.75']]);
  });

  test('a rate between the two years stated without a change (本年 X，上年 Y，增长 r%), and 增幅 read as a rate', () => {
    const right = '本年收入合计1000.00万元，上年收入合计950.00万元，增长5.26%。';
    expect(about(audit(disclosure(edited(3, right))).findings)).toEqual([]);
    const wrong = audit(disclosure(edited(3, right.replace('增长5.26%', '增长6.26%'))));
    expect(about(wrong.findings).map((f) => [f.rule, f.severity, f.expected])).toEqual([['narrative-growth-rate', 'error', '5.26']]);
    const down = audit(disclosure(edited(3, '本年收入合计1000.00万元，上年收入合计1052.63万元，下降5.00%。')));
    expect(about(down.findings)).toEqual([]);
    const amplitude = audit(disclosure(edited(3, RIGHT[2].replace('增长5.26%', '增幅6.26%'))));
    expect(about(amplitude.findings).map((f) => [f.rule, f.expected])).toEqual([['narrative-growth-rate', '5.26']]);
  });

  test('上年结转 is this year’s money, not the year before; a figure dated to another year is not checked against these tables', () => {
    const carried = '2024年收入总计1000.00万元，其中上年结转0万元，比上年增加50.00万元，增长5.26%。';
    expect(about(audit(disclosure(edited(3, carried))).findings)).toEqual([]);
    const carriedWrong = audit(disclosure(edited(3, carried.replace('上年结转0万元', '上年结转50.00万元'))));
    expect(about(carriedWrong.findings).map((f) => [f.rule, f.actual, f.expected])).toEqual([['narrative-vs-table', '50.00', '0.00']]);
    const before = '2024年收入总计1000.00万元，较2023年增加50.00万元，增长5.26%；2023年收入总计950.00万元。';
    expect(about(audit(disclosure(edited(3, before))).findings)).toEqual([]);
  });

  test('增加 with 下降 is a direction error', () => {
    const r = audit(disclosure(edited(8, RIGHT[7].replace('增长14.75%', '下降14.75%'))));
    expect(about(r.findings).map((f) => [f.rule, f.cell])).toEqual([['narrative-change', 'A8']]);
  });

  // 233.33 万元 after an increase of 30.00 from 203.33: 14.75 %. After a decrease of 30.00 from 263.33 it would be 11.39 %.
  test('the word the figures bear out is right: 增长 14.75 % fits an increase, so 「减少30.00万元」 is the slip, told as what it should say', () => {
    const r = audit(disclosure(edited(8, RIGHT[7].replace('增加30.00万元', '减少30.00万元'))));
    expect(about(r.findings).map((f) => [f.rule, f.actual, findingText(f)['zh-CN']])).toEqual([
      ['narrative-change', '与上年相比减少30.00万元', '情况说明 A8「与上年相比减少30.00万元」方向有误：按「增长14.75%」计，应为增加。'],
    ]);
  });

  test('… and 下降 14.75 % after 增加 30.00: the rate\'s word is the slip', () => {
    const r = audit(disclosure(edited(8, RIGHT[7].replace('增长14.75%', '下降14.75%'))));
    expect(about(r.findings).map((f) => f.actual)).toEqual(['下降14.75%']);
  });

  test('a rate whose size fits neither way: the two are told as disagreeing, neither called wrong', () => {
    const r = audit(disclosure(edited(8, RIGHT[7].replace('增长14.75%', '下降20.00%'))));
    expect(about(r.findings).map((f) => findingText(f)['zh-CN'])).toEqual(['情况说明 A8「下降20.00%」与「与上年相比增加30.00万元」方向不一致，请核对哪一处写反。']);
  });
});

test('a 项 the text lists but the table lost (its row deleted): the run is not whole, so its sum is not judged against the table\'s other rows', () => {
  const [summary, general, threePublic] = tables('万元');
  const at = general.values.findIndex((r) => r[0] === '2010101');
  const without = { ...general, values: general.values.filter((_, i) => i !== at), text: general.text.filter((_, i) => i !== at), numberFormats: general.numberFormats.filter((_, i) => i !== at) };
  const r = audit(workbook(summary, without, threePublic, sheet('情况说明', RIGHT.map((l) => [l]))));
  // (The table's own 款 no longer adds up: told there. The text, right, is not told 「而所列各项合计 766.67」.)
  expect(about(r.findings).filter((f) => f.rule === 'narrative-internal')).toEqual([]);
});

describe('an amount written in whole 万元', () => {
  test('stands for ± half a unit: 333万元 for 333.33 is right, 334万元 and “三公” 11万元 for 10.00 are not', () => {
    const judged = (line: string) => about(audit(disclosure(edited(13, line))).findings).map((f) => [f.rule, f.severity, f.actual, f.expected]);
    expect(judged('一般公共服务支出333万元；“三公”经费预算10万元。')).toEqual([]);
    expect(judged('一般公共服务支出334万元。')).toEqual([['narrative-vs-table', 'error', '334', '333']]);
    expect(judged('“三公”经费预算11万元。')).toEqual([['narrative-vs-table', 'error', '11', '10']]);
  });
});

describe('an amount written in 元', () => {
  test.each(['万元', '元'] as Unit[])('is judged against tables in %s and said back in 元, as written', (unit) => {
    const line = '2024年某某局收入总计10100000元，支出总计10000000元。';
    const [f, ...more] = about(audit(disclosure(edited(3, line), unit)).findings);
    expect(more).toEqual([]);
    expect([f.rule, f.severity, f.actual, f.expected, f.difference]).toEqual(['narrative-vs-table', 'error', '10100000', '10000000', '100000']);
    expect(findingText(f)['zh-CN']).toBe('情况说明 A3「2024年某某局收入总计10100000元」与 预算01表 收入总计 10,000,000 元不符。');
  });

  test('a rate worked from amounts written in 元 shows them in 元, as written (not 50.0000 ÷ 950.0000 in 万元)', () => {
    const line = '2024年某某局收入总计10,000,000.00元，比上年增加500,000.00元，增长5.62%。';
    const [f, ...more] = about(audit(disclosure(edited(3, line))).findings);
    expect(more).toEqual([]);
    expect([f.rule, f.expected]).toEqual(['narrative-growth-rate', '5.26']);
    expect(findingText(f)['zh-CN']).toBe('情况说明 A3「增长5.62%」应约为 5.26%：500,000.00元 ÷ 上年 9,500,000.00元。');
  });

  test('a share of a part written in 元 shows its whole in 元 too (not 8,000,000.00元 ÷ 1,000.00)', () => {
    const line = '2024年某某局支出总计10,000,000.00元，其中基本支出8,000,000.00元，占70.00%。';
    const [f, ...more] = about(audit(disclosure(edited(3, line))).findings);
    expect(more).toEqual([]);
    expect([f.rule, f.expected]).toEqual(['narrative-percent', '80.00']);
    expect(findingText(f)['zh-CN']).toBe('情况说明 A3「占70.00%」应约为 80.00%：8,000,000.00元 ÷ 某某局支出总计 10,000,000.00元。');
  });
});

describe('shares', () => {
  test('a share forced so the list adds to 100% is a warning; a wrong share an error', () => {
    const forced = audit(disclosure(edited(7, RIGHT[6].replace('卫生健康支出333.34万元，占33.33%', '卫生健康支出333.34万元，占33.34%'))));
    expect(about(forced.findings).map((f) => [f.rule, f.severity, f.expected])).toEqual([['narrative-percent', 'warning', '33.33']]);
    const wrong = audit(disclosure(edited(5, RIGHT[4].replace('占80.00%', '占85.00%'))));
    expect(about(wrong.findings).map((f) => [f.rule, f.severity, f.cell, f.expected])).toEqual([['narrative-percent', 'error', 'A5', '80.00']]);
  });

  test.each(['占比', '所占比重为', '占总支出的', '占支出总额的比例为'])('a share written 「%s 85.00%」 is read and judged like 占 85.00%', (words) => {
    const r = audit(disclosure(edited(5, RIGHT[4].replace('占80.00%', `${words}85.00%`).replace('占20.00%', `${words}20.00%`))));
    expect(about(r.findings).map((f) => [f.rule, f.severity, f.cell, f.actual, f.expected])).toEqual([['narrative-percent', 'error', 'A5', '85.00', '80.00']]);
    expect(about(audit(disclosure(edited(5, RIGHT[4].replace('占80.00%', `${words}80.00%`)))).findings)).toEqual([]);
  });

  test('占总支出的 in a list under 基本支出 (not the side\'s whole) is not judged against 基本支出', () => {
    const line = '基本支出800.00万元，其中：人员经费600.00万元，占总支出的60.00%；公用经费200.00万元，占总支出的20.00%。';
    expect(about(audit(disclosure(edited(13, line))).findings)).toEqual([]);
  });

  test('a share of a whole of the other side (占总收入的 in a list of expenditure) is not guessed at', () => {
    expect(about(audit(disclosure(edited(5, RIGHT[4].replace('占80.00%', '占总收入的85.00%')))).findings)).toEqual([]);
  });

  test('a share of a whole named in words (占“三公”经费的) is computed against it', () => {
    const r = audit(disclosure(edited(13, '“三公”经费预算10.00万元。因公出国（境）费2.00万元，占“三公”经费的25.00%。')));
    expect(about(r.findings).map((f) => [f.rule, f.expected])).toEqual([['narrative-percent', '20.00']]);
  });
});

describe("the narrative's own sums", () => {
  test('items each within a rounding tail of their table figure, their sum off the total by more than the sum’s band', () => {
    // 333.34 + 333.34 + 333.35 = 1000.03 against 1000.00: each item meets its row (333.33, 333.33,
    // 333.34 ± 0.01), the prose's own sum does not meet its total.
    const line = RIGHT[6].replace('一般公共服务支出333.33', '一般公共服务支出333.34').replace('社会保障和就业支出333.33', '社会保障和就业支出333.34').replace('卫生健康支出333.34', '卫生健康支出333.35');
    const sums = about(audit(disclosure(edited(7, line))).findings).filter((f) => f.rule === 'narrative-internal');
    expect(sums.map((f) => [f.cell, f.severity, f.actual, f.expected])).toEqual([['A7', 'error', '1000.00', '1000.03']]);
  });

  test('an item of a list the tables contradict, whose table figure closes the list: told at the item only, not again at the right total', () => {
    const r = audit(disclosure(edited(13, RIGHT[12].replace('公务接待费2.00万元，占20.00%', '公务接待费3.00万元，占30.00%'))));
    expect(about(r.findings).filter((f) => f.rule === 'narrative-internal')).toEqual([]);
    expect(about(r.findings).filter((f) => f.rule === 'narrative-vs-table').map((f) => [f.cell, f.actual, f.expected])).toEqual([['A13', '3.00', '2.00']]);
  });

  test('changes of the items against the change of their total: the slip is the item whose rate agrees with the corrected figure', () => {
    // 一般行政管理事务 printed 增加 20.00 where 10.00 was meant (its own rate 11.11% says 10.00).
    const r = audit(disclosure(edited(9, RIGHT[8].replace('增加10.00万元', '增加20.00万元'))));
    const sums = about(r.findings).filter((f) => f.rule === 'narrative-internal');
    expect(sums.map((f) => [f.cell, f.actual, f.expected])).toEqual([['A9', '20.00', '10.00']]);
  });
});

describe('names and levels of subjects', () => {
  test('an older name of a 类 is the same 类 (医疗卫生与计划生育 for 卫生健康)', () => {
    const r = audit(disclosure(RIGHT));
    expect(about(r.findings).filter((f) => f.rule.startsWith('text-subject'))).toEqual([]);
  });

  test('a 款 called （类） is named, with the level the tables give it', () => {
    const r = audit(disclosure(edited(8, RIGHT[7].replace('人大事务（款）', '人大事务（类）'))));
    expect(about(r.findings).map((f) => [f.rule, f.actual, f.expected])).toEqual([['text-subject-level', '人大事务（类）', '人大事务（款）']]);
  });

  test('a 项 named otherwise than in the tables', () => {
    const r = audit(disclosure(edited(8, RIGHT[7].replace('行政运行（项）', '行政运转（项）'))));
    expect(about(r.findings).map((f) => [f.rule, f.actual, f.expected])).toEqual([['text-subject-name', '行政运转（项）', '行政运行（项）']]);
  });
});

describe('wording', () => {
  test('template text left in: one warning a paragraph, quoting each piece', () => {
    const r = audit(disclosure(edited(3, '2024年XX局收入总计1000.00万元，支出总计1000.00万元，与上年相比增加（减少）50.00万元，增长（减少）5.26%。')));
    const found = about(r.findings).filter((f) => f.rule === 'text-placeholder');
    expect(found.map((f) => [f.severity, f.cell, f.actual])).toEqual([['warning', 'A3', 'XX局收入总计、增加（减少）、增长（减少）']]);
    expect(findingText(found[0])['zh-CN']).toBe('情况说明 A3「XX局收入总计、增加（减少）、增长（减少）」是模板遗留文字，请按实际情况改写。');
  });

  test('each kind of template text is found; 按照, 待遇 and a slash alone are none', () => {
    const placeholders = (line: string) => about(audit(disclosure([...RIGHT, line])).findings).filter((f) => f.rule === 'text-placeholder').map((f) => f.actual);
    expect(placeholders('本部门××单位，情况待填写。')).toEqual(['××单位、待填写']);
    expect(placeholders('本部门（按实际情况填写）。')).toEqual(['（按实际情况填写）']);
    expect(placeholders('人员增加（减少）。')).toEqual(['增加（减少）']);
    expect(placeholders('人员增加/减少。')).toEqual(['增加/减少']);
    expect(placeholders('本部门按照规定落实人员待遇，收入/支出平衡。')).toEqual([]);
  });

  test("a budget compared with its own year", () => {
    const r = audit(disclosure(edited(3, RIGHT[2].replace('与上年相比', '比2024年预算'))));
    expect(about(r.findings).map((f) => [f.rule, f.actual, f.expected])).toEqual([['text-year', '比2024年预算', '比2023年预算']]);
  });

  test('last year in the title, a heading or at the head of a sentence on the document\'s own figures (text-year)', () => {
    const years = (lines: string[]) => about(audit(disclosure(lines)).findings).filter((f) => f.rule === 'text-year').map((f) => [f.cell, f.actual, f.expected]);
    expect(years(edited(1, '某某局2023年部门预算情况说明'))).toEqual([['A1', '某某局2023年部门预算情况说明', '某某局2024年部门预算情况说明']]);
    expect(years(edited(2, '一、2023年收支预算总体情况说明'))).toEqual([['A2', '一、2023年收支预算总体情况说明', '一、2024年收支预算总体情况说明']]);
    const [[cell, actual, expected]] = years(edited(3, RIGHT[2].replace('2024年某某局', '2023年某某局').replace('与上年相比收、支总计各增加50.00万元，增长5.26%', '收支平衡')));
    expect([cell, actual?.slice(0, 12), expected?.slice(0, 12)]).toEqual(['A3', '2023年某某局收入总计', '2024年某某局收入总计']);
    // The message names the document's year.
    const [f] = about(audit(disclosure(edited(2, '一、2023年收支预算总体情况说明'))).findings);
    expect([f.severity, findingText(f)['zh-CN']]).toEqual(['warning', '情况说明 A2「一、2023年收支预算总体情况说明」年份有误：本文件是 2024 年的部门预算。']);
  });

  test('history is not a slip: a comparison, a range, last year beside this year, last year\'s execution', () => {
    const years = (line: string) => about(audit(disclosure(edited(13, line))).findings).filter((f) => f.rule === 'text-year').map((f) => f.actual);
    expect(years('2023年部门收入预算950.00万元，2024年为1000.00万元。')).toEqual([]);
    expect(years('2023年收入总计950.00万元，比上年增加10.00万元。')).toEqual([]);
    expect(years('五、2023年预算执行情况')).toEqual([]);
    expect(years('五、2022—2024年支出情况')).toEqual([]);
    expect(years('2023年底，本部门共有车辆3辆。')).toEqual([]);
    expect(years('2023年以来，本部门持续压减支出。')).toEqual([]);
    expect(years('五、2023年度部门决算情况')).toEqual([]);
    expect(years('五、2023年工作回顾')).toEqual([]);
    expect(years('五、关于2023年度预算公开整改情况')).toEqual([]);
    expect(years('五、2023年度国有资产占用情况')).toEqual([]);
    expect(years('2023年中央经济工作会议要求各部门坚持过紧日子。')).toEqual([]);
    expect(years('2023年，本部门决算支出总计900.00万元。')).toEqual([]);
    // A review of the year before stating none of the tables' figures: history told in a budget.
    expect(years('2023年，本部门认真贯彻落实党中央决策部署，各项工作取得新成效。')).toEqual([]);
    expect(years('2023年度，本部门实有人数25人，编制人数30人。')).toEqual([]);
    expect(years('2023年本单位新增退休人员2名。')).toEqual([]);
    expect(years('根据《2023年政府采购目录》，本部门采购办公设备。')).toEqual([]);
    expect(years('（2021-2025年）本部门发展规划。')).toEqual([]);
  });

  test("another unit's name at the head of a sentence", () => {
    const r = audit(disclosure(edited(3, RIGHT[2].replace('2024年某某局', '2024年另一个管理局'))));
    expect(about(r.findings).map((f) => [f.rule, f.actual, f.expected])).toEqual([['text-department', '另一个管理局', '某某局']]);
  });

  test("another unit's name left in three paragraphs: told once, at the first, with how many times it is written", () => {
    const lines = [...RIGHT];
    lines[0] = '另一个管理局2024年部门预算情况说明';
    lines[2] = RIGHT[2].replace('2024年某某局', '2024年另一个管理局');
    lines.push('另一个管理局2024年无政府性基金预算。');
    const told = about(audit(disclosure(lines)).findings).filter((f) => f.rule === 'text-department');
    expect(told.map((f) => [f.cell, f.actual])).toEqual([['A1', '另一个管理局']]);
    expect(findingText(told[0])['zh-CN']).toContain('（全文共 3 处）');
  });

  test("the department's own short name (市医保服务中心 for 某市医疗保障服务中心) is no other unit", () => {
    const own = (name: string) => RIGHT.map((l) => l.replace(/某某局/g, name));
    const renamed = (v: unknown) => (typeof v === 'string' ? v.replace(/某某局/g, '某市医疗保障服务中心') : v);
    const tables = (lines: string[]) => disclosure(lines).sheets.map((sh) => (sh.name === '情况说明' ? sh : { ...sh, values: sh.values.map((row) => row.map(renamed)) as typeof sh.values, text: sh.text.map((row) => row.map(renamed)) as string[][] }));
    const told = (name: string) => about(audit({ name: 't.xlsx', sheets: tables(own(name)) }).findings).filter((f) => f.rule === 'text-department').map((f) => f.actual);
    expect(told('市医保服务中心')).toEqual([]);
    expect(told('某县医疗保障局')).toEqual(['某县医疗保障局']);
  });

  test('a subject named after a kind of unit (其他法院支出, 公立医院支出) and a unit the narrative names as the department\'s own (…由本级和某某法院组成) are no other unit', () => {
    const told = (...extra: string[]) => about(audit(disclosure([...RIGHT, ...extra])).findings).filter((f) => f.rule === 'text-department').map((f) => f.actual);
    expect(told('其他法院支出10万元，主要用于审判业务。', '公立医院支出10万元。', '乡镇卫生院支出10万元。')).toEqual([]);
    expect(told('本部门预算由某某局本级和铁路运输法院组成。', '铁路运输法院支出预算10万元。')).toEqual([]);
    // (Named without saying it is the department's: another unit, as before.)
    expect(told('铁路运输法院支出预算10万元。')).toEqual(['铁路运输法院']);
  });

  test('the same kind of unit in another place (渑池县… in 三门峡市…’s disclosure) is another unit; the same place written longer is not', () => {
    const renamed = (to: string) => (v: unknown) => (typeof v === 'string' ? v.replace(/某某局/g, to) : v);
    const book = (dep: string, said: string) => {
      const sheets = disclosure(RIGHT.map((l) => l.replace(/某某局/g, said))).sheets;
      return { name: 't.xlsx', sheets: sheets.map((sh) => (sh.name === '情况说明' ? sh : { ...sh, values: sh.values.map((row) => row.map(renamed(dep))) as typeof sh.values, text: sh.text.map((row) => row.map(renamed(dep))) as string[][] })) };
    };
    const told = (dep: string, said: string) => about(audit(book(dep, said)).findings).filter((f) => f.rule === 'text-department').map((f) => f.actual);
    expect(told('三门峡市医疗保障服务中心', '渑池县医疗保障服务中心')).toEqual(['渑池县医疗保障服务中心']);
    expect(told('三门峡市医疗保障服务中心', '河南省三门峡市医疗保障服务中心')).toEqual([]);
  });
});

describe('completeness', () => {
  test('a budget disclosure without its 政府性基金 table says so', () => {
    const r = audit(disclosure(RIGHT));
    const missing = r.findings.filter((f) => f.rule === 'missing-table').map((f) => f.expected);
    expect(missing).toContain('政府性基金支出表');
    expect(r.findings.filter((f) => f.rule === 'missing-table').every((f) => f.severity === 'warning')).toBe(true);
  });

  test("an empty table carrying another table's note", () => {
    const fund = sheet('预算11表', [['2024年国有资本经营预算支出预算表'], ['部门：某某局', null, '单位：万元'], ['科目编码', '科目名称', '金额'], ['合计'], ['注：本部门2024年无政府性基金预算拨款安排的支出，故本表无数据。']], { merges: ['A1:C1', 'A4:B4'] });
    const r = audit(workbook(...tables('万元'), fund, sheet('情况说明', RIGHT.map((l) => [l]))));
    expect(r.findings.filter((f) => f.rule === 'text-table-note').map((f) => [f.sheet, f.cell])).toEqual([['预算11表', 'A5']]);
  });
});
