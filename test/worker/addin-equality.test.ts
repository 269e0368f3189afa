/**
 * Runs inside workerd, against the Worker itself (its default export), so 24 × 1,000 requests take
 * seconds rather than the minutes a trip through `wrangler dev`'s local proxy would.
 *
 * Same answer everywhere: each Excel function, called through a CustomFunctions stub with Excel-style
 * arguments (dates as serials, booleans as TRUE/FALSE, numbers as doubles, ranges as matrices), gives the
 * value the Worker's `POST /v1/rules/{id}` gives for the same inputs — or the matching Excel error. So does
 * the WPS function (addin/wps/functions.ts), its left-out arguments as -2147352572 and its errors as text.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isoToExcelSerial, listRules, messageIn, type InputSpec, type OutputSpec, type RuleErrorBody } from '../../rules/index.ts';
import { registerFunctions } from '../../addin/functions/register.ts';
import { basicValueOf, type Cell } from '../../addin/functions/cells.ts';
import { PARAM_NOT_FOUND, wpsFunctionFor } from '../../addin/wps/functions.ts';
import { customFunctionsStub, StubCustomFunctionsError } from '../support/office-stub.ts';
import { validInputsFor } from '../support/arbitraries.ts';
import { excelValue } from '../support/excel-values.ts';
import { postJson } from './helpers.ts';

const RUNS = 1_000;
const CONCURRENCY = 12;
const cf = customFunctionsStub();
registerFunctions(cf);

/** What the cell should show for the Worker's primary output. */
function expectedCell(value: unknown, spec: OutputSpec | undefined): unknown {
  if (value === undefined || value === null) return '';
  switch (spec?.type) {
    case 'money':
    case 'decimal':
    case 'ratio':
      return Number(value);
    case 'date':
      return { type: 'FormattedNumber', basicValue: isoToExcelSerial(value as string), numberFormat: 'yyyy-mm-dd' };
    case 'conditions':
      return (value as { message: { zh: string } }[]).map((c) => c.message.zh).join('；');
    case 'records':
      return (value as unknown[]).length;
    default:
      return value;
  }
}

async function pool<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

describe('Excel (and WPS) functions = POST /v1/rules/{id}', () => {
  for (const meta of listRules()) {
    it(`${meta.functionName}: ${RUNS} random inputs`, { timeout: 60_000 }, async () => {
      const fn = cf.functions.get(meta.functionName)!;
      const wps = wpsFunctionFor(meta);
      const primary = meta.outputs.find((o) => o.name === meta.primary);
      const samples = fc.sample(validInputsFor(meta), { numRuns: RUNS, seed: 4242 });
      const mismatches: string[] = [];
      let answered = 0;
      let refused = 0;
      await pool(samples, async (inputs) => {
        const args = meta.inputs.map((spec) => excelValue(inputs[spec.name], spec));
        const http = (await (await postJson(`/v1/rules/${meta.id}`, inputs)).json()) as {
          ok: boolean;
          result?: Record<string, unknown>;
          error?: RuleErrorBody;
        };
        let cell: unknown;
        let thrown: StubCustomFunctionsError | undefined;
        try {
          cell = fn(...args);
        } catch (error) {
          if (!(error instanceof StubCustomFunctionsError)) throw error;
          thrown = error;
        }
        const where = `${JSON.stringify(inputs)} → ${JSON.stringify(args)}`;
        // WPS's function, left-out arguments as COM's "parameter not found": the same value, or the same error as text
        // (pointing at the function's argument, as Excel's message does).
        const wpsCell = wps(...args.map((a) => (a === null ? PARAM_NOT_FOUND : a)));
        const wpsExpected = http.ok
          ? basicValueOf(expectedCell(http.result![meta.primary], primary) as Cell)
          : `${['no-answer-in-text', 'no-wage-table'].includes(http.error!.code) ? '#N/A' : '#VALUE!'} ${messageIn('excel', http.error!).zh}`;
        if (JSON.stringify(wpsCell) !== JSON.stringify(wpsExpected))
          mismatches.push(`${where}: WPS ${JSON.stringify(wpsCell)}, HTTP ${JSON.stringify(wpsExpected)}`);
        if (http.ok) {
          answered++;
          const expected = expectedCell(http.result![meta.primary], primary);
          if (thrown) mismatches.push(`${where}: Excel ${thrown.code} ${thrown.message}, HTTP ${JSON.stringify(expected)}`);
          else if (JSON.stringify(cell) !== JSON.stringify(expected))
            mismatches.push(`${where}: Excel ${JSON.stringify(cell)}, HTTP ${JSON.stringify(expected)}`);
        } else {
          refused++;
          const code = ['no-answer-in-text', 'no-wage-table'].includes(http.error!.code) ? '#N/A' : '#VALUE!';
          // The same refusal; where it points at a control, Excel names its argument and the API its field.
          const inExcel = messageIn('excel', http.error!).zh;
          if (!thrown) mismatches.push(`${where}: Excel ${JSON.stringify(cell)}, HTTP error ${http.error!.code}`);
          else if (thrown.code !== code || thrown.message !== inExcel)
            mismatches.push(`${where}: Excel ${thrown.code} ${thrown.message}, HTTP ${code} ${inExcel}`);
        }
      });
      expect(mismatches.slice(0, 5)).toEqual([]);
      expect(answered + refused).toBe(RUNS);
      expect(answered).toBeGreaterThan(0);
    });
  }
});
