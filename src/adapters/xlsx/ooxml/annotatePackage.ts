import type { MarkSeverity, SheetMarks } from '../../../core/marks';
import { columnNumber } from '../../../core/address';
import { CommentsPart } from './commentsPart';
import { ContentTypes } from './contentTypes';
import { UnpatchableWorkbookError } from './errors';
import { CONTENT_TYPE, isRelationshipType } from './namespaces';
import { OpcPackage } from './opcPackage';
import { folderOf, freePartName } from './partNames';
import { RelationshipsPart } from './relationships';
import { reportWorksheetXml, type ReportSheet } from './reportWorksheet';
import { sqrefOf } from './sqref';
import { StylesPart } from './stylesPart';
import { ShapeIdBlocks, VmlDrawing } from './vmlDrawing';
import { WorkbookPart } from './workbookPart';
import { WorksheetPart } from './worksheetPart';

export interface AnnotationPlan {
  marks: SheetMarks[];
  report: ReportSheet;
}

/** Fill colours (ARGB) of marked cells, and of the report's severity cells. */
export const MARK_FILLS: Record<MarkSeverity, string> = {
  error: 'FFFFC7CE',
  warning: 'FFFFEB9C',
};

const SEVERITIES: MarkSeverity[] = ['error', 'warning'];

interface CellMark {
  ref: string;
  row: number;
  col: number;
  severity: MarkSeverity;
  messages: string[];
}

/**
 * The annotated copy, made by patching the source package: each marked cell gets a conditional
 * format (its own style index untouched) and a note; a report sheet is appended. Parts we do not
 * change are carried over byte for byte; the parts we change differ only by what we insert.
 * Pure bytes → bytes: the caller reads and writes files.
 */
export function annotatePackage(source: Uint8Array, plan: AnnotationPlan): Uint8Array {
  refuseOtherFormats(source);
  const pkg = OpcPackage.read(source);
  const contentTypes = new ContentTypes(pkg);
  const workbook = new WorkbookPart(pkg);
  const styles = new StylesPart(pkg, workbook);
  const taken = (part: string) => pkg.has(part) || contentTypes.isClaimed(part);
  const base = folderOf(workbook.name);

  const dxfIds = new Map<MarkSeverity, number>();
  const dxfId = (severity: MarkSeverity) => {
    let id = dxfIds.get(severity);
    if (id === undefined) dxfIds.set(severity, (id = styles.addDxf(MARK_FILLS[severity])));
    return id;
  };
  let shapeIds: ShapeIdBlocks | undefined;

  for (const [sheetName, marks] of marksBySheet(plan.marks)) {
    const entry = workbook.sheet(sheetName);
    if (!entry) throw new UnpatchableWorkbookError(`工作簿中没有工作表“${sheetName}”，无法标注`, `the workbook has no sheet "${sheetName}" to mark`);
    if (!entry.worksheet || !entry.part) {
      throw new UnpatchableWorkbookError(`“${sheetName}”不是普通工作表，无法标注单元格`, `"${sheetName}" is not a worksheet; its cells cannot be marked`);
    }
    const sheet = new WorksheetPart(pkg, entry.part, sheetName);
    const relationships = new RelationshipsPart(pkg, entry.part);
    relationships.reserve(sheet.referencedIds);

    // Fills: one always-true rule per severity, numbered after every rule the sheet has.
    let priority = sheet.maxPriority;
    for (const severity of SEVERITIES) {
      const cells = marks.filter((m) => m.severity === severity);
      if (cells.length) sheet.addConditionalFormat(sqrefOf(cells), dxfId(severity), ++priority);
    }

    // Notes: the sheet's comments part and VML drawing, extended or created.
    const commentsRelationship = relationships.ofType((t) => isRelationshipType(t, 'comments'))[0];
    let commentsName = commentsRelationship && pkg.entryName(commentsRelationship.target);
    if (commentsRelationship && !commentsName) throw missingPart(sheetName, commentsRelationship.target);
    if (!commentsName) {
      commentsName = freePartName(`${base}comments`, '.xml', taken);
      relationships.add(workbook.flavour.relationshipType('comments'), commentsName);
      contentTypes.setType(commentsName, CONTENT_TYPE.comments);
    }
    let vmlName: string | undefined;
    if (sheet.legacyDrawingId) {
      const rel = relationships.byId(sheet.legacyDrawingId);
      vmlName = rel && pkg.entryName(rel.target);
      if (!vmlName) throw missingPart(sheetName, rel?.target ?? sheet.legacyDrawingId);
    } else {
      vmlName = freePartName(`${base}drawings/vmlDrawing`, '.vml', taken);
      sheet.addLegacyDrawing(relationships.add(workbook.flavour.relationshipType('vmlDrawing'), vmlName));
      contentTypes.setType(vmlName, CONTENT_TYPE.vmlDrawing);
    }
    // Read every drawing's shape ids before the first one changes.
    shapeIds ??= new ShapeIdBlocks(pkg);
    const comments = new CommentsPart(pkg, commentsName, workbook.flavour.main);
    const vml = new VmlDrawing(pkg, vmlName, shapeIds);
    for (const mark of marks) {
      comments.annotate(mark.ref, mark.messages);
      vml.addNote(mark.row, mark.col);
    }
    comments.save();
    vml.save();
    sheet.save();
    if (relationships.creates) contentTypes.setType(relationships.name, CONTENT_TYPE.relationships);
    relationships.save();
  }

  addReport(pkg, workbook, styles, contentTypes, plan.report, taken);
  styles.save(contentTypes);
  workbook.save();
  contentTypes.save();
  return pkg.write();
}

