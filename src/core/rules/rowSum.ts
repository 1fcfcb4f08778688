import type { DetectedTable, TableColumn } from '../table';
import { buildHeaderTree, columnBlocks, columnRelations } from './toolkit/headerTree';
import { relation, type RuleSpec } from './toolkit/ruleSpec';
import type { SumCheck } from './toolkit/sumCheck';
import { bodyRows, cleanLabel, figureAt, rowHasFigures } from './toolkit/tableAccess';

/** A column's name in messages: its last header label (基本支出 rather than the whole path). */
export function columnName(c: TableColumn): string {
  const p = c.headerPath.map(cleanLabel).filter(Boolean);
  if (p.length === 0) return '';
  const last = p[p.length - 1];
  // 小计 / 合计 alone says little: name it after its group (基本支出小计).
  if (/^(合计|小计)$/.test(last) && p.length > 1) return `${p[p.length - 2]}${last}`;
  return last;
}

export function rowSumChecks(table: DetectedTable): SumCheck[] {
  if (table.kind === 'narrative') return [];
  const checks: SumCheck[] = [];
  for (const block of columnBlocks(table)) {
    const relations = columnRelations(buildHeaderTree(block));
    if (relations.length === 0) continue;
    const side = block[0]?.side;
    for (const r of bodyRows(table)) {
      // Side-by-side tables: name the row by its line on this block's side.
      const label = cleanLabel((side && r.lines?.[side]?.label) || r.label || '');
      for (const rel of relations) {
        const cols = [rel.total.col, ...rel.parts.map((p) => p.col)];
        if (!rowHasFigures(table, r.row, cols)) continue;
        const totalName = columnName(rel.total);
        const partNames = rel.parts.map(columnName);
        checks.push({
          rule: 'row-sum',
          severity: 'error',
          direction: 'row',
          stated: figureAt(table, r.row, rel.total.col, totalName),
          parts: rel.parts.map((p, i) => figureAt(table, r.row, p.col, partNames[i])),
          relation: relation(
            `第${r.row}行 ${label ? `${label}：` : ''}${totalName} = ${partNames.join(' + ')}`,
            `row ${r.row}${label ? ` ${label}` : ''}: ${totalName} = ${partNames.join(' + ')}`,
          ),
        });
      }
    }
  }
  return checks;
}

/** Row sums from the header hierarchy: 总计 = 基本支出 + 项目支出, 基本支出合计 = 人员经费 + 公用经费 … */
export const rowSum: RuleSpec = {
  id: 'row-sum',
  severity: 'error',
  description: {
    'zh-CN': '行内合计：表头中有下级的栏目等于其下级栏目之和（其中项不计入）',
    en: 'Row sums: a header with children equals the sum of its children (其中 columns excluded)',
  },
  collect: ({ tables }) => ({ checks: tables.flatMap(rowSumChecks) }),
};
