import type { AuditResult } from '../core/engine';
import type { Finding } from '../core/finding';
import { renderCheck, renderSentence } from '../core/messages/render';
import { ruleName } from '../core/messages/ruleNames';
import { kindName, noBudgetTables, readingLine, reviewOrder, SEVERITY_NAMES, summaryLine, tableRecord, type Language } from '../core/report';
import { LAYOUT_DOUBT_ID } from '../core/rules/toolkit/layoutDoubt';
import { isOff, SEVERITY_LABELS, severityOf } from '../core/settings';
import type { DetectedTable } from '../core/table';
import type { JobSettings } from './jobSettings';

/** Terminal output for people: a table list, findings grouped by table, one line each. */
export function formatTableList(tables: DetectedTable[], lang: Language): string {
  if (tables.length === 0) return lang === 'zh-CN' ? '未识别到任何表格。' : 'No table found.';
  const head = lang === 'zh-CN' ? ['工作表', '类型', '标题', '区域', '表头行', '数据行', '单位'] : ['Sheet', 'Kind', 'Title', 'Range', 'Header', 'Body', 'Unit'];
  const out = [head.join('  |  ')];
  for (const t of tables) {
    const r = tableRecord(t);
    out.push([r.sheet, `${kindName(t.kind, lang)} (${t.kind})`, r.title ?? '', r.range, r.headerRows ?? '-', r.bodyRows, r.unit ?? '-'].join('  |  '));
    if (t.kind !== 'narrative') out.push(`    ${readingLine(t, lang)}`);
  }
  return out.join('\n');
}

/** The widest line of human output, in terminal columns (a Chinese character takes two). */
export const MAX_COLUMNS = 160;

/** Terminal width of a string: wide (CJK, full-width) characters count two columns. */
export function columns(s: string): number {
  let n = 0;
  for (const ch of s) n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return n;
}

/**
 * A line of at most `max` columns: a longer one is wrapped, never cut — the end of a sentence is
 * where it says what the figure should be. Continuation lines are indented under the text after
 * the line's own lead (`  [错误] E4    `), and break after a space or at a wide character where
 * one is near, so an amount or a code is not split across lines.
 */
export function fit(s: string, max = MAX_COLUMNS): string {
  if (columns(s) <= max) return s;
  const indent = ' '.repeat(Math.min(leadWidth(s), Math.floor(max / 3)));
  const lines: string[] = [];
  let rest = [...s];
  let first = true;
  while (rest.length > 0) {
    const room = max - (first ? 0 : indent.length);
    let n = 0;
    let end = 0;
    while (end < rest.length && n + columns(rest[end]) <= room) n += columns(rest[end++]);
    if (end < rest.length) {
      // Back up to a break after a space or a wide character, if one is in the last third.
      for (let k = end; k > Math.floor((end * 2) / 3); k--) {
        // Never open a line with closing punctuation (，。：）…).
        if (NO_LINE_START.test(rest[k]) || NO_LINE_END.test(rest[k - 1])) continue;
        if (rest[k - 1] === ' ' || columns(rest[k - 1]) === 2 || columns(rest[k]) === 2) {
          end = k;
          break;
        }
      }
    }
    const piece = rest.slice(0, Math.max(end, 1)).join('').trimEnd();
    lines.push(first ? piece : `${indent}${piece}`);
    rest = rest.slice(Math.max(end, 1));
    while (rest[0] === ' ') rest = rest.slice(1);
    first = false;
  }
  return lines.join('\n');
}

