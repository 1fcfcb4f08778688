import type { DetectedTable, TableColumn } from '../../table';
import { hasOrdinal, ordinalLevel } from './functionClasses';
import { amountColumns, bodyRows, cleanLabel, rowAt } from './tableAccess';

/**
 * The labelled lines of one side of a side-by-side table (收支总表, 财政拨款收支表):
 * income lines on the left, expenditure lines on the right, each with its amount columns.
 */
export type Side = 'income' | 'expenditure';

export type LineKind = 'grand' | 'year' | 'of-which' | 'level1' | 'level2' | 'carry' | 'other';

export interface SideLine {
  row: number;
  label: string;
  kind: LineKind;
}

export interface SideView {
  side: Side;
  labelColumn?: TableColumn;
  amountColumns: TableColumn[];
  lines: SideLine[];
}

export function lineKind(raw: string): LineKind {
  const l = cleanLabel(raw);
  if (/^其中/.test(l)) return 'of-which';
  if (/^本年(收入|支出)合计$/.test(l)) return 'year';
  if (/总计$/.test(l) || /^(收入|支出)合计$/.test(l)) return 'grand';
  if (hasOrdinal(raw)) return ordinalLevel(raw) === 1 ? 'level1' : 'level2';
  if (/结转|结余|结存|分配/.test(l)) return 'carry';
  return 'other';
}

function sideOfColumn(c: TableColumn): Side | undefined {
  if (c.side) return c.side;
  const top = cleanLabel(c.headerPath[0] ?? '');
  if (/^收入/.test(top)) return 'income';
  if (/^支出/.test(top)) return 'expenditure';
  return undefined;
}

export function sideView(table: DetectedTable, side: Side): SideView | undefined {
  const cols = table.columns.filter((c) => sideOfColumn(c) === side).sort((a, b) => a.col - b.col);
  let amounts = cols.filter((c) => c.role === 'amount');
  let labelColumn = cols.find((c) => c.role === 'label');
  if (amounts.length === 0) {
    // No side on the columns: the first label column and its amount are income, the rest expenditure.
    const labels = table.columns.filter((c) => c.role === 'label').sort((a, b) => a.col - b.col);
    if (labels.length < 2) return undefined;
    const all = amountColumns(table);
    if (side === 'income') {
      labelColumn = labels[0];
      amounts = all.filter((a) => a.col > labels[0].col && a.col < labels[1].col);
    } else {
      labelColumn = labels[1];
      amounts = all.filter((a) => a.col > labels[1].col);
    }
  }
  if (amounts.length === 0) return undefined;
  const lines: SideLine[] = [];
  for (const r of bodyRows(table)) {
    const label = r.lines?.[side]?.label ?? (labelColumn ? rowAt(table, r.row)?.cells[labelColumn.col]?.text ?? '' : '');
    if (!label || !label.trim()) continue;
    lines.push({ row: r.row, label: label.trim(), kind: lineKind(label) });
  }
  return { side, labelColumn, amountColumns: amounts, lines };
}

/** What each total line of a side is the sum of, by the structure of the labels. */
export interface LineRelation {
  total: SideLine;
  parts: SideLine[];
  what: 'year' | 'grand' | 'children';
}

export function lineRelations(lines: SideLine[]): LineRelation[] {
  const out: LineRelation[] = [];
  const hasYear = lines.some((l) => l.kind === 'year');
  let sectionStart = 0;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.kind === 'year') {
      const section = lines.slice(sectionStart, i);
      let parts = section.filter((x) => x.kind === 'level1');
      if (parts.length === 0) parts = section.filter((x) => x.kind === 'level2');
      out.push({ total: l, parts, what: 'year' });
    } else if (l.kind === 'grand') {
      if (hasYear) {
        const yi = lines.slice(0, i).map((x) => x.kind).lastIndexOf('year');
        if (yi >= sectionStart) {
          const after = lines.slice(yi + 1, i).filter((x) => x.kind === 'carry' || x.kind === 'level1');
          out.push({ total: l, parts: [lines[yi], ...after], what: 'grand' });
        }
      } else {
        const parts = lines.filter((x) => x.kind === 'level1');
        if (parts.length > 0) out.push({ total: l, parts, what: 'grand' });
      }
      sectionStart = i + 1;
    }
  }
  // 一、本年收入 = （一）+（二）…; 年初结转和结余 = the fund lines under it.
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.kind !== 'level1' && l.kind !== 'carry') continue;
    const children: SideLine[] = [];
    for (let j = i + 1; j < lines.length; j++) {
      const k = lines[j].kind;
      if (l.kind === 'level1' && k === 'level2') children.push(lines[j]);
      else if (l.kind === 'carry' && k === 'other') children.push(lines[j]);
      else if (k === 'of-which') continue;
      else break;
    }
    if (children.length > 0) out.push({ total: l, parts: children, what: 'children' });
  }
  return out;
}
