/* eslint-disable no-undef */
/**
 * The command line in one file (dist/cli/main.bundle.js), made from tsc's output in dist/cli by
 * `npm run build:cli`. Node resolving, reading and compiling some 130 modules one by one was a
 * quarter of a small `check` (module resolution alone searched the disk for each relative
 * require); one file is read and compiled (from V8's cached code, src/cli/codeCache.ts) at once.
 * The packages every `check` of an .xlsx runs are in it too (BUNDLED); the others stay outside and load as
 * before, each when first needed (SheetJS's full build for .xls, numfmt, ExcelJS and fflate for an annotated
 * copy or a summary workbook). bin/budget-audit.js takes the bundle only when it is newer than
 * dist/cli/main.js, so a bare `tsc -p tsconfig.cli.json` is never shadowed by an old bundle.
 */
const path = require('path');
const { CompactBundlePlugin } = require('./build/compactBundle');

/**
 * Packages read into the bundle: those a `check` of an .xlsx always loads (decimal.js; yauzl and saxes, with
 * what they require, for the container's checks; SheetJS's core build). Node finding each of them (its
 * package.json, its `exports` map, a real path) and reading its file cost a `check` of a seed workbook ~14 ms
 * of 365 (alternated runs); in the bundle they are read, hashed and compiled from kept code with the rest. Not ExcelJS or
 * SheetJS's full build: most runs never load them, and every run would read them.
 */
const BUNDLED = /^(?:decimal\.js|saxes|xmlchars\/.+|yauzl|fd-slicer|buffer-crc32|pend|@e965\/xlsx\/dist\/xlsx\.core\.min\.js)$/;

module.exports = {
  mode: 'none',
  target: 'node20',
  // (Not a batch's worker: its entry module, which turns the code cache on, is compiled before the cache is, so in one
  // file none of its code would be kept. It loads the modules one by one, each from its kept code, as before.)
  entry: { 'main.bundle': './dist/cli/main.js' },
  output: {
    path: path.resolve(__dirname, 'dist/cli'),
    filename: '[name].js',
    library: { type: 'commonjs2' },
    // Written every build, even unchanged: bin/programFile.js runs the bundle only when it is newer than tsc's
    // output, and webpack's default leaves a file of the same content untouched (older than the tsc run just
    // before it, so never taken again).
    compareBeforeEmit: false,
  },
  // Other packages and Node's own modules are required at run time, as the unbundled program does.
  externals: [({ request }, callback) => (/^[./]/.test(request) || path.isAbsolute(request) || BUNDLED.test(request) ? callback() : callback(null, `commonjs ${request}`))],
  // The bundle sits in dist/cli beside the modules: __dirname finds checkWorker.js there, as before.
  node: { __dirname: false, __filename: false },
  devtool: false,
  // Written compact and in ASCII: every run reads, hashes and holds it (build/compactBundle.js).
  plugins: [new CompactBundlePlugin()],
  optimization: { minimize: false, concatenateModules: false },
  performance: { hints: false },
  stats: 'errors-warnings',
};
