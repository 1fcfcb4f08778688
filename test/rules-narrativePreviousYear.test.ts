import { join } from 'path';
import { readSnapshotFromFile } from '../src/adapters/xlsx/readSnapshot';
import { audit } from '../src/core/engine';
import { gridWorkbook } from './support/gridSnapshot';
import { findingText } from '../src/core/messages/render';
import { loud, said } from './support/checklist';
import { generalWithYearBefore, previousYearBudget, summaryWithYearBefore, threePublicWithYearBefore } from './support/previousYearBudget';
import { BUDGET_TABLES } from './support/smallBudget';
import { sheet, workbook } from './support/sheetBuilder';

/**
 * The narrative's changes and rates with no year-before figure in the sentence, judged against a table
 * that prints the year before on the row (test/support/previousYearBudget.ts: 2025 300.00 against 2024
 * 280.00; 208 200.00 | 190.00; “三公” 接待 3.00 | 4.00, 车 7.00 | 8.00), and 倍 / 个百分点 read as what
 * they are. Right, a sentence says nothing; one slip is one finding, at its paragraph (A3).
 */
const sentence = (line: string, tables?: Parameters<typeof previousYearBudget>[1]) => loud(previousYearBudget([line], tables)).filter((f) => f.rule !== 'missing-table');
const lines = (line: string, tables?: Parameters<typeof previousYearBudget>[1]) => sentence(line, tables).map(said);
const zh = (line: string) => sentence(line).map((f) => findingText(f)['zh-CN']);

describe('a change stated without the year before’s figure, against the table’s 上年 column (narrative-previous-year)', () => {
  test.each([
    '2025年一般公共预算支出300.00万元，比上年增加20.00万元，增长7.14%。',
    '2025年一般公共预算支出300.00万元，与上年相比增加20.00万元。',
    '2025年一般公共预算支出300.00万元，较2024年预算数增加20.00万元。',
    '社会保障和就业支出200.00万元，比上年增加10.00万元，增长5.26%。',
    '卫生健康（类）行政事业单位医疗（款）行政单位医疗（项）50.00万元，比上年增加10.00万元。',
    '公务接待费3.00万元，比上年减少1.00万元，下降25.00%。',
    '因公出国（境）费0万元，与上年持平。',
    '2025年收入总计300.00万元，比上年增加20.00万元。',
  ])('right: %s says nothing', (line) => {
    expect(lines(line)).toEqual([]);
  });

  test('a slipped change is one error at its paragraph, naming both cells of the row it used', () => {
    const found = sentence('2025年一般公共预算支出300.00万元，比上年增加30.00万元，增长7.14%。');
    expect(found.map(said)).toEqual([['narrative-previous-year', 'error', '情况说明!A3', '30.00', '20.00']]);
    expect(found[0].cells).toEqual([
      { sheet: '情况说明', cell: 'A3' },
      { sheet: '一般公共预算支出表', cell: 'C5', other: true },
      { sheet: '一般公共预算支出表', cell: 'F5', other: true },
    ]);
    expect(findingText(found[0])['zh-CN']).toBe('情况说明 A3「比上年增加30.00万元」应为增加 20.00：一般公共预算支出表 合计 2025年预算数 300.00 减 2024年预算数 280.00。');
    expect(findingText(found[0]).en).toMatch(/should be an increase of 20\.00: .*300\.00 less 2024年预算数 280\.00/);
  });

  test('the row is the one its subject resolves to: a 类 by its words, a 项 by its path, an item of the “三公” table', () => {
    expect(lines('社会保障和就业支出200.00万元，比上年增加12.00万元。')).toEqual([['narrative-previous-year', 'error', '情况说明!A3', '12.00', '10.00']]);
    expect(lines('卫生健康（类）行政事业单位医疗（款）行政单位医疗（项）50.00万元，比上年增加5.00万元。')).toEqual([['narrative-previous-year', 'error', '情况说明!A3', '5.00', '10.00']]);
    expect(sentence('公务接待费3.00万元，比上年减少2.00万元。').map((f) => f.cells.map((c) => c.cell))).toEqual([['A3', 'B9', 'C9']]);
  });

  test('a change the wrong way round, or 持平 where the table changed, is a slip told with its direction', () => {
    expect(lines('公务接待费3.00万元，比上年增加1.00万元。')).toEqual([['narrative-previous-year', 'error', '情况说明!A3', '1.00', '-1.00']]);
    expect(zh('公务用车购置及运行费7.00万元，与上年持平。')).toEqual(['情况说明 A3「持平」应为减少 1.00：“三公”经费预算表 2.公务用车购置及运行费 2025年预算数 7.00 减 2024年预算数 8.00。']);
  });

  test('a change and its rate both the wrong way round, the rate’s size right: one slip, told at the change', () => {
    // 接待 3.00 against 4.00 is a fall of 1.00, 25.00 %: “增加 1.00，增长 25.00%” is one slip of direction.
    expect(lines('公务接待费3.00万元，比上年增加1.00万元，增长25.00%。')).toEqual([['narrative-previous-year', 'error', '情况说明!A3', '1.00', '-1.00']]);
  });

  test('a change agreeing with the 增减额 the table prints is not blamed: the table’s slip is the table’s finding', () => {
    const found = sentence('公务接待费3.00万元，比上年减少2.00万元。', [summaryWithYearBefore(), generalWithYearBefore(), threePublicWithYearBefore(-2)]);
    expect(found.map((f) => f.rule)).not.toContain('narrative-previous-year');
    expect(found.map((f) => f.rule)).toContain('column-change');
  });

  test('a slipped amount is its own finding; its change, right on the amount as printed, is not another', () => {
    expect(lines('公务接待费4.00万元，比上年增加0.00万元。').map((l) => l[0])).toEqual(['narrative-vs-table']);
  });
});

