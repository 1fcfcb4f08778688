import Decimal from 'decimal.js';
import { parseCellAddress, rangeAddress, rowSpan } from './address';
import { displayAmount } from './amount';
import type { Finding, FindingSummary } from './finding';
import type { Language } from './messages/catalogue';
import { renderSentence } from './messages/render';
import { ruleName } from './messages/ruleNames';
import type { DetectedTable } from './table';
import { TABLE_KIND_NAMES } from './tableKind';

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
  };
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
    : `${found} tables found; ${summary.errors} errors, ${summary.warnings} warnings, ${summary.infos} infos${verified}`;
}

export function kindName(kind: DetectedTable['kind'], lang: Language = 'zh-CN'): string {
  return TABLE_KIND_NAMES[kind][lang];
}
