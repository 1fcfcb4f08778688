import Decimal from 'decimal.js';
import { displayAmount, formatDecimals } from './amount';

/**
 * What Excel would display for a number under the common formats of budget tables
 * (#,##0.00, 0.00, 0, General, percentages). ExcelJS gives no displayed text, Office.js
 * does; this keeps the Snapshot's `text` meaning the same from both adapters.
 */
export function displayNumber(value: number, numberFormat: string): string {
  const fmt = numberFormat || 'General';
  const section = fmt.split(';')[0];
  const decimals = formatDecimals(fmt);
  const d = new Decimal(String(value));
  if (/%/.test(section.replace(/"[^"]*"/g, ''))) {
    return `${d.times(100).toFixed(decimals ?? 0)}%`;
  }
  if (decimals === null) return String(value);
  const grouped = /#,##0|0,0/.test(section);
  const fixed = d.toFixed(decimals);
  if (grouped) return displayAmount(new Decimal(fixed), decimals);
  return fixed;
}
