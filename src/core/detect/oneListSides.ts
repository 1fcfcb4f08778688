import type { TableColumn, TableRow } from '../table';
import { cleanLabel } from './labels';

/**
 * A 收支总表 printed as one list (项目 | 金额): the income lines, down to 收入总计, then the
 * expenditure lines, down to 支出总计, often under a 收入 and a 支出 row of their own. Some counties
 * print it so to fit a portrait page. Its columns serve both sides, so no column has a side: each
 * row is given its line on the side it lies in, as a side-by-side table's rows are, and the summary's
 * checks read it as they read the two-column form. Read so only where the list shows both sides'
 * totals in that order; otherwise the table is left as it was (a list of unknown kind is checked
 * less, never wrongly).
 */
const INCOME_TOTAL = /^(本年|当年)?收入(合计|总计)$/;
const EXPENDITURE_TOTAL = /^(本年|当年)?支出(合计|总计)$/;
/** A row naming its side only (收入 / 二、支出 / 支出项目), no line of its own. */
const SIDE_HEADING = /^(?:[一二][、.．])?(收入|支出)(?:部分|项目|预算|决算|情况)?$/;
const CARRY = /结转|结余|结存/;

export function readAsOneList(rows: TableRow[], columns: TableColumn[]): boolean {
  if (columns.some((c) => c.side || /-(code|lei|kuan|xiang)$/.test(c.role))) return false;
  const amounts = columns.filter((c) => c.role === 'amount').map((c) => c.col);
  const labelColumn = columns.find((c) => c.role === 'label' || c.role === 'text');
  if (!labelColumn || amounts.length === 0 || amounts.some((a) => a < labelColumn.col)) return false;
  if (columns.some((c) => (c.role === 'label' || c.role === 'text') && c !== labelColumn)) return false;
  const labels = rows.map((r) => cleanLabel(r.cells[labelColumn.col]?.text ?? ''));

  const firstIncomeTotal = labels.findIndex((l) => INCOME_TOTAL.test(l));
  const lastExpenditureTotal = lastIndexWhere(labels, (l) => EXPENDITURE_TOTAL.test(l));
  if (firstIncomeTotal < 0 || lastExpenditureTotal < firstIncomeTotal) return false;
  // Where the expenditure lines begin: at their heading row, else after the income totals and the
  // carry-over lines between them (本年收入合计, 上年结转结余, 收入总计).
  let start = labels.findIndex((l, i) => i > firstIncomeTotal && SIDE_HEADING.exec(l)?.[1] === '支出');
  if (start < 0) {
    start = firstIncomeTotal + 1;
    // (The income side's grand line may say 总计 alone, as the expenditure side's does.)
    while (start < rows.length && (INCOME_TOTAL.test(labels[start]) || CARRY.test(labels[start]) || /^其中/.test(labels[start]) || labels[start] === '总计')) start++;
  }
  if (start > lastExpenditureTotal || labels.slice(0, start).some((l) => EXPENDITURE_TOTAL.test(l))) return false;

  labelColumn.role = 'label';
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const side = i < start ? 'income' : 'expenditure';
    const label = labels[i];
    r.role = 'line';
    r.label = label;
    if (!label || SIDE_HEADING.test(label)) {
      delete r.lines;
      continue;
    }
    const amountCols = amounts.slice();
    r.lines = { [side]: { label, labelCol: labelColumn.col, amountCols } };
    r.blockLines = [{ side, block: 0, label, labelCol: labelColumn.col, amountCols }];
  }
  return true;
}

function lastIndexWhere<T>(xs: T[], test: (x: T) => boolean): number {
  for (let i = xs.length - 1; i >= 0; i--) if (test(xs[i])) return i;
  return -1;
}
