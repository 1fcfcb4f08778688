import { audit } from '../src/core/engine';
import type { Finding } from '../src/core/finding';
import { findingText } from '../src/core/messages/render';
import { sheet, workbook } from './support/sheetBuilder';

/**
 * One mistyped code is one finding. By its code alone, a row whose code names a parent the table
 * lacks (2101011 for 2101101) would hang under its 类 or at the top, and the 款 it is listed under
 * and the 类 or total it lands in would both be reported wrong although their figures are right.
 * Where the row's place and the figures agree, the row counts where it stands, and the code cell
 * is the one finding (code-parent-missing).
 */
function expenditure(code: string, amount = 40) {
  return sheet(
    '预算05表',
    [
      ['2024年一般公共预算支出预算表'],
      ['部门：某某局', null, null, null, '单位：万元'],
      ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
      [null, '合计', 600, 500, 100],
      ['208', '社会保障和就业支出', 100, 100, null],
      ['20805', '行政事业单位养老支出', 100, 100, null],
      ['2080505', '机关事业单位基本养老保险缴费支出', 100, 100, null],
      ['210', '卫生健康支出', 500, 400, 100],
      ['21011', '行政事业单位医疗', 60, 60, null],
      [code, '行政单位医疗', amount, amount, null],
      ['2101103', '公务员医疗补助', 20, 20, null],
      ['21015', '医疗保障管理事务', 440, 340, 100],
      ['2101501', '行政运行', 340, 340, null],
      ['2101502', '一般行政管理事务', 100, null, 100],
    ],
    { merges: ['A1:E1'] },
  );
}

const loud = (code: string, amount?: number) => audit(workbook(expenditure(code, amount))).findings.filter((f) => f.severity !== 'info');
const said = (f: Finding) => `${f.rule} ${f.severity} ${f.cell} ${f.actual} → ${f.expected}`;

describe('a mistyped code is one finding on the code cell (code-parent-missing)', () => {
  test('the table as written is consistent', () => {
    expect(loud('2101101').map(said)).toEqual([]);
  });

  test('2101011 (its 款 21010 is nowhere): the code, not 21011 and 210', () => {
    const found = loud('2101011');
    expect(found.map(said)).toEqual(['code-parent-missing error A10 2101011 → null']);
    expect(findingText(found[0])['zh-CN']).toBe('预算05表 A10 科目 2101011 的上级 21010 不在表中，编码可能有误。');
  });

  test('2011101 (another 类, not in the table): the code, not the total nor 21011', () => {
    expect(loud('2011101').map(said)).toEqual(['code-parent-missing error A10 2011101 → null']);
  });

  test('a 6-digit code under 21011 is found too', () => {
    expect(loud('210101').map(said)).toEqual(['code-parent-missing error A10 210101 → null']);
  });

  test('2101501 (a sibling 款 listed below, which adds up without it): the code, placed where it stands', () => {
    const found = loud('2101509');
    expect(found.map(said)).toEqual(['code-parent-missing error A10 2101509 → null']);
    expect(findingText(found[0])['zh-CN']).toBe('预算05表 A10 科目 2101509 列在 21011 之下，21011 的金额加上它才相符，21015 不加它才相符：编码可能有误。');
  });

  test('without the figures to say where it belongs, the code is read as written and the sums speak', () => {
    // 2101509 with 45.00: 21011 adds up neither with it nor without it, so nothing is guessed.
    const found = loud('2101509', 45);
    expect(found.filter((f) => f.rule === 'code-parent-missing')).toEqual([]);
    expect(found.map((f) => f.rule)).toContain('code-hierarchy');
  });
});

describe('a parent with nothing under it proves nothing: legitimate tables keep their reading', () => {
  const table = (rows: Array<[string | null, string, number, number, number | null]>) =>
    audit(
      workbook(
        sheet('预算05表', [['2024年一般公共预算支出预算表'], ['部门：某某局', null, null, null, '单位：万元'], ['科目编码', '科目名称', '合计', '基本支出', '项目支出'], ...rows], {
          merges: ['A1:E1'],
        }),
      ),
    )
      .findings.filter((f) => f.severity !== 'info')
      .map(said);

  test('a 款 listed without its 项, followed by a 项 whose own 款 is left out: only that code is told', () => {
    expect(
      table([
        [null, '合计', 200, 200, null],
        ['201', '一般公共服务支出', 100, 100, null],
        ['20101', '人大事务', 100, 100, null],
        ['2010101', '行政运行', 100, 100, null],
        ['208', '社会保障和就业支出', 100, 100, null],
        ['20805', '行政事业单位养老支出', 50, 50, null],
        ['2080801', '死亡抚恤', 50, 50, null],
      ]),
    ).toEqual(['code-parent-missing error A10 2080801 → null']);
  });

  test('a 类 listed without its 款, followed by a 款 of a 类 left out: no total is called wrong', () => {
    const found = table([
      [null, '合计', 100, 100, null],
      ['201', '一般公共服务支出', 50, 50, null],
      ['20805', '行政事业单位养老支出', 50, 50, null],
      ['2080505', '机关事业单位基本养老保险缴费支出', 50, 50, null],
    ]);
    expect(found.filter((f) => !f.startsWith('code-parent-missing'))).toEqual([]);
  });
});

