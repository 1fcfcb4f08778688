import { cellAddress } from '../address';
import { codeBeforeName } from '../detect/codes';
import type { Finding } from '../finding';
import type { DetectedTable, TableColumn } from '../table';
import { columnGroups, rowBlocks } from './toolkit/rowStructure';
import type { RuleSpec } from './toolkit/ruleSpec';
import { cleanLabel, tableShort } from './toolkit/tableAccess';
import { cellFinding } from './toolkit/cellFinding';
import { cellArg, codeArg, message, nameArg, tableArg } from '../messages/message';
import { misfiledRows } from './econCodePairing';
import { gather } from './toolkit/gather';

interface Use {
  table: DetectedTable;
  row: number;
  col: number;
  name: string;
}

/** Names compared loosely: spaces, bracket widths and a trailing 支出 do not count. */
function normal(name: string): string {
  return cleanLabel(name).replace(SPENDING_END, '');
}

const SPENDING_END = /支出$/;

const CODE_ROLE = /^(function|econ|gov-econ)-/;

/** The classification a code column's role is of (function, econ, gov-econ): its 类 | 款 | 项 parts share it. */
function codeFamily(role: string): string | undefined {
  return CODE_ROLE.exec(role)?.[1];
}

function codeUses(tables: DetectedTable[]): Map<string, Use[]> {
  const out = new Map<string, Use[]>();
  const naming: Array<{ t: DetectedTable; labelCol: TableColumn }> = [];
  for (const t of tables) {
    if (t.kind === 'narrative' || t.kind === 'income-expenditure-summary' || t.kind === 'fiscal-appropriation-summary') continue;
    if (columnGroups(t).length > 1) continue;
    // The code's name is a label at or right of its code (科目编码 | 科目名称, or [201]一般公共服务支出 in
    // one cell), up to the next classification's code. A label left of it names something else — a 项目支出表's
    // 项目类别 | 项目名称 | 功能科目编码 gives each project's subject code beside the project's own name — but
    // where names come first (below). Of several, the one headed 科目 (项目名称 | 功能科目编码 | 功能科目名称); a
    // 项目支出表 whose only name is the project's names no code.
    const ordered = [...t.columns].sort((a, b) => a.col - b.col);
    const codeCol = ordered.find((c) => CODE_ROLE.test(c.role));
    const labels = codeCol ? namesAfter(ordered, codeCol) : ordered.filter((c) => c.role === 'label');
    // A name printed left of its code (名称 | 编码 | 政府经济编码 | 名称, a province's order): the label just before
    // the code, where none follows it before the next code's, or where the one after it stands just before another
    // classification's code — names and codes in pairs, each name first (名称 | 类 | 款 | 名称 | 政府经济类 | 政府经济款).
    // Never a 项目支出表's project name.
    const left = codeCol && t.kind !== 'project-expenditure' ? ordered.find((c) => c.col === codeCol.col - 1 && c.role === 'label') : undefined;
    const nextToRight = labels.length > 0 ? ordered.find((c) => c.col === labels[0].col + 1) : undefined;
    const pairsNameFirst = !!codeCol && !!nextToRight && CODE_ROLE.test(nextToRight.role) && codeFamily(nextToRight.role) !== codeFamily(codeCol.role);
    const before = left && (labels.length === 0 || pairsNameFirst) ? left : undefined;
    // With no name column, the code column itself where its cells also name the code (2080201-行政运行).
    const labelCol = before ?? labels.find((c) => c.headerPath.some((h) => /科目/.test(h))) ?? (t.kind === 'project-expenditure' ? undefined : (labels[0] ?? codeCol));
    if (labelCol) naming.push({ t, labelCol });
  }
  // A code is compared across tables: with one table naming codes there is nothing to compare.
  if (naming.length < 2) return out;
  for (const { t, labelCol } of naming) {
    const b = rowBlocks(t, columnGroups(t)[0]);
    const rows = b.units.length > 0 ? gather(b.units, (u) => u.members) : b.details;
    for (const r of rows) {
      const text = r.row.cells[labelCol.col]?.text ?? '';
      // A name cell that writes the row's own code first ([201]一般公共服务支出) names it by the rest.
      const own = codeBeforeName(cleanLabel(text));
      const named = own && own.code === r.code;
      // A code cell naming nothing (2080201 alone) says nothing of the name.
      if (!named && CODE_ROLE.test(labelCol.role)) continue;
      const name = named ? own.name : text;
      if (!r.code || !name.trim()) continue;
      // Functional and economic codes live in different namespaces (2xx vs 3xx/5xx).
      const list = out.get(r.code) ?? [];
      list.push({ table: t, row: r.row.row, col: labelCol.col, name: name.trim() });
      out.set(r.code, list);
    }
  }
  return out;
}

