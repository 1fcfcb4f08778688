import { spawnSync, type SpawnSyncOptions } from 'child_process';
import { createHash } from 'crypto';
import { readFileSync } from 'fs';
import { join } from 'path';
import ExcelJS from 'exceljs';

/** Helpers for the command-line tests: run the real bin (compiled by `npm run build:cli`) as a reviewer would. */
export const ROOT = join(__dirname, '..');
export const BIN = join(ROOT, 'bin/budget-audit.js');
export const FIXTURES = join(ROOT, 'test/fixtures');
export const SAMPLE = join(FIXTURES, '003-sanmenxia-healthcare-security-service-center-2024-budget.xlsx');

export function run(args: string[], options: SpawnSyncOptions = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: ROOT, maxBuffer: 256 * 1024 * 1024, ...options });
  return { code: r.status, signal: r.signal, stdout: String(r.stdout ?? ''), stderr: String(r.stderr ?? '') };
}

export function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/**
 * An expenditure table (支出预算表) where every third row breaks 合计 = 基本支出 + 项目支出: `rows / 3`
 * error findings, about 1 KB of `--json` each (the other rows agree, so the table is read as it is,
 * not set aside as a misread one).
 */
export async function writeFailingWorkbook(path: string, rows: number): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('支出表');
  ws.addRow(['支出预算表']);
  ws.addRow(['单位：万元']);
  ws.addRow(['科目编码', '科目名称', '合计', '基本支出', '项目支出']);
  for (let i = 0; i < rows; i++) ws.addRow([String(2010101 + i), `科目${i}`, i % 3 === 0 ? 100 + i : 90, 50, 40]);
  await wb.xlsx.writeFile(path);
}
