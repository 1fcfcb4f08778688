import { toHalfWidth } from '../src/core/amount';
import { codeBeforeName } from '../src/core/detect/codes';
import { cleanLabel, declaresEmpty, departmentIn, isStatisticLabel, isTotalLabel, looksLikeCaption, looksLikeFooter, looksLikeNote, looksLikeTitle, saysNothingToShow, yearIn } from '../src/core/detect/labels';
import { classifyRow, isDataCell, isFigureCell } from '../src/core/detect/rowClass';
import { detectSheet } from '../src/core/detect';
import { SheetGrid } from '../src/core/detect/sheetGrid';
import { columnRoles } from '../src/core/detect/columnRoles';
import { headerPaths, lastOf } from '../src/core/detect/headerBand';
import type { GridSheet, RawValue } from '../src/core/snapshot';

/**
 * Detection tells most words apart by a cheap first look (an opening character, a character the
 * wording needs) before folding and matching them. Each look must pass every text the full test
 * would accept: the texts below are the ones a too-strict look would lose (spaces inside, full-width
 * forms, leading spaces, the rare wordings).
 */

const sheetOf = (values: RawValue[][], merges: GridSheet['merges'] = []): GridSheet => ({
  name: 'S',
  values,
  text: [],
  numberFormats: [],
  merges,
  hiddenRows: [],
  hiddenColumns: [],
});

describe('cheap first looks lose no text the full test accepts', () => {
  test('captions: spaced, full-width, in brackets, a year alone', () => {
    for (const t of ['单位：万元', '单 位：万元', '单位:元', '金额单位：万元', '（单位：万元）', '单位万元', '单位\n万元', '单 位 万元', '部门名称：某某局', '编制部门:某某局', '2023年度', '２０２３年', '2024 年'])
      expect([t, looksLikeCaption(t)]).toEqual([t, true]);
    for (const t of ['项目', '本年收入', '上年结转', '2024年部门收支总表', '单位名称', '部门预算', '单位', '元']) expect([t, looksLikeCaption(t)]).toEqual([t, false]);
  });

  test('notes and footers: indented, spaced, page lines', () => {
    for (const t of ['注：本表无数据', '  注:1.', '说明：…', '备注：', '附注1', '单位负责人：张三', '制表人:李四', '联系电话：123', '第 2 页 共 3 页', '共3页', '　注：全角空格缩进'])
      expect([t, looksLikeNote(t)]).toEqual([t, true]);
    for (const t of ['合计', '2010301', '行政运行', '人员经费', '其中：注意', '第二部分']) expect([t, looksLikeNote(t)]).toEqual([t, false]);
  });

  test('statistic lines after leading spaces; empty tables by their words', () => {
    expect(isStatisticLabel('  平均')).toBe(true);
    expect(isStatisticLabel('增 长 率')).toBe(true);
    expect(isStatisticLabel('合计')).toBe(false);
    expect(declaresEmpty('本 表 无 数 据')).toBe(true);
    expect(declaresEmpty('无政府性基金收支数据')).toBe(true);
    expect(declaresEmpty('合计')).toBe(false);
    expect(declaresEmpty('空 表')).toBe(true);
    expect(declaresEmpty('2024年部门收支预算总表')).toBe(false);
    expect(saysNothingToShow('本单位没有 政府性基金预算支出')).toBe(true);
    expect(saysNothingToShow('不涉及')).toBe(true);
    expect(saysNothingToShow('一般公共服务支出')).toBe(false);
  });

  test('titles by their last word, spaced, bracketed full-width, after a prefix, or a part heading', () => {
    for (const t of ['2024年部门收支预算总表', '部门收支预算总表 ', '一般公共预算“三公”经费支出表（2024年）', '机关运行经费 ', '机关运行经 费支出', '2024年部门预算情况说明', '某某局2024年部门收支预算', '部门收入支出决算情 况', '一、第二部分 部门决算表', '表1-1 收支总表'])
      expect([t, looksLikeTitle(t)]).toEqual([t, true]);
    for (const t of ['一般公共服务支出', '行政运行', '机关事业单位基本养老保险缴费支出', '项目', '注：本表为空表', '2024年'])
      expect([t, looksLikeTitle(t)]).toEqual([t, false]);
  });

  test('a code before its name in full-width digits or brackets is still read', () => {
    expect(codeBeforeName('［201］一般公共服务支出')).toEqual({ code: '201', name: '一般公共服务支出', kind: 'function' });
    expect(codeBeforeName('２０１０３０１行政运行')).toEqual({ code: '2010301', name: '行政运行', kind: 'function' });
    expect(codeBeforeName('【30101】基本工资')).toEqual({ code: '30101', name: '基本工资', kind: 'econ' });
    expect(codeBeforeName('行政运行')).toBeUndefined();
  });

  test('a name opening with a count’s character (人力资源…) is a name; a count after the digits (5人, 300万元) is none', () => {
    expect(codeBeforeName('20801人力资源和社会保障管理事务')).toEqual({ code: '20801', name: '人力资源和社会保障管理事务', kind: 'function' });
    expect(codeBeforeName('208 人民法院')).toEqual({ code: '208', name: '人民法院', kind: 'function' });
    for (const t of ['205人', '208人，', '300万元', '301个', '2082年']) expect([t, codeBeforeName(t)]).toEqual([t, undefined]);
  });

  test('a word opening with a Chinese numeral is still a numbered line, any other word no figure', () => {
    const cell = (text: string) => ({ col: 1, raw: text, text });
    expect(isDataCell(cell('一、一般公共预算'))).toBe(true);
    expect(isDataCell(cell('十、其他'))).toBe(true);
    expect(isDataCell(cell('行政运行'))).toBe(false);
    expect(isFigureCell(cell('一、一般公共预算'))).toBe(false);
    expect(isFigureCell(cell('1,269.24'))).toBe(true);
    expect(isFigureCell(cell('—'))).toBe(true);
  });

  test('spaces are cleaned out of a label, a label without any comes back as it is', () => {
    expect(cleanLabel('合 计')).toBe('合计');
    expect(cleanLabel('一般公共预\n算')).toBe('一般公共预算');
    const plain = '一般公共预算';
    expect(cleanLabel(plain)).toBe(plain);
  });
});

