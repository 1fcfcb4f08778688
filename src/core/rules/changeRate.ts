import Decimal from 'decimal.js';
import { cellAddress } from '../address';
import { toHalfWidth } from '../amount';
import type { Finding, Severity } from '../finding';
import { amountArg, cellArg, message, nameArg, percentArg, tableArg } from '../messages/message';
import { growthInterval, interval, judge, rateInterval, type Printed, type Verdict } from '../narrative/judge';
import type { DetectedTable, TableColumn } from '../table';
import { changeColumnSets, changeRows, leaf, printsPreviousLessCurrent, type ChangeColumns } from './toolkit/changeColumnsOf';
import { cellFinding } from './toolkit/cellFinding';
import type { RuleSpec } from './toolkit/ruleSpec';
import { figureAt, hasFigures, tableShort, type Figure } from './toolkit/tableAccess';
import { gather } from './toolkit/gather';

/**
 * A table printing this year, the year before, the change and its rate (2025年预算数 | 2024年预算数 |
 * 增减额 | 增减率): on every row 增减率 = (本年 − 上年) ÷ 上年, judged by interval arithmetic like the
 * narrative's rates (a rate printed with d decimals stands for ± half its last digit; the amounts
 * for theirs). A rate that agrees with two of the three printed amounts (增减额 ÷ 上年, 增减额 ÷
 * (本年 − 增减额)) is not called wrong either: a slip in the third is its own finding (column-change,
 * the table's sums), never also its rate's. Off only in
 * the last digit is a warning. Only where the three amount columns are beyond doubt, the change
 * printed as 本年 − 上年 (a table printing 上年 − 本年 may print its rates either way round)
 * (toolkit/changeColumnsOf.ts) and the rate column stands beside the change, under the same heading;
 * a row whose 上年 is nought or less (a new item) has no rate to check.
 */
const RATE = /^(?:比上年|较上年)?(?:增减|增长|变动|增幅|降幅|增减变动)(?:率|幅度|比例|百分比)?(?:\(%\))?$|^(?:增减|增长|变动)?%$|^(?:\(%\)|%)$/;

const SEVERITY: Record<Exclude<Verdict, 'consistent'>, Severity> = { 'last-digit': 'warning', off: 'error' };

export function rateColumn(table: DetectedTable, found: ChangeColumns): { column: TableColumn; percentInHeader: boolean } | undefined {
  const parent = (c: TableColumn) => `${c.side ?? ''}|${c.block ?? ''}|${c.group ?? ''}|${c.headerPath.slice(0, -1).join('>')}`;
  const rates = table.columns.filter((c) => c.role !== 'amount' && RATE.test(toHalfWidth(leaf(c))) && parent(c) === parent(found.change));
  if (rates.length !== 1) return undefined;
  return { column: rates[0], percentInHeader: /%/.test(toHalfWidth(leaf(rates[0]))) };
}

/** A printed rate in percentage points: “-1.63%”, or “-1.63” under a header saying %. */
export function printedRate(text: string, percentInHeader: boolean): Printed | undefined {
  const t = toHalfWidth(text).replace(/\s/g, '');
  const m = /^([+-]?)(\d+)(?:\.(\d+))?(%?)$/.exec(t);
  if (!m || (!m[4] && !percentInHeader)) return undefined;
  return { value: new Decimal(`${m[1]}${m[2]}.${m[3] ?? '0'}`), decimals: (m[3] ?? '').length };
}

const printed = (f: Figure): Printed => ({ value: f.value, decimals: f.grain });

/** change ÷ previous in percentage points, as an interval (previous > 0). */
function quotientInterval(change: Printed, previous: Printed): [Decimal, Decimal] | undefined {
  const [pl, ph] = interval(previous);
  if (pl.lte(0)) return undefined;
  const [dl, dh] = interval(change);
  const corners = [dl.div(pl), dl.div(ph), dh.div(pl), dh.div(ph)].map((x) => x.times(100));
  return [Decimal.min(...corners), Decimal.max(...corners)];
}

function agreesWithChange(stated: Printed, now: Printed, before: Printed, change: Printed): boolean {
  const onBefore = quotientInterval(change, before);
  if (onBefore && judge(stated, ...onBefore) === 'consistent') return true;
  const down = change.value.isNegative();
  const onNow = rateInterval(now, { value: change.value.abs(), decimals: change.decimals }, down ? 'down' : 'up');
  if (!onNow) return false;
  return judge(stated, ...((down ? [onNow[1].negated(), onNow[0].negated()] : onNow) as [Decimal, Decimal])) === 'consistent';
}

export function changeRateFindings(table: DetectedTable): Finding[] {
  // Only rows with figures in the three columns are read: a table with none has no rate to check.
  if (table.kind === 'narrative' || table.kind === 'unknown' || !hasFigures(table)) return [];
  return gather(changeColumnSets(table), (found) => rateFindings(table, found));
}

function rateFindings(table: DetectedTable, found: ChangeColumns): Finding[] {
  const rate = rateColumn(table, found);
  if (!rate) return [];
  // A table printing 上年 − 本年 may print its rates either way round: not guessed at.
  if (printsPreviousLessCurrent(table, found)) return [];
  const out: Finding[] = [];
  for (const row of changeRows(table, found)) {
    const cell = row.cells[rate.column.col];
    const stated = cell ? printedRate(cell.text, rate.percentInHeader) : undefined;
    if (!stated) continue;
    const [now, before, change] = [found.current, found.previous, found.change].map((c) => figureAt(table, row.row, c.col));
    if ([now, before, change].some((f) => f.unreadable) || !before.shown) continue;
    const growth = growthInterval(printed(now), printed(before));
    if (!growth) continue;
    const verdict = judge(stated, ...growth);
    if (verdict === 'consistent') continue;
    // Right on two of the three printed amounts (增减额 ÷ 上年, or 增减额 ÷ (本年 − 增减额)): the slip is
    // in the third, told by the table's own checks (column-change, its sums), never also at the rate.
    if (change.shown && agreesWithChange(stated, printed(now), printed(before), printed(change))) continue;
    const exact = now.value.minus(before.value).div(before.value).times(100);
    const d = Math.max(stated.decimals, 2);
    const address = cellAddress(row.row, rate.column.col);
    const decimals = Math.max(now.decimals, before.decimals);
    // A table of two sides names the row by the line of the rate's own side.
    const side = found.change.side;
    const line = side && row.lines?.[side] ? row.lines[side]!.label : row.label;
    const name = `${line} ${leaf(rate.column)}`.trim();
    out.push(
      cellFinding({
        rule: 'column-change-rate',
        severity: SEVERITY[verdict],
        table,
        cell: address,
        name,
        subject: 'percent',
        actual: stated.value.toFixed(stated.decimals),
        expected: exact.toFixed(d),
        message: message('rate.change', {
          table: tableArg(tableShort(table)),
          cell: cellArg(address),
          name: nameArg(name),
          actual: percentArg(stated.value.toFixed(stated.decimals), stated.decimals),
          expected: percentArg(exact.toFixed(d), d),
          current: amountArg(now.value.toFixed(decimals), decimals),
          previous: amountArg(before.value.toFixed(decimals), decimals),
        }),
      }),
    );
  }
  return out;
}

export const columnChangeRate: RuleSpec = {
  id: 'column-change-rate',
  emits: { 'column-change-rate': 'error' },
  collect: ({ tables }) => ({ findings: gather(tables, changeRateFindings) }),
};
