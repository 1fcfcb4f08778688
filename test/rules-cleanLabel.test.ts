import { cleanLabel } from '../src/core/rules/toolkit/tableAccess';

// The rules' cleanLabel skips its memo for a label that needs no change: it must give what the
// full cleaning gives (spaces removed, full-width （ ） ： folded) for every character.
const fullyCleaned = (s: string) => s.replace(/[\s\u00a0\u3000]+/g, '').replace(/（/g, '(').replace(/）/g, ')').replace(/：/g, ':');

describe('rules cleanLabel', () => {
  it('gives a label with nothing to change back as it is', () => {
    expect(cleanLabel('一般公共预算财政拨款')).toBe('一般公共预算财政拨款');
    expect(cleanLabel('')).toBe('');
  });

  it('removes spaces and line breaks, full-width ones too', () => {
    expect(cleanLabel('合 计')).toBe('合计');
    expect(cleanLabel('一般公共预\n算')).toBe('一般公共预算');
    expect(cleanLabel('\u3000人员经费\u00a0')).toBe('人员经费');
  });

  it('folds full-width brackets and colon', () => {
    expect(cleanLabel('维修（护）费')).toBe('维修(护)费');
    expect(cleanLabel('其中：财政拨款')).toBe('其中:财政拨款');
  });

  it('cleans a long text (past the memo) the same way', () => {
    const long = `${'说明'.repeat(150)} （一）`;
    expect(cleanLabel(long)).toBe(`${'说明'.repeat(150)}(一)`);
  });

  it('agrees with the full cleaning for every UTF-16 code unit', () => {
    const wrong: number[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const s = `支${String.fromCharCode(c)}出`;
      if (cleanLabel(s) !== fullyCleaned(s)) wrong.push(c);
    }
    expect(wrong).toEqual([]);
  });
});
