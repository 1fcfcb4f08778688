import { all, edited, explainedBy, loud, said, type Edit } from './support/checklist';
import { sheet, workbook } from './support/sheetBuilder';
import { smallBudget } from './support/smallBudget';

/**
 * 基本支出 across its tables. Support: 一般公共预算支出表 (预算05表) 基本支出 800.00 = 人员经费 700.00
 * + 公用经费 100.00; 基本支出表 (预算06表) by economic code, the same 800.00 / 700.00 / 100.00;
 * 基本支出明细表 (预算07表) 合计 800.00, 人员类 rows 450 + 120 + 80 + 50, 公用经费 rows 60 + 10 + 30;
 * 机关运行经费 (预算13表) the 302 items of 基本支出表.
 *
 *   cross-basic-expenditure  基本支出表 合计 = 05 基本支出 (error)
 *   cross-personnel-split / cross-public-split  人员经费 / 公用经费 = the same split there (warning)
 *   cross-basic-detail  基本支出明细表 合计 = 基本支出表 合计 (error)
 *   cross-operating-cost  a 机关运行经费 item above the same item of 基本支出表 (warning)
 */
/** 基本支出表 with 30299 其他商品和服务支出 at 30.00: 公用经费 110.00, 合计 810.00, consistent within itself. */
const basicPublicRaised: Edit[] = [['预算06表', 'E14', 30], ['预算06表', 'G14', 30], ['预算06表', 'E5', 810], ['预算06表', 'G5', 110]];

describe('基本支出表 合计 against 基本支出 of 一般公共预算支出表 (cross-basic-expenditure)', () => {
  test('基本支出表 says 810.00 (30299 at 30.00): one error at its 合计, expected 800.00, against 05 and against 基本支出明细表 (which agrees with the rest: cross-table-odd); the 公用经费 split follows', () => {
    const found = loud(edited(basicPublicRaised));
    expect(found.map(said)).toEqual([
      ['cross-public-split', 'warning', '预算07表!D9', '100.00', '110.00'],
      ['cross-basic-expenditure', 'error', '预算06表!E5', '810.00', '800.00'],
      ['cross-public-split', 'warning', '预算06表!G5', '110.00', '100.00'],
      ['cross-table-odd', 'warning', '预算06表!A3', null, null],
    ]);
    expect(explainedBy(found[1])).toEqual(['cross-basic-detail', 'cross-basic-expenditure']);
  });

  test('without 一般公共预算支出表 it is held against 支出表 基本支出 (the same money here)', () => {
    const f = loud(edited(basicPublicRaised, smallBudget('预算05表'))).filter((x) => x.rule.startsWith('cross-'));
    expect(f.map(said)).toEqual([
      ['cross-public-split', 'warning', '预算07表!D9', '100.00', '110.00'],
      ['cross-basic-expenditure', 'error', '预算06表!E5', '810.00', '800.00'],
      ['cross-public-split', 'warning', '预算06表!G5', '110.00', '100.00'],
      ['cross-table-odd', 'warning', '预算06表!A3', null, null],
    ]);
  });

  test('its 合计 alone 810.00 is the culprit of its own sums and of the comparisons: one finding', () => {
    const [f, ...rest] = loud(edited([['预算06表', 'E5', 810]]));
    expect(said(f)).toEqual(['row-sum', 'error', '预算06表!E5', '810.00', '800.00']);
    expect(rest).toEqual([]);
    expect(explainedBy(f)).toEqual(['column-total', 'cross-basic-detail', 'cross-basic-expenditure', 'row-sum']);
  });
});

describe('the reference of 基本支出表 is 一般公共预算支出表 (cross-basic-expenditure)', () => {
  test('一般公共预算支出表 基本支出 810.00 alone: the culprit, and the comparison with 基本支出表 is one of the checks it breaks (05 is the reference, not 支出表)', () => {
    const f = loud(edited([['预算05表', 'D5', 810]]));
    expect(f.map(said)).toEqual([['row-sum', 'error', '预算05表!D5', '810.00', '800.00']]);
    expect(explainedBy(f[0])).toEqual(['column-total', 'cross-basic-expenditure', 'row-sum']);
  });
});

