import { charSet, cleanEndsWith, cleansTo, hasSpace, isAsciiDigits, isOneOf, isSpaceCode, lastNonSpaceCode, opensWithLetter, opensWithOneOf, trimmed } from '../src/core/detect/charTests';

/**
 * The character tests stand in for patterns asked of every row: each must answer as its pattern
 * does, for every UTF-16 code unit and for the openings, spaces and digits of real labels.
 */

const everyCodeUnit = Array.from({ length: 0x10000 }, (_, c) => c);

describe('character tests answer as the patterns they stand in for', () => {
  test('a space is what \\s matches, for every code unit', () => {
    const wrong = everyCodeUnit.filter((c) => isSpaceCode(c) !== /[\s\u00a0\u3000]/.test(String.fromCharCode(c)));
    expect(wrong).toEqual([]);
  });

  test('trimmed is trim, for every code unit at either end or both', () => {
    const wrong = everyCodeUnit.filter((c) => {
      const ch = String.fromCharCode(c);
      return [ch, ch + 'x', 'x' + ch, ch + 'x' + ch, ch + ch].some((t) => trimmed(t) !== t.trim());
    });
    expect(wrong).toEqual([]);
    expect(trimmed('')).toBe('');
  });

  test('a space anywhere in a label', () => {
    for (const t of ['合 计', '一般公共预\n算', '项目\u3000', '\u00a0金额', '行政\u2003运行', 'a\ufeff', '合计', '', '2010301', '（一）'])
      expect([t, hasSpace(t)]).toEqual([t, /[\s\u00a0\u3000]/.test(t)]);
  });

  test('a label cleaned of its spaces is a word, or ends in one, as the cleaned text says', () => {
    const clean = (t: string) => t.replace(/[\s\u00a0\u3000]+/g, '');
    const labels = ['栏次', ' 栏 次 ', '栏\n次', '栏次栏次', '栏', '次', '行次', '栏次1', '', '   ', '\u3000栏\u00a0次\ufeff', '执行 情况说明，运行经费栏目', '合计', '人员经费合计', '合 计 ', '合计 x', '共计', '共 计', '本年合计', '小计', '计', '总\n计'];
    for (const t of labels)
      for (const word of ['栏次', '行次', '合计', '总计', '共计'])
        expect([t, word, cleansTo(t, word), cleanEndsWith(t, word)]).toEqual([t, word, clean(t) === word, clean(t).endsWith(word)]);
    // Every code unit beside the word: a space is passed over, anything else is a character of the label.
    const wrong = everyCodeUnit.filter((c) => {
      const ch = String.fromCharCode(c);
      return [ch + '合计', '合' + ch + '计', '合计' + ch].some((t) => cleansTo(t, '合计') !== (clean(t) === '合计') || cleanEndsWith(t, '合计') !== clean(t).endsWith('合计'));
    });
    expect(wrong).toEqual([]);
  });

  test('an opening character after leading spaces, for every code unit and for indented texts', () => {
    const chars = charSet('平均人占比百增排名最');
    const pattern = /^[\s\u00a0\u3000]*[平均人占比百增排名最]/;
    const wrong = everyCodeUnit.filter((c) => {
      const t = String.fromCharCode(c) + '值';
      return opensWithOneOf(t, chars) !== pattern.test(t);
    });
    expect(wrong).toEqual([]);
    for (const t of ['  平均', '\u3000\u3000人均', '\n占比', '   ', '', '合计平均', ' 其中：平均'])
      expect([t, opensWithOneOf(t, chars)]).toEqual([t, pattern.test(t)]);
  });

  test('a set of characters holds its own and no other code unit; past a text’s end (NaN) none', () => {
    const codeOpening = charSet('0123456789０１２３４５６７８９[【(（［');
    const wrong = everyCodeUnit.filter((c) => isOneOf(c, codeOpening) !== /^[\d０-９[【(（［]/.test(String.fromCharCode(c)));
    expect(wrong).toEqual([]);
    expect(isOneOf(''.charCodeAt(0), codeOpening)).toBe(false);
  });

  test('the last character as trim leaves it', () => {
    for (const t of ['收支总表', '收支总表 \u3000\n', '情 况 ', '   ', '', 'a\ufeff'])
      expect([t, String.fromCharCode(lastNonSpaceCode(t))]).toEqual([t, t.trim() ? t.trim()[t.trim().length - 1] : String.fromCharCode(NaN)]);
  });

  test('ASCII digits only, at least one', () => {
    for (const t of ['2010301', '0', '', '２０１', '201a', ' 201', '201 ', '1.5', '-1'])
      expect([t, isAsciiDigits(t)]).toEqual([t, /^\d+$/.test(t)]);
    const wrong = everyCodeUnit.filter((c) => isAsciiDigits(String.fromCharCode(c)) !== /^\d+$/.test(String.fromCharCode(c)));
    expect(wrong).toEqual([]);
  });
});

describe('a Latin letter opening a form number (YS03, ＧＫ06)', () => {
  test('for every code unit, and after leading spaces', () => {
    const pattern = /^[\s\u3000]*[A-Za-zＡ-Ｚａ-ｚ]/;
    const wrong = everyCodeUnit.filter((c) => opensWithLetter(String.fromCharCode(c)) !== pattern.test(String.fromCharCode(c)));
    expect(wrong).toEqual([]);
    for (const t of ['  YS03', '\u3000ＧＫ06', '附表3', '', '  ', ' 3A']) expect([t, opensWithLetter(t)]).toEqual([t, pattern.test(t)]);
  });
});
