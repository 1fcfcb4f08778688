import { render } from '../src/core/messages/render';
import { all, edited, loud, said, throughout, type Edit } from './support/checklist';
import { sheet, workbook } from './support/sheetBuilder';
import { smallBudget } from './support/smallBudget';

/**
 * The odd table out (cross-table-odd). A clerk pastes last year's 一般公共预算支出表 into this year's
 * workbook: it still adds up, and each comparison with it fails — stated at the *other* tables'
 * cells, which are right. When one sound table disagrees with two or more sound tables that agree
 * with the rest of the workbook, each gap is told at that table's figure and the table is named
 * once. Support: the small disclosure (test/support/smallBudget.ts), 预算05表 rows 5–15.
 */

/** 预算05表 with last year's figures: 945.00 = 208 110.00 + 210 760.00 + 221 75.00, every sum of its own holding. */
const lastYear05: Edit[] = [
  ...throughout('预算05表', ['C5'], 945),
  ['预算05表', 'D5', 755],
  ['预算05表', 'E5', 665],
  ['预算05表', 'F5', 90],
  ['预算05表', 'G5', 190],
  ...throughout('预算05表', ['C6', 'D6', 'E6', 'C7', 'D7', 'E7', 'C8', 'D8', 'E8'], 110),
  ...throughout('预算05表', ['C9', 'C10'], 760),
  ...throughout('预算05表', ['D9', 'D10', 'C11', 'D11'], 570),
  ...throughout('预算05表', ['E9', 'E10', 'E11'], 480),
  ...throughout('预算05表', ['F9', 'F10', 'F11'], 90),
  ...throughout('预算05表', ['G9', 'G10', 'C12', 'G12'], 190),
  ...throughout('预算05表', ['C13', 'D13', 'E13', 'C14', 'D14', 'E14', 'C15', 'D15', 'E15'], 75),
];

const inTables = (cells: string[]) => cells.filter((c) => !c.startsWith('说明'));

