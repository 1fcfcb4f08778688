import type { DetectedTable, TableColumn } from '../table';
import { messageArg, nameArg } from '../messages/message';
import { isTotalHeader } from './toolkit/headerTree';
import type { RuleSpec } from './toolkit/ruleSpec';
import type { SumCheck } from './toolkit/sumCheck';
import { amountColumns, bodyRows, cleanLabel, figureAt, negated, rowHasFigures } from './toolkit/tableAccess';
import { gather } from './toolkit/gather';

/**
 * A table of balances (政府性基金预算财政拨款收入支出决算表: 年初结转和结余 | 本年收入 | 本年支出 |
 * 年末结转和结余): on every row 年末 = 年初 + 本年收入 − 本年支出, told at the 年末 cell unless another
 * check pinpoints one of the others. Only when these four headings are all the table's amount
 * columns: an adjustment column (本年调整, 结余分配, 调入调出) breaks the identity, and then nothing
 * is checked rather than something wrongly.
 */
const OPENING = /^年初(?:财政拨款)?(?:结转和?结余|余额)$/;
const INCOME = /^本年(?:财政拨款)?收入(?:合计)?$/;
const SPENT = /^本年(?:财政拨款)?支出(?:合计)?$/;
const CLOSING = /^年末(?:财政拨款)?(?:结转和?结余|余额)$/;

interface BalanceColumns {
  opening: TableColumn;
  income: TableColumn;
  spent: TableColumn;
  closing: TableColumn;
}

/** The one column carrying a heading's figure: the heading's only column, or its total leaf. */
function headingColumn(cols: TableColumn[]): TableColumn | undefined {
  if (cols.length === 1) return cols[0];
  const totals = cols.filter((c) => c.headerPath.length > 1 && isTotalHeader(c.headerPath[1]));
  return totals.length === 1 ? totals[0] : undefined;
}

function balanceColumns(table: DetectedTable): BalanceColumns | undefined {
  const cols = amountColumns(table);
  if (cols.length < 4 || new Set(cols.map((c) => `${c.side ?? ''}|${c.block ?? ''}|${c.group ?? ''}`)).size !== 1) return undefined;
  const byHeading = new Map<string, TableColumn[]>();
  for (const c of cols) {
    const top = cleanLabel(c.headerPath[0] ?? '');
    byHeading.set(top, [...(byHeading.get(top) ?? []), c]);
  }
  const find = (re: RegExp) => {
    const keys = [...byHeading.keys()].filter((k) => re.test(k));
    return keys.length === 1 ? headingColumn(byHeading.get(keys[0])!) : undefined;
  };
  // Every amount heading is one of the four: nothing else moves the balance.
  if (byHeading.size !== 4) return undefined;
  const [opening, income, spent, closing] = [find(OPENING), find(INCOME), find(SPENT), find(CLOSING)];
  if (!opening || !income || !spent || !closing) return undefined;
  return { opening, income, spent, closing };
}

/**
 * The same leaves under each of the four headings (小计 | 基本支出 | 项目支出 under 年初, 本年收入,
 * 本年支出 and 年末): each leaf balances on its own. Only when the four headings carry exactly
 * the same leaves, each once, in two levels; otherwise none (the heading's total alone is checked).
 */
function leafBalances(table: DetectedTable, total: BalanceColumns): BalanceColumns[] {
  const under = (head: TableColumn) => amountColumns(table).filter((c) => cleanLabel(c.headerPath[0] ?? '') === cleanLabel(head.headerPath[0] ?? ''));
  const heads = [total.opening, total.income, total.spent, total.closing].map(under);
  if (heads.some((cols) => cols.length < 2 || cols.some((c) => c.headerPath.length !== 2))) return [];
  const leaves = heads.map((cols) => cols.map((c) => cleanLabel(c.headerPath[1])));
  if (leaves.some((ls) => new Set(ls).size !== ls.length)) return [];
  const key = (ls: string[]) => [...ls].sort().join('|');
  if (leaves.some((ls) => key(ls) !== key(leaves[0]))) return [];
  const at = (k: number, leaf: string) => heads[k][leaves[k].indexOf(leaf)];
  return leaves[0]
    .filter((leaf) => !isTotalHeader(leaf))
    .map((leaf) => ({ opening: at(0, leaf), income: at(1, leaf), spent: at(2, leaf), closing: at(3, leaf) }));
}

export function balanceColumnChecks(table: DetectedTable): SumCheck[] {
  if (table.kind === 'narrative' || table.kind === 'unknown') return [];
  const found = balanceColumns(table);
  if (!found) return [];
  const checks: SumCheck[] = [];
  for (const [k, { opening, income, spent, closing }] of [found, ...leafBalances(table, found)].entries()) {
    // The headings' totals are named by their headings, a leaf by its path (本年支出 > 项目支出).
    const name = (c: TableColumn) => nameArg(k === 0 ? cleanLabel(c.headerPath[0]) : c.headerPath.map(cleanLabel).join(' > '));
    const partsName: SumCheck['partsName'] = messageArg('detail.balance-of', { opening: name(opening), income: name(income), spent: name(spent) });
    for (const r of bodyRows(table)) {
      if (r.role === 'statistic' || !rowHasFigures(table, r.row, [opening.col, income.col, spent.col, closing.col])) continue;
      checks.push({
        rule: 'column-balance',
        severity: 'error',
        direction: 'row',
        stated: figureAt(table, r.row, closing.col),
        // The year's spending enters the sum negated: 年末 = 年初 + 收入 + (−支出).
        parts: [figureAt(table, r.row, opening.col), figureAt(table, r.row, income.col), negated(figureAt(table, r.row, spent.col))],
        partsName,
      });
    }
  }
  return checks;
}

export const columnBalance: RuleSpec = {
  id: 'column-balance',
  emits: { 'column-balance': 'error' },
  collect: ({ tables }) => ({ checks: gather(tables, balanceColumnChecks) }),
};
