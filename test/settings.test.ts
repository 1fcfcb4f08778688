/**
 * The reviewer's settings in the core (src/core/settings.ts, reviewPolicy.ts, engine.ts): the
 * budget-audit.json shape checked key by key and mapped onto AuditConfig with the conventional
 * labels; the add-in's rule choices stored as a person would write them; the settings' unit read
 * for a table whose caption states none (its rounding grain and unit factor follow), the fiscal
 * year reported when the tables name none; a review matched by a sum finding's name.
 */
import { audit, detect } from '../src/core/engine';
import { reapplyReviews, reviewEntryFor } from '../src/core/reviewPolicy';
import { parseReviews, parseSettings, reviewDate, ruleChoice, ruleDefaults, settingsConfig, SettingsError, withRuleChoice } from '../src/core/settings';
import { RULE_NAMES } from '../src/core/messages/ruleNames';
import { sheet, workbook } from './support/sheetBuilder';

/** An expenditure table with no unit in its caption and no year in its title; row 5 breaks 合计 = 基本 + 项目. */
const untitled = (figures: [number, number, number][]) =>
  workbook(
    sheet('支出表', [
      ['支出预算表'],
      ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
      ...figures.map(([a, b, c], i) => [String(2010101 + i), `科目${i}`, a, b, c]),
    ]),
  );

describe('the settings file, key by key', () => {
  test('every documented key and label is read', () => {
    const s = parseSettings({ rules: { 'row-sum': 'off', 'column-total': '提示性', 'of-which': 'warning', 'cross-project': '强制性', 'cross-operating-cost': 'error', 'code-hierarchy': 'on', 'summary-lines': '关闭' }, strict: true, fiscalYear: 2024, unit: '元' });
    expect(settingsConfig(s)).toEqual({
      disabledRules: ['row-sum', 'summary-lines'],
      severity: { 'column-total': 'warning', 'of-which': 'warning', 'cross-project': 'error', 'cross-operating-cost': 'error' },
      reviews: [],
      strict: true,
      fiscalYear: 2024,
      unit: '元',
    });
  });

  test.each([
    [[], '', '设置应为一个 JSON 对象'],
    [{ rules: [] }, 'rules', '应为 { "规则编号"'],
    [{ rules: { 'row-sums': 'off' } }, 'rules.row-sums', '未知的规则编号（是否为 row-sum？）'],
    [{ rules: { 'no-such-rule-at-all': 'off' } }, 'rules.no-such-rule-at-all', '未知的规则编号；'],
    [{ rules: { 'row-sum': 'info' } }, 'rules.row-sum', '而不是 "info"'],
    [{ rules: { 'three-public-items': '提示性' } }, 'rules.three-public-items', '只能设为 off 或 on'],
    [{ fiscalYear: 24 }, 'fiscalYear', '而不是 24'],
    [{ fiscalYear: 2024.5 }, 'fiscalYear', '而不是 2024.5'],
    [{ includeInfo: true }, 'includeInfo', '未知设置项'],
  ])('%j is refused at %s', (value, key, zh) => {
    let error: unknown;
    try {
      parseSettings(value);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SettingsError);
    expect((error as SettingsError).key).toBe(key);
    expect((error as SettingsError).zh).toContain(zh);
    expect((error as SettingsError).en).toMatch(/[a-z]/);
  });

  test('every named rule can be set, and only those', () => {
    expect([...ruleDefaults().keys()].sort()).toEqual(Object.keys(RULE_NAMES).sort());
    expect(ruleDefaults().get('cross-personnel-split')).toBe('warning');
    expect(ruleDefaults().get('layout-doubtful')).toBe('info');
  });

  test('a review list is checked entry by entry, naming the entry', () => {
    expect(() => parseReviews([{ rule: 'row-sum', sheet: 'YS03', reviewer: '王', actual: '1', expected: '2' }])).toThrow('reviews[0] 缺少 reason / reviews[0] lacks reason');
    expect(() => parseReviews({})).toThrow(SettingsError);
  });
});

