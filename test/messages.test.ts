import { CATALOGUES } from '../src/core/messages/catalogue';
import { amountArg, cellArg, codeArg, listArg, message, nameArg, tableArg, quoteArg } from '../src/core/messages/message';
import { MAX_SENTENCE, render, renderSentence } from '../src/core/messages/render';
import { RULE_NAMES } from '../src/core/messages/ruleNames';
import { RULE_SPECS } from '../src/core/rules';
import { bindRules, checkRegistry, type RuleSpec } from '../src/core/rules/toolkit/ruleSpec';
import { resolveConfig } from '../src/core/config';

describe('one catalogue per language renders every sentence', () => {
  test('zh-CN and en have the same keys', () => {
    expect(Object.keys(CATALOGUES.en).sort()).toEqual(Object.keys(CATALOGUES['zh-CN']).sort());
  });

  test('an amount gets thousands separators, a code never does', () => {
    const m = message('code.parent-typo', { table: tableArg('YS03'), cell: cellArg('A9'), actual: codeArg('2169999'), expected: codeArg('2069999') });
    expect(render(m, 'zh-CN')).toBe('YS03 A9 科目编码 2169999 疑为 2069999：其下各行都以 2069999 开头。');
    const a = message('sum.culprit', {
      table: tableArg('YS04'),
      cell: cellArg('E39'),
      name: nameArg('一般公共预算小计'),
      actual: amountArg('812.63', 2),
      expected: amountArg('912.63', 2),
      diff: amountArg('100', 2),
      against: listArg([nameArg('支出合计'), nameArg('本年支出')]),
    });
    expect(render(a, 'zh-CN')).toBe('YS04 E39 一般公共预算小计 812.63，应为 912.63（少 100.00）：与支出合计及本年支出不符。');
    expect(render(a, 'en')).toBe('YS04 E39 一般公共预算小计 812.63 should be 912.63 (100.00 short): it disagrees with 支出合计 and 本年支出.');
  });

  test('a sentence over 80 characters shortens its longest name first, not the figures', () => {
    const long = '机关事业单位基本养老保险缴费支出与职业年金缴费支出以及其他社会保障缴费合并列示的项目';
    const m = message('sum.cross', { table: tableArg('YS03'), cell: cellArg('E12'), name: nameArg(long), actual: amountArg('1234567.89', 2), other: nameArg('YS05 合计'), sum: amountArg('1234000', 2), diff: amountArg('567.89', 2) });
    const text = renderSentence(m, 'zh-CN');
    expect(text.length).toBeLessThanOrEqual(MAX_SENTENCE);
    expect(text).toContain('1,234,567.89');
    expect(text).toContain('YS05 合计');
    expect(text).toContain('…');
    expect(renderSentence(m, 'zh-CN', { bare: true }).startsWith('机关')).toBe(true);
  });

  test('beside its cell (the CLI\'s cell column, a note on the cell), a sentence quoting the text opens at its quote', () => {
    const m = message('narr.amount', { table: tableArg('情况说明'), cell: cellArg('A34'), quote: quoteArg('基本支出795.57万元'), other: nameArg('预算05表 基本支出'), expected: amountArg('785.57', 2), unit: nameArg('万元') });
    expect(renderSentence(m, 'zh-CN')).toBe('情况说明 A34「基本支出795.57万元」与 预算05表 基本支出 785.57 万元不符。');
    expect(renderSentence(m, 'zh-CN', { bare: true })).toBe('「基本支出795.57万元」与 预算05表 基本支出 785.57 万元不符。');
  });

  test('a shortened line keeps its words, not its ordinal: never 「一、一…」', () => {
    const line = '一、一般公共预算财政拨款收入及上年结转结余合计的本年收入决算数';
    const other = '收入支出决算总表 本年收入合计 及 财政拨款收入支出决算总表 本年收入';
    const m = message('sum.cross', { table: tableArg('公开04表'), cell: cellArg('E6'), name: nameArg(line), actual: amountArg('6827147.46', 2), other: nameArg(other), sum: amountArg('6827147.56', 2), diff: amountArg('0.1', 2) });
    const text = renderSentence(m, 'zh-CN');
    expect(text.length).toBeLessThanOrEqual(MAX_SENTENCE);
    expect(text).not.toContain('一、一…');
    expect(text).toMatch(/E6 一般公共预算/);
  });
});

describe('each rule module declares the ids it emits; binding checks them', () => {
  test('every declared id is named in Chinese and English, and no id is declared twice', () => {
    const registry = checkRegistry(RULE_SPECS);
    for (const id of registry.keys()) {
      expect(RULE_NAMES[id]['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(RULE_NAMES[id].en.length).toBeGreaterThan(0);
    }
  });

  test('an id without a name, or declared twice, is refused when the rules are bound', () => {
    const noName: RuleSpec = { id: 'made-up', emits: { 'made-up': 'error' }, collect: () => ({}) };
    expect(() => bindRules([noName])).toThrow(/no name/);
    const twice: RuleSpec = { id: 'row-sum', emits: { 'row-sum': 'error' }, collect: () => ({}) };
    expect(() => bindRules([twice, { ...twice }])).toThrow(/declared by/);
  });

  test('a module reporting an id it did not declare is a bug that surfaces', () => {
    const liar: RuleSpec = {
      id: 'row-sum',
      emits: { 'row-sum': 'error' },
      collect: () => ({ findings: [{ rule: 'not-registered', severity: 'error', sheet: 'S', cell: 'A1', subject: 'amount', actual: null, expected: null, tolerance: '0', cells: [], parts: [], explains: [], message: message('detail.empty') }] }),
    };
    expect(() => bindRules([liar])({ tables: [], config: resolveConfig() })).toThrow(/undeclared id not-registered/);
  });
});

describe('one validated config object', () => {
  test('refuses an unknown setting or an ill-typed one with a sentence', () => {
    expect(() => resolveConfig({ strcit: true } as never)).toThrow(/unknown setting: strcit/);
    expect(() => resolveConfig({ severity: { 'row-sum': 'fatal' } } as never)).toThrow(/invalid severity for row-sum/);
    expect(resolveConfig({ severity: { 'cross-code-names': 'error' } }).severity['cross-code-names']).toBe('error');
  });
});
