import { cellAddress } from '../address';
import type { Finding } from '../finding';
import type { DetectedTable, TableColumn } from '../table';
import { columnGroups, rowBlocks, splitCodeColumns } from './toolkit/rowStructure';
import type { RuleSpec } from './toolkit/ruleSpec';
import { cleanLabel, tableShort } from './toolkit/tableAccess';
import { cellFinding } from './toolkit/cellFinding';
import { cellArg, codeArg, message, nameArg, tableArg } from '../messages/message';
import { functionClassName } from './toolkit/functionClasses';

interface Use {
  table: DetectedTable;
  row: number;
  codeCol: number;
  /** Codes split over 类 | 款 | 项 columns: those columns by part (the parts are 3, 2 and 2 digits), a part not printed undefined. */
  partCols: (TableColumn | undefined)[];
  code: string;
  name: string;
  /** The unit block the row is in (a table listing each unit's subjects again), 0 where there are none. */
  unit: number;
}

/** The digits each split column holds: 类 three, 款 and 项 two. */
const PART_ENDS = [3, 5, 7];

/**
 * The cell of a use's code, spelt out only for a finding. With codes split over columns, the column of the
 * one part that differs from the code it is told against (项 40 for 04 is in the 项 column, not the 类's).
 */
function codeCell(u: Use, against?: string): string {
  if (against === undefined || u.partCols.length < 2 || against.length !== u.code.length) return cellAddress(u.row, u.codeCol);
  const differing = u.partCols.filter((_c, k) => {
    const from = k === 0 ? 0 : PART_ENDS[k - 1];
    return u.code.slice(from, PART_ENDS[k]) !== against.slice(from, PART_ENDS[k]);
  });
  const part = differing.length === 1 ? differing[0] : undefined;
  return cellAddress(u.row, part ? part.col : u.codeCol);
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
    const partCols = codeCol.role.endsWith('-lei') ? splitCodeColumns(t, codeCol) : [];
    const b = rowBlocks(t, columnGroups(t)[0]);
    const blocks = b.units.length > 0 ? b.units.map((u) => u.members) : [b.details];
    blocks.forEach((rows, unit) => {
      for (const r of rows) {
        const name = cleanLabel((r.row.cells[labelCol.col]?.text ?? '').replace(CODE_BEFORE_NAME, ''));
        if (!r.code || !name) continue;
        out.push({ table: t, row: r.row.row, codeCol: codeCol.col, partCols, code: r.code, name, unit });
      }
    });
  }
  return out;
}

/**
 * The same subject name carrying a code in one table that no other table gives it
 * (社会保险经办机构 is 2080109 in 支出表 and 一般公共预算支出表 but 2100109 here): the code
 * was mistyped. Warning, at the code cell (with split 类/款/项 columns, at the part that differs).
 * Names shared by several codes (行政运行) are compared as sets: only a code outside every other
 * table's set for that name counts. With only two tables to go by, each contradicting the other, the
 * slip is told where the codes themselves show it (slipSide); else the tie is said once, neither code
 * called wrong.
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
    // Each table's uses in the order of its rows (the order of codes a 款 lists its 项 in).
    const byTable = new Map<DetectedTable, Use[]>();
    for (const u of all) {
      const list = byTable.get(u.table);
      if (list) list.push(u);
      else byTable.set(u.table, [u]);
    }
    for (const list of byTable.values()) list.sort((a, b) => a.row - b.row);
    // The 类 the workbook prints as lines, known whether or not the classification lists them.
    const printed = new Set<string>();
    for (const u of all) if (u.code.length === 3) printed.add(u.code);
    // A tie is decided once for a name and two tables, on the first uses met, and kept (with whether it was
    // told): a name a table repeats (each unit's block) is not decided one way at one row and another at the next.
    const decided = new Map<string, { side: 'this' | 'other' | undefined; told: boolean }>();
    const decide = (name: string, u: Use, ref: Use) => {
      const key = `${name}|${u.table.id}|${ref.table.id}`;
      let tie = decided.get(key);
      if (!tie) {
        const side = slipSide(u, ref, byTable, printed);
        decided.set(key, (tie = { side, told: false }));
        decided.set(`${name}|${ref.table.id}|${u.table.id}`, { side: side === 'this' ? 'other' : side === 'other' ? 'this' : undefined, told: false });
      }
      return tie;
    };
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
        // One other table to go by, which this one contradicts back (it has no such code for the name): a tie,
        // unless the order of codes tells it.
        const tie = comparable.every((x) => x.table === ref.table) && !list.some((x) => x.table === u.table && x.code === ref.code);
        const decision = tie ? decide(name, u, ref) : undefined;
        if (decision?.side === 'other') continue;
        if (decision && decision.side === undefined) {
          // Told once for the name and the two tables, from the table that comes first, neither code called wrong.
          if (tables.indexOf(u.table) > tables.indexOf(ref.table) || decision.told) continue;
          decision.told = true;
          findings.push(codeFinding(name, u, ref, false));
          continue;
        }
        findings.push(codeFinding(name, u, ref, true));
      }
    }
    return { findings };
  },
};

/**
 * Two tables, each giving a name a code the other does not: which holds the slip? Told only where one code is
 * out of place and the other's would be in place there, while the other's is in place in its own table:
 * - under no 类 of the classification (2800505 for 2080505), where no table prints that 类 either;
 * - under a line it does not belong to (2081501 listed under 21015);
 * - breaking the rising order the 项 of one 款 are listed in (2130101, 2130140, 2130106, where 04 fits).
 * Undefined where none of these tells.
 */
