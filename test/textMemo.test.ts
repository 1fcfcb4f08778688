import { textMemo } from '../src/core/textMemo';

/** The one memo every label, name and subject cache goes through (src/core/textMemo.ts). */
describe('textMemo: a function of a text, worked out once per text', () => {
  const counted = <T>(f: (s: string) => T) => {
    const calls: string[] = [];
    return { calls, fn: (s: string) => (calls.push(s), f(s)) };
  };

  it('answers a text asked again from what it kept, undefined answers too', () => {
    const { calls, fn } = counted((s) => (s.startsWith('类') ? s.length : undefined));
    const memo = textMemo(fn, 10);
    expect([memo('类款'), memo('项'), memo('类款'), memo('项')]).toEqual([2, undefined, 2, undefined]);
    expect(calls).toEqual(['类款', '项']);
  });

  it('lets everything go once it holds `kept` answers, and works them out again', () => {
    const { calls, fn } = counted((s) => s.toUpperCase());
    const memo = textMemo(fn, 2);
    memo('a');
    memo('b');
    memo('c'); // full: cleared, then c kept
    memo('c');
    memo('a');
    expect(calls).toEqual(['a', 'b', 'c', 'a']);
  });

  it('answers the text asked last at once, its undefined answer too, and then the one before from what it kept', () => {
    const { calls, fn } = counted((s) => (s === '合计' ? undefined : s.length));
    const memo = textMemo(fn, 10);
    expect([memo('合计'), memo('合计'), memo('基本支出'), memo('基本支出'), memo('合计')]).toEqual([undefined, undefined, 4, 4, undefined]);
    expect(calls).toEqual(['合计', '基本支出']);
  });

  it('never keeps a text longer than `longest`', () => {
    const { calls, fn } = counted((s) => s.length);
    const memo = textMemo(fn, 10, 3);
    expect([memo('abcd'), memo('abcd'), memo('abc'), memo('abc')]).toEqual([4, 4, 3, 3]);
    expect(calls).toEqual(['abcd', 'abcd', 'abc']);
  });
});