describe('full-width text narrowed piece by piece', () => {
  /** The narrowing one character at a time, as it was written before. */
  const byCharacter = (s: string): string =>
    [...s]
      .map((ch) => {
        const c = ch.charCodeAt(0);
        if (c >= 0xff01 && c <= 0xff5e) return String.fromCharCode(c - 0xfee0);
        if (c === 0x3000) return ' ';
        if (c === 0x3002 || c === 0xff61) return '.';
        return ch;
      })
      .join('');

  test('prose, figures and marks at either end', () => {
    for (const s of ['１２６９．２４', '（一）一般公共服务支出，共计１２３万元。', '　全角空格　', 'x。y｡z', '，', '，开头', '结尾，', 'ascii only'])
      expect(toHalfWidth(s)).toBe(byCharacter(s));
  });

  test('a text with nothing full-width comes back as the same string', () => {
    const s = '2024年部门收支总表';
    expect(toHalfWidth(s)).toBe(s);
  });
});

describe('row classes read once per row', () => {
  test('a form number beside a title, a caption with a word beside it, a lone 合计', () => {
    const grid = new SheetGrid(
      sheetOf([
        ['预算03表', '2024年部门支出总表'],
        ['部门：某某局', '单位：万元'],
        ['合计'],
        ['项目', '金额', '单位：万元'],
        ['本表无数据'],
      ]),
    );
    const info = (r: number) => classifyRow(grid, r);
    expect([info(1).cls, info(1).title, info(1).formNumber]).toEqual(['title', '2024年部门支出总表', '预算03表']);
    expect(info(2).cls).toBe('caption');
    expect([info(3).cls, info(3).totalOnly]).toEqual(['data', true]);
    expect(info(4).cls).toBe('text');
    expect(info(5).cls).toBe('note');
  });

  test('merged cells: a row under no merged area has none, a merged area is found from each of its cells', () => {
    const grid = new SheetGrid(sheetOf([['标题'], ['a', 'b'], ['c']], [{ top: 1, left: 1, bottom: 1, right: 3 }]));
    expect(grid.rowHasMerges(1)).toBe(true);
    expect(grid.rowHasMerges(2)).toBe(false);
    expect(grid.merge(1, 3)).toEqual({ top: 1, left: 1, bottom: 1, right: 3 });
    expect(grid.merge(2, 1)).toBeUndefined();
  });

  test('merged cells by row: of two areas over one cell the later listed wins, a row of many areas is indexed alike', () => {
    const overlapping = new SheetGrid(sheetOf([['a'], ['b']], [{ top: 1, left: 1, bottom: 2, right: 4 }, { top: 2, left: 3, bottom: 2, right: 5 }]));
    expect(overlapping.merge(2, 3)).toEqual({ top: 2, left: 3, bottom: 2, right: 5 });
    expect(overlapping.merge(2, 2)).toEqual({ top: 1, left: 1, bottom: 2, right: 4 });
    expect(overlapping.merge(1, 5)).toBeUndefined();
    // Twenty pairs merged in one header row, then one more over two of them: more than a lookup reads one by one.
    const pairs = Array.from({ length: 20 }, (_, k) => ({ top: 1, left: 2 * k + 1, bottom: 1, right: 2 * k + 2 }));
    const wide = new SheetGrid(sheetOf([['x']], [...pairs, { top: 1, left: 10, bottom: 1, right: 11 }]));
    expect(wide.merge(1, 4)).toEqual({ top: 1, left: 3, bottom: 1, right: 4 });
    expect(wide.merge(1, 9)).toEqual({ top: 1, left: 9, bottom: 1, right: 10 });
    expect(wide.merge(1, 10)).toEqual({ top: 1, left: 10, bottom: 1, right: 11 });
    expect(wide.merge(1, 12)).toEqual({ top: 1, left: 11, bottom: 1, right: 12 });
    expect(wide.merge(1, 41)).toBeUndefined();
    expect(wide.merge(2, 1)).toBeUndefined();
    expect(wide.merge(1, 0)).toBeUndefined();
  });

  test('merged cells of a row of many areas lying far apart (A1:B1 … and one at XFD): each found, the columns between none', () => {
    const pairs = Array.from({ length: 9 }, (_, k) => ({ top: 1, left: 2 * k + 1, bottom: 1, right: 2 * k + 2 }));
    const far = new SheetGrid(sheetOf([['x']], [...pairs, { top: 1, left: 16383, bottom: 1, right: 16384 }, { top: 1, left: 2, bottom: 1, right: 3 }]));
    expect(far.merge(1, 1)).toEqual({ top: 1, left: 1, bottom: 1, right: 2 });
    expect(far.merge(1, 2)).toEqual({ top: 1, left: 2, bottom: 1, right: 3 });
    expect(far.merge(1, 16384)).toEqual({ top: 1, left: 16383, bottom: 1, right: 16384 });
    expect(far.merge(1, 19)).toBeUndefined();
    expect(far.merge(1, 9000)).toBeUndefined();
  });

  test('a paragraph longer than the folding memo keeps is judged by its folded start as a short label is: note, footer, caption or none', () => {
    const long = (opening: string) => opening + '按照有关规定，“三公”经费包括因公出国（境）费、公务用车购置及运行费和公务接待费。'.repeat(8);
    expect(long('').length).toBeGreaterThan(200);
    expect(looksLikeNote(long('注：'))).toBe(true);
    expect(looksLikeNote(long('说 明：'))).toBe(true);
    expect(looksLikeNote(long('注意'))).toBe(false);
    // Indented by more spaces than the first characters folded: the start is folded further.
    expect(looksLikeNote(' '.repeat(40) + long('注：'))).toBe(true);
    expect(looksLikeNote('　'.repeat(40) + long('说明'))).toBe(false);
    expect(looksLikeFooter(long('单位负责人：'))).toBe(true);
    expect(looksLikeFooter(long('负责人员'))).toBe(false);
    expect(looksLikeCaption(long('单位：'))).toBe(true);
    expect(looksLikeCaption(long('（部门（单位）名称：'))).toBe(true);
    expect(looksLikeCaption(long('２０２４年度'))).toBe(false);
    expect(looksLikeCaption(' '.repeat(300) + '单位：万元')).toBe(true);
    expect(looksLikeCaption(' '.repeat(300) + '２０２４年度')).toBe(true);
  });

  test('a total label is 合计, 总计, 共计 or ends in 合计 / 总计, spaces aside, as the patterns say', () => {
    const old = (label: string) => {
      const l = label.replace(/[\s\u00a0\u3000]+/g, '');
      return /^(合计|总计|共计|总合计|本年合计)$/.test(l) || /(合计|总计)$/.test(l);
    };
    const labels = ['合计', '合 计', ' 总计\n', '共计', '共 计', '总合计', '本年合计', '人员经费合计', '支出总计', '小计', '共计数', '合计数', '统计', '计划执行情况', '', '计',
      '　　本年度统计口径调整，合计'];
    for (const t of labels) expect([t, isTotalLabel(t)]).toEqual([t, old(t)]);
    // …and typed with a colon after it, as a form's label cell may be: a total too (it was read as a line).
    for (const t of ['合计：', '合 计:', '总计： ']) expect([t, isTotalLabel(t)]).toEqual([t, true]);
    expect(isTotalLabel('合计：其中')).toBe(false);
  });

  test('单位：万元 / 千元 / 亿元 names the unit, 单位：某某局 the department', () => {
    for (const unit of ['单位：万元', '单位：元', '单位：千元', '单位：亿元', '单位：人民币万元']) expect([unit, departmentIn([unit])]).toEqual([unit, undefined]);
    expect(departmentIn(['单位：某某局'])).toBe('某某局');
  });

  test('a 栏次 row is told with its label spaced out; a line of words holding 行 or 栏 is none', () => {
    const grid = new SheetGrid(sheetOf([['栏 次', '1', '2', '3'], ['行\n次', '1', '2'], ['　　执行 情况：', '1', '2'], ['栏目', '1', '2']]));
    expect([1, 2, 3, 4].map((r) => classifyRow(grid, r).cls)).toEqual(['column-numbers', 'column-numbers', 'data', 'data']);
  });

  test('a 栏次 row formatted as the money under it (1.00 | 2.00 …) is told by its label or by counting four and more', () => {
    const money = (values: RawValue[][]): GridSheet => ({
      ...sheetOf(values),
      text: values.map((r) => r.map((v) => (typeof v === 'number' ? v.toFixed(2) : (v ?? '') as string))),
      numberFormats: values.map((r) => r.map((v) => (typeof v === 'number' ? '#,##0.00' : 'General'))),
    });
    const grid = new SheetGrid(money([['栏次', 1, 2, 3], [null, 1, 2, 3, 4], [null, 1, 2, 3], ['合计', 1, 2]]));
    expect([1, 2, 3, 4].map((r) => classifyRow(grid, r).cls)).toEqual(['column-numbers', 'column-numbers', 'data', 'data']);
  });

  test('a caption is told by its characters wherever they stand in the text, a paragraph too', () => {
    expect(looksLikeCaption('单位：万元')).toBe(true);
    expect(looksLikeCaption('2024年度')).toBe(true);
    expect(looksLikeCaption('２０２４年')).toBe(true);
    expect(looksLikeCaption('部门名称：某某局')).toBe(true);
    expect(looksLikeCaption('万元')).toBe(false);
    expect(looksLikeCaption('年度预算')).toBe(false);
    expect(looksLikeCaption('2018年，本部门收入预算1523.0万元。')).toBe(false);
  });

  test('a year is read from a title or caption holding 年, full-width digits too; a text without 年 names none', () => {
    expect(yearIn('２０２４年度部门预算表')).toBe(2024);
    expect(yearIn('2018 年度收支总表')).toBe(2018);
    expect(yearIn('部门：某某局 2024')).toBeUndefined();
    expect(yearIn('单位：万元')).toBeUndefined();
    expect(yearIn(undefined)).toBeUndefined();
  });

  test('body statistics read from the packed cells: whole numbers without a money format are codes, with one amounts', () => {
    const sheet: GridSheet = {
      ...sheetOf([
        [301, 301, 1200, '30101', '1,200'],
        [302, 302, 3400, '30102', true],
        [399, 399, 5600, '行政运行', '—'],
      ]),
      numberFormats: [['General', '#,##0.00'], ['General', '#,##0.00'], ['General', '#,##0.00']],
    };
    const grid = new SheetGrid(sheet);
    const cols = [1, 2, 3, 4, 5].map((col) => ({ col, path: ['编码'] }));
    // Under 编码 the codes say the kind: 3xx as numbers in General or as text, economic; the same
    // numbers under a money format are amounts (no code, so functional by default).
    expect(columnRoles(grid, cols, [1, 3])).toEqual(['econ-code', 'function-code', 'function-code', 'econ-code', 'function-code']);
    expect(columnRoles(grid, cols.map((c) => ({ ...c, path: ['金额'] })), [1, 3])).toEqual(['amount', 'amount', 'amount', 'amount', 'amount']);
    // Words outnumbering codes and figures: text; figures as text, a boolean, a dash are no words.
    expect(columnRoles(grid, [{ col: 4, path: ['说明文字'] }], [3, 3])).toEqual(['text']);
    expect(columnRoles(grid, [{ col: 5, path: ['说明文字'] }], [1, 3])).toEqual(['amount']);
  });

  test('header words told by a word, a length or a last character first: line numbers and names of things', () => {
    const grid = new SheetGrid(sheetOf([[1, '办公设备', '台式机', 5000]]));
    const roles = (labels: string[]) => columnRoles(grid, labels.map((l, i) => ({ col: i + 1, path: [l] })), [1, 1]);
    expect(roles(['No.', '采购品目', '规格型号', '金额'])).toEqual(['line-no', 'label', 'label', 'amount']);
    expect(roles(['行次', '品目大类', '采购事项', '金额'])).toEqual(['line-no', 'label', 'label', 'amount']);
    expect(roles(['序号', '序号说明', '名目', '金额'])).toEqual(['line-no', 'text', 'text', 'amount']);
  });

  test('a row’s texts in a span of columns, one walk along it, each as text() reads it', () => {
    const grid = new SheetGrid(sheetOf([[' 项目 ', null, '   ', 1234.5, '金额', 'x'], [], ['a']]));
    expect(grid.rowTexts(1, 1, 5)).toEqual(['项目', '', '', grid.text(1, 4), '金额']);
    expect(grid.rowTexts(1, 2, 4)).toEqual(['', '', grid.text(1, 4)]);
    expect(grid.rowTexts(2, 1, 2)).toEqual(['', '']);
    expect(grid.rowTexts(9, 1, 1)).toEqual(['']);
  });

  test('a lone 合计 beside a form number is still the empty body’s total line; beside a word, a text row', () => {
    const grid = new SheetGrid(sheetOf([['合计', '预算03表'], ['合计', '项目'], ['预算03表', '总计', '合 计']]));
    expect([classifyRow(grid, 1).cls, classifyRow(grid, 1).totalOnly]).toEqual(['data', true]);
    expect(classifyRow(grid, 2).cls).toBe('text');
    expect([classifyRow(grid, 3).cls, classifyRow(grid, 3).totalOnly, classifyRow(grid, 3).formNumber]).toEqual(['data', true, '预算03表']);
  });

  test('a row’s distinct texts in order, short rows and wide ones alike', () => {
    const wide = ['项目', '金额', '项目', '金额', '小计', '基本支出', '项目支出', '小计', '合计', '项目'];
    const grid = new SheetGrid(sheetOf([wide, ['项目', '项目', '金额']]));
    expect(classifyRow(grid, 1).texts).toEqual(['项目', '金额', '小计', '基本支出', '项目支出', '合计']);
    expect(classifyRow(grid, 2).texts).toEqual(['项目', '金额']);
  });

  test('a cell read for body statistics: a number without its text, words with theirs', () => {
    const grid = new SheetGrid(sheetOf([[2010301, ' 行政运行 ']]));
    expect(grid.valueAndText(1, 1)).toEqual({ raw: 2010301, text: '', format: 'General' });
    expect(grid.valueAndText(1, 2)).toEqual({ raw: ' 行政运行 ', text: '行政运行', format: 'General' });
    expect(grid.valueAndText(1, 3)).toBeUndefined();
    expect(grid.valueAndText(2, 1)).toBeUndefined();
  });
});

