import type { ColumnRole } from '../table';
import type { TableKind } from '../tableKind';
import type { HeaderColumn } from './headerBand';
import { COUNT_LABEL } from './labels';

/** What the header band and body say about a table, for naming its kind. */
export interface TableSignature {
  columns: HeaderColumn[];
  roles: ColumnRole[];
  /** Texts of the 类型 / text columns in the body (人员类, 特定目标类 …). */
  bodyTexts: string[];
  hasGroups: boolean;
  /** A row of a 绩效 table's indicator header stands in its body (一级指标 | 二级指标 | 指标值). */
  indicators?: boolean;
}

/** The expenditure tables by function that share one header (03 / 05 / 10 / 11). */
export const FUNCTION_EXPENDITURE_FAMILY: TableKind[] = [
  'expenditure',
  'general-budget-expenditure',
  'gov-fund-expenditure',
  'state-capital-expenditure',
];


/**
 * The kind a header signature points to when there is no title. Returns the kind and
 * whether the signature alone was decisive (`ambiguous` for the 03/05/10/11 family, whose
 * headers can be identical: the caller then looks at notes, sheet name and form number).
 */
export function kindFromHeaders(sig: TableSignature): { kind: TableKind; ambiguous: boolean } {
  const labels: string[] = [];
  for (const c of sig.columns) labels.push(...c.path);
  const has = (re: RegExp): boolean => labels.some((l) => re.test(l));
  const role = (r: ColumnRole | RegExp): boolean => sig.roles.some((x) => (typeof r === 'string' ? x === r : r.test(x)));
  const sides = sig.columns.some((c) => c.side === 'income') && sig.columns.some((c) => c.side === 'expenditure');

  // The 三公 table's statistics printed as a block under it (因公出国（境）团组数（个） | 公务用车保有量（辆） | 国内公务接待
  // 批次（个）…): counts, not money, and no second 三公 table (which would open a disclosure of its own).
  // (Two thirds of its columns counts, none a 费: a 备注 or 其中 column beside them is no money either.)
  const leaves = sig.columns.map((c) => c.path[c.path.length - 1] ?? '');
  if (leaves.length > 0 && leaves.filter((l) => COUNT_LABEL.test(l)).length * 3 >= leaves.length * 2 && !leaves.some((l) => /费$/.test(l))) return { kind: 'unknown', ambiguous: false };
  // A 绩效目标表 or 绩效自评表 (一级指标 | 二级指标 | 三级指标 | 指标值 | 权重, 年初预算数 | 执行数 | 分值 | 得分): no budget table,
  // whatever 项目名称 or 预算数 it also prints (its untitled blocks were read as 项目支出表s, their 指标值 as amounts).
  if (sig.indicators || has(/[一二三]级指标|指标值|绩效目标|绩效指标|^权重|^分值|^得分|自评/)) return { kind: 'unknown', ambiguous: false };
  // A 科目余额表, 总账 or 明细账 (期初余额 | 本期借方 | 本期贷方 | 期末余额): the books of accounts, no budget table, whatever
  // codes its 科目编码 column holds (1001, 100201, 5001 read as 类/款 codes made every 合计 wrong).
  if (has(/借方|贷方/)) return { kind: 'unknown', ambiguous: false };
  if (has(/因公出国|公务接待|三公/)) return { kind: 'three-public', ambiguous: false };
  if (sides) {
    const expAmounts = sig.columns.filter((c, i) => c.side === 'expenditure' && sig.roles[i] === 'amount');
    const fundColumns = expAmounts.some((c) => c.path.some((l) => /一般公共预算|政府性基金|国有资本|财政拨款/.test(l)));
    return { kind: fundColumns && expAmounts.length > 1 ? 'fiscal-appropriation-summary' : 'income-expenditure-summary', ambiguous: false };
  }
  if (has(/运行经费/)) return { kind: 'operating-cost', ambiguous: false };
  if (role(/^(econ|gov-econ)-/)) {
    if (has(/人员经费/) && has(/公用经费/)) return { kind: 'basic-expenditure', ambiguous: false };
    if (sig.hasGroups || has(/^决算数$/)) return { kind: 'basic-expenditure', ambiguous: false };
    if (has(/政府性基金|上年结转|事业收入|^总计$|财政拨款/)) return { kind: 'economic-classification-summary', ambiguous: false };
    return { kind: 'basic-expenditure', ambiguous: true };
  }
  // A 政府采购 table by 品目 (采购品目大类 | 专项名称 | 采购物品名称 | 采购组织形式 | 总计), its title lost: its header says it.
  if (has(/采购品目|采购物品|采购组织形式|采购方式/)) return { kind: 'government-procurement', ambiguous: false };
  if (has(/项目名称/)) {
    const personnel = sig.bodyTexts.some((t) => /人员类|公用经费|人员经费/.test(t));
    const project = sig.bodyTexts.some((t) => /特定目标类|其他运转类|项目/.test(t));
    return { kind: personnel && !project ? 'basic-expenditure-detail' : 'project-expenditure', ambiguous: false };
  }
  if (role(/^function-/)) {
    if (has(/年初结转|年末结转/) && has(/本年收入/) && has(/本年支出/)) return { kind: 'gov-fund-expenditure', ambiguous: true };
    if (!has(/基本支出|项目支出|人员经费/) && has(/收入/)) return { kind: 'income', ambiguous: false };
    if (has(/上缴上级|经营支出|对附属单位/)) return { kind: 'expenditure', ambiguous: false };
    // Money of one source only: 一般公共预算 named, no other fund beside it.
    if (has(/一般公共预算/) && !has(/政府性基金|国有资本|财政专户|单位资金|事业收入|其他收入/)) return { kind: 'general-budget-expenditure', ambiguous: false };
    return { kind: functionFamilyDefault(sig), ambiguous: true };
  }
  if (role('unit-code') && has(/本年收入|上年结转/) && has(/总计|合计/)) return { kind: 'income', ambiguous: false };
  if (has(/基本支出/) && has(/项目支出/)) return { kind: 'expenditure', ambiguous: true };
  return { kind: 'unknown', ambiguous: false };
}

/**
 * The likelier of 支出表 / 一般公共预算支出表 when their headers are all there is: the 支出表
 * opens with 总计 (or 本年支出合计); the general-budget table with 合计, or 本年支出 > 小计.
 */
function functionFamilyDefault(sig: TableSignature): TableKind {
  const first = sig.columns.find((c, i) => sig.roles[i] === 'amount');
  const top = first?.path[0] ?? '';
  if (/^总计$|本年支出合计/.test(top)) return 'expenditure';
  if (/^合计$/.test(top) || (/^本年支出$/.test(top) && first?.path[1] === '小计')) return 'general-budget-expenditure';
  return 'expenditure';
}
