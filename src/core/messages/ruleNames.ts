import type { LocalizedText } from '../finding';

/**
 * Every rule id a person may read, named in finance wording (zh-CN first). Rule modules declare
 * the ids they emit (rules/toolkit/ruleSpec.ts); binding checks each has a name here, so the
 * report sheet, the pane and the CLI never show a bare id.
 */
export const RULE_NAMES: Record<string, LocalizedText> = {
  'unreadable-amount': { 'zh-CN': '金额无法识别', en: 'Unreadable amount' },
  'row-sum': { 'zh-CN': '行内合计', en: 'Row total' },
  'column-balance': { 'zh-CN': '年末＝年初＋收入－支出', en: 'Closing = opening + income − spending' },
  'column-change': { 'zh-CN': '本年＝上年＋增减', en: 'This year = last year + change' },
  'column-change-rate': { 'zh-CN': '增减率＝增减÷上年', en: 'Rate of change = change ÷ last year' },
  'column-total': { 'zh-CN': '列合计', en: 'Column total' },
  'code-hierarchy': { 'zh-CN': '科目层级合计', en: 'Subject hierarchy total' },
  'code-parent-missing': { 'zh-CN': '科目编码', en: 'Subject code' },
  'summary-lines': { 'zh-CN': '总表各行合计', en: 'Summary lines' },
  'summary-balance': { 'zh-CN': '收支平衡', en: 'Income equals expenditure' },
  'of-which': { 'zh-CN': '“其中”项', en: '“Of which” figure' },
  'procurement-levels': { 'zh-CN': '政府采购分级合计', en: 'Procurement outline totals' },
  'econ-class-totals': { 'zh-CN': '人员经费/公用经费合计', en: 'Personnel/public totals' },
  'cross-summary-function': { 'zh-CN': '总表与支出表按类核对', en: 'Summary vs expenditure by class' },
  'cross-summary-function-code': { 'zh-CN': '支出表科目类编码', en: 'Expenditure table class code' },
  'cross-summary-function-label': { 'zh-CN': '总表功能分类名称', en: 'Summary function line name' },
  'cross-summary-income': { 'zh-CN': '总表与收入表核对', en: 'Summary vs income table' },
  'cross-income-sources': { 'zh-CN': '收入来源表间核对', en: 'Income sources across tables' },
  'cross-fiscal-function': { 'zh-CN': '财政拨款表与一般公共预算表按类核对', en: 'Fiscal vs general budget by class' },
  'cross-fiscal-function-code': { 'zh-CN': '一般公共预算表科目类编码', en: 'General budget class code' },
  'cross-fiscal-function-label': { 'zh-CN': '财政拨款表功能分类名称', en: 'Fiscal summary function line name' },
  'cross-fiscal-summary': { 'zh-CN': '财政拨款表与总表核对', en: 'Fiscal summary vs summary' },
  'cross-fiscal-summary-code': { 'zh-CN': '总表功能分类类别', en: 'Summary class' },
  'cross-fiscal-summary-label': { 'zh-CN': '财政拨款表功能分类名称', en: 'Fiscal summary line name' },
  'cross-fiscal-expenditure': { 'zh-CN': '财政拨款支出表核对', en: 'Fiscal appropriation expenditure table' },
  'cross-fiscal-expenditure-code': { 'zh-CN': '财政拨款支出表科目类编码', en: 'Fiscal appropriation expenditure class code' },
  'cross-fiscal-expenditure-label': { 'zh-CN': '财政拨款收支表功能分类名称', en: 'Fiscal summary function line name' },
  'cross-fiscal-basic': { 'zh-CN': '财政拨款基本支出表核对', en: 'Fiscal appropriation basic expenditure' },
  'cross-table-carryover': { 'zh-CN': '结转资金列示口径', en: 'Carry-over presentation' },
  'cross-basic-expenditure': { 'zh-CN': '基本支出表间核对', en: 'Basic expenditure across tables' },
  'cross-personnel-split': { 'zh-CN': '人员经费划分', en: 'Personnel cost split' },
  'cross-public-split': { 'zh-CN': '公用经费划分', en: 'Public cost split' },
  'cross-basic-detail': { 'zh-CN': '基本支出明细表核对', en: 'Basic expenditure detail' },
  'cross-project': { 'zh-CN': '项目支出表核对', en: 'Project table vs expenditure' },
  'cross-economic-summary': { 'zh-CN': '经济分类汇总表核对', en: 'Economic summary vs summary' },
  'cross-fund-tables': { 'zh-CN': '政府性基金/国有资本经营表核对', en: 'Fund tables vs fiscal summary' },
  'cross-operating-cost': { 'zh-CN': '机关运行经费与基本支出', en: 'Operating costs vs basic expenditure' },
  'cross-code-names': { 'zh-CN': '同一编码名称不一', en: 'One code, two names' },
  'cross-code-by-name': { 'zh-CN': '同一名称编码不一', en: 'One name, two codes' },
  'econ-code-pairing': { 'zh-CN': '经济分类对应关系', en: 'Economic code pairing' },
  'three-public-items': { 'zh-CN': '“三公”经费与基本支出', en: '“Three public” vs basic items' },
  'narrative-vs-table': { 'zh-CN': '说明与表格金额不符', en: 'Narrative amount vs the tables' },
  'narrative-growth-rate': { 'zh-CN': '说明中的增减比率', en: 'Narrative rate of change' },
  'narrative-change': { 'zh-CN': '说明中的增减方向', en: 'Narrative direction of change' },
  'narrative-percent': { 'zh-CN': '说明中的占比', en: 'Narrative share' },
  'narrative-internal': { 'zh-CN': '说明内部合计', en: 'Narrative sums' },
  'text-subject-name': { 'zh-CN': '说明中的科目名称', en: 'Subject name in the narrative' },
  'text-subject-level': { 'zh-CN': '说明中的科目级次', en: 'Subject level in the narrative' },
  'text-placeholder': { 'zh-CN': '模板遗留文字', en: 'Template text left in' },
  'text-year': { 'zh-CN': '说明中的年份', en: 'Year in the narrative' },
  'text-department': { 'zh-CN': '说明中的单位名称', en: 'Department in the narrative' },
  'text-table-note': { 'zh-CN': '空表说明', en: 'Empty table note' },
  'missing-table': { 'zh-CN': '缺少应公开的表', en: 'Table missing' },
  'layout-doubtful': { 'zh-CN': '版式未能可靠识别', en: 'Layout not read with confidence' },
  'table-continued': { 'zh-CN': '分页续排的表', en: 'Table continued over pages' },
  'table-unit': { 'zh-CN': '表的金额单位', en: 'Unit of a table' },
};

export function ruleName(id: string, lang: 'zh-CN' | 'en'): string {
  return RULE_NAMES[id]?.[lang] ?? id;
}
