import Decimal from 'decimal.js';
import { levelPath, readClaims, type AmountClaim } from '../src/core/narrative/claims';
import { judge, judgeRate, judgeShare, rateInterval, shareInterval, type Printed } from '../src/core/narrative/judge';

/**
 * The narrative's shortcuts give what the long way gave: a rate's interval from two quotients is the
 * least and greatest of the four, a level path read from its marks is the one the pattern finds scanning
 * every character, and a figure's reason and what follows it are read as the sentence so far said.
 */
describe('narrative shortcuts', () => {
  const printed = (value: string, decimals = 2): Printed => ({ value: new Decimal(value), decimals });

  /** The interval as it was worked out before: all four quotients, their least and greatest. */
  const fourQuotients = (current: Printed, change: Printed, direction: 'up' | 'down'): [Decimal, Decimal] | undefined => {
    const h = (p: Printed) => new Decimal(5).times(new Decimal(10).pow(-(p.decimals + 1)));
    const [cl, ch] = [current.value.minus(h(current)), current.value.plus(h(current))];
    const [dl, dh] = [change.value.minus(h(change)), change.value.plus(h(change))];
    const bases = direction === 'up' ? [cl.minus(dh), ch.minus(dl)] : [cl.plus(dl), ch.plus(dh)];
    if (bases[0].lte(0)) return undefined;
    const all = [dl.div(bases[0]), dl.div(bases[1]), dh.div(bases[0]), dh.div(bases[1])].map((x) => x.times(100));
    return [Decimal.min(...all), Decimal.max(...all)];
  };

  it.each([
    ['1000.00', '50.00', 'up'],
    ['1000.00', '50.00', 'down'],
    ['1000.00', '0.00', 'up'],
    ['1000.00', '0.00', 'down'],
    ['0.02', '0.01', 'up'],
    ['3', '1', 'down'],
    ['12345.678', '0.004', 'up'],
    ['1.00', '0.99', 'up'],
  ] as const)('a rate of %s changed by %s (%s) has the interval of its four quotients', (current, change, direction) => {
    const decimals = (s: string) => (s.split('.')[1] ?? '').length;
    const got = rateInterval(printed(current, decimals(current)), printed(change, decimals(change)), direction);
    const want = fourQuotients(printed(current, decimals(current)), printed(change, decimals(change)), direction);
    expect(got?.map((x) => x.toString())).toEqual(want?.map((x) => x.toString()));
  });

  it('a rate whose base is nought or less has no interval, as before', () => {
    expect(rateInterval(printed('1.00'), printed('1.00'), 'up')).toBeUndefined();
    expect(fourQuotients(printed('1.00'), printed('1.00'), 'up')).toBeUndefined();
  });

  // A share or rate judged by products first gives the verdict its divided interval gives: agreeing,
  // off in the last digit, off, or not judged (no interval).
  it.each([
    ['36.00', '120.00', '33.33'],
    ['36.00', '120.00', '30.00'],
    ['36.00', '120.00', '30.01'],
    ['36.00', '120.00', '29.99'],
    ['36.00', '120.00', '31.00'],
    ['1', '3', '33.3'],
    ['2', '3', '66.7'],
    ['2', '3', '66.6'],
    ['0.00', '5.00', '0.00'],
    ['5.00', '0.00', '100'],
  ] as const)('a share of %s in %s stated as %s% is judged as its interval judges it', (part, whole, stated) => {
    const d = (s: string) => (s.split('.')[1] ?? '').length;
    const [p, w, c] = [printed(part, d(part)), printed(whole, d(whole)), printed(stated, d(stated))];
    const range = shareInterval(p, w);
    expect(judgeShare(c, p, w)).toBe(range && judge(c, range[0], range[1]));
  });

  it.each([
    ['1050.00', '50.00', 'up', '5.00'],
    ['1050.00', '50.00', 'up', '5.01'],
    ['1050.00', '50.00', 'up', '4.76'],
    ['950.00', '50.00', 'down', '5.00'],
    ['950.00', '50.00', 'down', '5.26'],
    ['0.02', '0.01', 'up', '100'],
    ['1.00', '1.00', 'up', '50'],
  ] as const)('a rate of %s changed by %s (%s) stated as %s% is judged as its interval judges it', (current, change, direction, stated) => {
    const d = (s: string) => (s.split('.')[1] ?? '').length;
    const [now, by, c] = [printed(current, d(current)), printed(change, d(change)), printed(stated, d(stated))];
    const range = rateInterval(now, by, direction);
    expect(judgeRate(c, now, by, direction)).toBe(range && judge(c, range[0], range[1]));
  });

  it('the products settle the agreeing claims and leave the others to the interval', () => {
    expect([judgeShare(printed('30.00'), printed('36.00'), printed('120.00')), judgeShare(printed('30.02'), printed('36.00'), printed('120.00')), judgeShare(printed('31.00'), printed('36.00'), printed('120.00'))]).toEqual(['consistent', 'last-digit', 'off']);
    expect(judgeShare(printed('1'), printed('1'), printed('0.00'))).toBeUndefined();
  });

  /** The level path as the pattern finds it started at every character. */
  const everyStart = (subject: string) => {
    const out: Array<{ name: string; level: string }> = [];
    const re = /((?:[^（(）)，,。；;：:、]|[（(](?![类款项][）)])[^（(）)，,。；;：:、]{1,8}[）)])+?)\s*[（(](类|款|项)[）)]/g;
    for (let m = re.exec(subject); m; m = re.exec(subject)) {
      const name = m[1].replace(/^[\s)）.．、"“”]+/, '').trim();
      if (name) out.push({ name, level: m[2] });
    }
    return out;
  };

  it.each([
    '一般公共服务支出（类）财政事务（款）行政运行（项）',
    '支出 100.00 万元，其中：政府办公厅（室）及相关机构事务（款）行政运行（项）20.00 万元',
    '主要用于：教育（类）、科学技术（类）；（款）',
    '农林水支出（类）农业农村（款）。农业生产发展（项）：年初预算为 5 万元',
    '（类）开头，后有卫生健康支出 (类) 与 医疗保障（ 款）',
    '没有任何层级的一句话，只有逗号，和句号。',
  ])('the path of 「%s」 is the one every start gives', (text) => {
    expect(levelPath(text).map(({ name, level }) => ({ name, level }))).toEqual(everyStart(text));
  });

  const amounts = (text: string) => readClaims([{ row: 1, col: 1, text }], () => false, 2024).filter((c): c is AmountClaim => c.kind === 'amount');

  it('a figure after the reason words of its sentence is explanation; one before them, or in the next sentence, is not', () => {
    const [before, after, next] = amounts('支出 100.00 万元，主要原因是增加 20.00 万元的项目支出 30.00 万元。收入 50.00 万元');
    expect([before.reason, after.reason, next.reason]).toEqual([false, true, false]);
  });

  it('what follows a figure is read where it ends: per head, about, a list it opens', () => {
    const [perHead, about, opener, item] = amounts('人员 2.00 万元/人，会议费约 3.00 万元左右，支出 100.00 万元，其中：基本支出 80.00 万元');
    expect([perHead.unjudged, about.unjudged, opener.opensList, item.listOf]).toEqual(['per-unit', 'inexact', true, 2]);
  });
});
