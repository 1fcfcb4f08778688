import { format, getFormatInfo } from 'numfmt';
import { displayText, formatInfo } from '../src/core/numberFormat';

/**
 * displayText lays the common amount codes out itself (numberFormat.ts, simpleText): it must give
 * numfmt's text for every value, rounding boundaries and signs included.
 */
describe('the common amount codes, laid out without numfmt, read as numfmt reads them', () => {
  // A fixed-seed generator: the same values on every run.
  let seed = 12345;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const values: number[] = [0, -0, 1, -1, 0.5, -0.5, 0.005, -0.005, 0.004999, 1.005, 2.675, 1.045, 999.995, 999999.995, 1e15 - 1, 1e15, 1e15 + 2, 123456789.125, 0.0000001, -0.0000004, 1e-7, 5e-7, 0.1 + 0.2];
  for (let i = 0; i < 40000; i++) {
    const magnitude = 10 ** Math.floor(random() * 17 - 2);
    const sign = random() < 0.3 ? -1 : 1;
    values.push(sign * random() * magnitude);
    // Typed figures: cents, and halves of the last displayed digit.
    const cents = Math.floor(random() * 10 ** Math.floor(random() * 14));
    values.push(sign * (cents / 100));
    values.push(sign * ((cents + 0.5) / 100));
    values.push(sign * ((cents + 0.5) / 1000));
    values.push(sign * Math.round(random() * 1e6));
    // Figures that round to nothing (zeros are most cells of a sparse table).
    values.push(sign * random() * 10 ** -Math.floor(random() * 8));
  }

  test.each(['#,##0.00', '0.00', '#,##0', '0', '#,##0.0', '0.000', '#,##0.0000', '0.000000'])('%s', (code) => {
    const differ: string[] = [];
    for (const v of values) {
      const ours = displayText(v, code);
      const theirs = format(code, v, { dateErrorNumber: true, throws: true });
      if (ours !== theirs && differ.length < 10) differ.push(`${v}: ${ours} ≠ ${theirs}`);
    }
    expect(differ).toEqual([]);
  });

  test.each(['#,##0.00', '0.00', '#,##0', '0', '#,##0.0', '0.000', '#,##0.0000', '0.000000'])('%s: decimals, scale and kind as numfmt reads them', (code) => {
    const info = getFormatInfo(code);
    expect(formatInfo(code)).toEqual({ decimals: info.maxDecimals, percent: info.isPercent, scale: info.scale, date: info.isDate, text: info.isText });
    expect(['number', 'grouped']).toContain(info.type);
  });
});
