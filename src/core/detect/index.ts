import type { WorkbookSnapshot } from '../snapshot';
import type { DetectedTable } from '../table';

/** Placeholder until layout detection lands: finds nothing. */
export function detectTables(_snapshot: WorkbookSnapshot): DetectedTable[] {
  return [];
}
