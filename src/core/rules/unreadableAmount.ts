import { cellAddress } from '../address';
import type { Finding } from '../finding';
import type { RuleSpec } from './toolkit/ruleSpec';
import { tableShort } from './toolkit/tableAccess';
import { cellFinding } from './toolkit/cellFinding';
import { cellArg, message, quoteArg, tableArg } from '../messages/message';

/** Something unreadable where an amount belongs (`12,3a4`, `#REF!`): reported, never guessed. */
export const unreadableAmount: RuleSpec = {
  id: 'unreadable-amount',
  emits: { 'unreadable-amount': 'error' },
  collect: ({ tables }) => {
    const findings: Finding[] = [];
    for (const t of tables) {
      for (const u of t.unreadable ?? []) {
        const cell = cellAddress(u.row, u.col);
        findings.push(
          cellFinding({
            rule: 'unreadable-amount',
            severity: 'error',
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
    return { findings };
  },
};