describe('a rate stated without a change or the year before’s figure (narrative-previous-year)', () => {
  test.each([
    '2025年一般公共预算支出300.00万元，比上年增长7.14%。',
    '2025年一般公共预算支出300.00万元，同比增长7.1%。',
    '公务接待费3.00万元，比上年下降25%。',
    '2025年支出总计300.00万元，较上年增长7.14%。',
  ])('right: %s says nothing', (line) => {
    expect(lines(line)).toEqual([]);
  });

  test('off beyond its last digit is an error, off in it a warning', () => {
    expect(lines('2025年一般公共预算支出300.00万元，比上年增长8.14%。')).toEqual([['narrative-previous-year', 'error', '情况说明!A3', '8.14', '7.14']]);
    expect(lines('2025年一般公共预算支出300.00万元，比上年增长7.16%。')).toEqual([['narrative-previous-year', 'warning', '情况说明!A3', '7.16', '7.14']]);
    expect(zh('公务接待费3.00万元，比上年下降20.00%。')).toEqual(['情况说明 A3「比上年下降20.00%」应约为 25.00%：“三公”经费预算表 3.公务接待费 2025年预算数 3.00 比 2024年预算数 4.00。']);
  });

  test('a rate of another subject between (…，其中基本支出比上年增长 r%) is not the amount’s', () => {
    expect(lines('2025年一般公共预算支出300.00万元，其中基本支出比上年增长50.00%。')).toEqual([]);
  });

  test('a rate of a stated change that the table shows right, beside the change it shows wrong, is the change’s slip only', () => {
    expect(lines('2025年一般公共预算支出300.00万元，比上年增加30.00万元，增长7.14%。').map((l) => l[0])).toEqual(['narrative-previous-year']);
    expect(lines('2025年一般公共预算支出300.00万元，比上年增加20.00万元，下降7.14%。').map((l) => l[0])).toEqual(['narrative-change']);
  });
});

