import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/** The official-rules FEC checker shipped beside the repository (../shared/einvoice/check-fec.mjs). */
export const CHECK_FEC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/einvoice/check-fec.mjs');

export interface FecReport {
  lines: number;
  entries: number;
  totalDebit: string;
  totalCredit: string;
  errors: string[];
  warnings: string[];
}

/** Runs check-fec.mjs in strict mode (order, numbering and file name findings are errors) on a file. */
export async function checkFec(file: string): Promise<FecReport> {
  const run = await promisify(execFile)(process.execPath, [CHECK_FEC, '--strict', '--json', file], { maxBuffer: 64 * 1024 * 1024 }).catch(
    (error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }),
  );
  return JSON.parse(run.stdout) as FecReport;
}
