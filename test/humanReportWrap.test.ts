import { columns, fit } from '../src/cli/humanReport';

/**
 * A long finding line is wrapped, never cut: its end says what the figure should be and which
 * check it is (reviewer: a 160-column cut lost the rule names and ended --verbose details mid-band).
 */
describe('a line longer than the width is wrapped, nothing lost', () => {
  const sentence = '合计 项目支出 5.50，应为 6.00（少 0.50）：与合计及社会保险经办机构不符。';
  const line = `  [错误] E4    ${sentence.repeat(4)}（列合计）`;

  test('every piece fits, the text is all there, continuation lines sit under the sentence', () => {
    const out = fit(line, 80).split('\n');
    expect(out.length).toBeGreaterThan(1);
    for (const l of out) expect(columns(l)).toBeLessThanOrEqual(80);
    // All of it, in order (a space a line breaks at is the only thing not repeated).
    expect(out.join('').replace(/\s+/g, '')).toBe(line.replace(/\s+/g, ''));
    for (const l of out.slice(1)) expect(l.startsWith(' '.repeat(columns('  [错误] E4    ')))).toBe(true);
    expect(out[out.length - 1]).toMatch(/（列合计）$/);
  });

  test('no line opens with closing punctuation, and an amount is not split', () => {
    const out = fit(line, 80).split('\n');
    for (const l of out) expect(l.trimStart()).not.toMatch(/^[，。；：）]/);
    for (const l of out) expect(l).not.toMatch(/[（「]$/);
    const verbose = `        · 合计 1,234,567.89 = ${Array.from({ length: 12 }, (_, i) => `${(i + 1) * 11111}.11`).join(' + ')} ± 0.065`;
    const pieces = fit(verbose, 80).split('\n');
    expect(pieces.length).toBeGreaterThan(1);
    for (const l of pieces) expect(l.trim()).toMatch(/^([·=+±\d.,]|合计)/);
    expect(pieces.join(' ').replace(/\s+/g, ' ').trim()).toBe(verbose.trim());
  });

  test('a line that fits is left as it is', () => {
    expect(fit(`  [警告] D17   ${sentence}`, 160)).toBe(`  [警告] D17   ${sentence}`);
  });
});
