import type { AuditConfig } from '../../src/core/config';
import type { GridSheet } from '../../src/core/snapshot';
import type { CheckResult, EngineProgress } from '../../src/adapters/excel/checkResult';

/**
 * The messages between the pane and the engine's Web Worker. The snapshot goes over in bands of
 * rows (a structured clone of 200,000 rows at once would hold the pane for a second); the
 * result comes back as findings and slim tables (checkResult.ts).
 */
export type SheetMeta = Omit<GridSheet, 'values' | 'text' | 'numberFormats' | 'cells'>;

export type ToEngine =
  | { type: 'sheet'; index: number; meta: SheetMeta }
  /** Rows `top`… of sheet `index` (0-based rows; a hole is an empty row, as in the Snapshot). */
  | { type: 'rows'; index: number; top: number; values: GridSheet['values']; text: GridSheet['text']; numberFormats: GridSheet['numberFormats'] }
  | { type: 'run'; name?: string; config: Partial<AuditConfig> };

export type FromEngine = { type: 'progress'; progress: EngineProgress } | { type: 'result'; result: CheckResult } | { type: 'error'; message: string };

/** Cells per message: small enough that cloning one never holds the pane for long. */
export const CELLS_PER_MESSAGE = 50000;
