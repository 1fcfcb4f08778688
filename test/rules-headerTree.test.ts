import { detectTables } from '../src/core/detect';
import { blockTrees, buildHeaderTree, columnBlocks, columnRelations, grandTotalColumn, wholeTree, type HeaderNode } from '../src/core/rules/toolkit/headerTree';
import { amountColumns } from '../src/core/rules/toolkit/tableAccess';
import type { DetectedTable, TableColumn } from '../src/core/table';
import { smallBudget } from './support/smallBudget';

/** The header trees the rules read, built once per table where they are of the same columns. */
const leaves = (n: HeaderNode): number[] => (n.column ? [n.column.col] : n.children.flatMap(leaves)).sort((a, b) => a - b);
const tables = (): DetectedTable[] => detectTables(smallBudget());

describe('header trees shared per table (blockTrees, wholeTree)', () => {
  test('the small budget has tables of one block and tables of two sides', () => {
    const blocks = tables().filter((t) => amountColumns(t).length > 0).map((t) => columnBlocks(t).length);
    expect(blocks).toContain(1);
    expect(blocks.some((n) => n > 1)).toBe(true);
  });

  test('a table of one block of columns: its block tree is the whole tree, every amount column a leaf', () => {
    for (const t of tables().filter((x) => amountColumns(x).length > 0 && columnBlocks(x).length === 1)) {
      expect(blockTrees(t)[0]).toBe(wholeTree(t));
      expect(leaves(wholeTree(t))).toEqual(amountColumns(t).map((c) => c.col));
    }
  });

  test('a table of two sides: each block its own tree of its own columns, not the whole tree', () => {
    for (const t of tables().filter((x) => columnBlocks(x).length > 1)) {
      const trees = blockTrees(t);
      columnBlocks(t).forEach((block, i) => {
        expect(trees[i]).not.toBe(wholeTree(t));
        expect(leaves(trees[i])).toEqual(block.map((c) => c.col).sort((a, b) => a - b));
      });
    }
  });

  test('the grand total column is still read from this year’s tree', () => {
    for (const t of tables().filter((x) => amountColumns(x).length > 0 && columnBlocks(x).length === 1)) {
      const total = grandTotalColumn(t);
      expect(total && amountColumns(t)).toContain(total);
    }
  });
});

describe('totals of both sides in one flat row of headers (columnRelations)', () => {
  const columns = (labels: string[]) => labels.map((l, i) => ({ col: i + 2, headerPath: [l], role: 'amount' }) as unknown as TableColumn);
  const relations = (labels: string[]) => columnRelations(buildHeaderTree(columns(labels))).map((r) => `${r.total.headerPath[0]} = ${r.parts.map((p) => p.headerPath[0]).join(' + ')}`);

  test('收入合计 heads the income columns after it, 支出合计 the spending ones: never one total over both sides', () => {
    expect(relations(['收入合计', '一般公共预算', '事业收入', '支出合计', '基本支出', '项目支出'])).toEqual(['收入合计 = 一般公共预算 + 事业收入', '支出合计 = 基本支出 + 项目支出']);
  });

  test('totals that do not name both sides: the first total over the level (总计 | 本年收入合计 | … as before), the second only on readings its rows must bear out', () => {
    expect(relations(['总计', '本年收入合计', '一般公共预算', '上年结转'])).toEqual(['总计 = 一般公共预算 + 上年结转', '本年收入合计 = 一般公共预算 + 上年结转']);
    const second = columnRelations(buildHeaderTree(columns(['总计', '本年收入合计', '一般公共预算', '上年结转'])))[1];
    // (Never 本年收入合计 = 总计 alone: that holds on every row where 上年结转 is empty.)
    expect(second.readings?.map((r) => r.map((c) => c.headerPath[0]).join(' + '))).toEqual(['一般公共预算 + 上年结转']);
  });

  test('a column of the year before or of the change beside this year’s is no part of this year’s total', () => {
    expect(relations(['合计', '基本支出', '项目支出', '上年预算数'])).toEqual(['合计 = 基本支出 + 项目支出']);
    expect(relations(['合计', '基本支出', '项目支出', '增减额'])).toEqual(['合计 = 基本支出 + 项目支出']);
  });
});

