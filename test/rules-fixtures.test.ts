/**
 * The reviewer's checklist on the five real disclosures: every inconsistency the answer
 * files list is reported (its cell named in a finding), no rounding tail is called an
 * error, and nothing else is called an error.
 */
import fs from 'node:fs';
import path from 'node:path';
import { readSnapshotFromFile } from '../src/adapters/xlsx/readSnapshot';
import { parseRangeAddress, cellAddress } from '../src/core/address';
import { audit, type AuditResult } from '../src/core/engine';
import type { Finding } from '../src/core/finding';
import { findingText, MAX_SENTENCE, renderCheck } from '../src/core/messages/render';
import { RULE_NAMES } from '../src/core/messages/ruleNames';
import { columns, formatCheck, MAX_COLUMNS } from '../src/cli/humanReport';

const FIXTURES = path.join(__dirname, 'fixtures');
const files = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.xlsx')).sort();

interface AnswerFinding {
  sheet: string;
  cell: string;
  rule: string;
  severity: string;
  actual: string;
  expected: string;
  why: string;
}
interface Answer {
  findings: AnswerFinding[];
  roundingTails: Array<{ sheet: string; cell: string; actual: string; sumOfParts: string; why: string }>;
}

function cellsOf(f: Finding): string[] {
  return [`${f.sheet}!${f.cell}`, ...f.cells.map((c) => `${c.sheet}!${c.cell}`)];
}

/** Every cell of an answer's cell or range, sheet-qualified. */
function answerCells(a: { sheet: string; cell: string }): string[] {
  const r = parseRangeAddress(a.cell);
  const out: string[] = [];
  for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) out.push(`${a.sheet}!${cellAddress(row, col)}`);
  return out;
}

const results = new Map<string, AuditResult>();
const answers = new Map<string, Answer>();

beforeAll(async () => {
  for (const f of files) {
    const snapshot = await readSnapshotFromFile(path.join(FIXTURES, f));
    results.set(f, audit(snapshot));
    answers.set(f, JSON.parse(fs.readFileSync(path.join(FIXTURES, 'answers', f.replace(/\.xlsx$/, '.json')), 'utf8')));
  }
});

describe.each(files)('%s', (file) => {
  test('every inconsistency of the answer file is reported at its cell', () => {
    const got = results.get(file)!.findings.filter((f) => f.severity !== 'info');
    const missing = answers.get(file)!.findings.filter((a) => {
      const wanted = new Set(answerCells(a));
      return !got.some((g) => cellsOf(g).some((c) => wanted.has(c)));
    });
    expect(missing.map((m) => `${m.sheet}!${m.cell}: ${m.why}`)).toEqual([]);
  });

  test('an answer-file error is reported as an error, a warning at least as a warning', () => {
    const got = results.get(file)!.findings;
    for (const a of answers.get(file)!.findings) {
      const wanted = new Set(answerCells(a));
      const hits = got.filter((g) => cellsOf(g).some((c) => wanted.has(c)));
      const severities = new Set(hits.map((h) => h.severity));
      if (a.severity === 'error') expect(severities.has('error')).toBe(true);
      else expect(severities.has('warning') || severities.has('error')).toBe(true);
    }
  });

  test('no rounding tail of the answer file is called an error', () => {
    const errors = results.get(file)!.findings.filter((f) => f.severity === 'error');
    const tails = answers.get(file)!.roundingTails.map((t) => `${t.sheet}!${t.cell}`);
    const bad = errors.filter((e) => cellsOf(e).some((c) => tails.includes(c)));
    expect(bad.map((b) => findingText(b)['zh-CN'])).toEqual([]);
  });

  test('no error-level finding beyond the answer file', () => {
    const listed = new Set(answers.get(file)!.findings.flatMap(answerCells));
    const extra = results
      .get(file)!
      .findings.filter((f) => f.severity === 'error')
      .filter((f) => !cellsOf(f).some((c) => listed.has(c)));
    expect(extra.map((e) => `${e.rule} ${e.sheet}!${e.cell}: ${findingText(e)['zh-CN']}`)).toEqual([]);
  });

  test('findings are plain data: a registered rule, one sentence of at most 80 characters in each language, string amounts', () => {
    for (const f of results.get(file)!.findings) {
      const text = findingText(f);
      expect(RULE_NAMES[f.rule]).toBeDefined();
      expect(text['zh-CN'].length).toBeGreaterThan(0);
      expect(text['zh-CN'].length).toBeLessThanOrEqual(MAX_SENTENCE);
      expect(text.en.length).toBeGreaterThan(0);
      expect(Array.isArray(f.explains)).toBe(true);
      for (const c of f.explains) expect(renderCheck(c, 'zh-CN', f.decimals ?? 2)).toMatch(/容差/);
      // A code or a name is never printed as money.
      if (f.subject === 'code') expect(text['zh-CN']).not.toMatch(/\d,\d{3}/);
      expect(f.actual === null || typeof f.actual === 'string').toBe(true);
      expect(f.expected === null || typeof f.expected === 'string').toBe(true);
      expect(typeof f.tolerance).toBe('string');
      expect(f.cells.length).toBeGreaterThan(0);
      expect(JSON.parse(JSON.stringify(f))).toEqual(f);
    }
  });
});

