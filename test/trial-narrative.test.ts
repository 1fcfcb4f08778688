import { audit } from '../src/core/engine';
import type { Finding } from '../src/core/finding';
import { findingText } from '../src/core/messages/render';
import { FA_NARRATIVE, finalAccounts } from './support/trialWorkbooks';

/**
 * The 情况说明 of templates the project had not met (test/support/trialWorkbooks.ts), read
 * against their tables: right, it says nothing; one figure typed wrong is named once.
 */
const about = (fs: Finding[]) => fs.filter((f) => f.sheet === '情况说明' && f.severity !== 'info').map((f) => `${f.rule} ${f.cell} ${f.actual}→${f.expected} ${findingText(f)['zh-CN']}`);
const edited = (n: number, from: string, to: string) => FA_NARRATIVE.map((l, i) => (i === n - 1 ? l.replace(from, to) : l));

describe('C: a county final accounts (财政拨款收入 of two funds, “三公” 预算数 | 决算数)', () => {
  test('the right narrative says nothing', () => {
    expect(about(audit(finalAccounts()).findings)).toEqual([]);
  });

  test('财政拨款收入 is all the appropriations (公开02表 财政拨款收入), never the 一般公共预算 line alone', () => {
    // 450.00 一般公共预算 + 50.00 政府性基金: the prose's 500.00 and its share 89.29% are right.
    const r = audit(finalAccounts(edited(5, '财政拨款收入500.00万元', '财政拨款收入600.00万元')));
    expect(about(r.findings).filter((f) => f.startsWith('narrative-vs-table'))).toEqual([expect.stringContaining('narrative-vs-table A5 600.00→500.00')]);
  });

  test('the “三公” total of a final accounts is its 决算数 block’s, never the 预算数 beside it', () => {
    for (const typed of ['9.00', '10.00']) {
      const f = about(audit(finalAccounts(edited(9, '决算为8.00万元', `决算为${typed}万元`))).findings);
      expect(f).toEqual([expect.stringContaining(`narrative-vs-table A9 ${typed}→8.00`)]);
      expect(f[0]).toContain('决算数合计 8.00');
    }
  });
});
