import { cellIndex, PackedCellsBuilder, rowSlot } from '../src/core/packedCells';
import { columnCount, forEachCell, gridsOf, numberFormatAt, packedCellsOf, rowCount, textAt, valueAt, type GridSheet, type PackedSheet } from '../src/core/snapshot';

/** A sheet's cells packed: only what holds something, read back cell by cell as the grids gave it. */
const meta = { merges: [], hiddenRows: [], hiddenColumns: [] };

function packed(add: (b: PackedCellsBuilder) => void, height?: number): PackedSheet {
  const b = new PackedCellsBuilder();
  add(b);
  return { name: 'P', cells: b.finish(height), ...meta };
}

describe('packed cells', () => {
  test('values, formats and texts read back by row and column; empty cells are null, "" and General', () => {
    const s = packed((b) => {
      b.add(2, 1, '科目编码', 'General');
      b.add(2, 3, 1269.24, '#,##0.00');
      b.add(5, 2, true, 'General');
      b.add(5, 4, 0.125, '0.0%');
    });
    expect(valueAt(s, 2, 1)).toBe('科目编码');
    expect(valueAt(s, 2, 3)).toBe(1269.24);
    expect(valueAt(s, 5, 2)).toBe(true);
    expect(valueAt(s, 2, 2)).toBeNull();
    expect(valueAt(s, 3, 1)).toBeNull();
    expect(valueAt(s, 6, 1)).toBeNull();
    expect(numberFormatAt(s, 2, 3)).toBe('#,##0.00');
    expect(numberFormatAt(s, 2, 1)).toBe('General');
    expect(numberFormatAt(s, 4, 4)).toBe('General');
    // A number's text is what its format shows; a string's is itself; a boolean's as Excel writes it.
    expect(textAt(s, 2, 3)).toBe('1,269.24');
    expect(textAt(s, 5, 4)).toBe('12.5%');
    expect(textAt(s, 2, 1)).toBe('科目编码');
    expect(textAt(s, 5, 2)).toBe('TRUE');
    expect(textAt(s, 2, 2)).toBe('');
    expect(rowCount(s)).toBe(5);
    expect(columnCount(s)).toBe(4);
  });

  test('a text the source gave is kept where the value and format would show another', () => {
    const s = packed((b) => {
      b.add(1, 1, 1269.24, '#,##0.00', '1,269.2');
      b.add(1, 2, null, 'General', '（空）');
      b.add(1, 3, 5, '0.00');
    });
    expect(textAt(s, 1, 1)).toBe('1,269.2');
    expect(valueAt(s, 1, 2)).toBeNull();
    expect(textAt(s, 1, 2)).toBe('（空）');
    expect(textAt(s, 1, 3)).toBe('5.00');
  });

  test('formats are kept once each, as ids into the sheet’s table', () => {
    const s = packed((b) => {
      for (let r = 1; r <= 1000; r++) for (let c = 1; c <= 3; c++) b.add(r, c, r * c, c === 1 ? 'General' : '#,##0.00');
    });
    expect(s.cells.formats).toEqual(['General', '#,##0.00']);
    expect(s.cells.formatIds).toBeInstanceOf(Uint16Array);
    expect(s.cells.kinds).toHaveLength(3000);
    expect(numberFormatAt(s, 1000, 3)).toBe('#,##0.00');
  });

  test('one value in row 1,048,576 is one cell: no room for the rows above it, found by search', () => {
    const s = packed((b) => b.add(1_048_576, 2, 7, 'General'));
    expect(s.cells.rows).toEqual(new Uint32Array([1_048_576]));
    expect(s.cells.cols).toHaveLength(1);
    expect(rowSlot(s.cells, 1_048_576)).toBe(0);
    expect(rowSlot(s.cells, 1_048_575)).toBe(-1);
    expect(cellIndex(s.cells, 1_048_576, 2)).toBe(0);
    expect(cellIndex(s.cells, 1_048_576, 1)).toBe(-1);
    expect(rowCount(s)).toBe(1_048_576);
  });

  test('rows with gaps between them are found, in sparse and dense sheets alike', () => {
    const rows = [3, 4, 9, 10, 11, 200, 5000];
    const s = packed((b) => rows.forEach((r) => b.add(r, r % 7 + 1, r, 'General')));
    for (const r of rows) expect(valueAt(s, r, (r % 7) + 1)).toBe(r);
    for (const r of [1, 2, 5, 8, 12, 199, 201, 4999, 5001]) expect(rowSlot(s.cells, r)).toBe(-1);
  });

  test('cells given out of order are refused (a reader’s bug, not a sheet’s)', () => {
    const b = new PackedCellsBuilder();
    b.add(5, 1, 1, 'General');
    expect(() => b.add(4, 1, 1, 'General')).toThrow('out of order');
  });

  test('a grid sheet packs to the same cells, values, formats and texts, and unpacks back', () => {
    const grid: GridSheet = {
      name: 'G',
      values: [['标题'], [], ['208', 1234.5, null, '', true], undefined as unknown as [], [null, 3]],
      text: [['标题'], [], ['208', '1,234.50', '说明', '', ''], undefined as unknown as [], ['', '']],
      numberFormats: [['General'], [], ['@', '#,##0.00', 'General', 'General', 'General'], undefined as unknown as [], ['General', '0.00']],
      ...meta,
    };
    const p: PackedSheet = { name: 'G', cells: packedCellsOf(grid), ...meta };
    for (let r = 1; r <= 6; r++) {
      for (let c = 1; c <= 6; c++) {
        expect([r, c, valueAt(p, r, c)]).toEqual([r, c, valueAt(grid, r, c)]);
        expect([r, c, textAt(p, r, c)]).toEqual([r, c, textAt(grid, r, c)]);
        if (valueAt(grid, r, c) !== null) expect([r, c, numberFormatAt(p, r, c)]).toEqual([r, c, numberFormatAt(grid, r, c)]);
      }
    }
    expect(rowCount(p)).toBe(rowCount(grid));
    const seen: string[] = [];
    forEachCell(p, (r, c, v) => seen.push(`${r}:${c}:${String(v)}`));
    expect(seen).toEqual(['1:1:标题', '3:1:208', '3:2:1234.5', '3:3:null', '3:4:', '3:5:true', '5:2:3']);
    const back = gridsOf(p);
    expect(back.values[2]).toEqual(['208', 1234.5, null, '', true]);
    expect(back.text[2]).toEqual(['208', '1,234.50', '说明', '', 'true']);
    expect(back.values[1]).toBeUndefined();
  });
});
