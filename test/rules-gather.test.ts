import { gather } from '../src/core/rules/toolkit/gather';

/** gather is flatMap, faster: the same list in the same order, for every shape of lists. */
describe('each item’s list gathered into one (gather, for flatMap)', () => {
  test('the lists one after another, in item order, empty lists adding nothing', () => {
    expect(gather([[1, 2], [], [3], [4, 5, 6]], (xs) => xs)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(gather([], (xs: number[]) => xs)).toEqual([]);
  });

  test('the function is called as flatMap calls it: with the item, its index and the whole list', () => {
    const items = ['a', 'b', 'c'];
    expect(gather(items, (x, i, all) => [`${x}${i}${all.length}`])).toEqual(items.flatMap((x, i, all) => [`${x}${i}${all.length}`]));
  });

  test('lists of lists are flattened one level only, as flatMap does', () => {
    expect(gather([1, 2], (n) => [[n], n])).toEqual([[1], 1, [2], 2]);
  });

  test('more lists than one call takes (25,000, in slices): the same list as flatMap', () => {
    const items = Array.from({ length: 25_000 }, (_, i) => i);
    const lists = (i: number) => (i % 3 === 0 ? [] : [i, -i]);
    expect(gather(items, lists)).toEqual(items.flatMap(lists));
  });

  test('a new list: the items’ own lists are never changed', () => {
    const first = [1];
    const out = gather([first, [2]], (xs) => xs);
    out.push(3);
    expect(first).toEqual([1]);
  });
});