describe('a doubtful structure says nothing', () => {
  const slipped = '2025年一般公共预算支出300.00万元，比上年增加30.00万元。';

  test('a column of the year before of another measure than the words compare with (上年执行数 in a budget)', () => {
    const tables = [generalWithYearBefore('上年执行数'), threePublicWithYearBefore()];
    expect(lines(slipped, tables)).toEqual([]);
    // Named by the words, the measure is the column’s and the change is judged.
    expect(lines('2025年一般公共预算支出300.00万元，比上年执行数增加30.00万元。', tables)).toEqual([['narrative-previous-year', 'error', '情况说明!A3', '30.00', '20.00']]);
  });

  test('two columns of the year before (上年预算数 | 上年执行数)', () => {
    const tables = [generalWithYearBefore('上年预算数', { heading: '上年执行数', figures: [275, 185, 185, 185, 90, 40, 40, 50, 50] }), threePublicWithYearBefore()];
    expect(lines(slipped, tables)).toEqual([]);
  });

  test('a table printing no year before (the small budget): as before, nothing', () => {
    const small = (line: string) =>
      loud(workbook(...BUDGET_TABLES.map((t) => t()), sheet('情况说明', [['某某局2024年部门预算情况说明'], ['一、部门预算总体情况'], [line]])))
        .filter((f) => f.rule !== 'missing-table')
        .map(said);
    expect(small('“三公”经费预算40.00万元，比上年增加15.00万元。')).toEqual([]);
    expect(small('“三公”经费预算40.00万元，比上年增长50.00%。')).toEqual([]);
  });

  test('a change on the budget (比年初预算), not on the year before, is not judged against the year before', () => {
    expect(lines('2025年一般公共预算支出300.00万元，比年初预算增加30.00万元。')).toEqual([]);
    expect(lines('2025年一般公共预算支出300.00万元，比上年年初预算增加30.00万元。')).toEqual([['narrative-previous-year', 'error', '情况说明!A3', '30.00', '20.00']]);
  });

  test('a figure of the year before or of a reason is not this year’s change', () => {
    expect(lines('上年一般公共预算支出280.00万元，比前年增加30.00万元。')).toEqual([]);
    expect(lines('2025年一般公共预算支出300.00万元，主要原因是人员经费比上年增加30.00万元。')).toEqual([]);
  });
});

describe('倍 is a multiple, never a per cent', () => {
  const small = (line: string) =>
    loud(workbook(...BUDGET_TABLES.map((t) => t()), sheet('情况说明', [['某某局2024年部门预算情况说明'], ['一、部门预算总体情况'], [line]])))
      .filter((f) => f.rule !== 'missing-table')
      .map(said);

  test('增长 1.5 倍 of a change is +150 %: right says nothing (it was read as 1.5 % before)', () => {
    expect(small('“三公”经费预算40.00万元，比上年增加24.00万元，增长1.5倍。')).toEqual([]);
    expect(small('“三公”经费预算40.00万元，比上年增加24.00万元，增长了1.5倍。')).toEqual([]);
    expect(small('“三公”经费预算40.00万元，比上年增加24.00万元，是上年的2.5倍。')).toEqual([]);
  });

  test('a slipped multiple is told as a multiple', () => {
    const found = loud(
      workbook(...BUDGET_TABLES.map((t) => t()), sheet('情况说明', [['某某局2024年部门预算情况说明'], ['一、部门预算总体情况'], ['“三公”经费预算40.00万元，比上年增加24.00万元，增长2.5倍。']])),
    ).filter((f) => f.rule !== 'missing-table');
    expect(found.map(said)).toEqual([['narrative-growth-rate', 'error', '情况说明!A3', '250', '150.00']]);
    expect(findingText(found[0])['zh-CN']).toContain('应约为 1.50倍');
  });

  test('是上年的 n 倍 between the two figures its sentence states', () => {
    expect(small('“三公”经费预算40.00万元，上年“三公”经费预算16.00万元，是上年的2.5倍。')).toEqual([]);
    // A whole multiple stands for ± half of one (3倍: 2.5 to 3.5), as a whole 万元 does.
    expect(small('“三公”经费预算40.00万元，上年“三公”经费预算16.00万元，是上年的3倍。')).toEqual([]);
    expect(small('“三公”经费预算40.00万元，上年“三公”经费预算16.00万元，是上年的3.5倍。')).toEqual([['narrative-growth-rate', 'error', '情况说明!A3', '250', '150.00']]);
  });

  test('是上年的 n 倍 against the table’s year before', () => {
    expect(lines('公务接待费3.00万元，是上年的0.75倍。')).toEqual([]);
    expect(lines('公务接待费3.00万元，是上年的1.5倍。')).toEqual([['narrative-previous-year', 'error', '情况说明!A3', '50', '-25.00']]);
    expect(zh('公务接待费3.00万元，是上年的1.5倍。')[0]).toContain('应约为 0.75倍');
  });
});

