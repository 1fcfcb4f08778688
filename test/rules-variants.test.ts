/**
 * The same workbook arriving in another shape (tables stacked on one sheet, no titles,
 * amounts typed as text, codes as numbers, labels with line breaks, generic sheet names)
 * must give the same findings, at the cells the source cells moved to — amounts ×10,000 in 元
 * too: every figure of such a copy is a whole hundred, its real grain (0.01 万元 = 100 元), so a
 * 0.01 万元 tail stays a 100 元 tail (test/rules-rounding.test.ts).
 */
import { cellAddress, parseCellAddress } from '../src/core/address';
import { audit } from '../src/core/engine';
import type { Finding } from '../src/core/finding';
import { findingText } from '../src/core/messages/render';
import type { GridSheet, WorkbookSnapshot } from '../src/core/snapshot';
import { fixture } from './injected-support';
import { allVariants, type RowMap } from './support/variants';

const PREFIXES = ['000', '001', '002', '003', '004'];

function key(f: Finding, map: RowMap): string | null {
  const { row, col } = parseCellAddress(f.cell);
  const to = map(f.sheet, row);
  return to ? `${f.severity} ${f.rule} ${to.sheet}!${cellAddress(to.row, col)}` : null;
}

const own = (f: Finding) => `${f.severity} ${f.rule} ${f.sheet}!${f.cell}`;

describe.each(PREFIXES)('workbook %s in other shapes', (prefix) => {
  let source: WorkbookSnapshot<GridSheet>;
  let sourceFindings: Finding[];
  beforeAll(async () => {
    source = await fixture(prefix);
    sourceFindings = audit(source).findings;
  });

  test('every variant reports the source findings at the moved cells, and no other', () => {
    const problems: string[] = [];
    for (const v of allVariants(source)) {
      const got = audit(v.snapshot).findings.filter((f) => f.severity !== 'info');
      const want = sourceFindings.filter((f) => f.severity !== 'info');
      const gotKeys = new Set(got.map(own));
      const wantKeys = want.map((f) => key(f, v.map)).filter((k): k is string => !!k);
      for (const k of wantKeys) if (!gotKeys.has(k)) problems.push(`${v.name}: missing ${k}`);
      const wanted = new Set(wantKeys);
      for (const f of got) {
        const k = own(f);
        if (wanted.has(k)) continue;
        problems.push(`${v.name}: extra ${k} ${findingText(f)['zh-CN'].slice(0, 120)}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
