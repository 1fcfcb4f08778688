import Decimal from 'decimal.js';
import { columnLetter, parseCellAddress, rangeAddress, rowSpan } from './address';
import { displayAmount } from './amount';
import type { Finding, FindingSummary } from './finding';
import type { Language } from './messages/catalogue';
import { renderSentence } from './messages/render';
import { ruleName } from './messages/ruleNames';
import type { DetectedTable } from './table';
import { KIND_SOURCE_NAMES, TABLE_KIND_NAMES } from './tableKind';

/**
 * The engine's result as plain records: the CLI prints them as JSON (DESIGN.md §3), and the
 * report sheet (校验报告, written by the .xlsx adapter and by the add-in) is built from them.
 */
export interface TableRecord {
  sheet: string;
  kind: string;
  title: string | null;
  range: string;
  headerRows: string | null;
  bodyRows: string;
  unit: string | null;
  reading: ReadingRecord;
}

export function tableRecord(t: DetectedTable): TableRecord {
  return {
    sheet: t.sheet,
    kind: t.kind,
    title: t.title ?? null,
    range: rangeAddress(t.range),
    headerRows: t.headerRows ? rowSpan(t.headerRows[0], t.headerRows[1]) : null,
    bodyRows: rowSpan(t.bodyRows[0], t.bodyRows[1]),
    unit: t.unit ?? null,
    reading: readingRecord(t),
  };
}

/** How a table was read, so a wrong reading is visible at a glance: the kind's source, each column, the total rows. */
export interface ReadingRecord {
  kindFrom: string | null;
  columns: Array<{ column: string; role: string; header: string; side?: string; block?: number; group?: number }>;
  totalRows: number[];
  subtotalRows: number[];
}

export function readingRecord(t: DetectedTable): ReadingRecord {
  return {
    kindFrom: t.kindFrom ?? null,
    columns: t.columns.map((c) => ({
      column: columnLetter(c.col),
      role: c.role,
      header: c.headerPath.join(' > '),
      ...(c.side ? { side: c.side } : {}),
      ...(c.block !== undefined && c.side ? { block: c.block } : {}),
      ...(c.group !== undefined && t.columns.some((x) => (x.group ?? 0) > 0) ? { group: c.group } : {}),
    })),
    totalRows: t.rows.filter((r) => r.role === 'total').map((r) => r.row),
    subtotalRows: t.rows.filter((r) => r.role === 'subtotal').map((r) => r.row),
  };
}

const ROLE_NAMES: Record<Language, Record<string, string>> = {
  'zh-CN': {
    'function-code': '功能科目编码', 'function-lei': '功能类', 'function-kuan': '功能款', 'function-xiang': '功能项',
    'econ-code': '经济科目编码', 'econ-lei': '经济类', 'econ-kuan': '经济款',
    'gov-econ-code': '政府经济科目编码', 'gov-econ-lei': '政府经济类', 'gov-econ-kuan': '政府经济款',
    'unit-code': '单位代码', label: '名称', 'line-no': '行次', amount: '金额', text: '文字',
  },
  en: {
    'function-code': 'function code', 'function-lei': 'function 类', 'function-kuan': 'function 款', 'function-xiang': 'function 项',
    'econ-code': 'economic code', 'econ-lei': 'economic 类', 'econ-kuan': 'economic 款',
    'gov-econ-code': 'government economic code', 'gov-econ-lei': 'government economic 类', 'gov-econ-kuan': 'government economic 款',
    'unit-code': 'unit code', label: 'name', 'line-no': 'line no.', amount: 'amount', text: 'text',
  },
};

/** The reading in one line for people: 依据标题；A 功能类（科目编码 › 类）… ；合计行 5. */
export function readingLine(t: DetectedTable, lang: Language): string {
  const r = readingRecord(t);
  const from = t.kindFrom ? KIND_SOURCE_NAMES[t.kindFrom][lang] : lang === 'zh-CN' ? '无' : 'none';
  const cols = r.columns.map((c) => {
    const where = [c.side ? (lang === 'zh-CN' ? (c.side === 'income' ? '收' : '支') : c.side[0]) + (c.block ?? '') : '', c.group !== undefined ? `g${c.group}` : ''].filter(Boolean).join('');
    return `${c.column} ${ROLE_NAMES[lang][c.role] ?? c.role}${where ? `[${where}]` : ''}${c.header ? `（${c.header.replace(/ > /g, '›')}）` : ''}`;
  });
  const rows = (n: number[]) => (n.length > 6 ? `${n.slice(0, 6).join(',')}…` : n.join(','));
  if (lang === 'zh-CN') {
    return `读法：类型依据${from}；${cols.join(' ')}${r.totalRows.length ? `；合计行 ${rows(r.totalRows)}` : ''}${r.subtotalRows.length ? `；小计行 ${rows(r.subtotalRows)}` : ''}`;
  }
  return `reading: kind from ${from}; ${cols.join(' ')}${r.totalRows.length ? `; total rows ${rows(r.totalRows)}` : ''}${r.subtotalRows.length ? `; subtotal rows ${rows(r.subtotalRows)}` : ''}`;
}

export type { Language } from './messages/catalogue';

