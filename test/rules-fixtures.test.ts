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
    expect(bad.map((b) => b.message['zh-CN'])).toEqual([]);
  });

  test('no error-level finding beyond the answer file', () => {
    const listed = new Set(answers.get(file)!.findings.flatMap(answerCells));
    const extra = results
      .get(file)!
      .findings.filter((f) => f.severity === 'error')
      .filter((f) => !cellsOf(f).some((c) => listed.has(c)));
    expect(extra.map((e) => `${e.rule} ${e.sheet}!${e.cell}: ${e.message['zh-CN']}`)).toEqual([]);
  });

  test('findings are plain data with both languages and string amounts', () => {
    for (const f of results.get(file)!.findings) {
      expect(f.message['zh-CN'].length).toBeGreaterThan(0);
      expect(f.message.en.length).toBeGreaterThan(0);
      expect(f.actual === null || typeof f.actual === 'string').toBe(true);
      expect(f.expected === null || typeof f.expected === 'string').toBe(true);
      expect(typeof f.tolerance).toBe('string');
      expect(f.cells.length).toBeGreaterThan(0);
      expect(JSON.parse(JSON.stringify(f))).toEqual(f);
    }
  });
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
    expect(f.cells.map((c) => `${c.sheet}!${c.cell}`)).toEqual(expect.arrayContaining(['YS04!D27', 'YS04!E7', 'YS05!F14']));
    expect(f.message['zh-CN']).toContain('共同原因');
  });

  test('YS04 E39 812.63 explains both 支出合计 gaps (row D39 and column E), expected 912.63', () => {
    const f = sanmenxia().findings.find((x) => x.sheet === 'YS04' && x.cell === 'E39')!;
    expect(f.culprit).toBe(true);
    expect(f.actual).toBe('812.63');
    expect(f.expected).toBe('912.63');
    expect(f.cells.map((c) => c.cell)).toContain('D39');
  });

  test('YS04 F7: the 财政拨款 column has no culprit cell, its total is reported with the sum 841.74', () => {
    const f = sanmenxia().findings.find((x) => x.sheet === 'YS04' && x.cell === 'F7')!;
    expect(f.culprit).toBeUndefined();
    expect(f.expected).toBe('841.74');
    expect(f.tolerance).toBe('0.015');
    expect(f.message['zh-CN']).toMatch(/超出尾数容差 ±0\.015/);
  });

  test('a rounding tail is info and its message shows both intervals', () => {
    const fa = results.get(files.find((f) => f.startsWith('002'))!)!;
    const tail = fa.findings.find((x) => x.sheet === '公开03表' && x.cell === 'C7' && x.rule === 'row-sum')!;
    expect(tail.severity).toBe('info');
    expect(tail.actual).toBe('1269.26');
    expect(tail.expected).toBe('1269.27');
    expect(tail.tolerance).toBe('0.030');
    expect(tail.message['zh-CN']).toContain('尾数容差 ±0.030 以内');
    expect(tail.message['zh-CN']).toMatch(/\[1269\.255, 1269\.265\] 与 \[1269\.245, 1269\.295\]/);
  });

  test('004 基本支出明细表: Σ 人员类 rows 412.69 against 人员经费 413.69 is a warning at the group, both sides named', () => {
    const r = results.get(files.find((f) => f.startsWith('004'))!)!;
    const f = r.findings.find((x) => x.rule === 'cross-personnel-split' && x.cell === 'D7')!;
    expect(f.severity).toBe('warning');
    expect(f.actual).toBe('412.69');
    expect(f.expected).toBe('413.69');
    expect(f.cells.map((c) => `${c.sheet}!${c.cell}`)).toEqual(expect.arrayContaining(['六、一般公共预算基本支出预算表!F5', '七、一般公共预算基本支出明细表!D30']));
  });

  test('the carry-over gap of 001 is a warning that names the carry-over', () => {
    const r = results.get(files.find((f) => f.startsWith('001'))!)!;
    const f = r.findings.find((x) => x.cell === 'D7' && x.rule === 'cross-table-carryover')!;
    expect(f.severity).toBe('warning');
    expect(f.expected).toBe('132465.29');
    expect(f.message['zh-CN']).toContain('92.68');
  });
});
