import type { TableKind } from '../tableKind';
import { foldLabel } from './labels';

/**
 * The table kind named by a title, whatever the province calls it:
 * 部门收支总体情况表 / 单位收支预算表 / 收入支出决算总表 → income-expenditure-summary …
 * Order matters: the most specific names first (财政拨款收支 before 收支, 三公 before
 * 一般公共预算). Returns undefined when the title names no known table.
 */
export function kindFromTitle(title: string | undefined): TableKind | undefined {
  if (!title) return undefined;
  const t = foldLabel(title).replace(/\d{4}年度?/g, '');
  if (/情况说明|(预算|决算)(编制|公开)?的?说明|编制说明/.test(t) && !/表$/.test(t)) return 'narrative';
  if (/政府采购/.test(t)) return 'government-procurement';
  // Tables that come with a disclosure but are none of the checked kinds.
  if (/绩效|国有资产|资产占用|目录|转移支付|债务/.test(t)) return 'unknown';
  if (/三公/.test(t)) return 'three-public';
  if (/运行经费/.test(t)) return 'operating-cost';
  if (/政府性基金/.test(t)) return 'gov-fund-expenditure';
  if (/国有资本经营/.test(t)) return 'state-capital-expenditure';
  // 专项业务经费 is Shaanxi's name for project spending (部门综合预算专项业务经费支出表).
  if (/项目支出|专项业务经费/.test(t)) return 'project-expenditure';
  if (/基本支出.*明细/.test(t)) return 'basic-expenditure-detail';
  // 一般公共预算财政拨款基本支出表 is the general-budget one; 财政拨款基本支出表 holds every fund.
  if (/基本支出/.test(t)) return /财政拨款基本支出/.test(t) && !/一般公共预算/.test(t) ? 'fiscal-appropriation-basic-expenditure' : 'basic-expenditure';
  if (/经济分类/.test(t)) return 'economic-classification-summary';
  if (/财政拨款收(入)?支(出)?/.test(t)) return 'fiscal-appropriation-summary';
  if (/一般公共预算.*支出/.test(t)) return 'general-budget-expenditure';
  if (/财政拨款支出/.test(t)) return 'fiscal-appropriation-expenditure';
  if (/收(入)?支(出)?(预算|决算)?(总|表|情况)/.test(t) || /收支总/.test(t)) return 'income-expenditure-summary';
  if (/收入/.test(t) && !/支出/.test(t)) return 'income';
  if (/支出/.test(t)) return 'expenditure';
  return undefined;
}
