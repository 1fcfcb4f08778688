/** Excel takes at most ~500 areas in one getRanges address; split longer lists. */
export const MAX_AREAS_PER_CALL = 500;

export function chunk<T>(items: T[], size = MAX_AREAS_PER_CALL): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