describe('a header band read row by row, each column\'s path down it', () => {
  const pathsOf = (sheet: GridSheet, band: [number, number], left: number, right: number) => {
    const grid = new SheetGrid(sheet);
    const rows = Array.from({ length: grid.rowCount }, (_, i) => classifyRow(grid, i + 1));
    return headerPaths(grid, rows, band, left, right).map((h) => h.path);
  };
  const band = [
    ['科目编码', null, null, '科目名称', '本年支出', null, null, '单位：万元'],
    ['类', '款', '项', null, '合计', '基本支出', '项目支出', null],
    ['栏次', null, null, null, 1, 2, 3, null],
  ];
  const expected = [['科目编码', '类'], ['科目编码', '款'], ['科目编码', '项'], ['科目名称'], ['本年支出', '合计'], ['本年支出', '基本支出'], ['本年支出', '项目支出'], []];

  test('a merged group label heads every column under it; a caption and the 栏次 numbers are no labels', () => {
    const merges = [{ top: 1, left: 1, bottom: 1, right: 3 }, { top: 1, left: 4, bottom: 2, right: 4 }, { top: 1, left: 5, bottom: 1, right: 7 }];
    expect(pathsOf(sheetOf(band, merges), [1, 3], 1, 8)).toEqual(expected);
  });

  test('a group label typed once over its columns without a merge heads them alike', () => {
    expect(pathsOf(sheetOf(band, [{ top: 1, left: 4, bottom: 2, right: 4 }]), [1, 3], 1, 8)).toEqual(expected);
  });

  test('an area opened above the band lends it nothing; of two areas over a cell the later listed names it', () => {
    const sheet = sheetOf(
      [['标题', null, null], [null, '甲', null], ['a', 'b', 'c']],
      [{ top: 1, left: 1, bottom: 2, right: 1 }, { top: 2, left: 2, bottom: 2, right: 3 }, { top: 1, left: 3, bottom: 2, right: 3 }],
    );
    expect(pathsOf(sheet, [2, 3], 1, 3)).toEqual([['a'], ['甲', 'b'], ['c']]);
  });

  test('a path\'s last label, none for an empty path; a column with no header is judged by its body', () => {
    expect(lastOf([])).toBe('');
    expect(lastOf(['基本支出', '小计'])).toBe('小计');
    const grid = new SheetGrid(sheetOf([[1234.5, '行政运行']]));
    expect(columnRoles(grid, [{ col: 1, path: [] }, { col: 2, path: [] }], [1, 1])).toEqual(['amount', 'label']);
  });

  test('merged areas by row number: a row far below the others keeps its area, the rows between have none', () => {
    const values: RawValue[][] = Array.from({ length: 5000 }, () => []);
    values[0] = ['标题'];
    values[4999] = ['注：'];
    const grid = new SheetGrid(sheetOf(values, [{ top: 1, left: 1, bottom: 1, right: 4 }, { top: 5000, left: 1, bottom: 5000, right: 6 }]));
    expect(grid.hasMerges).toBe(true);
    expect([grid.rowHasMerges(1), grid.rowHasMerges(2), grid.rowHasMerges(4999), grid.rowHasMerges(5000)]).toEqual([true, false, false, true]);
    expect(grid.merge(5000, 6)).toEqual({ top: 5000, left: 1, bottom: 5000, right: 6 });
    expect(grid.merge(2500, 1)).toBeUndefined();
    expect(new SheetGrid(sheetOf([['a']])).hasMerges).toBe(false);
  });
});

