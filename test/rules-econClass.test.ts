import { workbook } from './support/sheetBuilder';
import { all, edited, explainedBy, loud, said, type Edit } from './support/checklist';
import { finalBasic06, finalGeneral05 } from './support/smallBudget';

/**
 * Final accounts print 基本支出 by economic class in three groups side by side (公开06表) with
 * 人员经费合计 (301 工资福利支出 + 303 对个人和家庭的补助) and 公用经费合计 (302 + 310 …) under
 * them (econ-class-totals); the two together are the 基本支出 of 一般公共预算财政拨款支出决算表
 * (公开05表, cross-basic-expenditure). Support: 人员 650.00 + 50.00 = 700.00, 公用 90.00 + 10.00
 * = 100.00, 基本支出 800.00.
 */
const finalAccounts = () => workbook(finalGeneral05(), finalBasic06());
const onFinal = (edits: Edit[]) => edited(edits, finalAccounts());

describe('人员经费合计 and 公用经费合计 of 公开06表 (econ-class-totals)', () => {
  test('the final accounts of our own are consistent: no finding, not even a rounding tail', () => {
    expect(all(finalAccounts()).map(said)).toEqual([]);
  });

  test('人员经费合计 710.00 against 301 650.00 + 303 50.00: the total is the culprit, an error, expected 700.00', () => {
    const [f, ...rest] = loud(onFinal([['公开06表', 'C9', 710]]));
    expect(said(f)).toEqual(['econ-class-totals', 'error', '公开06表!C9', '710.00', '700.00']);
    expect(rest).toEqual([]);
    expect(f.culprit).toBe(true);
    // It also breaks 人员 + 公用 = 公开05表 基本支出: one slip, one finding.
    expect(explainedBy(f)).toEqual(['cross-basic-expenditure', 'econ-class-totals']);
  });

  test('公用经费合计 110.00 (its amount right of the merged label) against 302 90.00 + 310 10.00: expected 100.00', () => {
    const f = loud(onFinal([['公开06表', 'I9', 110]]));
    expect(f.map(said)).toEqual([['econ-class-totals', 'error', '公开06表!I9', '110.00', '100.00']]);
    expect(explainedBy(f[0])).toEqual(['cross-basic-expenditure', 'econ-class-totals']);
  });

  test('the totals labelled 人员经费 / 公用经费 (without 合计, as some templates print them) are read the same way', () => {
    const personnel = loud(onFinal([['公开06表', 'A9', '人员经费'], ['公开06表', 'C9', 710]]));
    expect(personnel.map(said)).toEqual([['econ-class-totals', 'error', '公开06表!C9', '710.00', '700.00']]);
    const pub = loud(onFinal([['公开06表', 'D9', '公用经费'], ['公开06表', 'I9', 110]]));
    expect(pub.map(said)).toEqual([['econ-class-totals', 'error', '公开06表!I9', '110.00', '100.00']]);
  });

  test('303 对个人和家庭的补助 60.00 (30302 too): 人员经费合计 700.00 no longer adds up, expected 710.00 — the class is counted as 人员经费', () => {
    expect(loud(onFinal([['公开06表', 'C7', 60], ['公开06表', 'C8', 60]])).map(said)).toEqual([['econ-class-totals', 'error', '公开06表!C9', '700.00', '710.00']]);
  });

  test('310 资本性支出 20.00 (31002 too): counted as 公用经费, whose 100.00 should be 110.00', () => {
    expect(loud(onFinal([['公开06表', 'I4', 20], ['公开06表', 'I5', 20]])).map(said)).toEqual([['econ-class-totals', 'error', '公开06表!I9', '100.00', '110.00']]);
  });

  test('a rounding tail inside the band (700.01 against two parts, band 0.015) is info only; 700.02 is an error', () => {
    const tail = all(onFinal([['公开06表', 'C9', 700.01]]));
    expect(tail.filter((x) => x.severity !== 'info')).toEqual([]);
    expect(tail.map(said)).toContainEqual(['econ-class-totals', 'info', '公开06表!C9', '700.01', '700.00']);
    expect(loud(onFinal([['公开06表', 'C9', 700.02]])).map(said)).toEqual([['econ-class-totals', 'error', '公开06表!C9', '700.02', '700.00']]);
  });
});

describe('人员经费合计 + 公用经费合计 = 公开05表 基本支出 (cross-basic-expenditure)', () => {
  test('310 raised to 20.00 with 公用经费合计 110.00: 公开06表 adds up, and 公开05表 基本支出 800.00 should be 810.00', () => {
    const f = loud(onFinal([['公开06表', 'I4', 20], ['公开06表', 'I5', 20], ['公开06表', 'I9', 110]]));
    expect(f.map(said)).toEqual([['cross-basic-expenditure', 'error', '公开05表!D5', '800.00', '810.00']]);
  });

  test('公开05表 says 基本支出 810.00 throughout (行政运行 too): its 合计 is named against 公开06表, expected 800.00', () => {
    const basic: Edit[] = ['D5', 'D6', 'D7', 'D8'].map((c): Edit => ['公开05表', c, 810]);
    const total: Edit[] = [['公开05表', 'C5', 1010], ['公开05表', 'C6', 1010], ['公开05表', 'C7', 1010], ['公开05表', 'C8', 810]];
    expect(loud(onFinal([...basic, ...total])).map(said)).toEqual([['cross-basic-expenditure', 'error', '公开05表!D5', '810.00', '800.00']]);
  });
});
