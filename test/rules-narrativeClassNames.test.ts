import { audit } from '../src/core/engine';
import { render } from '../src/core/messages/render';
import type { GridSheet } from '../src/core/snapshot';
import { sheet, workbook } from './support/sheetBuilder';
import { smallBudget } from './support/smallBudget';

/**
 * A 类 named in the 情况说明 by its name before the renaming (text-retired-name, a hint: info): 医疗卫生与计划生育支出
 * for 卫生健康支出. The old name is the same 类 (narrative.test.ts): never a warning or an error. Support: the small disclosure (test/support/smallBudget.ts), 210 卫生健康支出 800.00.
 */
const prose = (line: string) => sheet('情况说明', [['某某局2024年部门预算情况说明'], [line]]);
const LINE = '2024年一般公共预算支出1000.00万元，主要用于：社会保障和就业支出120.00万元；医疗卫生与计划生育支出800.00万元；住房保障支出80.00万元。';

describe('a 类 by its former name (text-retired-name)', () => {
  test('医疗卫生与计划生育支出 where every table prints 卫生健康支出: a hint at the paragraph, nothing louder; the amount itself agrees', () => {
    const all = audit(workbook(...smallBudget().sheets, prose(LINE)), { includeInfo: true }).findings;
    expect(all.filter((f) => f.severity !== 'info')).toEqual([]);
    const found = all.filter((f) => f.rule === 'text-retired-name');
    expect(found.map((f) => [f.rule, f.severity, `${f.sheet}!${f.cell}`, f.actual, f.expected])).toEqual([['text-retired-name', 'info', '情况说明!A2', '医疗卫生与计划生育支出', '卫生健康支出']]);
    expect(render(found[0].message, 'zh-CN')).toBe('情况说明 A2「医疗卫生与计划生育支出」是类 210 的旧名称，表中为「卫生健康支出」，请按现行科目名称填写。');
  });

  test('the current name: nothing said', () => {
    const found = audit(workbook(...smallBudget().sheets, prose(LINE.replace('医疗卫生与计划生育支出', '卫生健康支出'))), { includeInfo: true }).findings.filter((f) => f.rule === 'text-retired-name');
    expect(found).toEqual([]);
  });

  test('an old document whose tables print the old name too: nothing said', () => {
    const old = <T,>(v: T) => (typeof v === 'string' ? v.replace('卫生健康支出', '医疗卫生与计划生育支出') : v);
    const renamed = smallBudget().sheets.map((s): GridSheet => ({ ...s, values: s.values.map((row) => row.map(old)), text: s.text.map((row) => row.map(old)) }));
    const found = audit(workbook(...renamed, prose(LINE)), { includeInfo: true }).findings.filter((f) => f.rule === 'text-retired-name');
    expect(found).toEqual([]);
  });
});