describe('人员经费 / 公用经费 split (cross-public-split, warnings: a classification difference, not missing money)', () => {
  test('基本支出表 counts 30299 (20.00) as 人员经费: both splits are warnings against 05, and 基本支出明细表 is named against 06', () => {
    const f = loud(edited([['预算06表', 'F14', 20], ['预算06表', 'G14', null], ['预算06表', 'F5', 720], ['预算06表', 'G5', 80]]));
    expect(f.map(said)).toEqual([
      ['cross-personnel-split', 'warning', '预算07表!D5', '700.00', '720.00'],
      ['cross-public-split', 'warning', '预算07表!D9', '100.00', '80.00'],
      ['cross-personnel-split', 'warning', '预算06表!F5', '720.00', '700.00'],
      ['cross-public-split', 'warning', '预算06表!G5', '80.00', '100.00'],
    ]);
  });

  test('基本支出明细表 moves 10.00 from 公用经费 rows to 人员类 (合计 unchanged): the groups are named at their first row', () => {
    const f = loud(edited([['预算07表', 'D5', 460], ['预算07表', 'D9', 50]]));
    expect(f.map(said)).toEqual([
      ['cross-personnel-split', 'warning', '预算07表!D5', '710.00', '700.00'],
      ['cross-public-split', 'warning', '预算07表!D9', '90.00', '100.00'],
    ]);
    // Each group by its own 类型 label, written once on its first row.
    expect(f.map((x) => x.name)).toEqual(['人员类', '公用经费']);
  });
});

describe('基本支出明细表 合计 against 基本支出表 合计 (cross-basic-detail)', () => {
  test('公用经费定额 70.00 and 合计 810.00: an error at the 合计, expected 800.00, the 公用经费 rows a warning', () => {
    expect(loud(edited([['预算07表', 'D9', 70], ['预算07表', 'D4', 810]])).map(said)).toEqual([
      ['cross-public-split', 'warning', '预算07表!D9', '110.00', '100.00'],
      ['cross-basic-detail', 'error', '预算07表!D4', '810.00', '800.00'],
    ]);
  });

  test('在职人员工资 440.00 and 合计 790.00 (the other sign): expected 800.00', () => {
    expect(loud(edited([['预算07表', 'D5', 440], ['预算07表', 'D4', 790]])).map(said)).toEqual([
      ['cross-personnel-split', 'warning', '预算07表!D5', '690.00', '700.00'],
      ['cross-basic-detail', 'error', '预算07表!D4', '790.00', '800.00'],
    ]);
  });

  test('a rounding tail (800.01, 公用经费定额 60.01) is info only; 800.02 is an error', () => {
    const tail = all(edited([['预算07表', 'D4', 800.01], ['预算07表', 'D9', 60.01]]));
    expect(tail.map(said)).toEqual([['cross-basic-detail', 'info', '预算07表!D4', '800.01', '800.00']]);
    expect(loud(edited([['预算07表', 'D4', 800.02], ['预算07表', 'D9', 60.02]])).map(said)).toEqual([['cross-basic-detail', 'error', '预算07表!D4', '800.02', '800.00']]);
  });
});

