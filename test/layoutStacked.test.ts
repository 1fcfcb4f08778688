import { codeDigits } from '../src/core/detect/codes';
import type { GridSheet } from '../src/core/snapshot';
import { all } from './support/checklist';
import { sheet, workbook } from './support/sheetBuilder';
import { general05 } from './support/smallBudget';

/**
 * A table by function listing its 类, 款 and 项 by name alone, no code beside them (a template that
 * indents the levels, or does not): read as one flat list, its rows add up to three times the 合计, as
 * each level adds up to it. The reading is wrong, not the table: one hint (layout-doubtful, the levels
 * stacked), no error — an error there would be a claim that the published 合计 is wrong.
 */
const uncoded = (sh: GridSheet): GridSheet => {
  const values = sh.values.map((row) => {
    const code = typeof row[0] === 'string' && /^2\d{2}(\d{2}){0,2}$/.test(row[0]) ? row[0] : undefined;
    if (!code) return row;
    const indent = code.length === 3 ? '' : code.length === 5 ? '  ' : '    ';
    return [null, `${indent}${row[1]}`, ...row.slice(2)];
  });
  return { ...sh, values, text: values.map((row) => row.map((v) => (v === null ? '' : String(v)))) };
};

test('一般公共预算支出表 with its 类/款/项 by name only: one hint naming three stacked levels, no error', () => {
  const found = all(workbook(uncoded(general05())));
  expect(found.filter((f) => f.severity !== 'info')).toEqual([]);
  const doubt = found.filter((f) => f.rule === 'layout-doubtful');
  expect(doubt).toHaveLength(1);
  expect(doubt[0].message).toMatchObject({ key: 'layout.stacked', args: { levels: { t: 'n', v: 3 } } });
});

test('an uncoded flat list whose 合计 is simply wrong (not a whole multiple of its rows) is still an error', () => {
  const list = sheet('预算05表', [
    ['2024年一般公共预算支出预算表'],
    ['部门：某某局', null, '单位：万元'],
    ['科目名称', '合计', '基本支出'],
    ['合计', 310, 310],
    ['社会保障和就业支出', 120, 120],
    ['卫生健康支出', 100, 100],
    ['住房保障支出', 80, 80],
    ['其他支出', 20, 20],
  ]);
  expect(all(workbook(list)).filter((f) => f.severity === 'error').map((f) => f.cell)).toContain('B4');
});

test('a code column showing each row’s own part only (208 / 05 / 05): the same stacked levels, one hint, no error', () => {
  const ownParts = (sh: GridSheet): GridSheet => {
    const values = sh.values.map((row) => (typeof row[0] === 'string' && /^2\d{2}(\d{2}){0,2}$/.test(row[0]) ? [row[0].length === 3 ? row[0] : row[0].slice(-2), ...row.slice(1)] : row));
    return { ...sh, values, text: values.map((row) => row.map((v) => (v === null ? '' : String(v)))) };
  };
  const found = all(workbook(ownParts(general05())));
  expect(found.filter((f) => f.severity !== 'info')).toEqual([]);
  expect(found.filter((f) => f.rule === 'layout-doubtful').map((f) => f.message.key)).toEqual(['layout.stacked']);
});

describe('codes written in their parts are read whole', () => {
  test.each([
    ['204.05.01', '2040501'],
    ['204-05', '20405'],
    ['２０４．０５．０１', '2040501'],
    ['208.00', '208'],
    ['2,080,505.00', '2080505'],
  ])('%s is %s', (text, code) => {
    expect(codeDigits(text, text)).toBe(code);
  });

  test('一般公共预算支出表 with its codes written 204.05.01: read and checked as with 2040501 (nothing said)', () => {
    const dotted = (sh: GridSheet): GridSheet => {
      const values = sh.values.map((row) => (typeof row[0] === 'string' && /^2\d{4,6}$/.test(row[0]) ? [row[0].replace(/^(\d{3})(\d{2})(\d{2})?$/, (_m, a, b, c) => [a, b, c].filter(Boolean).join('.')), ...row.slice(1)] : row));
      return { ...sh, values, text: values.map((row) => row.map((v) => (v === null ? '' : String(v)))) };
    };
    expect(all(workbook(dotted(general05())))).toEqual([]);
  });
});

test('a 项目支出表 listing its projects, uncoded, under their 类/款/项 lines: a hint, not a wrong 合计', () => {
  const projects = sheet('预算12表', [
    ['2024年项目支出预算表'],
    ['部门：某某局', null, null, null, '单位：万元'],
    ['科目编码', '科目名称', '项目名称', '合计', '一般公共预算'],
    [null, null, '合计', 200, 200],
    ['210', '卫生健康支出', null, 200, 200],
    ['21015', '医疗保障管理事务', null, 200, 200],
    ['2101502', '一般行政管理事务', null, 200, 200],
    [null, null, '医疗保障业务经费', 120, 120],
    [null, null, '信息系统运行维护', 50, 50],
    [null, null, '宣传经费', 30, 30],
  ]);
  const found = all(workbook(projects)).filter((f) => f.sheet === '预算12表');
  expect(found.filter((f) => f.severity !== 'info')).toEqual([]);
  expect(found.map((f) => f.message.key)).toContain('layout.stacked');
});
