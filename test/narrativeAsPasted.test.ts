import { audit } from '../src/core/engine';
import { paragraphsIn } from '../src/core/detect/narrative';
import type { GridSheet } from '../src/core/snapshot';
import { loud, said } from './support/checklist';
import { sheet, workbook } from './support/sheetBuilder';
import { fundBudget } from './support/smallBudget';

/**
 * The 情况说明 kept in one cell: its title in A1 and the whole text in A2, paragraphs parted by line
 * breaks (a 单位预算 exported as it was typed in the system's text box). Read as one paragraph, its
 * headings were lost: the shares under （二）一般公共预算支出结构情况 were taken as shares of all the
 * spending (1,050.00, a 政府性基金 line besides), four errors about right figures. Each line ending a
 * sentence or heading a section is a paragraph of its own now; a line break inside a sentence (text
 * pasted from a PDF's printed lines) is not.
 */
const TITLE = '某某局2024年部门预算情况说明';
const LINES = [
  '一、支出预算情况说明',
  '2024年支出预算1050.00万元，其中：基本支出800.00万元，占76.19%；项目支出250.00万元，占23.81%。',
  '二、一般公共预算支出情况说明',
  '（一）一般公共预算支出规模',
  '2024年一般公共预算支出1000.00万元。',
  '（二）一般公共预算支出结构情况',
  '社会保障和就业支出120.00万元，占12.00%；卫生健康支出800.00万元，占80.00%；住房保障支出80.00万元，占8.00%。',
];

const withNarrative = (narrative: GridSheet) => workbook(...fundBudget().sheets, narrative);
const oneCell = (lines: string[]) => sheet('情况说明', [[TITLE], [lines.join('\n')]]);
const rowByRow = (lines: string[]) => sheet('情况说明', [[TITLE], ...lines.map((l) => [l])]);
/** Pasted from a PDF, one printed line a row: each paragraph cut every `width` characters (figures cut too). */
const printedLines = (lines: string[], width: number) =>
  sheet('情况说明', [[TITLE], ...lines.flatMap((l) => Array.from({ length: Math.ceil(l.length / width) }, (_, i) => [l.slice(i * width, (i + 1) * width)]))]);
const narrativeSaid = (wb: ReturnType<typeof withNarrative>) => loud(wb).filter((f) => f.sheet === '情况说明').map(said);

describe('a 情况说明 in one cell', () => {
  test('row by row it is right (the figures of the small budget with a 政府性基金 line)', () => {
    expect(narrativeSaid(withNarrative(rowByRow(LINES)))).toEqual([]);
  });

  test('in one cell, line by line: the same, nothing said', () => {
    expect(narrativeSaid(withNarrative(oneCell(LINES)))).toEqual([]);
  });

  test('in one cell, a share typed wrong is found at the cell, once', () => {
    const slipped = LINES.map((l) => l.replace('占76.19%', '占78.19%'));
    expect(narrativeSaid(withNarrative(oneCell(slipped)))).toEqual([['narrative-percent', 'error', '情况说明!A2', '78.19', '76.19']]);
  });

  test('in one cell, an amount typed wrong is found at the cell, once', () => {
    const slipped = LINES.map((l) => l.replace('住房保障支出80.00万元', '住房保障支出86.00万元'));
    expect(narrativeSaid(withNarrative(oneCell(slipped))).map((l) => l.slice(0, 3))).toContainEqual(['narrative-vs-table', 'error', '情况说明!A2']);
  });
});