describe('机关运行经费 items against 基本支出表 (cross-operating-cost, warnings: only an excess is suspicious)', () => {
  test('公务用车运行维护费 35.00 (合计 105.00) against 30231 30.00 in 基本支出表: a warning at the item, expected 30.00', () => {
    expect(loud(edited([['预算13表', 'C7', 35], ['预算13表', 'C4', 105]])).map(said)).toEqual([['cross-operating-cost', 'warning', '预算13表!C7', '35.00', '30.00']]);
  });

  test('an item 基本支出表 does not have (30211 差旅费 5.00): a warning, expected nothing (0.00)', () => {
    const extra: Edit[] = [['预算13表', 'A9', '30211'], ['预算13表', 'B9', '差旅费'], ['预算13表', 'C9', 5], ['预算13表', 'C4', 105]];
    expect(loud(edited(extra)).map(said)).toEqual([['cross-operating-cost', 'warning', '预算13表!C9', '5.00', '0.00']]);
  });

  test('the item alone changed is the culprit of its column, the comparison folded in', () => {
    const f = loud(edited([['预算13表', 'C7', 35]]));
    expect(f.map(said)).toEqual([['column-total', 'error', '预算13表!C7', '35.00', '30.00']]);
    expect(explainedBy(f[0])).toEqual(['column-total', 'cross-operating-cost']);
  });

  test('公务用车运行维护费 cleared (合计 unchanged): the cleared item, not the 合计, is named, expected 30.00 — 基本支出表 30231 is the evidence', () => {
    expect(loud(edited([['预算13表', 'C7', null]])).map(said)).toEqual([['column-total', 'error', '预算13表!C7', null, '30.00']]);
    expect(loud(edited([['预算13表', 'C7', 25]])).map(said)).toEqual([['column-total', 'error', '预算13表!C7', '25.00', '30.00']]);
  });

  test('an item below its basic item, cleared, or over it by a rounding tail (30.01) says nothing; 30.02 is a warning', () => {
    expect(loud(edited([['预算13表', 'C7', 25], ['预算13表', 'C4', 95]])).map(said)).toEqual([]);
    expect(all(edited([['预算13表', 'C7', null], ['预算13表', 'C4', 70]])).map(said)).toEqual([]);
    expect(all(edited([['预算13表', 'C7', 30.01], ['预算13表', 'C4', 100.01]])).map(said)).toEqual([]);
    expect(loud(edited([['预算13表', 'C7', 30.02], ['预算13表', 'C4', 100.02]])).map(said)).toEqual([['cross-operating-cost', 'warning', '预算13表!C7', '30.02', '30.00']]);
  });
});

describe('基本支出表 printed as two blocks side by side, 人员经费 | 公用经费, each closed by its 合计 (cross-personnel-split)', () => {
  /** 预算06表 as blocks: the 人员经费 items left, the 公用经费 items right; `moved` 20.00 of 30299 counted as 人员经费. */
  const blocks = (moved = false) =>
    sheet('预算06表', [
      ['2024年一般公共预算基本支出预算表'],
      ['部门：某某局', null, null, null, null, '单位：万元'],
      ['人员经费', null, null, '公用经费'],
      ['科目编码', '科目名称', '金额', '科目编码', '科目名称', '金额'],
      ['30101', '基本工资', 400, '30201', '办公费', 40],
      ['30102', '津贴补贴', 50, '30217', '公务接待费', 10],
      ['30108', '机关事业单位基本养老保险缴费', 120, '30231', '公务用车运行维护费', 30],
      ['30113', '住房公积金', 80, '30299', '其他商品和服务支出', moved ? null : 20],
      ['30305', '生活补助', 50, null, null, null],
      ...(moved ? [['30299', '其他商品和服务支出', 20, null, null, null]] : []),
      [null, '人员经费合计', moved ? 720 : 700, null, '公用经费合计', moved ? 80 : 100],
    ]);
  const withBlocks = (moved = false) => workbook(...smallBudget().sheets.map((s) => (s.name === '预算06表' ? blocks(moved) : s)));

  test('consistent: the blocks\' totals are the split, and nothing is said', () => {
    expect(loud(withBlocks()).map(said)).toEqual([]);
  });

  test('30299 counted as 人员经费 in the blocks: both splits are warnings at the blocks\' totals (before, grouped tables were not compared)', () => {
    const f = loud(withBlocks(true)).filter((x) => x.rule.endsWith('-split')).map(said);
    expect(f).toEqual([
      ['cross-personnel-split', 'warning', '预算07表!D5', '700.00', '720.00'],
      ['cross-public-split', 'warning', '预算07表!D9', '100.00', '80.00'],
      ['cross-personnel-split', 'warning', '预算06表!C11', '720.00', '700.00'],
      ['cross-public-split', 'warning', '预算06表!F11', '80.00', '100.00'],
    ]);
  });
});
