import type { KindSource, TableKind } from '../tableKind';
import type { TableColumn } from '../table';
import { kindFromTitle } from './kindFromTitle';
import { FUNCTION_EXPENDITURE_FAMILY, kindFromHeaders, type TableSignature } from './kindFromHeaders';
import { foldLabel, formNumberValue, isFormNumber } from './labels';

export interface KindHints {
  title?: string;
  /** Text of the notes under the table (…没有政府性基金预算支出，故本表无数据). */
  notes: string;
  /** The sheet's name, when the table is alone on its sheet (sheets named after the 目录). */
  sheetName?: string;
  formNumber?: string;
}

/**
 * Name the table kind: from the title when there is one (refined by structure where the
 * title's words are shared: 基本支出明细表 is the 06 table in final accounts, whose body
 * has economic codes, and the 07 table in budgets, whose body lists items by 项目名称);
 * failing that from the header signature, and for the 03/05/10/11 family whose headers
 * can be identical, from the notes, the sheet's name and, last, the form number.
 */
export interface NamedKind {
  kind: TableKind;
  certain: boolean;
  from: KindSource;
  /**
   * Named by its form number alone: the number, and the kind its header suggested. A number names a kind in one
   * numbering only (detect/index.ts sets such a kind aside where the disclosure is not of that numbering).
   */
  byForm?: { form: string; headerKind: TableKind };
}

export function nameKind(sig: TableSignature, columns: TableColumn[], hints: KindHints): NamedKind {
  const named = guessKind(sig, columns, hints);
  if (!named) return { kind: kindFromHeaders(sig).kind, certain: false, from: 'header-signature' };
  return { ...named, certain: true };
}

function guessKind(sig: TableSignature, columns: TableColumn[], hints: KindHints): { kind: TableKind; from: KindSource; byForm?: NamedKind['byForm'] } | undefined {
  const fromTitle = kindFromTitle(hints.title);
  if (fromTitle && fromTitle !== 'narrative') return { kind: refine(fromTitle, columns), from: 'title' };
  const { kind, ambiguous } = kindFromHeaders(sig);
  if (!ambiguous) return { kind, from: 'header-signature' };
  const family = kind === 'gov-fund-expenditure' ? ['gov-fund-expenditure', 'state-capital-expenditure'] : kind === 'basic-expenditure' ? ['basic-expenditure', 'basic-expenditure-detail', 'economic-classification-summary', 'operating-cost'] : FUNCTION_EXPENDITURE_FAMILY;
  const notes = foldLabel(hints.notes);
  if (/政府性基金/.test(notes) && family.includes('gov-fund-expenditure')) return { kind: 'gov-fund-expenditure', from: 'notes' };
  if (/国有资本经营/.test(notes) && family.includes('state-capital-expenditure')) return { kind: 'state-capital-expenditure', from: 'notes' };
  const fromSheet = kindFromTitle(hints.sheetName);
  if (fromSheet && family.includes(fromSheet)) return { kind: refine(fromSheet, columns), from: 'sheet-name' };
  const form = hints.formNumber ?? (hints.sheetName && isFormNumber(hints.sheetName) ? hints.sheetName : undefined);
  if (form && family === FUNCTION_EXPENDITURE_FAMILY) {
    const n = formNumberValue(form);
    const finalAccounts = /公开|决算/.test(form);
    // (The kind the header suggested, kept: where the number's numbering is not the disclosure's, it is the guess.)
    const byForm = { form, headerKind: kind };
    if (n === 3) return { kind: 'expenditure', from: 'form-number', byForm };
    if (n === 5) return { kind: 'general-budget-expenditure', from: 'form-number', byForm };
    if (finalAccounts && n === 7) return { kind: 'gov-fund-expenditure', from: 'form-number', byForm };
    if (finalAccounts && n === 8) return { kind: 'state-capital-expenditure', from: 'form-number', byForm };
  }
  return undefined;
}

/**
 * The last resort for the 03/05 pair when nothing names them (no title, no sheet name, no
 * form number): every disclosure template lists the 支出表 before the 一般公共预算支出表.
 * An undecided table after an expenditure table is the general-budget one; of two or more
 * undecided ones, the first is the expenditure table. A lone undecided table keeps what its
 * header suggested (functionFamilyDefault).
 */
export function orderFunctionFamily(tables: { kind: TableKind; certain: boolean; declaredEmpty?: boolean; from?: KindSource }[]): void {
  const pair: TableKind[] = ['expenditure', 'general-budget-expenditure'];
  const undecided = tables.filter((t) => !t.certain && pair.includes(t.kind) && !t.declaredEmpty);
  let sawExpenditure = false;
  for (const t of tables) {
    if (undecided.includes(t)) {
      if (sawExpenditure) [t.kind, t.from] = ['general-budget-expenditure', 'template-order'];
      else if (undecided.length >= 2) [t.kind, t.from] = ['expenditure', 'template-order'];
    }
    if (t.kind === 'expenditure') sawExpenditure = true;
  }
}

function refine(kind: TableKind, columns: TableColumn[]): TableKind {
  const econ = columns.some((c) => /^(econ|gov-econ)-/.test(c.role));
  const projectNames = columns.some((c) => c.role === 'label' && c.headerPath.some((l) => /项目名称/.test(l)));
  if (kind === 'basic-expenditure' && projectNames && !econ) return 'basic-expenditure-detail';
  if (kind === 'basic-expenditure-detail' && econ && !projectNames) return 'basic-expenditure';
  return kind;
}