export const REPORT_SHEET_NAME = '校验报告';

const REPORT_HEADERS: Record<Language, string[]> = {
  'zh-CN': ['序号', '严重程度', '规则', '工作表', '单元格', '说明', '实际值', '应为', '差额', '处理情况', '复核人', '复核意见'],
  en: ['No.', 'Severity', 'Rule', 'Sheet', 'Cell', 'Finding', 'Actual', 'Expected', 'Difference', 'Status', 'Reviewer', 'Review note'],
};

/** Where the report's columns are (the writers link the cell column and fill the severity column). */
export const REPORT_COLUMNS = { severity: 1, cell: 4, widths: [6, 10, 20, 24, 10, 80, 14, 14, 12, 16, 10, 30] };

export const SEVERITY_NAMES: Record<Language, Record<Finding['severity'] | 'verified', string>> = {
  'zh-CN': { error: '错误', warning: '警告', info: '提示', verified: '已核实' },
  en: { error: 'error', warning: 'warning', info: 'info', verified: 'verified' },
};

/** One line a finding; the sheet/cell pair is what report writers turn into a hyperlink. */
export interface ReportLine {
  cells: string[];
  sheet: string;
  cell: string;
  severity: Finding['severity'];
}

/** A finding's actual or expected value for people: money with separators, codes and names as written. */
export function shownValue(f: Finding, v: string | null, lang: Language): string {
  if (v === null) return lang === 'zh-CN' ? '（空）' : '(empty)';
  if (f.subject === 'amount') {
    try {
      return displayAmount(new Decimal(v), f.decimals ?? new Decimal(v).decimalPlaces());
    } catch {
      return v;
    }
  }
  if (f.subject === 'percent') return `${v}%`;
  return v;
}

const RANK = { error: 0, warning: 1, info: 2 } as const;

/**
 * The reviewer's order: errors first, then warnings, then infos; within each, in the workbook's
 * sheet order (the order of `sheets`, else first seen), then by row and column. A finding marked
 * 已核实 sorts after the open ones of its severity.
 */
export function reviewOrder(findings: Finding[], sheets?: string[]): Finding[] {
  const order = new Map<string, number>();
  for (const s of sheets ?? []) if (!order.has(s)) order.set(s, order.size);
  for (const f of findings) if (!order.has(f.sheet)) order.set(f.sheet, order.size);
  const pos = (f: Finding) => {
    try {
      return parseCellAddress(f.cell);
    } catch {
      return { row: 0, col: 0 };
    }
  };
  return [...findings].sort((a, b) => {
    const pa = pos(a);
    const pb = pos(b);
    return (
      RANK[a.severity] - RANK[b.severity] ||
      Number(!!a.review) - Number(!!b.review) ||
      order.get(a.sheet)! - order.get(b.sheet)! ||
      pa.row - pb.row ||
      pa.col - pb.col
    );
  });
}

export function reportLines(findings: Finding[], lang: Language = 'zh-CN', sheets?: string[]): { headers: string[]; lines: ReportLine[] } {
  const lines = reviewOrder(findings, sheets).map((f, i) => ({
    sheet: f.sheet,
    cell: f.cell,
    severity: f.severity,
    cells: [
      String(i + 1),
      f.review ? SEVERITY_NAMES[lang].verified : SEVERITY_NAMES[lang][f.severity],
      ruleName(f.rule, lang),
      f.sheet,
      f.cell,
      renderSentence(f.message, lang),
      shownValue(f, f.actual, lang),
      f.expected === null ? '' : shownValue(f, f.expected, lang),
      f.difference && f.subject === 'amount' ? shownValue(f, f.difference, lang) : '',
      f.review ? `${SEVERITY_NAMES[lang].verified}：${f.review.reason}` : '',
      f.review?.reviewer ?? '',
      '',
    ],
  }));
  return { headers: REPORT_HEADERS[lang], lines };
}

export function summaryLine(tables: Pick<DetectedTable, 'kind'>[], summary: FindingSummary, lang: Language = 'zh-CN'): string {
  const found = tables.filter((t) => t.kind !== 'unknown' && t.kind !== 'narrative').length;
  const verified = summary.verified ? (lang === 'zh-CN' ? `，已核实 ${summary.verified} 条` : `, ${summary.verified} verified`) : '';
  return lang === 'zh-CN'
    ? `识别表格 ${found} 张；错误 ${summary.errors} 条，警告 ${summary.warnings} 条，提示 ${summary.infos} 条${verified}`
    : `${counted(found, 'table')} found; ${counted(summary.errors, 'error')}, ${counted(summary.warnings, 'warning')}, ${counted(summary.infos, 'info')}${verified}`;
}

/** An English count with its noun (1 warning, 2 warnings). */
export function counted(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** No table of a budget kind was found (a phone list, an empty workbook): nothing was checked as a disclosure. */
export function noBudgetTables(tables: Pick<DetectedTable, 'kind'>[]): boolean {
  return tables.every((t) => t.kind === 'unknown' || t.kind === 'narrative');
}

export function kindName(kind: DetectedTable['kind'], lang: Language = 'zh-CN'): string {
  return TABLE_KIND_NAMES[kind][lang];
}
