/**
 * Debian's LibreOffice (`soffice`, from libreoffice-calc-nogui), headless, as the real spreadsheet program
 * that makes the tests' workbooks and reads ours back. Each run has its own profile directory, so
 * parallel runs never share one.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** CSV import as a Chinese clerk's Calc does it: comma, UTF-8, zh-CN locale (2052), special numbers detected (dates, ￥ amounts). */
export const ZH_CSV_IMPORT = 'CSV:44,34,76,1,,2052,false,true';

/** The same import, but cells kept as typed (no date or currency detection): for re-saving the text in another encoding. */
export const ZH_CSV_IMPORT_AS_TYPED = 'CSV:44,34,76,1,,2052,false,false';

/** Export filters: the sheet as UTF-8 CSV, as "Unicode text" (UTF-16LE, tab), and as GBK CSV (as Chinese Excel saves "CSV"). */
export const CSV_UTF8 = 'csv:Text - txt - csv (StarCalc):44,34,76,1';
export const TEXT_UTF16 = 'txt:Text - txt - csv (StarCalc):9,34,65535,1';
export const CSV_GBK = 'csv:Text - txt - csv (StarCalc):44,34,56,1';
export const XLS = 'xls:MS Excel 97';

/**
 * Converts `input` with soffice into `outDir` (`to` is a --convert-to target, `infilter` an import filter);
 * returns the path of the file it wrote.
 */
export async function convert(input: string, to: string, outDir: string, infilter?: string): Promise<string> {
  const profile = mkdtempSync(join(tmpdir(), 'bt-soffice-'));
  mkdirSync(outDir, { recursive: true });
  try {
    const args = [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore'];
    if (infilter) args.push(`--infilter=${infilter}`);
    args.push('--convert-to', to, '--outdir', outDir, input);
    await run('soffice', args, { timeout: 120_000 });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const extension = to.split(':')[0];
  return join(outDir, `${basename(input).replace(/\.[^.]+$/, '')}.${extension}`);
}

/** Converts several files in one soffice start (about 1.3 s each start); returns the paths written, in order. */
export async function convertMany(inputs: readonly string[], to: string, outDir: string, infilter?: string): Promise<string[]> {
  const profile = mkdtempSync(join(tmpdir(), 'bt-soffice-'));
  mkdirSync(outDir, { recursive: true });
  try {
    const args = [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore'];
    if (infilter) args.push(`--infilter=${infilter}`);
    args.push('--convert-to', to, '--outdir', outDir, ...inputs);
    await run('soffice', args, { timeout: 180_000 });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const extension = to.split(':')[0];
  return inputs.map((input) => join(outDir, `${basename(input).replace(/\.[^.]+$/, '')}.${extension}`));
}

/** Reads a workbook back through LibreOffice: its first sheet as UTF-8 CSV text, as Calc shows the cells. */
export async function readBack(workbook: string, outDir: string): Promise<string> {
  const csv = await convert(workbook, CSV_UTF8, outDir);
  return readFileSync(csv, 'utf8').replace(/^\uFEFF/, '');
}