function addReport(pkg: OpcPackage, workbook: WorkbookPart, styles: StylesPart, contentTypes: ContentTypes, report: ReportSheet, taken: (part: string) => boolean): void {
  checkSheetName(report.name);
  const name = workbook.uniqueSheetName(report.name);
  const part = freePartName(`${folderOf(workbook.name)}worksheets/sheet`, '.xml', taken);
  pkg.setText(part, reportWorksheetXml(report, styles.addReportStyles(MARK_FILLS), workbook.flavour.main));
  contentTypes.setType(part, CONTENT_TYPE.worksheet);
  workbook.addWorksheet(name, part);
}

/** Excel's rules for a sheet name: 1–31 characters, none of : \ / ? * [ ], no ' at either end. */
function checkSheetName(name: string): void {
  if (!name || [...name].length > 31 || /[:\\/?*[\]]/.test(name) || name.startsWith("'") || name.endsWith("'")) {
    throw new UnpatchableWorkbookError(`报告工作表名“${name}”不是合法的 Excel 工作表名`, `the report sheet name "${name}" is not a valid Excel sheet name`);
  }
}

/** The marks of each sheet, one per cell (a cell named twice: worst severity, every message once). */
function marksBySheet(plan: SheetMarks[]): Map<string, CellMark[]> {
  const bySheet = new Map<string, Map<string, CellMark>>();
  for (const { sheet, cells } of plan) {
    let marks = bySheet.get(sheet);
    if (!marks) bySheet.set(sheet, (marks = new Map()));
    for (const cell of cells) {
      const position = cellPosition(sheet, cell.cell);
      const mark = marks.get(position.ref);
      if (!mark) {
        marks.set(position.ref, { ...position, severity: cell.severity, messages: [...cell.messages] });
        continue;
      }
      if (cell.severity === 'error') mark.severity = 'error';
      for (const m of cell.messages) if (!mark.messages.includes(m)) mark.messages.push(m);
    }
  }
  const out = new Map<string, CellMark[]>();
  for (const [sheet, marks] of bySheet) if (marks.size) out.set(sheet, [...marks.values()]);
  return out;
}

function cellPosition(sheet: string, address: string): { ref: string; row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?([1-9]\d{0,6})$/.exec(address.trim());
  const col = m ? columnNumber(m[1]) : 0;
  const row = m ? Number(m[2]) : 0;
  if (!m || col > 16384 || row > 1048576) {
    throw new UnpatchableWorkbookError(`工作表“${sheet}”的标注单元格地址“${address}”无效`, `the marked cell address "${address}" on sheet "${sheet}" is not valid`);
  }
  return { ref: `${m[1].toUpperCase()}${row}`, row, col };
}

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const OPENDOCUMENT = new TextEncoder().encode('mimetypeapplication/vnd.oasis.opendocument');

/**
 * The workbooks the reader takes and the copy cannot be made from (an .xls, an .ods, whatever
 * their names), refused by what they are, not by the first part they lack.
 */
function refuseOtherFormats(source: Uint8Array): void {
  let kind: { zh: string; en: string } | undefined;
  if (OLE_MAGIC.every((b, i) => source[i] === b)) kind = { zh: 'Excel 97-2003 工作簿（.xls）或 WPS 表格（.et）', en: 'an Excel 97-2003 (.xls) or WPS (.et) workbook' };
  // An OpenDocument zip starts with its stored `mimetype` entry (ODF 1.2 part 3, §3.3).
  else if (OPENDOCUMENT.every((b, i) => source[30 + i] === b)) kind = { zh: 'OpenDocument 表格（.ods）', en: 'an OpenDocument spreadsheet (.ods)' };
  if (!kind) return;
  throw new UnpatchableWorkbookError(
    `标注副本只能由 .xlsx/.xlsm 工作簿生成，这是${kind.zh}：请在 Excel/WPS 中另存为 .xlsx 后再生成`,
    `an annotated copy is made from .xlsx/.xlsm workbooks only, and this is ${kind.en}: save it as .xlsx in Excel or WPS first`,
  );
}

function missingPart(sheet: string, target: string): UnpatchableWorkbookError {
  return new UnpatchableWorkbookError(`工作表“${sheet}”引用的部件 ${target} 不在包中`, `sheet "${sheet}" refers to part ${target}, which is not in the package`);
}
