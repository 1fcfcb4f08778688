import type { DetectedTable, TableColumn } from '../../table';
import { changeColumns, leaf, printsPreviousLessCurrent } from './changeColumnsOf';
import { isTotalHeader } from './headerTree';
import { amountColumns, cleanLabel } from './tableAccess';
import { columnYear, labelYear } from './yearColumns';

/**
 * The column printing the year before's figure of the same measure as a column of this year's, in
 * the same table (收支总表 本年预算数 | 上年预算数; 一般公共预算支出表 2025年预算数 | 2024年预算数 | 增减额;
 * “三公”表 本年 | 上年 | 增减), found only where the pairing is beyond doubt — else none, and the
 * narrative's changes are not judged against it:
 *
 * - the three columns of a change table (changeColumnsOf.ts), the column being their 本年;
 * - else one column of the year before beside it (same side, block and group) and the column the
 *   only one of this year there by its own words, or its year heading's 合计 over a year before of one
 *   column, or the column of the same words under each year's heading (基本支出 under both).
 *
 * A column whose year its words do not name (合计 | 上年预算数 with no 本年 heading) is not paired: a
 * table may print a year before of another measure beside an undated total.
 */
export interface PreviousYear {
  /** This year's column (the one asked about) and the year before's. */
  current: TableColumn;
  previous: TableColumn;
  /** The change column printed beside them (增减额), where the table prints one as 本年 − 上年. */
  change?: TableColumn;
}

export function previousYearColumn(table: DetectedTable, col: number): PreviousYear | undefined {
  const cols = amountColumns(table);
  const current = cols.find((c) => c.col === col);
  if (!current) return undefined;
  const three = changeColumns(table);
  if (three) {
    if (three.current.col !== col) return undefined;
    // A table printing 上年 − 本年 as its change still prints both years; its change column is not ours.
    return { current, previous: three.previous, ...(printsPreviousLessCurrent(table, three) ? {} : { change: three.change }) };
  }
  if (columnYear(table, current) !== 'current') return undefined;
  const key = (c: TableColumn) => `${c.side ?? ''}|${c.block ?? ''}|${c.group ?? ''}`;
  const near = cols.filter((c) => key(c) === key(current));
  const previous = near.filter((c) => columnYear(table, c) === 'previous');
  const currents = near.filter((c) => columnYear(table, c) === 'current');
  if (previous.length === 0) return undefined;
  if (previous.length === 1 && currents.length === 1) return { current, previous: previous[0] };
  // Years heading groups: 2025年预算数 > 合计 | 基本支出 | 项目支出 beside 2024年预算数 (one column).
  if (previous.length === 1 && previous[0].headerPath.length === 1 && current.headerPath.length > 1 && isTotalHeader(leaf(current)) && currents.filter((c) => isTotalHeader(leaf(c))).length === 1) {
    return { current, previous: previous[0] };
  }
  // The same words under each year's heading: 基本支出 under 2025年 and under 2024年.
  const below = (c: TableColumn) => {
    const at = c.headerPath.findIndex((l) => labelYear(l, table.year) !== undefined);
    return at < 0 ? undefined : c.headerPath.slice(at + 1).map(cleanLabel).join('>');
  };
  const words = below(current);
  if (!words) return undefined;
  const same = previous.filter((c) => below(c) === words);
  return same.length === 1 && currents.filter((c) => below(c) === words).length === 1 ? { current, previous: same[0] } : undefined;
}

