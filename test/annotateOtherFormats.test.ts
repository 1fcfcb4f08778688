import { readFileSync } from 'fs';
import { join } from 'path';
import { annotatePackage, UnpatchableWorkbookError, type AnnotationPlan } from '../src/adapters/xlsx/annotate';

/**
 * The workbooks the reader takes but no copy can be made from are refused by what they are (found
 * by the fuzz test: an .ods was refused for "no [Content_Types].xml", an .xls for "invalid zip
 * data"), with the step that helps: save it as .xlsx.
 */
const FORMATS = join(__dirname, 'fixtures', 'formats');
const plan: AnnotationPlan = { marks: [], report: { name: '校验报告', title: '标题', headers: ['说明'], rows: [] } };

function refusal(file: string): string {
  try {
    annotatePackage(readFileSync(join(FORMATS, file)), plan);
  } catch (e) {
    expect(e).toBeInstanceOf(UnpatchableWorkbookError);
    return (e as Error).message;
  }
  throw new Error('expected a refusal');
}

test('an .xls: one sentence, Chinese first, saying what it is and to save it as .xlsx', () => {
  expect(refusal('variety.xls')).toBe(
    '标注副本只能由 .xlsx/.xlsm 工作簿生成，这是Excel 97-2003 工作簿（.xls）或 WPS 表格（.et）：请在 Excel/WPS 中另存为 .xlsx 后再生成 / ' +
      'an annotated copy is made from .xlsx/.xlsm workbooks only, and this is an Excel 97-2003 (.xls) or WPS (.et) workbook: save it as .xlsx in Excel or WPS first',
  );
});

test('an .ods, whatever its name', () => {
  expect(refusal('variety.ods')).toContain('this is an OpenDocument spreadsheet (.ods)');
});

test('an .xlsx is not taken for either', () => {
  expect(() => annotatePackage(readFileSync(join(FORMATS, 'variety.xlsx')), plan)).not.toThrow();
});