test('human check output keeps every line within 160 columns, details included', () => {
  for (const f of files) {
    for (const verbose of [false, true]) {
      const text = formatCheck(results.get(f)!, 'zh-CN', { all: true, verbose });
      expect(text.split('\n').filter((l) => columns(l) > MAX_COLUMNS)).toEqual([]);
    }
  }
});

describe('what the checks say on the real mistakes', () => {
  const sanmenxia = () => results.get(files.find((f) => f.startsWith('003'))!)!;

  test('YS04 E27 (住房保障支出 一般公共预算 left empty) is the culprit of three gaps, expected 70.88', () => {
    const f = sanmenxia().findings.find((x) => x.sheet === 'YS04' && x.cell === 'E27')!;
    expect(f).toBeDefined();
    expect(f.culprit).toBe(true);
    expect(f.actual).toBeNull();
    expect(f.expected).toBe('70.88');
    expect(f.severity).toBe('error');
    // Marked: the cell and the totals it breaks; the checks it explains are data.
    expect(f.cells.map((c) => `${c.sheet}!${c.cell}`)).toEqual(expect.arrayContaining(['YS04!E27', 'YS04!D27', 'YS04!E7']));
    expect(f.explains.map((c) => `${c.stated.sheet}!${c.stated.cell}`)).toEqual(expect.arrayContaining(['YS04!D27', 'YS04!E7', 'YS04!E27']));
    expect(f.explains.every((c) => !c.consistent)).toBe(true);
    expect(findingText(f)['zh-CN']).toBe('YS04 E27 (二十一)住房保障支出 一般公共预算小计 为空，应为 70.88（少 70.88）：与支出合计及一、本年支出不符。');
  });

  test('YS04 E39 812.63 explains both 支出合计 gaps (row D39 and column E), expected 912.63', () => {
    const f = sanmenxia().findings.find((x) => x.sheet === 'YS04' && x.cell === 'E39')!;
    expect(f.culprit).toBe(true);
    expect(f.actual).toBe('812.63');
    expect(f.expected).toBe('912.63');
    expect(f.cells.map((c) => c.cell)).toContain('D39');
  });

  test('YS04 F7 is right: the empty F27 is the culprit of column F (其中：财政拨款 = 一般公共预算 once E27 is corrected), expected 70.88', () => {
    const r = sanmenxia();
    expect(r.findings.find((x) => x.sheet === 'YS04' && x.cell === 'F7')).toBeUndefined();
    const f = r.findings.find((x) => x.sheet === 'YS04' && x.cell === 'F27')!;
    expect(f.culprit).toBe(true);
    expect(f.severity).toBe('error');
    expect(f.actual).toBeNull();
    expect(f.expected).toBe('70.88');
    expect(f.cells.map((c) => c.cell)).toEqual(['F27', 'F7']);
    const column = f.explains.find((c) => c.stated.cell === 'F7')!;
    expect(column.sum).toBe('841.74');
    expect(column.tolerance).toBe('0.015');
  });

  test('a rounding tail is info and its message shows both intervals', () => {
    const fa = results.get(files.find((f) => f.startsWith('002'))!)!;
    const tail = fa.findings.find((x) => x.sheet === '公开03表' && x.cell === 'C7' && x.rule === 'row-sum')!;
    expect(tail.severity).toBe('info');
    expect(tail.actual).toBe('1269.26');
    expect(tail.expected).toBe('1269.27');
    expect(tail.tolerance).toBe('0.030');
    expect(findingText(tail)['zh-CN']).toContain('在尾数容差 ±0.030 以内');
    expect(renderCheck(tail.explains[0], 'zh-CN', 2)).toMatch(/\[1269\.255, 1269\.265\] 与 \[1269\.245, 1269\.295\] 相交/);
  });

  test('004 基本支出明细表: Σ 人员类 rows 412.69 against 人员经费 413.69 is a warning at the group, both sides named', () => {
    const r = results.get(files.find((f) => f.startsWith('004'))!)!;
    const f = r.findings.find((x) => x.rule === 'cross-personnel-split' && x.cell === 'D7')!;
    expect(f.severity).toBe('warning');
    expect(f.actual).toBe('412.69');
    expect(f.expected).toBe('413.69');
    // Placed at the group its sentence is about; marked there and at the other side, never at every part.
    expect(f.cells.map((c) => `${c.sheet}!${c.cell}`)).toEqual(['七、一般公共预算基本支出明细表!D7', '六、一般公共预算基本支出预算表!F5']);
    expect(f.parts.map((c) => c.cell)).toContain('D30');
  });

  test('the carry-over gap of 001 is a warning that names the carry-over', () => {
    const r = results.get(files.find((f) => f.startsWith('001'))!)!;
    const f = r.findings.find((x) => x.cell === 'D7' && x.rule === 'cross-table-carryover')!;
    expect(f.severity).toBe('warning');
    expect(f.expected).toBe('132465.29');
    expect(findingText(f)['zh-CN']).toContain('差 92.68，恰为年终结转结余');
  });
});