describe('个百分点 is a difference of two percentages, never a rate (narrative-points)', () => {
  test.each([
    '基本支出占比由80.00%提高到83.33%，提高3.33个百分点。',
    '基本支出占比83.33%，比上年的80.00%提高3.33个百分点。',
    '基本支出占比83.33%，上年为80.00%，上升3.33个百分点。',
    '项目支出占比由20.00%下降到16.67%，下降3.33个百分点。',
  ])('right: %s says nothing', (line) => {
    expect(lines(line)).toEqual([]);
  });

  test('a slipped difference is one finding at its paragraph', () => {
    expect(lines('基本支出占比由80.00%提高到83.33%，提高4.33个百分点。')).toEqual([['narrative-points', 'error', '情况说明!A3', '4.33', '3.33']]);
    expect(lines('项目支出占比由20.00%下降到16.67%，上升3.33个百分点。')).toEqual([['narrative-points', 'error', '情况说明!A3', '3.33', '-3.33']]);
    expect(zh('基本支出占比由80.00%提高到83.33%，提高4.33个百分点。')).toEqual(['情况说明 A3「提高4.33个百分点」应为 3.33 个百分点：83.33% 与上年 80.00% 之差。']);
  });

  test('points after a change are not its rate, with 个 or without', () => {
    expect(lines('2025年一般公共预算支出300.00万元，比上年增加20.00万元，占比上升1.5个百分点。')).toEqual([]);
    expect(lines('2025年一般公共预算支出300.00万元，比上年增加20.00万元，占比上升1.5百分点。')).toEqual([]);
  });

  test('with only one percentage stated (the year before’s in no sentence) it is not judged', () => {
    expect(lines('基本支出占比83.33%，比上年提高5.00个百分点。')).toEqual([]);
  });
});

describe('the writer’s own 尾差: a change worked out from the two figures as the text rounds them', () => {
  // A final accounts in 元 (fixture from a hunt on final-accounts layouts): 一般公共预算财政拨款支出 14,439,221 元 against
  // 14,075,060 元 the year before; the text writes 1443.92 and 增加36.41万元 (1443.92 − 1407.51), where 36.4161 rounds to 36.42.
  const FILE = join(__dirname, 'fixtures', 'hunts', 'final-accounts-yuan-tables.xlsx');

  test('not told (narrative-previous-year): the 万元 figures the text states give its change exactly', async () => {
    const found = audit(await readSnapshotFromFile(FILE)).findings.filter((f) => f.severity !== 'info');
    expect(found.map((f) => `${f.rule} ${f.sheet}!${f.cell}`)).toEqual([]);
  });

  test('a change off by more than that is still told', async () => {
    const wb = gridWorkbook(await readSnapshotFromFile(FILE));
    const slipped = {
      ...wb,
      sheets: wb.sheets.map((s) =>
        s.name !== '情况说明'
          ? s
          : {
              ...s,
              values: s.values.map((r) => r.map((v) => (typeof v === 'string' ? v.replace('增加36.41万元', '增加38.41万元') : v))),
              text: s.text.map((r) => r.map((t) => t.replace('增加36.41万元', '增加38.41万元'))),
            },
      ),
    };
    expect(
      audit(slipped)
        .findings.filter((f) => f.rule === 'narrative-previous-year')
        .map((f) => [f.severity, f.cell, f.actual, f.expected]),
    ).toEqual([['error', 'A12', '38.41', '36.42']]);
  });
});
