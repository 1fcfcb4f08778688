/**
 * A webpack plugin that writes the command line's bundle compact: no comments but licences, no indentation, local
 * names shortened, every character past ASCII as its escape (terser; the code is not otherwise changed:
 * no compression, function and class names kept, so a stack trace still names them).
 *
 * Why: every `check` reads the bundle, hashes it (src/cli/codeCache.ts) and holds it as a string, and
 * on a virtual machine where memory fresh from the system costs ~13 µs a page, each MB of it cost a
 * run ~8 ms before any work: 2.3 MB as written by tsc and webpack, 1.3 MB compact (a seed workbook's
 * `check`: 343 → 317 ms CPU, alternated runs). In ASCII, Node reads it into a one-byte string;
 * with the Chinese of the messages and the detection's words left as they are, into a two-byte
 * one, decoded slowly.
 */
const { minify } = require('terser');

const OPTIONS = {
  compress: false,
  mangle: { keep_fnames: true, keep_classnames: true },
  // Licence comments (/*! …, @license) kept; a statement a line, where a semicolon would end it (a stack
  // trace's line still points near the code).
  format: { comments: 'some', ascii_only: true, semicolons: false },
};

class CompactBundlePlugin {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('CompactBundlePlugin', (compilation) => {
      compilation.hooks.processAssets.tapPromise({ name: 'CompactBundlePlugin', stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE }, async (assets) => {
        for (const [name, asset] of Object.entries(assets)) {
          if (!name.endsWith('.js')) continue;
          const { code } = await minify(asset.source().toString(), OPTIONS);
          compilation.updateAsset(name, new sources.RawSource(code));
        }
      });
    });
  }
}

module.exports = { CompactBundlePlugin };
