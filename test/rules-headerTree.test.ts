import { detectTables } from '../src/core/detect';
import { blockTrees, columnBlocks, grandTotalColumn, wholeTree, type HeaderNode } from '../src/core/rules/toolkit/headerTree';
import { amountColumns } from '../src/core/rules/toolkit/tableAccess';
import type { DetectedTable } from '../src/core/table';
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