/**
 * The label columns after a code's (its 类 | 款 | 项 parts first, all codes), up to the next code column after
 * them: a second code with its own name (部门经济 | 名称 | 政府经济 | 名称) names its code, not the first.
 */
function namesAfter(ordered: TableColumn[], codeCol: TableColumn): TableColumn[] {
  const out: TableColumn[] = [];
  for (const c of ordered) {
    if (c.col <= codeCol.col) continue;
    if (CODE_ROLE.test(c.role)) {
      // (Another classification's code — 政府经济 after 部门经济 — ends the run too, named or not.)
      if (out.length > 0 || codeFamily(c.role) !== codeFamily(codeCol.role)) break;
      continue;
    }
    if (c.role === 'label') out.push(c);
  }
  return out;
}

/**
 * The same subject code carrying different names in two tables (warning). The name used
 * by fewer rows is named as the odd one; on a tie both are named, each against the other.
 */
export const crossCodeNames: RuleSpec = {
  id: 'cross-code-names',
  emits: { 'cross-code-names': 'warning' },
  collect: ({ tables }) => {
    const findings: Finding[] = [];
    // A row whose economic code is misfiled (econCodePairing.ts) has the right name and the
    // wrong code: it is named there, not here.
    const byCode = codeUses(tables);
    // A code is compared across tables: with one table naming codes there is nothing to compare.
    const naming = new Set<DetectedTable>();
    for (const list of byCode.values()) for (const u of list) naming.add(u.table);
    if (naming.size < 2) return { findings };
    const misfiled = new Set([...misfiledRows(tables).keys()].map((p) => `${p.table.id}#${p.row.row}`));
    for (const [code, uses0] of byCode) {
      // (Most workbooks misfile nothing, and most codes carry one name: neither a key per use nor a
      // set or map per code is built to learn so.)
      const uses = misfiled.size === 0 ? uses0 : uses0.filter((u) => !misfiled.has(`${u.table.id}#${u.row}`));
      if (uses.length === 0 || uses.every((u) => u.table.id === uses[0].table.id)) continue;
      const first = normal(uses[0].name);
      if (uses.every((u) => normal(u.name) === first)) continue;
      const byName = new Map<string, Use[]>();
      for (const u of uses) {
        const k = normal(u.name);
        const list = byName.get(k);
        if (list) list.push(u);
        else byName.set(k, [u]);
      }
      // A name cut short — by a narrow cell, or a PDF's line break the reading did not join (公务用车运 | 公务用车运行维护费,
      // 疗保险基金的补助) — is the name it is the start or end of: no second name.
      for (const k of [...byName.keys()]) {
        const whole = [...byName.keys()].find((o) => o !== k && o.length > k.length && k.length >= 2 && (o.startsWith(k) || o.endsWith(k)));
        if (whole) {
          byName.get(whole)!.push(...byName.get(k)!);
          byName.delete(k);
        }
      }
      if (byName.size < 2) continue;
      const ranked = [...byName.values()].sort((a, b) => b.length - a.length);
      // With a clear majority the others are odd; on a tie (one table against one) either
      // may be the slip, so each side is named, pointing at the other.
      const tie = ranked[0].length === ranked[1].length;
      const pairs: Array<[Use[], Use[]]> = tie
        ? ranked.map((g) => [g, ranked.find((x) => x !== g)!] as [Use[], Use[]])
        : ranked.slice(1).map((g) => [g, ranked[0]] as [Use[], Use[]]);
      for (const [odd, majority] of pairs) {
        for (const u of odd) {
          const cell = cellAddress(u.row, u.col);
          const ref = majority[0];
          const refCell = cellAddress(ref.row, ref.col);
          findings.push(
            cellFinding({
              rule: 'cross-code-names',
              severity: 'warning',
              table: u.table,
              cell,
              name: u.name,
              subject: 'label',
              actual: u.name,
              expected: ref.name,
              also: [{ sheet: ref.table.sheet, cell: refCell }],
              message: message('code.name-differs', {
                table: tableArg(tableShort(u.table)),
                cell: cellArg(cell),
                code: codeArg(code),
                actual: nameArg(u.name),
                other: tableArg(`${tableShort(ref.table)} ${refCell}`),
                expected: nameArg(ref.name),
              }),
            }),
          );
        }
      }
    }
    return { findings };
  },
};
