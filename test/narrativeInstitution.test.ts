import { audit } from '../src/core/engine';
import type { Finding } from '../src/core/finding';
import { institutionFinalAccounts } from './support/institutionFinalAccounts';

/**
 * The final accounts of a 事业单位 with money of every fund (support/institutionFinalAccounts.ts: 01, 03, 04 by fund,
 * 07), against the sentences its 情况说明 states — the layouts the Henan seed (one fund, no carry-over, a 行政单位) never
 * showed, where a fund's carry-over was held to the whole's, 非财政拨款 read as 财政拨款, and the 事业单位's own kinds
 * of spending were never read. Each paragraph stands at A2.
 */
const loud = (fs: Finding[]) => fs.filter((f) => f.severity !== 'info' && f.rule !== 'missing-table').map((f) => `${f.rule} ${f.cell} ${f.actual}→${f.expected}`);
const said = (...paragraphs: string[]) => loud(audit(institutionFinalAccounts(paragraphs)).findings);

test('the tables alone say nothing loud', () => {
  expect(said()).toEqual([]);
});

describe('one fund\'s carry-over and total are not the whole\'s', () => {
  test.each([
    '2023年度政府性基金预算财政拨款年初结转和结余15.00万元，本年收入70.00万元，本年支出60.00万元，年末结转和结余25.00万元。',
    '2023年度一般公共预算财政拨款年末结转和结余8.10万元。',
    '2023年度一般公共预算财政拨款收支总计524.10万元。',
    '2023年度政府性基金预算财政拨款收支总计85.00万元。',
    '2023年度年末财政拨款结转和结余33.10万元，其中：一般公共预算财政拨款8.10万元，政府性基金预算财政拨款25.00万元，国有资本经营预算财政拨款0.00万元。',
    '2023年度年初财政拨款结转和结余27.30万元，其中：一般公共预算财政拨款12.30万元，政府性基金预算财政拨款15.00万元。',
  ])('right, nothing said: %s', (line) => {
    expect(said(line)).toEqual([]);
  });

  test('the year\'s side after a fund named (政府性基金…，本年收入 A，本年支出 B) is that fund\'s income and spending', () => {
    expect(said('2023年度政府性基金预算财政拨款年初结转和结余15.00万元，本年收入7.00万元，本年支出66.00万元，年末结转和结余25.00万元。')).toEqual(['narrative-vs-table A2 7.00→70.00', 'narrative-vs-table A2 66.00→60.00']);
  });

  test('a fund\'s income slipped is told against its income line, never the carry-over\'s sub-line or the fund\'s spending', () => {
    expect(said('2023年度政府性基金预算财政拨款收入7.00万元。')).toEqual(['narrative-vs-table A2 7.00→70.00']);
  });
});

test('a 项 named 用于…的彩票公益金支出 keeps its 用于: that 项, right and slipped', () => {
  expect(said('其他支出（类）彩票公益金安排的支出（款）用于社会福利的彩票公益金支出（项）60.00万元。')).toEqual([]);
  expect(said('用于社会福利的彩票公益金支出（项）6.00万元。')).toEqual(['narrative-vs-table A2 6.00→60.00']);
});

test('非财政拨款收入 is no 财政拨款收入', () => {
  expect(said('2023年度非财政拨款收入255.50万元，占本年收入合计的30.08%。')).toEqual([]);
});

test('a slipped 收入合计 is held to 本年收入合计, one finding — not to 总计, whose shares of every item would be wrong', () => {
  expect(said('2023年度收入合计894.30万元，其中：财政拨款收入593.80万元，占69.92%；上级补助收入10.00万元，占1.18%；事业收入200.00万元，占23.55%；经营收入32.00万元，占3.77%；附属单位上缴收入8.00万元，占0.94%；其他收入5.50万元，占0.65%。')).toEqual(['narrative-vs-table A2 894.30→849.30']);
});

test('a 事业单位\'s own kinds of spending (经营支出, 上缴上级支出, 对附属单位补助支出) are read: right, nothing; slipped, the amount, not its right share', () => {
  expect(said('2023年度支出合计857.50万元，其中：基本支出588.70万元，占68.65%；项目支出212.80万元，占24.82%；上缴上级支出6.00万元，占0.70%；经营支出30.00万元，占3.50%；对附属单位补助支出20.00万元，占2.33%。')).toEqual([]);
  expect(said('2023年度经营支出3.00万元，占3.50%。')).toEqual(['narrative-vs-table A2 3.00→30.00']);
  expect(said('2023年度上缴上级支出60.00万元。')).toEqual(['narrative-vs-table A2 60.00→6.00']);
  expect(said('2023年度对附属单位补助支出2.00万元。')).toEqual(['narrative-vs-table A2 2.00→20.00']);
});

describe('the second reviewer\'s cases', () => {
  test('本年支出 after a fund named in passing (其中国有资本经营…收入 a) is the department\'s, not the fund\'s', () => {
    expect(said('2023年度本年收入849.30万元，其中国有资本经营预算财政拨款收入12.00万元，本年支出857.50万元。')).toEqual([]);
  });

  test('a fund\'s carry-over is held to its sub-line in 04 (年初财政拨款结转和结余 / 一般公共预算财政拨款)', () => {
    expect(said('2023年度一般公共预算财政拨款年初结转和结余12.30万元。')).toEqual([]);
    expect(said('2023年度一般公共预算财政拨款年初结转和结余13.30万元。')).toEqual(['narrative-vs-table A2 13.30→12.30']);
  });

  test('a 项 listed under 经营支出 is 经营支出\'s share of it, not the 项\'s whole figure', () => {
    expect(said('2023年度经营支出30.00万元，其中：社会保障和就业支出（类）社会福利（款）其他社会福利支出（项）30.00万元。')).toEqual([]);
  });

  test('a fund\'s year-end carry-over is held to its column of 04\'s 年末 line (年末财政拨款结转和结余 | 8.10 | 25.00 | 0)', () => {
    expect(said('2023年度政府性基金预算财政拨款年末结转和结余25.00万元。')).toEqual([]);
    expect(said('2023年度政府性基金预算财政拨款年末结转和结余52.00万元。')).toEqual(['narrative-vs-table A2 52.00→25.00']);
  });

  test('a 项 named bare in a sentence about 项目支出 is 项目支出\'s share of it, not the 项\'s whole', () => {
    expect(said('2023年度项目支出212.80万元，主要用于老年福利140.80万元、国有企业退休人员社会化管理补助支出12.00万元。')).toEqual([]);
  });

  test('支出总计 after 财政拨款收入总计 in one sentence is the appropriations\' (04\'s 621.10), not the department\'s 919.60', () => {
    expect(said('2023年度财政拨款收入总计621.10万元，支出总计621.10万元。')).toEqual([]);
    expect(said('2023年度支出总计621.10万元。')).toEqual(['narrative-vs-table A2 621.10→919.60']);
  });
});
