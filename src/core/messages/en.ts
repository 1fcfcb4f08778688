import type { Template } from './catalogue';
import type { ZH_CN } from './zh-CN';

/** Every sentence of the findings in English; the same keys as zh-CN.ts (the compiler checks it). */
const gap = (s: Record<string, string>, a: Record<string, { t: string; v?: unknown }>): string =>
  s.diff ? ` (${s.diff} ${a.over && a.over.v === 1 ? 'over' : 'short'})` : '';
const figure = (s: Record<string, string>): string => (s.actual !== undefined ? `${s.name} ${s.actual}` : `${s.name} (empty)`);

export const EN: Record<keyof typeof ZH_CN, Template> = {
  'sum.culprit': (s, a) => `${s.table} ${s.cell} ${figure(s)} should be ${s.expected}${gap(s, a)}: it disagrees with ${s.against}.`,
  'sum.total': (s) => `${s.table} ${s.cell} ${figure(s)} is not ${s.parts} ${s.sum} (difference ${s.diff}).`,
  'sum.cross': (s) => `${s.table} ${s.cell} ${figure(s)} disagrees with ${s.other} ${s.sum} (difference ${s.diff}).`,
  'sum.at-most': (s) => `${s.table} ${s.cell} ${figure(s)} exceeds ${s.other} ${s.sum} (by ${s.diff}).`,
  'sum.carryover': (s) => `${s.table} ${s.cell} ${figure(s)} differs from ${s.other} by ${s.diff}, exactly ${s.carry}: carry-over shown differently; please verify.`,
  'sum.tail': (s) => `${s.table} ${s.cell} ${figure(s)} differs from ${s.sum} by ${s.diff}, within the rounding band ±${s.tolerance}.`,
  'sum.suspect': (s, a) => `${s.table} ${s.cell} ${figure(s)} looks like ${s.expected}${gap(s, a)}: it breaks the pattern of every other row.`,
  'class.missing': (s) => `${s.table} 类 ${s.code} adds to ${s.sum}, but ${s.other} has no line for 类 ${s.code}.`,
  'class.code': (s) => `${s.table} ${s.cell} class ${s.actual} looks like ${s.expected}: row ${s.row} (${s.amount}) moves that much between the two classes.`,
  'class.label': (s) => `${s.table} ${s.cell} "${s.actual}" looks like "${s.expected}": its amount ${s.amount} is exactly 类 ${s.code}.`,
  'amount.unreadable': (s) => `${s.table} ${s.cell} amount cannot be read: "${s.actual}"; left out of the checks.`,
  'amount.error-value': (s) => `${s.table} ${s.cell} holds the formula error ${s.actual}; left out of the checks.`,
  'code.parent-missing': (s) => `${s.table} ${s.cell} code ${s.actual}: its parent ${s.parent} is not in the table; the code may be wrong.`,
  'code.misplaced': (s) => `${s.table} ${s.cell} code ${s.actual} is listed under class ${s.under} while class ${s.own} is elsewhere; the code may be wrong.`,
  'code.parent-typo': (s) => `${s.table} ${s.cell} code ${s.actual} looks like ${s.expected}: every row under it starts with ${s.expected}.`,
  'code.name-differs': (s) => `${s.table} ${s.cell} code ${s.code} is named "${s.actual}"; ${s.other} names it "${s.expected}".`,
  'code.by-name': (s) => `${s.table} ${s.cell} "${s.name}" is coded ${s.actual}; ${s.other} codes it ${s.expected}.`,
  'code.pairing': (s) => `${s.table} ${s.cell} economic code ${s.actual} sits beside government code ${s.gov}; it looks like ${s.expected}.`,
  'layout.doubtful': (s) => `${s.table}: the layout was not read with confidence (${s.failing} of ${s.checks} checks disagree); not reported as errors, please check by hand.`,
  'narr.amount': (s) => `${s.table} ${s.cell} "${s.quote}" disagrees with ${s.other} ${s.expected} (万元).`,
  'narr.rate': (s) => `${s.table} ${s.cell} "${s.quote}" should be about ${s.expected}: ${s.change} ÷ last year's ${s.base}.`,
  'narr.direction': (s) => `${s.table} ${s.cell} "${s.quote}" points the other way from the change it describes (${s.expected}).`,
  'narr.share': (s) => `${s.table} ${s.cell} "${s.quote}" should be about ${s.expected}: ${s.part} ÷ ${s.whole}.`,
  'narr.shares-total': (s) => `${s.table} ${s.cell} the listed shares add to ${s.actual}, not 100%.`,
  'narr.completion': (s) => `${s.table} ${s.cell} "${s.quote}" should be about ${s.expected}: ${s.part} ÷ the budget ${s.whole}.`,
  'narr.internal': (s) => `${s.table} ${s.cell} "${s.quote}", but the items listed add to ${s.expected} (difference ${s.diff}).`,
  'narr.internal-item': (s) => `${s.table} ${s.cell} "${s.quote}" looks like ${s.expected}: the changes do not add up to ${s.other}, and its rate disagrees too.`,
  'narr.change-sum': (s) => `${s.table} ${s.cell} "${s.quote}", but the changes of its items add to ${s.expected} (difference ${s.diff}).`,
  'text.name': (s) => `${s.table} ${s.cell} "${s.actual}" is not the tables' name "${s.expected}".`,
  'text.level': (s) => `${s.table} ${s.cell} "${s.actual}" names the wrong level: ${s.code} is a ${s.level} in the tables; "${s.expected}".`,
  'text.placeholder': (s) => `${s.table} ${s.cell} "${s.quote}" is template text left in; write what applies.`,
  'text.year': (s) => `${s.table} ${s.cell} "${s.quote}" names the wrong year: this is the ${s.year} ${s.kind}.`,
  'text.department': (s) => `${s.table} ${s.cell} "${s.quote}" is not the department of the tables, "${s.expected}".`,
  'table.missing': (s) => `${s.table}: no ${s.kind} found; a ${s.document} publishes it.`,
  'table.note': (s) => `${s.table} ${s.cell} the empty table's note says "${s.actual}", but this is the ${s.kind}.`,
  'doc.budget': () => 'department budget',
  'doc.final-accounts': () => 'final accounts',
  'rel.sum': (s) => `${s.stated} = ${s.parts}`,
  'rel.at-most': (s) => `${s.stated} ≤ ${s.parts}`,
  'rel.sum-long': (s) => `${s.stated} = sum of ${s.first} … ${s.last} (${s.count} figures)`,
  'detail.check': (s) =>
    `${s.relation}: ${s.stated} against ${s.sum}, difference ${s.diff}, band ±${s.tolerance} (intervals ${s.si} and ${s.pi} ${s.meet})`,
  'detail.meet': () => 'meet',
  'detail.apart': () => 'do not meet',
  'detail.empty': () => '(empty)',
  'detail.parts': () => 'the sum of its parts',
  'detail.and': () => 'and',
  'detail.sum-of': (s) => `the sum of ${s.items}`,
  'detail.rows-of-class': (s) => `${s.table} rows of 类 ${s.code}`,
};