describe('the add-in stores what the reviewer changed, as a file would say it', () => {
  test('off; a level other than the rule\'s own; back to its own level removes the entry', () => {
    let s = withRuleChoice({}, 'row-sum', { on: false });
    expect(s).toEqual({ rules: { 'row-sum': 'off' } });
    s = withRuleChoice(s, 'cross-personnel-split', { on: true, severity: 'error' });
    expect(s.rules).toEqual({ 'row-sum': 'off', 'cross-personnel-split': '强制性' });
    expect(ruleChoice(s, 'cross-personnel-split')).toEqual({ on: true, severity: 'error' });
    s = withRuleChoice(withRuleChoice(s, 'row-sum', { on: true, severity: 'error' }), 'cross-personnel-split', { on: true, severity: 'warning' });
    expect(s).toEqual({});
    expect(ruleChoice(s, 'row-sum')).toEqual({ on: true, severity: 'error' });
    expect(parseSettings(withRuleChoice({ strict: true }, 'column-total', { on: true, severity: 'warning' }))).toEqual({ strict: true, rules: { 'column-total': '提示性' } });
  });

  test('the review date is the local calendar day', () => {
    expect(reviewDate(new Date(2025, 0, 5, 23, 59))).toBe('2025-01-05');
  });
});

describe('unit and year when the tables do not say', () => {
  test('the settings\' unit is the unit of a table whose caption states none; a stated unit wins', () => {
    const wb = untitled([[100, 60, 40]]);
    expect(detect(wb)[0].unit).toBeUndefined();
    expect(detect(wb, { unit: '元' })[0].unit).toBe('元');
    expect(audit(wb, { unit: '千元' }).tables[0].unit).toBe('千元');
    const captioned = workbook(sheet('支出表', [['支出预算表'], ['单位：万元'], ['科目编码', '科目名称', '合计', '基本支出', '项目支出'], ['2010101', '科目', 100, 60, 40]]));
    expect(detect(captioned, { unit: '元' })[0].unit).toBe('万元');
  });

  test('whole hundreds are read as the 万元 grain only where the unit may be 元: not when the settings say 万元', () => {
    const hundreds = untitled([[300, 100, 200], [500, 300, 200], [800, 400, 400]]);
    expect(detect(hundreds)[0].roundingDecimals).toBe(-2);
    expect(detect(hundreds, { unit: '元' })[0].roundingDecimals).toBe(-2);
    expect(detect(hundreds, { unit: '万元' })[0].roundingDecimals).toBeUndefined();
  });

  test('the fiscal year is the document\'s year when the tables name none, and only then', () => {
    expect(audit(untitled([[100, 60, 40]])).document?.year).toBeUndefined();
    expect(audit(untitled([[100, 60, 40]]), { fiscalYear: 2023 }).document?.year).toBe(2023);
    const named = workbook(sheet('支出表', [['2024年部门支出预算表'], ['单位：万元'], ['科目编码', '科目名称', '合计', '基本支出', '项目支出'], ['2010101', '科目', 100, 60, 40]]));
    expect(audit(named, { fiscalYear: 2023 }).document?.year).toBe(2024);
  });
});

describe('reviews match a sum finding by its name, not its cell', () => {
  const wb = untitled([[100, 60, 40], [95, 60, 40], [30, 10, 20]]);
  const finding = () => audit(wb).findings.find((f) => f.rule === 'row-sum' && f.severity === 'error')!;

  test('a sum finding is named by its line and column, as its check names the cell', () => {
    expect(finding()).toMatchObject({ cell: 'C4', name: expect.stringContaining('科目1') });
  });

  test('the same line and figures one row lower: still verified; other figures: open', () => {
    const entry = reviewEntryFor(finding(), '王会计', '已核对', '2025-03-01');
    const moved = { ...finding(), cell: 'C5' };
    expect(reapplyReviews([moved], [entry])[0].review).toEqual({ status: 'verified', reviewer: '王会计', reason: '已核对', date: '2025-03-01' });
    expect(reapplyReviews([{ ...moved, actual: '96.00' }], [entry])[0].review).toBeUndefined();
    expect(audit(wb, { reviews: [entry] }).summary).toMatchObject({ verified: 1 });
  });
});
