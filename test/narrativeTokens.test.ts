import { numberTokens } from '../src/core/narrative/tokens';

/** Each token as raw|unit|decimals|value, for a checklist of readings. */
const read = (text: string) => numberTokens(text).map((t) => `${t.raw}|${t.unit}|${t.decimals}|${t.value.toString()}`);

describe('the figures of a paragraph, read in one walk', () => {
  it('reads an amount with thousands commas and decimals in 万元', () => {
    expect(read('支出 33,172.15 万元')).toEqual(['33,172.15|万元|2|33172.15']);
  });

  it('reads several figures, each with its own unit', () => {
    expect(read('2024年收入1000.00万元，增长5.26%，是上年的1.5倍，上升2.3个百分点，3辆')).toEqual(['2024|year|0|2024', '1000.00|万元|2|1000', '5.26|%|2|5.26', '1.5|times|1|1.5', '2.3|points|1|2.3', '3|count|0|3']);
  });

  it('groups thousands only after at most three digits, each comma before exactly three more', () => {
    expect(read('1234,567元')).toEqual(['1234|none|0|1234', '567|元|0|567']);
    expect(read('12,345,67元')).toEqual(['12,345|none|0|12345', '67|元|0|67']);
    expect(read('1,2345元')).toEqual(['1,234|none|0|1234', '5|元|0|5']);
    expect(read('1,234,567.8元')).toEqual(['1,234,567.8|元|1|1234567.8']);
  });

  it('takes a point as decimal only when a digit follows it', () => {
    expect(read('共 12. 项')).toEqual(['12|none|0|12']);
    expect(read('1..5万元')).toEqual(['1|none|0|1', '5|万元|0|5']);
    expect(read('0.05%')).toEqual(['0.05|%|2|0.05']);
  });

  it('reads full-width digits and signs as their ASCII twins, positions kept', () => {
    const [t] = numberTokens('增长１２．５％');
    expect([t.start, t.end, t.raw, t.unit, t.value.toString()]).toEqual([2, 7, '12.5', '%', '12.5']);
  });

  it('passes over a digit string glued to Latin letters (a name, not a figure), and goes on after it', () => {
    expect(read('XX12 万元，A4纸 5 元')).toEqual(['5|元|0|5']);
  });

  it('keeps a code glued to its name for no count (2101501行政运行)', () => {
    expect(read('2101501行政运行')).toEqual(['2101501|none|0|2101501']);
  });

  it('gives a run of figures the one unit written after its last (A、B 万元), to the same decimals; not across a misplaced thousands comma', () => {
    expect(read('分别为892.63、20.00万元')).toEqual(['892.63|万元|2|892.63', '20.00|万元|2|20']);
    expect(read('各是4125.49,4143.91万元')).toEqual(['4125.49|万元|2|4125.49', '4143.91|万元|2|4143.91']);
    expect(read('3和5万元')).toEqual(['3|万元|0|3', '5|万元|0|5']);
    expect(read('1234,567元')).toEqual(['1234|none|0|1234', '567|元|0|567']);
    expect(read('892.6、20.00万元')).toEqual(['892.6|none|1|892.6', '20.00|万元|2|20']);
    expect(read('190至200万元')).toEqual(['190|none|0|190', '200|万元|0|200']);
  });
});

describe('an amount written in Chinese numerals is a figure like any other', () => {
  it('reads the whole numbers finance staff write, capital or plain, in their unit of money', () => {
    expect(read('项目支出二百万元')).toEqual(['200|万元|0|200']);
    expect(read('捌佰万元')).toEqual(['800|万元|0|800']);
    expect(read('一千零五十万元、十五万元、两千元')).toEqual(['1050|万元|0|1050', '15|万元|0|15', '2000|元|0|2000']);
    expect(read('三点五万元')).toEqual(['3.5|万元|1|3.5']);
  });

  it('in place among the other figures, by position', () => {
    expect(numberTokens('支出1000.00万元，其中项目支出二百万元，占20%').map((t) => [t.start, t.raw, t.unit])).toEqual([
      [2, '1000.00', '万元'],
      [18, '200', '万元'],
      [24, '20', '%'],
    ]);
  });

  it('reads nothing where the numerals write no whole amount', () => {
    expect(read('十二万三千元')).toEqual([]); // the end of a longer number, not 3000 元
    expect(read('城乡二元结构')).toEqual([]); // one numeral before 元 names no money
    expect(read('二三百万元')).toEqual([]); // a range in words
    expect(read('百万元')).toEqual([]);
  });
});
