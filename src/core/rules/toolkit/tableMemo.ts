import type { DetectedTable } from '../../table';

/**
 * Views the rules derive from a table (its body rows, side lines, row blocks, header tree
 * columns …) are worked out once per table and shared: some twenty rule modules each ask for
 * the same few views, some once per 类 or per column, and a detected table never changes once
 * detection is done. A view is shared: a rule never changes one (it filters or copies it). They
 * are not frozen: V8 walks a frozen array several times slower, and every rule walks these.
 */
const memos = new WeakMap<DetectedTable, Map<string, unknown>>();

export function perTable<T>(table: DetectedTable, key: string, compute: () => T): T {
  let memo = memos.get(table);
  if (!memo) memos.set(table, (memo = new Map()));
  const kept = memo.get(key);
  if (kept !== undefined) return (kept === NOTHING ? undefined : kept) as T;
  const value = compute();
  memo.set(key, value === undefined ? NOTHING : value);
  return value;
}

/** A view worked out to be undefined (no change columns), kept as such: one lookup a call, not two. */
const NOTHING = Symbol('nothing');

/** Lets a run's views go once its findings are made (the tables themselves outlive it in the result). */
export function forgetViews(table: DetectedTable): void {
  memos.delete(table);
}

/** A key part for a RegExp argument (matchers are module constants, written as literals). */
export function regexKey(re: RegExp): string {
  // (Built once per matcher: a key of a long pattern's source, built per call, cost more than the lookup.)
  let key = regexKeys.get(re);
  if (key === undefined) regexKeys.set(re, (key = `/${re.source}/${re.flags}`));
  return key;
}

const regexKeys = new WeakMap<RegExp, string>();
