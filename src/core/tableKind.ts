/** The table kinds of DESIGN.md §3, and how people call them. */
export const TABLE_KINDS = [
  'income-expenditure-summary',
  'income',
  'expenditure',
  'fiscal-appropriation-summary',
  'general-budget-expenditure',
  'basic-expenditure',
  'basic-expenditure-detail',
  'economic-classification-summary',
  'three-public',
  'gov-fund-expenditure',
  'state-capital-expenditure',
  'project-expenditure',
  'operating-cost',
  'fiscal-appropriation-expenditure',
  'fiscal-appropriation-basic-expenditure',
  'government-procurement',
  'narrative',
  'unknown',
] as const;

export type TableKind = (typeof TABLE_KINDS)[number];

/** Where a table's kind was read from (shown by `detect`, so a wrong reading is visible at a glance). */
export type KindSource = 'title' | 'header-signature' | 'notes' | 'sheet-name' | 'form-number' | 'template-order';

export const KIND_SOURCE_NAMES: Record<KindSource, { 'zh-CN': string; en: string }> = {
  title: { 'zh-CN': '标题', en: 'title' },
  'header-signature': { 'zh-CN': '表头', en: 'header' },
  notes: { 'zh-CN': '表注', en: 'notes' },
  'sheet-name': { 'zh-CN': '工作表名', en: 'sheet name' },
  'form-number': { 'zh-CN': '表号', en: 'form number' },
  'template-order': { 'zh-CN': '表格顺序', en: 'table order' },
};

export const TABLE_KIND_NAMES: Record<TableKind, { 'zh-CN': string; en: string }> = {
  'income-expenditure-summary': { 'zh-CN': '收支总表', en: 'Income and expenditure summary' },
  income: { 'zh-CN': '收入表', en: 'Income table' },
  expenditure: { 'zh-CN': '支出表', en: 'Expenditure table' },
  'fiscal-appropriation-summary': { 'zh-CN': '财政拨款收支总表', en: 'Fiscal appropriation summary' },
  'general-budget-expenditure': { 'zh-CN': '一般公共预算支出表', en: 'General public budget expenditure' },
  'basic-expenditure': { 'zh-CN': '一般公共预算基本支出表', en: 'Basic expenditure (general budget)' },
  'basic-expenditure-detail': { 'zh-CN': '基本支出明细表', en: 'Basic expenditure detail' },
  'economic-classification-summary': { 'zh-CN': '支出经济分类汇总表', en: 'Economic classification summary' },
  'three-public': { 'zh-CN': '“三公”经费表', en: '"Three public" expenses' },
  'gov-fund-expenditure': { 'zh-CN': '政府性基金支出表', en: 'Government fund expenditure' },
  'state-capital-expenditure': { 'zh-CN': '国有资本经营支出表', en: 'State capital operation expenditure' },
  'project-expenditure': { 'zh-CN': '项目支出表', en: 'Project expenditure' },
  'operating-cost': { 'zh-CN': '机关运行经费表', en: 'Operating costs' },
  'fiscal-appropriation-expenditure': { 'zh-CN': '财政拨款支出表', en: 'Fiscal appropriation expenditure' },
  'fiscal-appropriation-basic-expenditure': { 'zh-CN': '财政拨款基本支出表', en: 'Fiscal appropriation basic expenditure' },
  'government-procurement': { 'zh-CN': '政府采购预算表', en: 'Government procurement' },
  narrative: { 'zh-CN': '情况说明', en: 'Narrative' },
  unknown: { 'zh-CN': '未识别', en: 'Not recognised' },
};
