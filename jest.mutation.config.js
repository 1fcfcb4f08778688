/**
 * The suites StrykerJS runs against each mutant of the rules (stryker.config.mjs): the fast ones
 * that audit small workbooks of our own or the fixtures and look at the findings. Not the CLI,
 * worker, browser, fuzz, bench or add-in suites — they exercise the same rules through slower
 * doors (processes, a fake Excel host, Chromium) and would only make each mutant slower to judge.
 * Nor rules-variants: it audits every fixture in a beforeAll, which makes each rule mutant
 * "static" (run against every test, not only those that reach it), and it moves rows and columns
 * around — detection's business — for 7 s a run, on every one of ~3,400 mutants.
 * @type {import('jest').Config}
 */
const base = require('./jest.config.js');

const RULE_SUITES = ['rounding', 'rules-*', 'ruleCoverage', 'narrative', 'layoutsProvinces', 'layoutsFinalAccounts', 'disclosures', 'notBudget', 'injected', 'realDisclosures'];

module.exports = {
  ...base,
  testMatch: RULE_SUITES.map((name) => `<rootDir>/test/${name}.test.ts`),
  testPathIgnorePatterns: ['/node_modules/', '/test/rules-variants\\.test\\.ts$'],
};
