import * as fs from 'fs';
import * as path from 'path';
import { readSnapshotFromFile } from '../src/adapters/xlsx/readSnapshot';
import type { GridSheet, WorkbookSnapshot } from '../src/core/snapshot';
import { gridWorkbook } from './support/gridSnapshot';

/** The five real disclosures in test/fixtures and their answer files. */
export const FIXTURE_DIR = path.join(__dirname, 'fixtures');

export interface AnswerTable {
  sheet: string;
  kind: string;
  title?: string;
  range: string;
  headerRows: string | null;
  bodyRows: string;
}

export interface Answer {
  workbook: string;
  tables: AnswerTable[];
  findings: unknown[];
  roundingTails?: unknown[];
}

export function fixtureNames(): string[] {
  return fs
    .readdirSync(FIXTURE_DIR)
    .filter((f) => f.endsWith('.xlsx'))
    .sort();
}

export function answerFor(file: string): Answer {
  return JSON.parse(fs.readFileSync(path.join(FIXTURE_DIR, 'answers', file.replace(/\.xlsx$/, '.json')), 'utf8')) as Answer;
}

const cache = new Map<string, Promise<WorkbookSnapshot<GridSheet>>>();

/** Read a fixture once per test file, as grids (tests change its cells: test/support/gridSnapshot.ts). */
export function fixtureSnapshot(file: string): Promise<WorkbookSnapshot<GridSheet>> {
  let p = cache.get(file);
  if (!p) {
    p = readSnapshotFromFile(path.join(FIXTURE_DIR, file)).then(gridWorkbook);
    cache.set(file, p);
  }
  return p;
}

/** "7:19" → [7, 19]. */
export function span(s: string): [number, number] {
  const [a, b] = s.split(':').map(Number);
  return [a, b ?? a];
}
