import { cellAddress } from '../address';
import type { Finding, LocalizedText } from '../finding';
import type { DetectedTable } from '../table';
import { isSideBySide } from './columnTotal';
import { columnName } from './rowSum';
import { relation, type RuleSpec } from './toolkit/ruleSpec';
import { codeChildren, columnGroups, rowBlocks, rowName, type RowView } from './toolkit/rowStructure';
import type { SumCheck } from './toolkit/sumCheck';
import { figureAt, tableName } from './toolkit/tableAccess';

function blocksOf(table: DetectedTable) {
  return columnGroups(table).map((group) => {
    const b = rowBlocks(table, group);
    const lists: RowView[][] = b.units.length > 0 ? b.units.map((u) => u.members) : [b.details];
    return { group, lists };
  });
}

export function codeHierarchyChecks(table: DetectedTable): SumCheck[] {
  if (table.kind === 'narrative' || isSideBySide(table)) return [];
  const checks: SumCheck[] = [];
  for (const { group, lists } of blocksOf(table)) {
    for (const rows of lists) {
      for (const { parent, children } of codeChildren(rows)) {
        const level = parent.code!.length === 3 ? '类' : '款';
        for (const column of group.amountColumns) {
          const name = columnName(column);
          checks.push({
            rule: 'code-hierarchy',
            severity: 'error',
            direction: 'column',
            stated: figureAt(table, parent.row.row, column.col, rowName(parent.row, parent.code)),
            parts: children.map((c) => figureAt(table, c.row.row, column.col, rowName(c.row, c.code))),
            relation: relation(`${name} 栏：${level} ${parent.code} = Σ 其下级科目`, `column ${name}: ${parent.code} = Σ its sub-codes`),
          });
        }
      }
    }
  }
  return checks;
}

/**
 * Where parents are shown (one code column with 208 / 20805 / 2080505), every code's
 * parent must be there: a 项 whose 款 or 类 is missing was mistyped or misfiled.
 */
export function orphanCodes(table: DetectedTable): Finding[] {
  if (table.kind === 'narrative' || isSideBySide(table)) return [];
  const out: Finding[] = [];
  for (const { group, lists } of blocksOf(table)) {
    const codeCol = group.codeColumn ?? table.columns.find((c) => c.role === 'function-code' || c.role === 'econ-code');
    if (!codeCol) continue;
    for (const rows of lists) {
      const codes = new Set(rows.map((r) => r.code).filter((c): c is string => !!c));
      const showsParents = [...codes].some((c) => c.length === 3) && [...codes].some((c) => c.length > 3);
      if (!showsParents) continue;
      // A parent row whose own code was mistyped: the rows under it all miss the same parent
      // P, and it has no children of its own. Name the parent row (expected P), not them.
      const blamed = new Map<RowView, string>();
      let head: RowView | undefined;
      for (const r of rows) {
        if (!r.code) continue;
        if (head && r.code.length > head.code!.length) {
          const p = r.code.slice(0, head.code!.length);
          const ownChildren = rows.some((x) => x !== head && x.code?.startsWith(head!.code!));
          if (!codes.has(p) && !ownChildren) {
            if (!blamed.has(head)) blamed.set(head, p);
            else if (blamed.get(head) !== p) blamed.set(head, '');
          }
          continue;
        }
        head = r.code.length === 3 || r.code.length === 5 ? r : undefined;
      }
      for (const [r, p] of blamed) {
        if (!p) continue;
        const cell = cellAddress(r.row.row, codeCol.col);
        out.push(
          codeFinding(table, cell, r.code!, p, {
            'zh-CN': `${tableName(table, 'zh-CN')} ${cell} 科目 ${rowName(r.row, r.code)} 之下各行的编码都以 ${p} 开头，而本表没有 ${p}、${r.code} 也没有下级：此编码疑为 ${p}`,
            en: `${tableName(table, 'en')} ${cell} code ${r.code}: the rows under it all start with ${p}, which is not in the table, and ${r.code} has no children: the code looks like ${p}`,
          }),
        );
      }
      const blamedPrefixes = [...blamed.values()].filter(Boolean);
      let currentClass: string | undefined;
      for (const r of rows) {
        if (r.code?.length === 3) currentClass = r.code;
        if (!r.code || r.code.length <= 3) continue;
        if (blamedPrefixes.some((p) => r.code!.startsWith(p))) continue; // explained by its parent row
        const parent = r.code.length === 7 ? r.code.slice(0, 5) : r.code.slice(0, 3);
        // Listed under another 类 while its own 类 is listed elsewhere: the code was mistyped.
        const misplaced = currentClass !== undefined && !r.code.startsWith(currentClass) && codes.has(r.code.slice(0, 3));
        if (codes.has(parent) && !misplaced) continue;
        const cell = cellAddress(r.row.row, codeCol.col);
        out.push(
          codeFinding(
            table,
            cell,
            r.code,
            null,
            misplaced
            ? {
                'zh-CN': `${tableName(table, 'zh-CN')} ${cell} 科目 ${rowName(r.row, r.code)} 列在类 ${currentClass} 之下，而类 ${r.code.slice(0, 3)} 在表中另有位置：编码可能有误`,
                en: `${tableName(table, 'en')} ${cell} code ${r.code} is listed under class ${currentClass} while class ${r.code.slice(0, 3)} is elsewhere in the table: the code may be wrong`,
              }
            : {
                'zh-CN': `${tableName(table, 'zh-CN')} ${cell} 科目 ${rowName(r.row, r.code)} 的上级科目 ${parent} 不在表中（本表列出了上级科目）：编码可能有误`,
                en: `${tableName(table, 'en')} ${cell} code ${r.code}: its parent ${parent} is not in the table although parents are listed; the code may be wrong`,
              },
          ),
        );
      }
    }
  }
  return out;
}

/** A code cell that is wrong as a code (no sum involved): `expected` is the code it looks like, if any. */
function codeFinding(table: DetectedTable, cell: string, actual: string, expected: string | null, message: LocalizedText): Finding {
  return {
    rule: 'code-parent-missing',
    severity: 'error',
    sheet: table.sheet,
    cell,
    cells: [{ sheet: table.sheet, cell }],
    parts: [],
    actual,
    expected,
    tolerance: '0',
    message,
    table: table.id,
  };
}

/** 类 = Σ 款, 款 = Σ 项 where codes are concatenated (公开02/03/05表, 公开06表's 301/302 groups). */
export const codeHierarchy: RuleSpec = {
  id: 'code-hierarchy',
  severity: 'error',
  description: {
    'zh-CN': '科目层级：类等于其下各款之和，款等于其下各项之和；列出上级时每个科目的上级都应存在',
    en: 'Code hierarchy: a 类 equals the sum of its 款, a 款 of its 项; every code has its parent where parents are shown',
  },
  collect: ({ tables }) => ({ checks: tables.flatMap(codeHierarchyChecks), findings: tables.flatMap(orphanCodes) }),
};
