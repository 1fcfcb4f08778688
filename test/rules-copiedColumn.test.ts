import { audit } from '../src/core/engine';
import { render } from '../src/core/messages/render';
import { edited, loud, type Edit } from './support/checklist';
import { sheet, workbook } from './support/sheetBuilder';
import { general05Split, smallBudget } from './support/smallBudget';

/**
 * A column pasted over another (sum.copied-column): 基本支出's figures copied into 项目支出 row by row.
 * Every row's 合计 then fails; the pair of columns is told once instead of a wall of errors at 合计
 * that are right. Support: the small disclosure with 预算05表 in split columns — 合计 E, 基本支出 F,
 * 项目支出 G; rows 5 (合计) to 9.
 */
const split = () => workbook(...smallBudget('预算05表').sheets, general05Split());
/** 基本支出 (F) as printed, row by row, pasted into 项目支出 (G). */
const pasted: Edit[] = [
  ['预算05表', 'G5', 800],
  ['预算05表', 'G6', 120],
  ['预算05表', 'G7', 600],
  ['预算05表', 'G8', null],
  ['预算05表', 'G9', 80],
];

describe('a column pasted over another (sum.copied-column)', () => {
  test('基本支出 pasted into 项目支出: one error naming the two columns, no 合计 blamed row by row', () => {
    const found = loud(edited(pasted, split()));
    const copied = found.filter((f) => f.message.key === 'sum.copied-column');
    expect(copied.map((f) => [f.rule, f.severity, `${f.sheet}!${f.cell}`])).toEqual([['row-sum', 'error', '预算05表!G5']]);
    expect(found.filter((f) => f.rule === 'row-sum' && f.message.key !== 'sum.copied-column')).toEqual([]);
    expect(copied[0].explains).toHaveLength(5);
    expect(render(copied[0].message, 'zh-CN')).toBe('预算05表 项目支出 列与 基本支出 列逐行相同，疑为整列复制：5 行的合计因此不符，请核对这两列。');
  });

  test('two rows that happen to be equal in both columns, the others right: no copy told', () => {
    // 2080505 120.00 | 120.00 and the 合计 off with it: one row, not a column.
    const found = loud(edited([['预算05表', 'G6', 120]], split()));
    expect(found.some((f) => f.message.key === 'sum.copied-column')).toBe(false);
  });
});

describe('a 其中 column summed with its 小计 is a misread, not a pasted column', () => {
  test('the same figures under 其中：财政拨款 and 一般公共预算 小计: no copy told', () => {
    const found = loud(edited([['预算05表', 'F3', '其中：财政拨款'], ...pasted], split()));
    expect(found.some((f) => f.message.key === 'sum.copied-column')).toBe(false);
  });
});

/**
 * The copied cells are no truth for anybody else: another table's right figure compared with the pasted
 * 合计 is not its slip, and the prose judged against it is not wrong. Support: the whole small disclosure,
 * 基本支出小计 (D) pasted into 项目支出 (G) on every row of a table with 类/款/项 codes in one column
 * (rows 5 合计 to 15); 预算12表 项目支出表 200.00; the prose's 200.00 is 100% of the 项目支出 200.00.
 */
describe('a pasted column is no truth for other tables or the prose (sum.copied-column)', () => {
  const pasteBasicOverProject = (sheetName: string, wb: ReturnType<typeof smallBudget>): Edit[] => {
    const grid = wb.sheets.find((s) => s.name === sheetName)!.values;
    return [5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15].map((r): Edit => [sheetName, `G${r}`, grid[r - 1][3] as number | null]);
  };

  test('预算03表 pasted: 预算12表\'s right 合计 is not blamed (cross-project), the copy explains that comparison too', () => {
    const wb = smallBudget();
    const found = loud(edited(pasteBasicOverProject('预算03表', wb), wb));
    expect(found.map((f) => [f.rule, f.severity, `${f.sheet}!${f.cell}`, f.message.key])).toEqual([['row-sum', 'error', '预算03表!G5', 'sum.copied-column']]);
    // 11 row sums, and 预算12表 C4 200.00 against the pasted 合计 800.00.
    expect(found[0].explains.map((e) => e.rule)).toEqual([...Array(11).fill('row-sum'), 'cross-project']);
  });

  test('预算05表 pasted: the prose\'s right share of the 项目支出 is told quietly, not as an error (narrative-percent)', () => {
    const wb = smallBudget();
    const prose = sheet('情况说明', [['某某局2024年部门预算情况说明'], ['本部门对2个项目开展了绩效目标管理，涉及资金200.00万元，占一般公共预算项目支出总额的100.00%。']]);
    const findings = audit(edited(pasteBasicOverProject('预算05表', wb), workbook(...wb.sheets, prose)), { includeInfo: true }).findings;
    const share = findings.filter((f) => f.rule === 'narrative-percent');
    expect(share.map((f) => [f.severity, `${f.sheet}!${f.cell}`])).toEqual([['info', '情况说明!A2']]);
    expect(findings.filter((f) => f.severity === 'error').map((f) => f.message.key)).toEqual(['sum.copied-column']);
  });

  test('a slip of another table compared with the column copied from is its own: 06 lowered by 10.00 is named, 07 not blamed', () => {
    // 06's 合计 and 人员经费 10.00 low (still adding up) besides the paste: 05's 基本支出 is right, so 06's gap
    // with it is no copy's; 06 at odds with 05 and 07, which agree, is the odd table as without the paste.
    const wb = smallBudget();
    const g06 = wb.sheets.find((x) => x.name === '预算06表')!.values;
    const slip06: Edit[] = [
      ['预算06表', 'E5', 790],
      ['预算06表', 'F5', 690],
      ['预算06表', 'E6', (g06[5][4] as number) - 10],
      ['预算06表', 'F6', (g06[5][5] as number) - 10],
    ];
    const found = loud(edited([...pasteBasicOverProject('预算05表', wb), ...slip06], wb));
    expect(found.filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.sheet}!${f.cell}`)).toEqual(['row-sum 预算05表!G5', 'cross-basic-expenditure 预算06表!E5']);
    expect(found.some((f) => f.rule === 'cross-table-odd' && f.sheet === '预算06表')).toBe(true);
  });

  test('the prose judged against figures outside the copied pair is still judged (narrative-percent error)', () => {
    // 800.00 of the 合计 1000.00 (column C, not copied) is 80%, whatever was pasted into 项目支出: 90% stays an error.
    const wb = smallBudget();
    const prose = sheet('情况说明', [['某某局2024年部门预算情况说明'], ['2024年一般公共预算支出1000.00万元，其中：基本支出800.00万元，占90.00%。']]);
    const found = loud(edited(pasteBasicOverProject('预算05表', wb), workbook(...wb.sheets, prose)));
    expect(found.filter((f) => f.rule === 'narrative-percent').map((f) => [f.severity, `${f.sheet}!${f.cell}`])).toEqual([['error', '情况说明!A2']]);
  });
});