describe('a table at odds with tables that agree with the rest (cross-table-odd)', () => {
  test('last year’s 预算05表: every gap told at 预算05表’s own figure, none at the tables that are right', () => {
    const found = loud(edited(lastYear05));
    const cells = inTables(found.map((f) => `${f.sheet}!${f.cell}`));
    expect(cells.length).toBeGreaterThan(3);
    expect(cells.every((c) => c.startsWith('预算05表!'))).toBe(true);
  });

  test('each such gap says what 预算05表’s figure should be: the other table’s', () => {
    const found = loud(edited(lastYear05)).filter((f) => f.sheet === '预算05表' && f.rule !== 'cross-table-odd');
    // 210 卫生健康支出 760.00 where 预算04表 prints 800.00: an error at C9, the rule that compared them.
    const health = found.find((f) => f.cell === 'C9');
    expect(health && said(health)).toEqual(['cross-fiscal-function', 'error', '预算05表!C9', '760.00', '800.00']);
    expect(found.filter((f) => f.severity === 'error').length).toBeGreaterThanOrEqual(4);
  });

  test('the table is named once, quietly: a warning at its header, explaining every gap', () => {
    const notes = loud(edited(lastYear05)).filter((f) => f.rule === 'cross-table-odd');
    expect(notes.map(said)).toEqual([['cross-table-odd', 'warning', '预算05表!A3', null, null]]);
    const [note] = notes;
    expect(note.explains.length).toBeGreaterThanOrEqual(3);
    expect(render(note.message, 'zh-CN')).toMatch(/^预算05表 与 .*预算04表.* 共 \d+ 处不符，而 .*预算04表.* 与其他表相符、本表自身各项合计无误/);
    expect(render(note.message, 'en')).toMatch(/^预算05表 disagrees with .*预算04表.* in \d+ places/);
  });

  test('one slip of 预算05表 carried into its totals (221 85.00, 合计 1005.00): told at 预算05表, not at 预算04表', () => {
    const slip: Edit[] = throughout('预算05表', ['C15', 'D15', 'E15', 'C14', 'D14', 'E14', 'C13', 'D13', 'E13'], 85);
    const found = loud(edited([...slip, ['预算05表', 'C5', 1005], ['预算05表', 'D5', 805], ['预算05表', 'E5', 705]]));
    const cells = inTables(found.map((f) => `${f.sheet}!${f.cell}`));
    expect(cells).toContain('预算05表!C13');
    expect(cells.every((c) => c.startsWith('预算05表!'))).toBe(true);
  });

  test('one slip of 预算04表’s 类 line and its total: told at 预算04表, 预算05表 being right', () => {
    const found = loud(
      edited([
        ['预算04表', 'D8', 85],
        ['预算04表', 'E8', 85],
        ['预算04表', 'D5', 1005],
        ['预算04表', 'E5', 1005],
        ['预算04表', 'D10', 1005],
        ['预算04表', 'E10', 1005],
      ]),
    );
    expect(inTables(found.map((f) => `${f.sheet}!${f.cell}`)).some((c) => c.startsWith('预算05表!'))).toBe(false);
  });

  test('预算06表 changed throughout (30305 55.00, 人员经费 705.00, 合计 805.00): its errors told at 预算06表', () => {
    const found = loud(
      edited([
        ['预算06表', 'E5', 805],
        ['预算06表', 'F5', 705],
        ['预算06表', 'E10', 55],
        ['预算06表', 'F10', 55],
      ]),
    );
    expect(found.filter((f) => f.severity === 'error').every((f) => f.sheet === '预算06表')).toBe(true);
    expect(found.filter((f) => f.rule === 'cross-table-odd').map(said)).toEqual([['cross-table-odd', 'warning', '预算06表!A3', null, null]]);
  });

  test('one gap with one other table is not enough: told where the comparison states it', () => {
    // 预算12表 210.00 = 160.00 + 50.00 against 预算05表's 项目支出 200.00: which is right, two tables cannot tell.
    expect(
      loud(
        edited([
          ['预算12表', 'C4', 210],
          ['预算12表', 'C5', 160],
        ]),
      ).map(said),
    ).toEqual([['cross-project', 'error', '预算12表!C4', '210.00', '200.00']]);
  });

  test('a table that does not add up on its own is no odd table: its own sums speak', () => {
    const found = loud(edited([...lastYear05, ['预算05表', 'E11', 481]]));
    expect(found.map((f) => f.rule)).not.toContain('cross-table-odd');
  });

  test('switched off: the gaps are told where they were before, at the other tables', () => {
    const found = loud(edited(lastYear05), {
      disabledRules: ['cross-table-odd'],
    });
    expect(found.map((f) => f.rule)).not.toContain('cross-table-odd');
    expect(inTables(found.map((f) => `${f.sheet}!${f.cell}`)).some((c) => !c.startsWith('预算05表!'))).toBe(true);
  });

  test('the prose that agrees with the tables that are right is not blamed for the odd table', () => {
    // 一般公共预算支出 1000.00: 预算04表's 一、本年支出 (一般公共预算) says so; last year's 预算05表 says 945.00.
    const prose = sheet('情况说明', [['某某局2024年部门预算情况说明'], ['三、一般公共预算支出预算情况说明'], ['2024年一般公共预算支出1000.00万元。']]);
    const withProse = edited(lastYear05, workbook(...smallBudget().sheets, prose));
    expect(loud(withProse).filter((f) => f.sheet === '情况说明')).toEqual([]);
    // The prose's own slip is still its own: 1100.00 agrees with neither table.
    const slipped = sheet('情况说明', [['某某局2024年部门预算情况说明'], ['三、一般公共预算支出预算情况说明'], ['2024年一般公共预算支出1100.00万元。']]);
    expect(
      loud(edited(lastYear05, workbook(...smallBudget().sheets, slipped)))
        .filter((f) => f.sheet === '情况说明')
        .map((f) => f.rule),
    ).toEqual(['narrative-vs-table']);
  });

  test('the prose judged only against the odd table is kept quietly (info): it may agree with the tables that are right', () => {
    // Without 预算03表 the 项 2080505 is printed by 预算05表 alone; the prose says this year's 120.00, the pasted 05 110.00.
    const prose = sheet('情况说明', [
      ['某某局2024年部门预算情况说明'],
      ['三、一般公共预算支出预算情况说明'],
      ['社会保障和就业（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）120.00万元。'],
    ]);
    const found = all(edited(lastYear05, workbook(...smallBudget('预算03表').sheets, prose))).filter((f) => f.sheet === '情况说明');
    expect(found.map(said)).toEqual([['narrative-vs-table', 'info', '情况说明!A3', '120.00', '110.00']]);
    // With 预算05表 as it should be, the same prose with a slip is an error as before.
    const slipped = sheet('情况说明', [
      ['某某局2024年部门预算情况说明'],
      ['三、一般公共预算支出预算情况说明'],
      ['社会保障和就业（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）130.00万元。'],
    ]);
    expect(
      loud(workbook(...smallBudget('预算03表').sheets, slipped))
        .filter((f) => f.sheet === '情况说明')
        .map((f) => [f.rule, f.severity]),
    ).toEqual([['narrative-vs-table', 'error']]);
  });

  test('one partner only: last year’s 预算03表 against 收支总表 alone is odd when it agrees with no table and 收支总表 with two', () => {
    // Without 预算12表, 预算03表 is compared with 预算01表 only; 预算01表 agrees with 预算02表 and 预算04表.
    const stale03: Edit[] = lastYear05.map(([, cell, v]): Edit => ['预算03表', cell, v]);
    const found = loud(edited(stale03, smallBudget('预算12表')));
    expect(found.filter((f) => f.severity === 'error').every((f) => f.sheet === '预算03表')).toBe(true);
    expect(found.filter((f) => f.rule === 'cross-table-odd').map(said)).toEqual([['cross-table-odd', 'warning', '预算03表!A3', null, null]]);
    expect(render(found.find((f) => f.rule === 'cross-table-odd')!.message, 'zh-CN')).toMatch(/^预算03表 与 预算01表 共 \d+ 处不符，而 预算01表 与其他表相符/);
  });
});
