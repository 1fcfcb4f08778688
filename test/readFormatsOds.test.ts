/**
 * .ods data styles read as the Excel codes they stand for (SheetJS's own reading drops display
 * factors and conditional sections): the conversion, style by style.
 */
import { OdsNumberStyles } from '../src/adapters/xlsx/odsNumberStyles';
import { walkXml } from '../src/adapters/xlsx/xmlElements';
import { formatInfo } from '../src/core/numberFormat';

const NS = 'xmlns:style="s" xmlns:number="n" xmlns:fo="f"';

/** The code of cell style `ce` after reading these styles (as in styles.xml or content.xml). */
function codeOf(styles: string, cell = 'ce1'): string | undefined {
  const s = new OdsNumberStyles();
  walkXml(`<root ${NS}>${styles}</root>`, (el) => s.open(el), (name) => s.close(name), (t) => s.text(t));
  return s.codeOfCellStyle(cell);
}

const cellStyle = (data: string, name = 'ce1', parent = 'Default') =>
  `<style:style style:name="${name}" style:family="table-cell" style:parent-style-name="${parent}" style:data-style-name="${data}"/>`;
const num = (attrs: string) => `<number:number ${attrs}/>`;

describe('an .ods data style as an Excel code', () => {
  test('two decimals with grouping', () => {
    expect(codeOf(`<number:number-style style:name="N4">${num('number:decimal-places="2" number:min-decimal-places="2" number:min-integer-digits="1" number:grouping="true"')}</number:number-style>${cellStyle('N4')}`)).toBe('#,##0.00');
  });
  test('LibreOffice’s Standard (no decimal places given) is General', () => {
    const code = codeOf(`<number:number-style style:name="N0">${num('number:min-integer-digits="1"')}</number:number-style>${cellStyle('N0')}`);
    expect(code).toBe('General');
    expect(formatInfo(code).decimals).toBeNull();
  });
  test('a display factor of 1000 or 1,000,000 is one or two trailing commas (thousands, millions)', () => {
    expect(codeOf(`<number:number-style style:name="N7">${num('number:decimal-places="0" number:min-integer-digits="1" number:grouping="true" number:display-factor="1000"')}</number:number-style>${cellStyle('N7')}`)).toBe('#,##0,');
    const millions = codeOf(`<number:number-style style:name="N8">${num('number:decimal-places="2" number:min-integer-digits="1" number:display-factor="1000000"')}</number:number-style>${cellStyle('N8')}`)!;
    expect(millions).toBe('0.00,,');
    expect(formatInfo(millions)).toMatchObject({ decimals: 2, scale: 0.000001 });
  });
  test('optional decimals (min-decimal-places below decimal-places) are #', () => {
    expect(codeOf(`<number:number-style style:name="N9">${num('number:decimal-places="2" number:min-decimal-places="1" number:min-integer-digits="1"')}</number:number-style>${cellStyle('N9')}`)).toBe('0.0#');
  });
  test('a percentage keeps its % as the operator', () => {
    const code = codeOf(`<number:percentage-style style:name="N11">${num('number:decimal-places="1" number:min-decimal-places="1" number:min-integer-digits="1"')}<number:text>%</number:text></number:percentage-style>${cellStyle('N11')}`);
    expect(code).toBe('0.0%');
    expect(formatInfo(code).percent).toBe(true);
  });
  test('the accounting format: a text style mapping >0, <0 and =0 becomes four sections', () => {
    const part = (name: string, body: string) => `<number:number-style style:name="${name}"><number:text> </number:text><number:fill-character> </number:fill-character>${body}<number:text> </number:text></number:number-style>`;
    const digits = num('number:decimal-places="2" number:min-decimal-places="2" number:min-integer-digits="1" number:grouping="true"');
    const styles =
      part('A0', digits) +
      part('A1', `<number:text>(</number:text>${digits}<number:text>)</number:text>`) +
      part('A2', `<number:text>-</number:text>${num('number:decimal-places="0" number:min-decimal-places="0" number:min-integer-digits="0"')}`) +
      `<number:text-style style:name="A"><number:text> </number:text><number:text-content/><number:text> </number:text>` +
      `<style:map style:condition="value()&gt;0" style:apply-style-name="A0"/><style:map style:condition="value()&lt;0" style:apply-style-name="A1"/><style:map style:condition="value()=0" style:apply-style-name="A2"/></number:text-style>` +
      cellStyle('A');
    const code = codeOf(styles)!;
    expect(code.split(';')).toHaveLength(4);
    expect(formatInfo(code)).toMatchObject({ decimals: 2, scale: 1, text: false, percent: false });
  });
  test('a red negative section from a map on value()>=0', () => {
    const styles =
      `<number:number-style style:name="R0">${num('number:decimal-places="2" number:min-decimal-places="2" number:min-integer-digits="1" number:grouping="true"')}</number:number-style>` +
      `<number:number-style style:name="R"><style:text-properties fo:color="#ff0000"/><number:text>-</number:text>${num('number:decimal-places="2" number:min-decimal-places="2" number:min-integer-digits="1" number:grouping="true"')}<style:map style:condition="value()&gt;=0" style:apply-style-name="R0"/></number:number-style>` +
      cellStyle('R');
    expect(codeOf(styles)).toBe('#,##0.00;[Red]"-"#,##0.00');
  });
  test('a Chinese date', () => {
    const code = codeOf(`<number:date-style style:name="D1"><number:year number:style="long"/><number:text>年</number:text><number:month/><number:text>月</number:text><number:day/><number:text>日</number:text></number:date-style>${cellStyle('D1')}`);
    expect(code).toBe('yyyy"年"m"月"d"日"');
    expect(formatInfo(code).date).toBe(true);
  });
  test('a cell style without a data style takes its parent’s', () => {
    const styles = `<number:number-style style:name="N4">${num('number:decimal-places="2" number:min-integer-digits="1"')}</number:number-style><style:style style:name="金额" style:family="table-cell" style:data-style-name="N4"/><style:style style:name="ce2" style:family="table-cell" style:parent-style-name="金额"/>`;
    expect(codeOf(styles, 'ce2')).toBe('0.00');
    expect(codeOf(styles, 'nope')).toBeUndefined();
  });
});
