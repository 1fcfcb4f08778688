import { displayText } from '../src/core/numberFormat';

/**
 * Figures too large for a plain layout of digits (found by the fuzz test: 1.7976931348623157e308
 * under #,##0.00 showed as 'In,fin,ity.00') show as General shows them, never as made-up text.
 */
test.each([
  [1e22, '#,##0.00', '1E+22'],
  [-1e308, '#,##0.00', '-1E+308'],
  [1.7976931348623157e308, '0.00', '1.79769E+308'],
  [1e24, '#,##0.00,', '1E+24'],
  [1e19, '0.0%', '1E+19'],
  [1e25, 'yyyy"年"m"月"d"日"', '1E+25'],
])('%p under %s shows as %s', (value, code, shown) => {
  expect(displayText(value, code)).toBe(shown);
});

test('figures below 1e21 keep their format: grouping and decimals as written', () => {
  expect(displayText(1e20, '#,##0.00')).toBe('100,000,000,000,000,000,000.00');
  expect(displayText(132372.61, '#,##0.00')).toBe('132,372.61');
  expect(displayText(1e21, '#,##0.00,')).toBe('1,000,000,000,000,000,000.00');
});

test('no finite figure shows as Infinity, NaN or a stray exponent', () => {
  for (let e = 15; e <= 308; e++) {
    for (const code of ['#,##0.00', '0.00', '#,##0', '0.0%', '#,##0.00,']) {
      expect(displayText(Number(`1e${e}`), code)).not.toMatch(/Infinity|NaN|e[,+]/);
    }
  }
});
