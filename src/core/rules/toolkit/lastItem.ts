/**
 * A list's last item, undefined for an empty list: told by its length, since list[-1] is no index
 * but a property's name, looked up along the prototype chain (some 70–110 ns, where an index costs
 * a few). Header paths, open code parents and row runs are often empty when first read.
 */
export function lastItem<T>(list: readonly T[]): T | undefined {
  return list.length === 0 ? undefined : list[list.length - 1];
}
