/**
 * Each item's list, one after another in one list: what `items.flatMap(fn)` gives (fn called with
 * the same item, index and array, every list flattened one level). V8's flatMap copies element by
 * element through its generic path, some 80 ns each: the rules' checks, hundreds a workbook (and
 * hundreds of thousands in a big table), cost more to gather than to make. concat copies each list
 * as a block.
 */
export function gather<T, U>(items: readonly T[], fn: (item: T, index: number, all: readonly T[]) => readonly U[]): U[] {
  const lists = items.map(fn);
  // The lists are passed to concat as arguments: a very long run of them (a table's thousands of
  // unit blocks) in slices, as a call takes some tens of thousands of arguments at most.
  if (lists.length <= LISTS_PER_CALL) return ([] as U[]).concat(...lists);
  let out: U[] = [];
  for (let i = 0; i < lists.length; i += LISTS_PER_CALL) out = out.concat(...lists.slice(i, i + LISTS_PER_CALL));
  return out;
}

const LISTS_PER_CALL = 10_000;