describe('a 款 whose own code was mistyped is one finding on its code cell (code-parent-missing)', () => {
  const table = (kuan: string, figures: [number, number] = [60, 40]) =>
    audit(
      workbook(
        sheet(
          '预算05表',
          [
            ['2024年一般公共预算支出预算表'],
            ['部门：某某局', null, null, null, '单位：万元'],
            ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
            [null, '合计', 300, 200, 100],
            ['208', '社会保障和就业支出', 100, 100, null],
            [kuan, '行政事业单位养老支出', 100, 100, null],
            ['2080505', '机关事业单位基本养老保险缴费支出', figures[0], figures[0], null],
            ['2080506', '机关事业单位职业年金缴费支出', figures[1], figures[1], null],
            ['210', '卫生健康支出', 200, 100, 100],
            ['21011', '行政事业单位医疗', 200, 100, 100],
            ['2101101', '行政单位医疗', 200, 100, 100],
          ],
          { merges: ['A1:E1'] },
        ),
      ),
    ).findings.filter((f) => f.severity !== 'info');

  test('20850 for 20805 over 2080505 and 2080506: the 款 code, not its two 项 nor the 类 counting them twice', () => {
    const found = table('20850');
    expect(found.map(said)).toEqual(['code-parent-missing error A6 20850 → 20805']);
    expect(findingText(found[0])['zh-CN']).toBe('预算05表 A6 科目编码 20850 疑为 20805：其下各行都以 20805 开头。');
  });

  test('one 项 under the 款 (2085005 for 2080505): whose code slipped the figures cannot tell, so the 款 is not blamed', () => {
    const one = audit(
      workbook(
        sheet(
          '预算05表',
          [
            ['2024年一般公共预算支出预算表'],
            ['部门：某某局', null, null, null, '单位：万元'],
            ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
            [null, '合计', 100, 100, null],
            ['208', '社会保障和就业支出', 100, 100, null],
            ['20805', '行政事业单位养老支出', 100, 100, null],
            ['2085005', '机关事业单位基本养老保险缴费支出', 100, 100, null],
          ],
          { merges: ['A1:E1'] },
        ),
      ),
    ).findings.filter((f) => f.rule === 'code-parent-missing');
    expect(one.map(said)).toEqual(['code-parent-missing error A7 2085005 → null']);
  });

  test('the same 款 whose 项 do not add up to it: no guess, the code and sums are read as written', () => {
    // 60 + 30 ≠ 100: the rows are not its parts by their figures either.
    const found = table('20850', [60, 30]);
    expect(found.filter((f) => f.expected === '20805')).toEqual([]);
    expect(found.map((f) => f.rule)).toContain('code-hierarchy');
  });
});

describe('codes that went through a number format and came back as text (2,080,505.00)', () => {
  // Some finance systems export codes formatted as amounts; pasted as text, 208 reads 208.00 and 2080505 reads 2,080,505.00.
  const asText = (code: string) => Number(code).toLocaleString('en-US', { minimumFractionDigits: 2 });
  const table = (code: (c: string) => string) =>
    audit(
      workbook(
        sheet(
          '预算02表',
          [
            ['2024年部门收入预算表'],
            ['部门：某某局', null, null, '单位：万元'],
            ['科目编码', '科目名称', '合计', '一般公共预算拨款收入'],
            [null, '合计', 300, 300],
            [code('208'), '社会保障和就业支出', 100, 100],
            [code('20805'), '行政事业单位养老支出', 100, 100],
            [code('2080505'), '机关事业单位基本养老保险缴费支出', 100, 100],
            [code('210'), '卫生健康支出', 200, 200],
            [code('21011'), '行政事业单位医疗', 200, 200],
            [code('2101101'), '行政单位医疗', 200, 200],
          ],
          { merges: ['A1:D1'] },
        ),
      ),
    ).findings.filter((f) => f.severity !== 'info');

  test('read as the codes they are: the 合计 is the sum of the 类, nothing said', () => {
    expect(table(asText).map(said)).toEqual([]);
  });

  test('the same table with plain codes says the same', () => {
    expect(table((c) => c).map(said)).toEqual([]);
  });

  test('a code formatted so but with a fraction (2,080,505.10) is no code: the rows it heads are not read as coded', () => {
    expect(table((c) => (c === '2080505' ? '2,080,505.10' : asText(c))).length).toBeGreaterThan(0);
  });
});

describe('a row listed under another 类 whose own 类 stands elsewhere (code-parent-missing, 列在类 … 之下)', () => {
  test('in a list in code order, 2080506 among 210’s rows is the one finding, at its code cell', () => {
    expect(loud('2080506').map(said)).toEqual(['code-parent-missing error A10 2080506 → null']);
  });

  test.each([
    ['its figures', (a: unknown[], b: unknown[]) => (a[2] as number) - (b[2] as number), '2101103 2101101 21011 208 20805 2080505 2101502 2101501 21015 210'],
    [
      'its level, then its code',
      (a: unknown[], b: unknown[]) => String(a[0]).length - String(b[0]).length || (String(a[0]) < String(b[0]) ? -1 : 1),
      '208 210 20805 21011 21015 2080505 2101101 2101103 2101501 2101502',
    ],
  ])('a list sorted by %s has runs of a 类 in another’s place: no row is called misplaced', (_by, order, codes) => {
    const ordered = expenditure('2101101');
    const body = ordered.values.slice(4).sort(order);
    expect(body.map((r) => r[0]).join(' ')).toBe(codes);
    const sorted = sheet('预算05表', [...ordered.values.slice(0, 4), ...body] as never, { merges: ['A1:E1'] });
    expect(
      audit(workbook(sorted))
        .findings.filter((f) => f.severity !== 'info')
        .map(said),
    ).toEqual([]);
  });
});
