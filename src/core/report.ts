import { rangeAddress, rowSpan } from './address';
import type { Finding, FindingSummary } from './finding';
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

export type Language = 'zh-CN' | 'en';

export const REPORT_SHEET_NAME = '校验报告';

const REPORT_HEADERS: Record<Language, string[]> = {
  'zh-CN': ['序号', '严重程度', '规则', '工作表', '单元格', '实际值', '应为', '差额', '容差', '说明'],
  en: ['No.', 'Severity', 'Rule', 'Sheet', 'Cell', 'Actual', 'Expected', 'Difference', 'Tolerance', 'Message'],
};

export const SEVERITY_NAMES: Record<Language, Record<Finding['severity'], string>> = {
  'zh-CN': { error: '错误', warning: '警告', info: '提示' },
  en: { error: 'error', warning: 'warning', info: 'info' },
};

/** One line a finding; the sheet/cell pair is what report writers turn into a hyperlink. */
export interface ReportLine {
  cells: string[];
  sheet: string;
  cell: string;
  severity: Finding['severity'];
}

export function reportLines(findings: Finding[], lang: Language = 'zh-CN'): { headers: string[]; lines: ReportLine[] } {
  const lines = findings.map((f, i) => ({
    sheet: f.sheet,
    cell: f.cell,
    severity: f.severity,
    cells: [
      String(i + 1),
      SEVERITY_NAMES[lang][f.severity],
      f.rule,
      f.sheet,
      f.cell,
      f.actual ?? (lang === 'zh-CN' ? '（空）' : '(empty)'),
      f.expected ?? '',
      f.difference ?? '',
      f.tolerance,
      f.message[lang],
    ],
  }));
  return { headers: REPORT_HEADERS[lang], lines };
}

/**
 * A culprit finding's message is one sentence naming the cell, then each check it explains,
 * numbered ［1］… (zh-CN) or [1] … (en). Panes show the sentence and fold the checks away.
 */
export function splitMessage(text: string): { head: string; details: string[] } {
  const parts = text.split(/\s*(?:［\d+］|\[\d+\] )/);
  return { head: parts[0].trim(), details: parts.slice(1).map((p) => p.trim()).filter(Boolean) };
}

export function summaryLine(tables: DetectedTable[], summary: FindingSummary, lang: Language = 'zh-CN'): string {
  const found = tables.filter((t) => t.kind !== 'unknown' && t.kind !== 'narrative').length;
  return lang === 'zh-CN'
    ? `识别表格 ${found} 张；错误 ${summary.errors} 条，警告 ${summary.warnings} 条，提示 ${summary.infos} 条`
    : `${found} tables found; ${summary.errors} errors, ${summary.warnings} warnings, ${summary.infos} infos`;
}

export function kindName(kind: DetectedTable['kind'], lang: Language = 'zh-CN'): string {
  return TABLE_KIND_NAMES[kind][lang];
}
