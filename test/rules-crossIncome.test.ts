import { all, edited, loud, said, throughout, type Edit } from './support/checklist';
import { smallBudget } from './support/smallBudget';
import { workbook } from './support/sheetBuilder';
import { FA_TABLES, faIncome } from './support/trialWorkbooks';

/**
 * 收支总表 against 收入表 (cross-summary-income): 本年收入合计 = 收入表 本年收入 合计, and 收入总计 =
 * 收入表 总计 (which adds 上年结转结余). Support: 一般公共预算 1000.00, nothing carried over.
 */
const wholeIncomeRow = (v: number): Edit[] => throughout('预算02表', ['C5', 'D5', 'E5', 'C6', 'D6', 'E6'], v);

describe('收支总表 against 收入表 (cross-summary-income)', () => {
  test('收入表 shows 上年结转结余 10.00 (总计 1010.00) that 收支总表 does not: 收入总计 1000.00 should be 1010.00, 本年收入合计 still agrees', () => {
    const carry: Edit[] = [['预算02表', 'H5', 10], ['预算02表', 'H6', 10], ['预算02表', 'C5', 1010], ['预算02表', 'C6', 1010]];
    expect(loud(edited(carry)).map(said)).toEqual([
      ['cross-summary-income', 'error', '预算01表!B10', '1000.00', '1010.00'],
      // The carry-over line itself is another rule's (each source across the summaries).
      ['cross-income-sources', 'error', '预算01表!B9', null, '10.00'],
    ]);
  });

  test('收入表 says 990.00 throughout: its 本年收入 and 总计 are both errors, expected 1000.00 — 收支总表 agrees with 财政拨款收支表 (cross-table-odd)', () => {
    const f = loud(edited(wholeIncomeRow(990))).filter((x) => x.rule === 'cross-summary-income');
    expect(f.map(said)).toEqual([
      ['cross-summary-income', 'error', '预算02表!D5', '990.00', '1000.00'],
      ['cross-summary-income', 'error', '预算02表!C5', '990.00', '1000.00'],
    ]);
  });

  test('收入表 1000.01 throughout is a rounding tail (band 0.010): info, nothing to look at', () => {
    const f = all(edited(wholeIncomeRow(1000.01)));
    expect(f.filter((x) => x.severity !== 'info')).toEqual([]);
    expect(f.filter((x) => x.rule === 'cross-summary-income').map(said)).toEqual([
      ['cross-summary-income', 'info', '预算01表!B8', '1000.00', '1000.01'],
      ['cross-summary-income', 'info', '预算01表!B10', '1000.00', '1000.01'],
    ]);
    expect(loud(edited(wholeIncomeRow(1000.02))).filter((x) => x.rule === 'cross-summary-income').map((x) => x.severity)).toEqual(['error', 'error']);
  });

  test('收入表 left out: nothing to compare, nothing said about it', () => {
    expect(all(smallBudget('预算02表')).map((x) => x.rule)).not.toContain('cross-summary-income');
  });
});

describe('a final accounts\' 收入决算表 headed 合计 (no 本年收入 words, no carry-over column) against the summary (cross-summary-income)', () => {
  // (trialWorkbooks FA_TABLES: 总计 580.00 = 本年收入合计 560.00 + 年初结转和结余 20.00.)
  const headedTotal = (total: number) => {
    const t = faIncome();
    t.values[2][2] = t.text[2][2] = '合计';
    t.values[5][2] = total;
    t.text[5][2] = total.toFixed(2);
    return workbook(...FA_TABLES.filter((x) => x !== faIncome).map((x) => x()), t);
  };

  test('its 合计 is the year\'s income, held against 本年收入合计 — never against the 总计 with the carry-over (which drew an error at a right 总计)', () => {
    expect(loud(headedTotal(560)).filter((f) => f.rule === 'cross-summary-income')).toEqual([]);
    expect(loud(headedTotal(570)).filter((f) => f.rule === 'cross-summary-income' || f.rule === 'row-sum').map((f) => f.cell)).toContain('C6');
  });
});
