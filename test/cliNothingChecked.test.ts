import { totalLine } from '../src/cli/batch';
import { NO_BUDGET_TABLES } from '../src/cli/checkFile';
import type { FileOutcome } from '../src/cli/fileOutcome';
import { formatCheck } from '../src/cli/humanReport';
import { EXIT } from '../src/cli/exitStatus';
import { audit } from '../src/core/engine';
import { summaryLine } from '../src/core/report';
import { sheet, workbook } from './support/sheetBuilder';
import { smallBudget } from './support/smallBudget';

/**
 * A run that checked nothing must not read as a pass: a workbook with no budget table (a phone list, a wrong file
 * picked from a folder) says so where a reviewer looks — the report's head, the batch's total, the summary row — and
 * gets no ✓; nor does a table read too doubtfully to check.
 */
const phoneList = sheet('通讯录', [
  ['机关各科室联系电话'],
  ['序号', '科室', '姓名', '办公电话'],
  [1, '办公室', '张三', 3921001],
  [2, '财务科', '李四', 3921002],
], { format: '0' });
const options = { all: false, verbose: false };

describe('a workbook with no budget table', () => {
  test('the report says nothing was checked as a disclosure, and gives no ✓', () => {
    const text = formatCheck(audit(workbook(phoneList)), 'zh-CN', options);
    expect(text.split('\n').slice(0, 2)).toEqual(['识别表格 0 张；错误 0 条，警告 0 条，提示 0 条', '没有识别到预决算表格，未做预决算核对。']);
    expect(text).not.toContain('✓');
    expect(formatCheck(audit(workbook(phoneList)), 'en', options)).toContain('No budget tables recognised; nothing was checked as a disclosure.');
  });

  test('an ordinary table whose 合计 does not add up: its warning follows the line saying only ordinary totals were checked', () => {
    const wrong = sheet('采购清单', [['办公用品采购明细'], ['序号', '品名', '金额'], [1, '复印纸', 1020], [2, '签字笔', 500], ['合计', null, 1600]]);
    const text = formatCheck(audit(workbook(wrong)), 'zh-CN', options);
    expect(text.split('\n')[1]).toBe('没有识别到预决算表格，未做预决算核对；以下仅为普通表格合计的提示。');
    expect(text).toContain('合计');
    expect(formatCheck(audit(workbook(wrong)), 'en', options)).toContain('nothing was checked as a disclosure (below: only the totals of ordinary tables).');
  });

  test('a 情况说明 alone, no table beside it: the same, and no ✓ at the 情况说明 held to nothing', () => {
    const text = formatCheck(audit(workbook(sheet('情况说明', [['某某局2024年部门预算情况说明'], ['2024年收入预算1000.00万元。']]))), 'zh-CN', options);
    expect(text).toContain('没有识别到预决算表格');
    expect(text).not.toContain('✓');
  });

  test('an empty workbook says the same', () => {
    expect(formatCheck(audit(workbook()), 'zh-CN', options)).toContain('没有识别到预决算表格');
  });

  test('a disclosure says nothing of the kind, and its clean tables keep their ✓', () => {
    const text = formatCheck(audit(smallBudget()), 'zh-CN', options);
    expect(text).not.toContain('没有识别到预决算表格');
    expect(text).toContain('■ 预算05表 — 一般公共预算支出表 ✓ 无问题');
  });
});

test('a table read too doubtfully to check is marked so on its line, not ✓, and its note is shown without --all', () => {
  // Three lines of 100 under a 合计 of 100: most of its checks fail, so the reading is doubted, not reported as errors.
  const misread = sheet('表1', [
    ['2024年某表'],
    ['项目', '合计', '基本支出', '项目支出'],
    ['合计', 100, 80, 20],
    ['甲', 100, 80, 20],
    ['乙', 100, 80, 30],
    ['丙', 100, 80, 20],
  ]);
  const result = audit(workbook(misread), { includeInfo: true });
  expect(result.findings.map((f) => f.rule)).toEqual(['layout-doubtful']);
  const text = formatCheck(result, 'zh-CN', options);
  expect(text).toContain('■ 表1 — 支出表 版式存疑，未核对');
  expect(text).toMatch(/\[提示\] \S+ +表1 的版式未能可靠识别/);
});

describe('a folder of workbooks', () => {
  const outcome = (file: string, status: FileOutcome['status'], tables: number, errors = 0): FileOutcome => ({
    file,
    status,
    output: '',
    row: { file, tables, errors, warnings: 0, ...(tables === 0 ? { problem: NO_BUDGET_TABLES } : {}) },
  });
  const outcomes = [outcome('a.xlsx', EXIT.clean, 12), outcome('b.xlsx', EXIT.errors, 12, 2), outcome('通讯录.xlsx', EXIT.clean, 0)];

  test('counts a workbook with no budget table apart, never among those without errors', () => {
    expect(totalLine(outcomes, 'zh-CN')).toBe('共 3 个文件：1 个无错误，1 个有错误，0 个无法读取或写出，1 个未识别到预决算表格；共计错误 2 条，警告 0 条');
    expect(totalLine(outcomes, 'en')).toBe('3 files: 1 without errors, 1 with errors, 0 unreadable or not written, 1 with no budget table recognised; 2 errors, 0 warnings in all');
  });
});

test('English counts agree with their nouns (1 warning, 2 errors)', () => {
  expect(summaryLine([{ kind: 'three-public' }], { errors: 2, warnings: 1, infos: 0, verified: 0 }, 'en')).toBe('1 table found; 2 errors, 1 warning, 0 infos');
});
