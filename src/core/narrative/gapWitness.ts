import type { Fact, Facts } from './facts';
import { judgeAmount, type Printed } from './judge';

/**
 * The tables a table of this kind can never exceed, 类 by 类: the general budget's spending is part of the
 * appropriations' and of all the department's; a fund's is part of the appropriations'.
 */
const WITHIN: Record<string, readonly string[]> = {
  'general-budget-expenditure': ['fiscal-appropriation-expenditure', 'expenditure'],
  'gov-fund-expenditure': ['fiscal-appropriation-expenditure', 'expenditure'],
  'state-capital-expenditure': ['fiscal-appropriation-expenditure', 'expenditure'],
  'fiscal-appropriation-expenditure': ['expenditure'],
};

/** The column letters of a cell address (C of C13). */
const columnOf = (cell: string): string => cell.replace(/\d+$/, '');

/**
 * Does another table show the fact's own table over by just what the text is under it? One 类 line of the
 * fact's table stands above the same 类 of a table it can never exceed — 05's 交通运输支出 1,212.44 over the
 * 支出表's 1,202.44 — by exactly the gap between the fact and the text: 05's 合计 1,310.08 against the text's
 * 1,300.08. Then 05 was raised there (and consistently up to its 合计), the comparison of the two tables
 * names it, and the text, agreeing with the rest, is no slip: it is not told against 05, nor are its shares
 * worked out on 05's figure. The 类 lines are read in the fact's own column (a 合计's, not a 基本支出's).
 */
export function gapWitnessed(facts: Facts, fact: Fact, claimed: Printed): boolean {
  const within = WITHIN[fact.table.kind];
  if (!within || fact.cells.length !== 1) return false;
  const gap = fact.value.abs().minus(claimed.value);
  if (!gap.isPositive()) return false;
  const column = columnOf(fact.cells[0].cell);
  for (const own of facts.coded) {
    if (own.table !== fact.table || own.level !== '类' || columnOf(own.fact.cells[0].cell) !== column) continue;
    for (const other of facts.coded) {
      if (other.level !== '类' || other.code !== own.code || !within.includes(other.table.kind)) continue;
      const over = own.fact.value.minus(other.fact.value);
      if (!over.isPositive()) continue;
      const decimals = Math.min(own.fact.decimals, other.fact.decimals);
      if (judgeAmount({ value: over, decimals }, { value: gap, decimals: Math.min(decimals, claimed.decimals) }) === 'consistent') return true;
    }
  }
  return false;
}
