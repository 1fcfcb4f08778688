import { cellAddress } from '../address';
import type { Finding } from '../finding';
import type { DetectedTable, UnreadableCell } from '../table';
import { isHeaderWord } from '../detect/labels';
import type { RuleSpec } from './toolkit/ruleSpec';
import { tableShort } from './toolkit/tableAccess';
import { cellFinding } from './toolkit/cellFinding';
import { cellArg, countArg, message, quoteArg, tableArg } from '../messages/message';

/**
 * Does this text look like a number damaged by a stray character or two (`12,3a4`, `1.2.3`), rather
 * than words (分值, 指标, 一百五十, 2024年预算数)? Digits, with fewer other characters than digits
 * besides separators, and at most two of them.
 */
export function looksLikeDamagedNumber(raw: string): boolean {
  const s = raw.normalize('NFKC').replace(/\s/g, '');
  const digits = (s.match(/\d/g) ?? []).length;
  if (digits === 0 || isHeaderWord(s)) return false;
  const stray = s.replace(/[\d,.，。、%+\-−()（）]/g, '').length;
  return stray <= 2 && stray < digits;
}

/**
 * How sure an unreadable cell is an amount gone wrong. In a table of a known kind every cell of an
 * amount column is one (error). In a table we cannot name, the column may not be amounts at all: a
 * second header block read as a body row (一级指标 | 二级指标 | 分值 under 年初预算数 | 全年执行数 in a
 * 绩效自评表), words, notes. There a cell is at most a warning, and only where it looks like a damaged
 * number or is a broken formula (#REF!); words are no amount.
 */
function severityOf(t: DetectedTable, u: UnreadableCell): 'error' | 'warning' | undefined {
  if (t.kind !== 'unknown') return 'error';
  return u.reason === 'error-value' || looksLikeDamagedNumber(u.raw) ? 'warning' : undefined;
}

/**
 * Something unreadable where an amount belongs (`12,3a4`, `#REF!`): reported, never guessed. Formulas the
 * file stores without their results (uncalculated-formula) are no slip of the document: a program wrote
 * the workbook without calculating it. Every figure they hold is left out of the checks, and that is said
 * once for the disclosure, a warning at the first, the others marked with it.
 */
export const unreadableAmount: RuleSpec = {
  id: 'unreadable-amount',
  emits: { 'unreadable-amount': 'error', 'uncalculated-formula': 'warning' },
  collect: ({ tables }) => {
    const findings: Finding[] = [];
    const uncalculated: Array<{ t: DetectedTable; u: UnreadableCell }> = [];
    for (const t of tables) {
      for (const u of t.unreadable ?? []) {
        if (u.reason === 'uncalculated') {
          uncalculated.push({ t, u });
          continue;
        }
        const severity = severityOf(t, u);
        if (!severity) continue;
        const cell = cellAddress(u.row, u.col);
        findings.push(
          cellFinding({
            rule: 'unreadable-amount',
            severity,
            table: t,
            cell,
            subject: 'text',
            actual: u.raw,
            expected: null,
            message: message(u.reason === 'error-value' ? 'amount.error-value' : 'amount.unreadable', {
              table: tableArg(tableShort(t)),
              cell: cellArg(cell),
              actual: quoteArg(u.raw),
            }),
          }),
        );
      }
    }
    if (uncalculated.length > 0) findings.push(uncalculatedFinding(uncalculated));
    return { findings };
  },
};

function uncalculatedFinding(cells: Array<{ t: DetectedTable; u: UnreadableCell }>): Finding {
  const [{ t, u }] = cells;
  const cell = cellAddress(u.row, u.col);
  return cellFinding({
    rule: 'uncalculated-formula',
    severity: 'warning',
    table: t,
    cell,
    subject: 'amount',
    actual: null,
    expected: null,
    also: cells.slice(1).map((x) => ({ sheet: x.t.sheet, cell: cellAddress(x.u.row, x.u.col) })),
    message: message('amount.uncalculated', { table: tableArg(tableShort(t)), cell: cellArg(cell), count: countArg(cells.length) }),
  });
}