function slipSide(u: Use, ref: Use, byTable: Map<DetectedTable, Use[]>, printed: Set<string>): 'this' | 'other' | undefined {
  const usesOf = (x: Use) => byTable.get(x.table) ?? [];
  // (The classification's 类 as the toolkit lists them, and any a table of the workbook prints as a line.)
  const known = (code: string) => code[0] !== '2' || functionClassName(code.slice(0, 3)) !== undefined || printed.has(code.slice(0, 3));
  const tests: Array<(x: Use, code: string) => boolean | undefined> = [
    (_x, code) => known(code),
    (x, code) => underItsLine(usesOf(x), x, code),
  ];
  // The order of 项 tells only a slip in the 项's own digits (both codes under one 款).
  if (u.code.length === ref.code.length && u.code.slice(0, -2) === ref.code.slice(0, -2)) tests.push((x, code) => inOrder(usesOf(x), x, code));
  for (const inPlace of tests) {
    const own = inPlace(u, u.code);
    const theirs = inPlace(ref, ref.code);
    if (own === false && theirs === true && inPlace(u, ref.code) === true) return 'this';
    if (theirs === false && own === true && inPlace(ref, u.code) === true) return 'other';
  }
  return undefined;
}

/** The uses of a row's unit block before it (nearest first) and after it, in row order. */
function around(uses: Use[], at: Use): { before: Use[]; after: Use[] } {
  const k = uses.indexOf(at);
  const same = (x: Use) => x.unit === at.unit;
  const before: Use[] = [];
  for (let i = k - 1; i >= 0 && same(uses[i]); i--) before.push(uses[i]);
  const after: Use[] = [];
  for (let i = k + 1; i < uses.length && same(uses[i]); i++) after.push(uses[i]);
  return { before, after };
}

/**
 * Is `code`, at the row of `at`, under the line above it that it belongs to: the nearest shorter code above
 * it in its unit block (its 款, or its 类 where the table prints no 款) opens it? Undefined where the table
 * prints no such line above it (项 rows only, split codes).
 */
function underItsLine(uses: Use[], at: Use, code: string): boolean | undefined {
  const line = around(uses, at).before.find((x) => x.code.length < code.length);
  return line ? code.startsWith(line.code) : undefined;
}

/**
 * Would `code`, at the row of `at`, keep the rising order of its siblings — the nearest codes of its length under
 * its parent before and after it in its unit block, not looking past a shorter code (its own 款 line, or
 * another's)? Undefined where it has no sibling to go by.
 */
function inOrder(uses: Use[], at: Use, code: string): boolean | undefined {
  const parent = code.slice(0, code.length <= 3 ? 0 : -2);
  const sibling = (list: Use[]): Use | undefined => {
    for (const x of list) {
      if (x.code.length < code.length || !x.code.startsWith(parent)) return undefined;
      if (x.code.length === code.length) return x;
    }
    return undefined;
  };
  const { before: up, after: down } = around(uses, at);
  const before = sibling(up);
  const after = sibling(down);
  if (!before && !after) return undefined;
  return (!before || before.code < code) && (!after || code < after.code);
}

/** A use's code told against another table's: as the slip (expected theirs), or as a tie said once, neither called wrong. */
function codeFinding(name: string, u: Use, ref: Use, slip: boolean): Finding {
  const cell = codeCell(u, ref.code);
  const refCell = codeCell(ref, u.code);
  return cellFinding({
    rule: 'cross-code-by-name',
    severity: 'warning',
    table: u.table,
    cell,
    name,
    subject: 'code',
    actual: u.code,
    expected: slip ? ref.code : null,
    also: [{ sheet: ref.table.sheet, cell: refCell }],
    message: message(slip ? 'code.by-name' : 'code.by-name-tie', {
      table: tableArg(tableShort(u.table)),
      cell: cellArg(cell),
      name: nameArg(name),
      actual: codeArg(u.code),
      other: tableArg(`${tableShort(ref.table)} ${refCell}`),
      expected: codeArg(ref.code),
    }),
  });
}