const NO_LINE_START = /^[，。；：、！？）」』》〉】,.;:!?)\]]$/;
/** Nor end one with opening punctuation (…不符。（ then 列合计）). */
const NO_LINE_END = /^[（「『《〈【([]$/;

/** The width of a line's lead: its indentation, and a `[级别] CELL  ` or `· ` marker after it. */
function leadWidth(s: string): number {
  const m = /^(\s*(?:\[[^\]]*\]\s+\S+\s+|·\s+)?)/.exec(s);
  return columns(m ? m[1] : '');
}

const isRoundingTail = (f: Finding): boolean => f.severity === 'info' && f.message.key === 'sum.tail';

function findingLine(f: Finding, lang: Language): string {
  const sev = f.review ? SEVERITY_NAMES[lang].verified : SEVERITY_NAMES[lang][f.severity];
  // Who looked at it and why goes first: the sentence may be cut at the line's end, the review must not.
  const review = f.review ? (lang === 'zh-CN' ? `${f.review.reviewer}：${f.review.reason} — ` : `${f.review.reviewer}: ${f.review.reason} — `) : '';
  return fit(`  [${sev}] ${f.cell.padEnd(5)} ${review}${renderSentence(f.message, lang, { bare: true })}${lang === 'zh-CN' ? `（${ruleName(f.rule, lang)}）` : ` (${ruleName(f.rule, lang)})`}`);
}

/**
 * What a workbook was checked with, above its report: the settings file and what it changes (rules
 * off, severities, strict, year, unit), the review file and how many entries it holds. Nothing
 * when neither applies, so a plain run reads as before.
 */
export function settingsLines(job: JobSettings | undefined, lang: Language): string[] {
  if (!job) return [];
  const zh = lang === 'zh-CN';
  const out: string[] = [];
  if (job.settingsFile) {
    const off: string[] = [];
    const changed: string[] = [];
    for (const [id, s] of Object.entries(job.settings.rules ?? {})) {
      if (isOff(s)) off.push(ruleName(id, lang));
      const severity = severityOf(s);
      if (severity) changed.push(`${ruleName(id, lang)}→${zh ? SEVERITY_LABELS[severity] : severity}`);
    }
    const what = [
      off.length ? (zh ? `关闭 ${off.join('、')}` : `off: ${off.join(', ')}`) : '',
      changed.length ? (zh ? `级别 ${changed.join('、')}` : `severity: ${changed.join(', ')}`) : '',
      job.settings.strict ? (zh ? '严格尾数' : 'strict rounding') : '',
      job.settings.fiscalYear ? (zh ? `年度 ${job.settings.fiscalYear}` : `year ${job.settings.fiscalYear}`) : '',
      job.settings.unit ? (zh ? `未注明单位的表按${job.settings.unit}` : `unit ${job.settings.unit} where a table states none`) : '',
    ].filter(Boolean);
    // A path is never cut (a cut path names nothing); what the settings change is its own line.
    out.push(zh ? `设置：${job.settingsFile}` : `Settings: ${job.settingsFile}`);
    if (what.length) out.push(fit(`  ${what.join(zh ? '；' : '; ')}`));
  }
  if (job.reviewFile) {
    const n = job.config.reviews?.length ?? 0;
    out.push(zh ? `复核记录：${job.reviewFile}（${n} 条）` : `Reviews: ${job.reviewFile} (${n} ${n === 1 ? 'entry' : 'entries'})`);
  }
  return out;
}

export interface CheckOutputOptions {
  /** Also list rounding tails (info). */
  all: boolean;
  /** Under each finding, the checks it explains with their figures and bands. */
  verbose: boolean;
}

export function formatCheck(result: AuditResult, lang: Language, options: CheckOutputOptions): string {
  const out: string[] = [summaryLine(result.tables, result.summary, lang), ''];
  // A workbook with no budget table was not checked as a disclosure: said so, never a quiet ✓.
  const nothingChecked = noBudgetTables(result.tables);
  // (A table of no kind still has its labelled 合计 checked, as warnings: said, so a warning after this line is no surprise.)
  const totalsOnly = nothingChecked && result.findings.some((f) => f.severity !== 'info');
  if (nothingChecked)
    out.splice(
      1,
      0,
      lang === 'zh-CN'
        ? `没有识别到预决算表格，未做预决算核对${totalsOnly ? '；以下仅为普通表格合计的提示' : ''}。`
        : `No budget tables recognised; nothing was checked as a disclosure${totalsOnly ? ' (below: only the totals of ordinary tables)' : ''}.`,
    );
  // Rounding tails within the band are listed on demand; a doubt said quietly (a layout not read with confidence, a
  // table continued) is said without asking.
  const shown = reviewOrder(
    result.findings.filter((f) => options.all || !isRoundingTail(f)),
    result.tables.map((t) => t.sheet),
  );
  // The tables read too doubtfully to check (their note may be among the findings not shown).
  const doubted = new Set(result.findings.filter((f) => f.rule === LAYOUT_DOUBT_ID && f.table).map((f) => f.table));
  const byTable = new Map<string, Finding[]>();
  for (const f of shown) {
    const key = f.table ?? f.sheet;
    if (!byTable.has(key)) byTable.set(key, []);
    byTable.get(key)!.push(f);
  }
  const write = (heading: string, list: Finding[]) => {
    out.push(fit(heading));
    for (const f of list) {
      out.push(findingLine(f, lang));
      if (options.verbose) for (const c of f.explains) out.push(fit(`        · ${renderCheck(c, lang, f.decimals ?? 2)}`));
    }
  };
  for (const t of result.tables) {
    const list = byTable.get(t.id) ?? [];
    byTable.delete(t.id);
    // ✓ only where the table was checked: one of no budget kind, or read too doubtfully to check, gets none.
    const doubtful = doubted.has(t.id);
    // (A 情况说明 with no table beside it was held to nothing.)
    const unchecked = t.kind === 'unknown' || (t.kind === 'narrative' && nothingChecked);
    // (A kind only guessed, another table holding it too: the reader is told what it seemed, and what was not done.)
    const guessed = t.kind === 'unknown' && t.kindGuess ? (lang === 'zh-CN' ? `（疑为${kindName(t.kindGuess, lang)}，无从与同表头的表区分，未与其他表核对）` : `(perhaps ${kindName(t.kindGuess, lang)}, not told apart from a table with the same header; not compared with other tables)`) : '';
    const mark = doubtful ? (lang === 'zh-CN' ? '版式存疑，未核对' : 'layout doubtful, not checked') : guessed || (list.length > 0 || unchecked ? '' : lang === 'zh-CN' ? '✓ 无问题' : '✓ no issue');
    write(`■ ${t.sheet} — ${kindName(t.kind, lang)} ${mark}`.trimEnd(), list);
  }
  for (const [key, list] of byTable) write(`■ ${key}`, list);
  const hidden = result.findings.length - shown.length;
  if (hidden > 0) {
    out.push('');
    out.push(lang === 'zh-CN' ? `另有 ${hidden} 条尾数误差提示（在容差以内），加 --all 显示。` : `${hidden} rounding tails within tolerance not shown (--all shows them).`);
  }
  return out.join('\n');
}
