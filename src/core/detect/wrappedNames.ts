import type { TableColumn, TableRow } from '../table';
import { looksLikeUnitName } from './labels';

/**
 * A long 科目名称 wrapped in its PDF cell becomes two grid rows when the PDF is converted to a workbook:
 * - the code and the name's first part on one row, the figures and the name's end on the next (the code is set at the
 *   cell's top, the figures in its middle): read as two lines, one coded with no figures and one with figures and no
 *   code, every total over them was called wrong;
 * - or the figures on the first row, the name's end alone on the next (人力资源和社会保障管理事 | 务): the name, cut,
 *   disagreed with the other tables'.
 * Such a pair is one line again, named by both parts. Only in tables whose lines carry codes (a line of a 收支总表 has
 * none, and may rightly print no figure), and only where the second row holds nothing but what its kind allows: no
 * code, no total's word, no numbering, a short end of a name.
 */
const CODE_ROLES = /^(function|econ|gov-econ)-(code|lei)$|^unit-code$/;
const NOT_A_TAIL =
  /^(其中|合计|总计|小计|[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d+[.、．])|^(基本支出|项目支出|人员经费|公用经费|人员类|公用类|工资福利支出|商品和服务支出|对个人和家庭的补助|资本性支出|对企业补助|债务利息及费用支出|其他支出)$/;
/** A name's end alone on its row: a few characters (险中心, 务, 缴费支出). */
const TAIL_MAX = 8;
/** The first part, cut at the cell's width: a name of some length. */
const HEAD_MIN = 6;

export function joinWrappedNames(rows: TableRow[], columns: TableColumn[]): TableRow[] {
  if (!columns.some((c) => CODE_ROLES.test(c.role)) || columns.some((c) => c.side || (c.group ?? 0) > 0)) return rows;
  const amountCols = columns.filter((c) => c.role === 'amount').map((c) => c.col);
  const figures = (r: TableRow) => amountCols.some((c) => r.cells[c] !== undefined && r.cells[c].amount.kind === 'amount');
  const code = (r: TableRow) => r.functionCode ?? r.econCode ?? r.govEconCode ?? r.unitCode;
  const only = (r: TableRow) => Object.values(r.cells).filter((c) => c && c.text).length;
  // (A group's heading — 商品和服务支出 over its 302 lines — or a unit's whole name is a line of its own, not a name's end.)
  const tail = (r: TableRow) => !!r.label && !NOT_A_TAIL.test(r.label) && r.role !== 'total' && r.role !== 'subtotal' && r.role !== 'of-which' && r.role !== 'statistic';
  const labelCol = columns.find((c) => c.role === 'label')?.col;
  /** The name's cell where it starts (row a), holding the whole name: what a rule quotes and marks. */
  const named = (a: TableRow, b: TableRow, into: TableRow): TableRow => {
    const head = labelCol !== undefined ? a.cells[labelCol] : undefined;
    const end = labelCol !== undefined ? b.cells[labelCol] : undefined;
    // (A new cell of the whole name, its amount read from the cell it starts in: a grid's cell is a class whose amount is
    // a getter, which a spread copy loses — every rule reading that line's cells then failed.)
    if (head && end) into.cells = { ...into.cells, [labelCol!]: { row: head.row, col: head.col, text: head.text + end.text, amount: head.amount } };
    return into;
  };
  const pair = (a: TableRow, b: TableRow): TableRow | undefined => {
    // (The second row may carry the government code the first lacks — 30108 机关事业单位基本 | … over 养老保险缴费 | 50102 |
    // figures —, never a code of the first's own kinds.)
    const ownCode = b.functionCode ?? b.econCode ?? b.unitCode ?? (a.govEconCode !== undefined ? b.govEconCode : undefined);
    if (b.row !== a.row + 1 || ownCode !== undefined || !tail(b) || a.label.length < HEAD_MIN) return undefined;
    if (code(a) !== undefined && !figures(a) && figures(b) && b.label.length <= 2 * TAIL_MAX) {
      // The code and the name's start above, the figures and its end below: the line is the row of its figures.
      const joined: TableRow = { ...b, role: a.role, label: a.label + b.label, cells: { ...a.cells, ...b.cells } };
      for (const k of ['functionCode', 'econCode', 'govEconCode', 'unitCode'] as const) if (a[k] !== undefined) joined[k] = a[k];
      return named(a, b, joined);
    }
    // (Alone under a line, a unit's whole name is a line of its own; the end of a unit's name cut above its figures is not.)
    if (figures(a) && !figures(b) && only(b) === 1 && b.label.length <= TAIL_MAX && !(b.label.length >= 5 && looksLikeUnitName(b.label))) return named(a, b, { ...a, label: a.label + b.label });
    return undefined;
  };
  const out: TableRow[] = [];
  let changed = false;
  for (let i = 0; i < rows.length; i++) {
    const joined = i + 1 < rows.length ? pair(rows[i], rows[i + 1]) : undefined;
    if (!joined) {
      out.push(rows[i]);
      continue;
    }
    out.push(joined);
    changed = true;
    i++;
  }
  return changed ? out : rows;
}
