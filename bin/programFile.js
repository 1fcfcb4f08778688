// Which file of the command line to run (bin/budget-audit.js): the program in one file where
// `npm run build:cli` made it (webpack.cli.config.js), one file read and compiled rather than some
// 130 resolved one by one; but only when it is newer than tsc's own output, which every tsc run
// rewrites, so that an old bundle never stands in for a newer build.
const fs = require('fs');
const path = require('path');

function programFile(cliDir, name = 'main') {
  const bundle = path.join(cliDir, `${name}.bundle.js`);
  const modules = path.join(cliDir, `${name}.js`);
  try {
    if (fs.statSync(bundle).mtimeMs >= fs.statSync(modules).mtimeMs) return bundle;
  } catch {
    // No bundle (or no tsc output beside it): the modules one by one.
  }
  return modules;
}

module.exports = { programFile };
