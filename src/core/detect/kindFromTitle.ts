import type { TableKind } from '../tableKind';
import { foldLabel } from './labels';

/**
 * The table kind named by a title, whatever the province calls it:
 * 部门收支总体情况表 / 单位收支预算表 / 收入支出决算总表 → income-expenditure-summary …
 * Order matters: the most specific names first (财政拨款收支 before 收支, 三公 before
 * 一般公共预算). Returns undefined when the title names no known table. (A word alone is looked
 * for as a substring: includes, not a pattern's call, for each of a title's many tests.)
 */
export function kindFromTitle(title: string | undefined): TableKind | undefined {
  if (!title) return undefined;
  const t = foldLabel(title).replace(/\d{4}年度?/g, '');
  if (/情况说明|(预算|决算)(编制|公开)?的?说明|编制说明/.test(t) && !/表$/.test(t)) return 'narrative';
  if (t.includes('政府采购')) return 'government-procurement';
  // Tables that come with a disclosure but are none of the checked kinds.
  // (政府购买服务预算表 lists 项目名称 and amounts as a 项目支出表 does: its title tells it apart.)
  if (/绩效|国有资产|资产占用|资产配置|目录|转移支付|债务|购买服务|机构人员|人员情况|人员信息/.test(t)) return 'unknown';
  if (t.includes('三公')) return 'three-public';
  if (t.includes('运行经费')) return 'operating-cost';
  if (t.includes('政府性基金')) return 'gov-fund-expenditure';
  if (t.includes('国有资本经营')) return 'state-capital-expenditure';
  // 专项业务经费 is Shaanxi's name for project spending (部门综合预算专项业务经费支出表).
  if (/项目支出|专项业务经费/.test(t)) return 'project-expenditure';
  if (/基本支出.*明细/.test(t)) return 'basic-expenditure-detail';
  // 一般公共预算财政拨款基本支出表 is the general-budget one; 财政拨款基本支出表 holds every fund.
  if (t.includes('基本支出')) return t.includes('财政拨款基本支出') && !t.includes('一般公共预算') ? 'fiscal-appropriation-basic-expenditure' : 'basic-expenditure';
  if (t.includes('经济分类')) return 'economic-classification-summary';
  // (一般公共预算财政拨款收入支出决算表 is the general budget's spending by subject with its balances, as the 政府性基金's
  // table is the fund's: not the 财政拨款收入支出决算总表 of every fund.)
  if (/一般公共预算财政拨款收(入)?支(出)?(决算|预算)?表/.test(t)) return 'general-budget-expenditure';
  if (/财政拨款收(入)?支(出)?/.test(t)) return 'fiscal-appropriation-summary';
  if (/一般公共预算.*支出/.test(t)) return 'general-budget-expenditure';
  if (t.includes('财政拨款支出')) return 'fiscal-appropriation-expenditure';
  if (/收(入)?支(出)?(预算|决算)?(总|表|情况)/.test(t) || t.includes('收支总')) return 'income-expenditure-summary';
  if (t.includes('收入') && !t.includes('支出')) return 'income';
  if (t.includes('支出')) return 'expenditure';
  return undefined;
}
