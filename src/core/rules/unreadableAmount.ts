import { cellAddress } from '../address';
import type { Finding } from '../finding';
import type { RuleSpec } from './toolkit/ruleSpec';
import { tableName } from './toolkit/tableAccess';

/** Something unreadable where an amount belongs (`12,3a4`, `#REF!`): reported, never guessed. */
export const unreadableAmount: RuleSpec = {
  id: 'unreadable-amount',
  severity: 'error',
  description: { 'zh-CN': '金额栏中有无法识别的内容', en: 'An amount cell holds something that cannot be read' },
  collect: ({ tables }) => {
    const findings: Finding[] = [];
    for (const t of tables) {
      for (const u of t.unreadable ?? []) {
        const cell = cellAddress(u.row, u.col);
        findings.push({
          rule: 'unreadable-amount',
          severity: 'error',
          sheet: t.sheet,
          cell,
          cells: [{ sheet: t.sheet, cell }],
          parts: [],
          actual: u.raw,
          expected: null,
          tolerance: '0',
          message: {
            'zh-CN': `${tableName(t, 'zh-CN')} ${cell} 金额无法识别：「${u.raw}」${u.reason === 'error-value' ? '（公式错误值）' : ''}，该格不参与核对`,
            en: `${tableName(t, 'en')} ${cell} amount cannot be read: "${u.raw}"${u.reason === 'error-value' ? ' (formula error)' : ''}; left out of the checks`,
          },
          table: t.id,
        });
      }
    }
    return { findings };
  },
};
