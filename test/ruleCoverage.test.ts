import fs from 'node:fs';
import path from 'node:path';
import { ruleDefaults } from '../src/core/settings';

/**
 * Every rule id `budget-audit rules` lists is named in a suite that audits workbooks and that
 * mutation testing runs (jest.mutation.config.js): so a change to that rule's arithmetic, sign or
 * severity has a test that can see it. Cheap and honest: it reads the catalogue and the test files,
 * and a rule nobody tests is named here.
 */
const TEST_DIR = __dirname;
const SELF = path.basename(__filename);

const mutationConfig = require('../jest.mutation.config.js') as { testMatch: string[]; testPathIgnorePatterns: string[] };

/** The suites Stryker judges mutants by, as jest.mutation.config.js lists them (`<rootDir>/test/rules-*.test.ts`). */
function ruleSuites(): string[] {
  const globs = mutationConfig.testMatch.map((g) => new RegExp(`^${path.basename(g).replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`));
  const ignored = mutationConfig.testPathIgnorePatterns.map((p) => new RegExp(p));
  return fs
    .readdirSync(TEST_DIR)
    .filter((f) => f !== SELF && globs.some((g) => g.test(f)) && !ignored.some((re) => re.test(`/test/${f}`)))
    .sort();
}

/** Source without its comments: an id named only in a comment tests nothing. */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

/** The ids not written as a string ('row-sum', "row-sum", `row-sum`) in any of these sources. */
function unnamed(ids: string[], sources: string[]): string[] {
  return ids.filter((id) => !sources.some((s) => ["'", '"', '`'].some((q) => s.includes(`${q}${id}${q}`))));
}

describe('rule coverage: every rule id is named in a rule suite', () => {
  const ids = [...ruleDefaults().keys()];
  const suites = ruleSuites();
  const sources = suites.map((f) => withoutComments(fs.readFileSync(path.join(TEST_DIR, f), 'utf8')));

  test('the catalogue and the suites are there to compare (a test reading nothing would pass on nothing)', () => {
    expect(ids.length).toBeGreaterThanOrEqual(50);
    expect(ids).toEqual(expect.arrayContaining(['row-sum', 'column-total', 'narrative-vs-table', 'layout-doubtful']));
    expect(suites).toEqual(expect.arrayContaining(['rules-fixtures.test.ts', 'narrative.test.ts', 'injected.test.ts']));
    expect(suites).not.toContain('rules-variants.test.ts');
  });

  test('an id named nowhere, or only in a comment, is reported', () => {
    expect(unnamed(['row-sum', 'no-such-rule'], ["expect(f.rule).toBe('row-sum')"])).toEqual(['no-such-rule']);
    expect(unnamed(['row-sum'], [withoutComments("// 'row-sum' is checked elsewhere\nconst x = 1;")])).toEqual(['row-sum']);
  });

  test('every id of `budget-audit rules` is named in at least one rule suite', () => {
    expect(unnamed(ids, sources)).toEqual([]);
  });
});

