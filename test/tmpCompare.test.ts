import { readFileSync } from 'fs';
import { readSnapshotFromFile as readOld } from './tmp_old/readSnapshot';
import { readSnapshotFromFile as readNew } from '../src/adapters/xlsx/readSnapshot';
const files = [...require('fs').readdirSync('/tmp/rd/conv').filter((f: string) => f.endsWith('.xlsx') && !f.startsWith('hidden')).map((f: string) => '/tmp/rd/conv/' + f)];
test('old vs new', async () => {
  for (const f of files) {
    const a = await readOld(f); const b = await readNew(f);
    const diffs: string[] = [];
    a.sheets.forEach((s, i) => {
      const t = b.sheets[i];
      if (s.name !== t.name) diffs.push(`name ${s.name} ${t.name}`);
      for (const k of ['values', 'text', 'numberFormats'] as const) {
        const n = Math.max(s[k].length, t[k].length);
        for (let r = 0; r < n; r++) {
          const x = JSON.stringify(s[k][r] ?? []), y = JSON.stringify(t[k][r] ?? []);
          if (x !== y) diffs.push(`${s.name} ${k} row ${r + 1}: ${x.slice(0, 200)} | ${y.slice(0, 200)}`);
        }
      }
      for (const k of ['merges', 'hiddenRows', 'hiddenColumns', 'hidden', 'protected'] as const) if (JSON.stringify(s[k]) !== JSON.stringify(t[k])) diffs.push(`${s.name} ${k}: ${JSON.stringify(s[k])} | ${JSON.stringify(t[k])}`);
    });
    if (a.sheets.length !== b.sheets.length) diffs.push('sheet count');
    console.log(f, diffs.length, diffs.slice(0, 15).join('\n'));
  }
});
