// CSV answers opened in a real spreadsheet: the self-hosted server's CSV answer, holding every formula
// trick a clerk's file could carry, is imported into LibreOffice Calc with formulas evaluated, once split
// on commas only and once on comma, tab and semicolon; no cell may come out as a formula.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { auth } from './client.ts';

const run = promisify(execFile);
const url = inject('servers')[0].url; // the self-hosted server (npm run serve)
const dir = mkdtempSync(join(tmpdir(), 'bt-csv-injection-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const hidden = ['', '\u0000', '\u200b', '\u2060', '\u200c', '\u180e', '\u00ad', '\u202e', '\u001f', ' ', '\u00a0', '\u3000', '\ufeff'];
const triggers = ['=', '+', '-', '@', '\ufe66', '\u207c', '\u2212', '\uff1d'];
const payloads = [
  ...hidden.flatMap((h) => triggers.map((t) => `${h}${t}1+1`)),
  'x\t=1+1',
  'x;=1+1',
  "'\t=1+1",
  'x\t\u200b=1+1',
  'x;\u2212SUM(1;2)',
  '=HYPERLINK("http://x";"y")',
];

/** Imports `csv` into Calc with the given separators (44 comma, 9 tab, 59 semicolon), quoted fields not forced to text, formulas evaluated; returns the formulas found. */
async function formulasAfterImport(csv: string, separators: string): Promise<string[]> {
  const name = `answer-${separators.replace(/\//g, '-')}`;
  writeFileSync(join(dir, `${name}.csv`), csv);
  const profile = mkdtempSync(join(tmpdir(), 'bt-soffice-'));
  try {
    // tokens: separators, quote, UTF-8, first line, formats, zh-CN, quoted-as-text off, detect numbers, …, evaluate formulas
    const filter = `CSV:${separators},34,76,1,,2052,false,true,false,false,false,-1,true`;
    await run(
      'soffice',
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--norestore',
        `--infilter=${filter}`,
        '--convert-to',
        'fods',
        '--outdir',
        dir,
        join(dir, `${name}.csv`),
      ],
      { timeout: 120_000 },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const fods = readFileSync(join(dir, `${name}.fods`), 'utf8');
  return [...fods.matchAll(/table:formula="([^"]*)"/g)].map((m) => m[1]);
}

describe('CSV answers in LibreOffice Calc', () => {
  it('no echoed cell becomes a formula, whichever separators the import splits on', async () => {
    const rows = payloads.map((note, i) => ({ rowId: String(i + 1), totalStaff: 400, disabledCounted: 9, monthlyMinWage: 1980, note }));
    const response = await fetch(`${url}/v1/batch/overquota-reward`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/csv', ...auth },
      body: JSON.stringify({ rows }),
    });
    expect(response.status).toBe(200);
    const csv = await response.text();
    // the control test: the same payloads written naively do become formulas
    const naive = ['note', ...payloads].join('\r\n');
    expect((await formulasAfterImport(naive, '44/9/59')).length).toBeGreaterThan(0);
    expect(await formulasAfterImport(csv, '44')).toEqual([]);
    expect(await formulasAfterImport(csv, '44/9/59')).toEqual([]);
  }, 120_000);
});
