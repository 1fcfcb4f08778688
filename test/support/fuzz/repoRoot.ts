import { existsSync } from 'fs';
import { dirname, join } from 'path';

/** The checkout's root, from the sources (test/support/fuzz) or their compiled copy (dist/fuzz/test/support/fuzz). */
export function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('no package.json above the fuzz sources');
    dir = up;
  }
  return dir;
}