describe('the paragraphs of one cell', () => {
  test('a cell without a line break is one paragraph', () => {
    expect(paragraphsIn('2024年支出预算1050.00万元。')).toEqual(['2024年支出预算1050.00万元。']);
  });

  test('headings and sentences each a paragraph; blank lines and full-width indents dropped', () => {
    expect(paragraphsIn('一、支出预算情况说明\r\n\u3000\u30002024年支出预算1050.00万元。\n\n（一）基本支出\n基本支出800.00万元。')).toEqual([
      '一、支出预算情况说明',
      '2024年支出预算1050.00万元。',
      '（一）基本支出',
      '基本支出800.00万元。',
    ]);
  });

  test('a sentence broken over printed lines is joined where it was broken', () => {
    expect(paragraphsIn('2024年支出预算1050.00万元，其中：基本支出800.00\n万元，项目支出250.00万元。\n1.行政运行（项）600.00万元。')).toEqual([
      '2024年支出预算1050.00万元，其中：基本支出800.00万元，项目支出250.00万元。',
      '1.行政运行（项）600.00万元。',
    ]);
  });

  test('a numbered item opens a paragraph though the line before did not end a sentence', () => {
    expect(paragraphsIn('主要用于以下方面\n(1)因公出国（境）费\n(2)公务接待费')).toEqual(['主要用于以下方面', '(1)因公出国（境）费', '(2)公务接待费']);
  });
});

describe('a 情况说明 pasted from a PDF, one printed line a row', () => {
  test('the lines cut through sentences and figures (基本支出800.0 | 0万元): joined back, nothing said', () => {
    expect(printedLines(LINES, 24).values.some((r) => /\d$/.test(String(r[0])))).toBe(true);
    expect(narrativeSaid(withNarrative(printedLines(LINES, 24)))).toEqual([]);
  });

  test('a share typed wrong is found at the first row of its paragraph, once', () => {
    const slipped = LINES.map((l) => l.replace('占76.19%', '占78.19%'));
    expect(narrativeSaid(withNarrative(printedLines(slipped, 24)))).toEqual([['narrative-percent', 'error', '情况说明!A3', '78.19', '76.19']]);
  });

  test('a page\'s number and the next page\'s running head between two lines of a sentence are passed over, the sentence joined', () => {
    const lines = printedLines(LINES, 24).values.map((r) => [r[0]]);
    // After the second printed line (inside 2024年支出预算1050.00万元，其中：…): the page's foot and the next page's head.
    for (const foot of ['- 2 -', 2, '第 2 页，共 5 页']) {
      const paged = sheet('情况说明', [...lines.slice(0, 3), [foot], ['某某局2024年部门预算公开'], ...lines.slice(3)]);
      expect(narrativeSaid(withNarrative(paged))).toEqual([]);
      const slipped = sheet('情况说明', [...lines.slice(0, 3), [foot], ['某某局2024年部门预算公开'], ...lines.slice(3)].map((r) => [typeof r[0] === 'string' ? r[0].replace('占76.19%', '占78.19%') : r[0]]));
      expect(narrativeSaid(withNarrative(slipped)).map((l) => l.slice(0, 2))).toEqual([['narrative-percent', 'error']]);
    }
  });

  test('a numbered item\'s first line that leaves its subject\'s path or a quote open goes on in the next (it is no heading)', () => {
    const item = ['1.卫生健康支出（类）医疗保障管理事务（款）行政', '运行（项）600.00万元，主要用于机关日常运转。'];
    const quoted = ['2.“卫生健康支出（类）医疗保障管理事务（款）一般', '行政管理事务（项）”200.00万元。'];
    const t = audit(withNarrative(sheet('情况说明', [[TITLE], ['（三）项目情况'], ...[...item, ...quoted].map((l) => [l])]))).tables.find((x) => x.kind === 'narrative')!;
    expect(t.paragraphs!.map((p) => p.text)).toEqual([TITLE, '（三）项目情况', item.join(''), quoted.join('')]);
  });

  test('short lines and lines that end a sentence are paragraphs of their own (typed one a row)', () => {
    const typed = sheet('情况说明', [[TITLE], ['一、支出预算情况说明'], ['2024年支出预算1050.00万元，比上年增加50.00万元。'], ['其中：基本支出800.00万元，占76.19%；项目支出250.00万元，占23.81%。'], ['主要用于以下方面'], ['（一）基本支出']]);
    const t = audit(withNarrative(typed)).tables.find((x) => x.kind === 'narrative')!;
    expect(t.paragraphs!.map((p) => p.row)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
