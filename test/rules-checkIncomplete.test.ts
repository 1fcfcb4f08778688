import { resolveConfig } from '../src/core/config';
import { audit, detect } from '../src/core/engine';
import { render } from '../src/core/messages/render';
import { bindRules, type RuleSpec } from '../src/core/rules/toolkit/ruleSpec';
import { sheet, workbook } from './support/sheetBuilder';
import { BUDGET_TABLES } from './support/smallBudget';

/**
 * A check that fails on a layout nobody foresaw must not pass for “nothing wrong” (a hunt on PDF-converted workbooks: a
 * wrapped name in one table made the narrative's every check fail, and the report said 情况说明 ✓ 无问题).
 */
describe('check-incomplete: a rule module that fails is said once, as a warning', () => {
  const tables = detect(workbook(...BUDGET_TABLES.map((t) => t())));
  const sound: RuleSpec = { id: 'row-sum', emits: { 'row-sum': 'error' }, collect: () => ({}) };
  const broken: RuleSpec = {
    id: 'column-total',
    emits: { 'column-total': 'error' },
    collect: () => {
      throw new TypeError("Cannot read properties of undefined (reading 'kind')");
    },
  };

  test('one warning naming the module, at the first table; the other modules still report', () => {
    const found = bindRules([sound, broken])({ tables, config: resolveConfig() });
    expect(found.map((f) => [f.severity, f.rule, f.sheet])).toEqual([['warning', 'check-incomplete', tables[0].sheet]]);
    expect(render(found[0].message, 'zh-CN')).toMatch(/column-total.*结果不全/);
    expect(render(found[0].message, 'en')).toMatch(/column-total.*incomplete/);
  });

  test('turned off by a reviewer’s settings (disabledRules), as every note of the toolkit is: not said', () => {
    expect(bindRules([sound, broken])({ tables, config: resolveConfig({ disabledRules: ['check-incomplete'] }) })).toEqual([]);
  });

  test('nothing failing: nothing said', () => {
    expect(bindRules([sound])({ tables, config: resolveConfig() })).toEqual([]);
  });
});

describe('a name wrapped onto the next row keeps its cell readable (wrappedNames.ts)', () => {
  test('the 基本支出表 with a wrapped 科目名称: every check of the narrative still runs', () => {
    const prose = sheet('情况说明', [['某某局2024年部门预算情况说明'], ['2024年支出预算1010.00万元。']]);
    const wrapped = BUDGET_TABLES.map((t) => {
      const s = t();
      if (!/基本支出预算表/.test(String(s.values[0][0]))) return s;
      // 机关事业单位基本养老保险缴费 cut after its eighth character, its end on a row of its own.
      const at = s.values.findIndex((r) => r[1] === '机关事业单位基本养老保险缴费');
      const cut = (r: unknown[], i: number) => (i === 1 ? '机关事业单位基本' : r[i]);
      const tail = s.values[at].map((_, i) => (i === 1 ? '养老保险缴费' : null));
      const rows = [...s.values.slice(0, at), s.values[at].map((_, i) => cut(s.values[at], i)), tail, ...s.values.slice(at + 1)];
      return sheet(s.name, rows as never);
    });
    const found = audit(workbook(...wrapped, prose)).findings.filter((f) => f.severity !== 'info');
    expect(found.map((f) => `${f.rule} ${f.sheet} ${f.cell}`)).toEqual(['narrative-vs-table 情况说明 A2']);
  });
});

describe('a name wrapped with the government code on the second row (30108 机关事业单位基本 | 社会保障缴费 over 养老保险缴费 | 50102 | figures)', () => {
  test('one line, named whole: nothing said', () => {
    const wrapped = BUDGET_TABLES.map((t) => {
      const s = t();
      if (!/基本支出预算表/.test(String(s.values[0][0]))) return s;
      const at = s.values.findIndex((r) => r[0] === '30108');
      const r = s.values[at];
      const head = [r[0], '机关事业单位基本', null, r[3], null, null, null];
      const tail = [null, '养老保险缴费', r[2], null, r[4], r[5], r[6]];
      return sheet(s.name, [...s.values.slice(0, at), head, tail, ...s.values.slice(at + 1)] as never);
    });
    expect(
      audit(workbook(...wrapped))
        .findings.filter((f) => f.severity !== 'info')
        .map((f) => `${f.rule} ${f.sheet}!${f.cell}`),
    ).toEqual([]);
    const basic = detect(workbook(...wrapped)).find((t) => /基本支出预算表/.test(t.title ?? ''))!;
    expect(basic.rows.filter((r) => r.econCode === '30108').map((r) => [r.label, r.govEconCode])).toEqual([['机关事业单位基本养老保险缴费', '50102']]);
  });
});