describe('per-table layouts found once, each row its own lists', () => {
  test('a side-by-side table: each row its own list of amount columns', () => {
    const [built] = detectSheet(
      sheetOf([
        ['收支预算总表'],
        ['收入', null, '支出', null],
        ['项目', '预算数', '项目', '预算数'],
        ['一般公共预算', 100, '一般公共服务支出', 60],
        ['政府性基金', 20, '教育支出', 60],
        ['收入总计', 120, '支出总计', 120],
      ]),
    );
    const rows = built.table.rows;
    expect(rows.length).toBe(3);
    const first = rows[0].lines!.income!.amountCols;
    expect(first).toEqual([2]);
    first.push(99);
    expect(rows[1].lines!.income!.amountCols).toEqual([2]);
  });

  test('tables with and without a title, unit, notes or department list the same fields (one shape), those they lack undefined', () => {
    const [titled] = detectSheet(
      sheetOf([
        ['2024年某某局支出预算表'],
        ['部门：某某局', '单位：万元'],
        ['项目', '金额'],
        ['行政运行', 100],
        ['注：本表含上年结转'],
      ]),
    );
    const [bare] = detectSheet(sheetOf([['项目', '金额'], ['行政运行', 100]]));
    expect(Object.keys(bare.table)).toEqual(Object.keys(titled.table));
    expect([titled.table.title, titled.table.unit, titled.table.department, titled.table.year, titled.table.noteTexts]).toEqual(['2024年某某局支出预算表', '万元', '某某局', 2024, ['注：本表含上年结转']]);
    expect([bare.table.title, bare.table.unit, bare.table.department, bare.table.year, bare.table.noteTexts]).toEqual([undefined, undefined, undefined, undefined, undefined]);
    // A JSON of a table holds the fields it has, as before.
    expect(Object.keys(JSON.parse(JSON.stringify(bare.table)))).not.toContain('title');
  });

  test('a grouped table (公开06表): each row its own list of a group’s amount columns', () => {
    const [built] = detectSheet(
      sheetOf([
        ['基本支出决算明细表'],
        ['科目编码', '科目名称', '决算数', '科目编码', '科目名称', '决算数'],
        [301, '工资福利支出', 100, 302, '商品和服务支出', 50],
        [30101, '基本工资', 100, 30201, '办公费', 50],
      ]),
    );
    const rows = built.table.rows.filter((r) => r.groupItems?.length);
    expect(rows.length).toBe(2);
    expect(rows[0].groupItems!.map((g) => g.econCode)).toEqual(['301', '302']);
    rows[0].groupItems![0].amountCols.push(99);
    expect(rows[1].groupItems![0].amountCols).toEqual([3]);
  });
});
