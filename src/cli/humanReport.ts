import { displayAmount } from '../core/amount';
import type { AuditResult } from '../core/engine';
import type { Finding } from '../core/finding';
import { kindName, SEVERITY_NAMES, summaryLine, tableRecord, type Language } from '../core/report';
import type { DetectedTable } from '../core/table';
import Decimal from 'decimal.js';

/** Terminal output for people: a table list, findings grouped by table. */
export function formatTableList(tables: DetectedTable[], lang: Language): string {
  if (tables.length === 0) return lang === 'zh-CN' ? '未识别到任何表格。' : 'No table found.';
  const head = lang === 'zh-CN' ? ['工作表', '类型', '标题', '区域', '表头行', '数据行', '单位'] : ['Sheet', 'Kind', 'Title', 'Range', 'Header', 'Body', 'Unit'];
  const rows = tables.map((t) => {
    const r = tableRecord(t);
    return [r.sheet, `${kindName(t.kind, lang)} (${t.kind})`, r.title ?? '', r.range, r.headerRows ?? '-', r.bodyRows, r.unit ?? '-'];
  });
  return [head, ...rows].map((cols) => cols.join('  |  ')).join('\n');
}

function amount(s: string | null, lang: Language): string {
  if (s === null) return lang === 'zh-CN' ? '（空）' : '(empty)';
  try {
    return displayAmount(new Decimal(s), new Decimal(s).decimalPlaces());
  } catch {
    return s;
  }
}

function findingLine(f: Finding, lang: Language): string {
  const sev = SEVERITY_NAMES[lang][f.severity];
  const where = `${f.sheet}!${f.cell}`;
  const nums = f.expected !== null ? `  [${amount(f.actual, lang)} → ${amount(f.expected, lang)}]` : '';
  return `  [${sev}] ${where} ${f.message[lang]}${nums}  (${f.rule})`;
}

export function formatCheck(result: AuditResult, lang: Language, showInfo: boolean): string {
  const out: string[] = [summaryLine(result.tables, result.summary, lang), ''];
  const shown = result.findings.filter((f) => showInfo || f.severity !== 'info');
  const byTable = new Map<string, Finding[]>();
  for (const f of shown) {
    const key = f.table ?? f.sheet;
    if (!byTable.has(key)) byTable.set(key, []);
    byTable.get(key)!.push(f);
  }
  for (const t of result.tables) {
    const list = byTable.get(t.id) ?? [];
    byTable.delete(t.id);
    const mark = list.length === 0 ? (lang === 'zh-CN' ? '✓ 无问题' : '✓ no issue') : '';
    out.push(`■ ${t.sheet} — ${kindName(t.kind, lang)}${t.title ? `「${t.title}」` : ''} ${mark}`);
    for (const f of list) out.push(findingLine(f, lang));
  }
  for (const [key, list] of byTable) {
    out.push(`■ ${key}`);
    for (const f of list) out.push(findingLine(f, lang));
  }
  const hidden = result.findings.length - shown.length;
  if (hidden > 0) {
    out.push('');
    out.push(lang === 'zh-CN' ? `另有 ${hidden} 条尾数误差提示（在容差以内），加 --all 显示。` : `${hidden} rounding tails within tolerance not shown (--all shows them).`);
  }
  return out.join('\n');
}
