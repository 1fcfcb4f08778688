import { cellAddress } from '../address';
import type { Finding } from '../finding';
import type { DetectedTable, TableColumn } from '../table';
import { columnGroups, rowBlocks } from './toolkit/rowStructure';
import type { RuleSpec } from './toolkit/ruleSpec';
import { cleanLabel, tableShort } from './toolkit/tableAccess';
import { cellFinding } from './toolkit/cellFinding';
import { cellArg, codeArg, message, nameArg, tableArg } from '../messages/message';
import { gather } from './toolkit/gather';

interface Use {
  table: DetectedTable;
  row: number;
  codeCol: number;
  code: string;
  name: string;
}

/** The cell of a use's code, spelt out only for a finding. */
function codeCell(u: Use): string {
  return cellAddress(u.row, u.codeCol);
}

/** Where a table writes a row's code: the 类 column of split codes, else the code column. */
function codeColumn(t: DetectedTable): TableColumn | undefined {
  return (
    t.columns.find((c) => c.role === 'function-lei') ??
    t.columns.find((c) => c.role === 'function-code') ??
    t.columns.find((c) => c.role === 'econ-lei') ??
    t.columns.find((c) => c.role === 'econ-code')
  );
}

/** The tables that write codes beside names, with those columns. */
function namingTables(tables: DetectedTable[]): Array<{ t: DetectedTable; labelCol: TableColumn; codeCol: TableColumn }> {
  const out: Array<{ t: DetectedTable; labelCol: TableColumn; codeCol: TableColumn }> = [];
  for (const t of tables) {
    if (t.kind === 'narrative' || t.kind === 'income-expenditure-summary' || t.kind === 'fiscal-appropriation-summary') continue;
    if (columnGroups(t).length > 1) continue;
    // Codes and names may stand in one column (2080505-机关事业单位基本养老保险缴费支出), read as the codes'
    // (科目编码) or as the names' (科目编码及名称).
    const label = t.columns.filter((c) => c.role === 'label').sort((a, b) => a.col - b.col)[0];
    const codeCol = codeColumn(t) ?? (label && namesInCodes(t, label) ? label : undefined);
    const labelCol = label ?? (codeCol && namesInCodes(t, codeCol) ? codeCol : undefined);
    if (labelCol && codeCol) out.push({ t, labelCol, codeCol });
  }
  return out;
}

/** A code written before the name in one cell, and what parts them (2080505-, 2080505 , 2080505、). */
const CODE_BEFORE_NAME = /^\s*\d{3,}\s*[-—－·.、:：\s]\s*/;
const NAME_AFTER_CODE = /^\s*\d{3,}\s*[-—－·.、:：\s]\s*\S*[\u4e00-\u9fff]/;

/** The column's cells hold names after their codes (one cell with both is enough to read them so). */
function namesInCodes(t: DetectedTable, codeCol: TableColumn): boolean {
  return t.rows.some((r) => NAME_AFTER_CODE.test(r.cells[codeCol.col]?.text ?? ''));
}

function uses(tables: DetectedTable[]): Use[] {
  const out: Use[] = [];
  const naming = namingTables(tables);
  // A name is compared across tables: with one table writing codes there is nothing to compare.
  if (naming.length < 2) return out;
  for (const { t, labelCol, codeCol } of naming) {
    const b = rowBlocks(t, columnGroups(t)[0]);
    const rows = b.units.length > 0 ? gather(b.units, (u) => u.members) : b.details;
    for (const r of rows) {
      const name = cleanLabel((r.row.cells[labelCol.col]?.text ?? '').replace(CODE_BEFORE_NAME, ''));
      if (!r.code || !name) continue;
      out.push({ table: t, row: r.row.row, codeCol: codeCol.col, code: r.code, name });
    }
  }
  return out;
}

/**
 * The same subject name carrying a code in one table that no other table gives it
 * (社会保险经办机构 is 2080109 in 支出表 and 一般公共预算支出表 but 2100109 here): the code
 * was mistyped. Warning, at the code cell. Names shared by several codes (行政运行) are
 * compared as sets: only a code outside every other table's set for that name counts.
 */
export const crossCodeByName: RuleSpec = {
  id: 'cross-code-by-name',
  emits: { 'cross-code-by-name': 'warning' },
  collect: ({ tables }) => {
    const findings: Finding[] = [];
    const all = uses(tables);
    // A name is compared across tables: with one table writing codes there is nothing to compare.
    if (new Set(all.map((u) => u.table)).size < 2) return { findings };
    const byName = new Map<string, Use[]>();
    for (const u of all) {
      const list = byName.get(u.name);
      if (list) list.push(u);
      else byName.set(u.name, [u]);
    }
    for (const [name, list] of byName) {
      // (Asked without building a set or a list per name and use: most names are written in one
      // table, and most uses carry the code the other tables give the name.)
      const first = list[0].table.id;
      if (list.every((x) => x.table.id === first)) continue;
      for (const u of list) {
        if (list.some((x) => x.code === u.code && x.table.id !== u.table.id)) continue;
        const others = list.filter((x) => x.table.id !== u.table.id);
        // Only like with like: codes of the same length (a 项 against 项, a 类 against 类)
        // and the same classification (2xx functional, 3xx economic).
        const comparable = others.filter((x) => x.code.length === u.code.length && x.code[0] === u.code[0]);
        if (comparable.length === 0) continue;
        // The other tables must agree among themselves on this name's code.
        const theirCodes = [...new Set(comparable.map((x) => x.code))];
        if (theirCodes.length !== 1) continue;
        const ref = comparable[0];
        const cell = codeCell(u);
        const refCell = codeCell(ref);
        findings.push(
          cellFinding({
            rule: 'cross-code-by-name',
            severity: 'warning',
            table: u.table,
            cell,
            name,
            subject: 'code',
            actual: u.code,
            expected: ref.code,
            also: [{ sheet: ref.table.sheet, cell: refCell }],
            message: message('code.by-name', {
              table: tableArg(tableShort(u.table)),
              cell: cellArg(cell),
              name: nameArg(name),
              actual: codeArg(u.code),
              other: tableArg(`${tableShort(ref.table)} ${refCell}`),
              expected: codeArg(ref.code),
            }),
          }),
        );
      }
    }
    return { findings };
  },
};
