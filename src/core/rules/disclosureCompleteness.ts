import { kindFromTitle } from '../detect/kindFromTitle';
import { cellAddress } from '../address';
import type { Finding } from '../finding';
import { cellArg, message, messageArg, nameArg, quoteArg, tableArg } from '../messages/message';
import type { DetectedTable } from '../table';
import { TABLE_KIND_NAMES, type TableKind } from '../tableKind';
import { cellFinding } from './toolkit/cellFinding';
import type { RuleSpec } from './toolkit/ruleSpec';
import { tableShort } from './toolkit/tableAccess';

/**
 * A disclosure publishes its whole family of tables, each empty one with its own note. Every
 * province's template has these (others vary: 国有资本经营, 项目支出, 机关运行经费 are separate tables
 * in some, columns or absent in others, so they are not required):
 */
const REQUIRED: Record<'budget' | 'final-accounts', TableKind[]> = {
  budget: ['income-expenditure-summary', 'income', 'expenditure', 'fiscal-appropriation-summary', 'general-budget-expenditure', 'basic-expenditure', 'three-public', 'gov-fund-expenditure'],
  'final-accounts': ['income-expenditure-summary', 'income', 'expenditure', 'fiscal-appropriation-summary', 'general-budget-expenditure', 'basic-expenditure', 'three-public', 'gov-fund-expenditure', 'state-capital-expenditure'],
};

/** What a table of each kind may stand in for (a 财政拨款基本支出表 holds the general budget's basic spending too). */
const STANDS_FOR: Partial<Record<TableKind, TableKind[]>> = {
  'basic-expenditure': ['fiscal-appropriation-basic-expenditure'],
  'general-budget-expenditure': ['fiscal-appropriation-expenditure'],
};

function documentKind(tables: DetectedTable[]): 'budget' | 'final-accounts' | undefined {
  const titles = tables.map((t) => (t.title ?? '').replace(/一般公共预算|政府性基金预算|国有资本经营预算/g, '')).join(' ');
  if (/决算/.test(titles)) return 'final-accounts';
  if (/预算/.test(titles)) return 'budget';
  return undefined;
}

function missingTables(tables: DetectedTable[]): Finding[] {
  const recognised = tables.filter((t) => t.kind !== 'unknown' && t.kind !== 'narrative');
  // Only a disclosure, not a lone table: its narrative, or most of its family of tables.
  if (recognised.length < 6 && !tables.some((t) => t.kind === 'narrative')) return [];
  if (recognised.length < 3) return [];
  const doc = documentKind(recognised);
  if (!doc) return [];
  const have = new Set(recognised.map((t) => t.kind));
  // A table whose title names the kind but whose layout was not read (a 收支总表 laid out as one list, 收入 then
  // 支出) is there: not missing, only unread (its layout note says so). So is one whose kind was a guess another
  // table held too (detect/index.ts).
  for (const t of tables) {
    const named = t.kind === 'unknown' ? (t.kindGuess ?? kindFromTitle(t.title)) : undefined;
    if (named && named !== 'unknown') have.add(named);
  }
  const first = recognised[0];
  const cell = cellAddress(first.range.top, first.range.left);
  return REQUIRED[doc]
    .filter((k) => !have.has(k) && !(STANDS_FOR[k] ?? []).some((x) => have.has(x)))
    .map((k) =>
      cellFinding({
        rule: 'missing-table',
        severity: 'warning',
        table: first,
        cell,
        subject: 'text',
        actual: null,
        expected: TABLE_KIND_NAMES[k]['zh-CN'],
        message: message('table.missing', { table: tableArg(tableShort(first)), kind: nameArg(TABLE_KIND_NAMES[k]['zh-CN']), document: messageArg(doc === 'budget' ? 'doc.budget' : 'doc.final-accounts') }),
      }),
    );
}

/** The funds an empty fund table's note may name: its own. */
const FUND_WORDS: Partial<Record<TableKind, { own: RegExp; other: RegExp }>> = {
  'gov-fund-expenditure': { own: /政府性基金/, other: /国有资本经营|一般公共预算|三公/ },
  'state-capital-expenditure': { own: /国有资本经营/, other: /政府性基金|一般公共预算|三公/ },
};

/** An empty table whose note speaks of another table's money (a note copied from the table before it). */
function copiedNotes(tables: DetectedTable[]): Finding[] {
  const out: Finding[] = [];
  for (const t of tables) {
    const words = FUND_WORDS[t.kind];
    if (!words || !t.declaredEmpty || !t.noteTexts?.length) continue;
    t.noteTexts.forEach((text, i) => {
      if (words.own.test(text) || !words.other.test(text)) return;
      const cell = cellAddress(t.noteRows[i], t.range.left);
      out.push(
        cellFinding({
          rule: 'text-table-note',
          severity: 'warning',
          table: t,
          cell,
          subject: 'text',
          actual: text,
          expected: null,
          message: message('table.note', { table: tableArg(tableShort(t)), cell: cellArg(cell), actual: quoteArg(text.length > 30 ? `${text.slice(0, 29)}…` : text), kind: nameArg(TABLE_KIND_NAMES[t.kind]['zh-CN']) }),
        }),
      );
    });
  }
  return out;
}

export const disclosureCompleteness: RuleSpec = {
  id: 'missing-table',
  emits: { 'missing-table': 'warning', 'text-table-note': 'warning' },
  collect: ({ tables }) => ({ findings: [...missingTables(tables), ...copiedNotes(tables)] }),
};
