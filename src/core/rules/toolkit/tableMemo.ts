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

/** A key part for a RegExp argument: the same pattern, the same key. */
export function regexKey(re: RegExp): string {
  // (Built per call: a literal at a call site is a new RegExp each time it is reached, so a key kept
  // by the RegExp object would be kept for every call and found by none.)
  return `/${re.source}/${re.flags}`;
}
