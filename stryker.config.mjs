// StrykerJS: which changes to the rules no test notices. `npm run mutate` — outside `npm test`
// and .ci/run (a whole run takes hours on two cores); README, "Mutation testing".
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'jest',
  // Only the fast suites that audit workbooks and read the findings (jest.mutation.config.js). Not
  // --findRelatedTests: jest's roots hold test/ only, so it would see just the suites importing a rule
  // file directly (none do: they go through the engine); perTest coverage picks the tests instead.
  jest: { projectType: 'custom', configFile: 'jest.mutation.config.js', enableFindRelatedTests: false },
  // A mutant that does not compile is no test's business: the checker sets it aside before any test runs.
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.mutation.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  // Each mutant runs only the tests that reach it.
  coverageAnalysis: 'perTest',
  // The rules, the narrative's judge and the rounding band; the toolkit only through them.
  mutate: ['src/core/rules/*.ts', 'src/core/narrative/judge.ts', 'src/core/rounding.ts'],
  ignorePatterns: ['dist', 'dist-bench', 'coverage', 'reports', 'test/artifacts', 'taskpane', 'assets', 'docs', 'bench'],
  // The machine is shared: two workers at most.
  concurrency: 2,
  // An endless loop is caught by Stryker's hit counter; the timeout is for the rest, on a busy machine.
  timeoutMS: 10000,
  // Later runs re-test only mutants whose code or tests changed; the file stays out of git.
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['html', 'json', 'clear-text', 'progress'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
