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
  let memo = table === lastTable ? lastMemo : memos.get(table);
  if (!memo) memos.set(table, (memo = new Map()));
  lastTable = table;
  lastMemo = memo;
  return keptOrMade(memo, key, compute);
}

/**
 * The table asked about last, and its views: a rule asks for several views of one table in turn
 * (its body rows, amount columns, column groups …), each a WeakMap lookup by the table otherwise.
 */
let lastTable: DetectedTable | undefined;
let lastMemo: Map<string, unknown> | undefined;

/** The view kept under `key`, else made and kept (an undefined one as NOTHING: one lookup a call, not two). */
function keptOrMade<K, T>(memo: Map<K, unknown>, key: K, compute: () => T): T {
  const kept = memo.get(key);
  if (kept !== undefined) return (kept === NOTHING ? undefined : kept) as T;
  const value = compute();
  memo.set(key, value === undefined ? NOTHING : value);
  return value;
}

/** A view worked out to be undefined (no change columns), kept as such. */
const NOTHING = Symbol('nothing');

/** Lets a run's views go once its findings are made (the tables themselves outlive it in the result). */
export function forgetViews(table: DetectedTable): void {
  if (table === lastTable) lastTable = lastMemo = undefined;
  memos.delete(table);
  byMemos.delete(table);
}

/**
 * A view that depends on one more value besides the table (a side, a pattern): kept under its name,
 * then by that value. A key string built per call (`sideView ${side}`) is a new string each time,
 * hashed afresh on every lookup at some ten times the cost of a constant name's: a few hundred
 * such lookups an audit cost more than most views.
 */
export function perTableBy<T>(table: DetectedTable, key: string, by: string | undefined, compute: () => T): T {
  let named = byMemos.get(table);
  if (!named) byMemos.set(table, (named = new Map()));
  let views = named.get(key);
  if (!views) named.set(key, (views = new Map()));
  return keptOrMade(views, by, compute);
}

/** … kept apart from perTable's: a name may serve both ways without one reading the other's. */
const byMemos = new WeakMap<DetectedTable, Map<string, Map<string | undefined, unknown>>>();

/** A RegExp argument as a key: its source, which a literal's every evaluation shares (flags added when it has any). */
export function patternKey(re: RegExp): string {
  // (A literal at a call site is a new RegExp each time it is reached, so the object itself is no key.
  // A source escapes its slashes: no source reads as a `/source/flags` key.)
  return re.flags ? `/${re.source}/${re.flags}` : re.source;
}
