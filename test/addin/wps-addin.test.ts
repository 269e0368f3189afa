/**
 * The WPS add-in's script (bt-wps.js, built in memory as the build does) run in a Node vm with a
 * stand-in `wps` / `Application` (test/support/wps-stub.ts, after wpsjs's et template): it registers every
 * rule's function and EXPLAIN through `wps.AddCustomFunction` under BT, with functions.json's metadata, and
 * each function gives what the Excel function gives (and so `POST /v1/rules/{id}`, which
 * test/worker/addin-equality.test.ts holds equal to Excel) on random inputs per rule, with arguments as a
 * spreadsheet passes them: dates as serials, booleans, ranges, and optional arguments left out both ways
 * WPS may leave them out (missing, or COM's -2147352572). Excel's error is WPS's text `#VALUE! message`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { build } from 'esbuild';
import vm from 'node:vm';
import { evaluate, isoToExcelSerial, listRules } from '../../rules/index.ts';
import { registerFunctions } from '../../addin/functions/register.ts';
import { basicValueOf, type Cell } from '../../addin/functions/cells.ts';
import { PARAM_NOT_FOUND } from '../../addin/wps/functions.ts';
import { WPS_FILES } from '../../addin/wps/files.ts';
import { wpsFunctionsFile } from '../../addin/wps/metadata.ts';
// @ts-expect-error plain ESM build helper without types
import { scriptOptions } from '../../addin/wps/build.mjs';
import { customFunctionsStub, StubCustomFunctionsError } from '../support/office-stub.ts';
import { validInputsFor } from '../support/arbitraries.ts';
import { excelValue } from '../support/excel-values.ts';
import { createWpsStub, type WpsStub } from '../support/wps-stub.ts';

const RUNS = 300;
const excel = customFunctionsStub();
registerFunctions(excel);

let script: string;
beforeAll(async () => {
  const result = await build({ ...scriptOptions('entry.ts'), write: false });
  script = result.outputFiles![0].text;
}, 60_000);

/** Loads bt-wps.js as WPS would load index.html's plain script: globals `wps`, `Application`, `location`. */
function load(): { stub: WpsStub; context: vm.Context } {
  const stub = createWpsStub({ address: 'A1' });
  const context = vm.createContext({ wps: stub.wps, Application: stub.Application, location: { href: 'https://rules.example.org/wps/index.html' }, console });
  vm.runInContext(script, context);
  return { stub, context };
}

/** What Excel shows, in the form WPS shows it: a plain value, or the error's name and message as text. */
function excelAnswer(id: string, args: unknown[]): unknown {
  try {
    return basicValueOf(excel.functions.get(id)!(...args) as Cell) ?? '';
  } catch (error) {
    if (!(error instanceof StubCustomFunctionsError)) throw error;
    return `${error.code} ${error.message}`;
  }
}

describe('bt-wps.js in a stand-in WPS', () => {
  it('registers every rule and EXPLAIN under BT, each with its functions.json metadata', () => {
    const { stub } = load();
    const file = wpsFunctionsFile();
    expect(stub.registrations.map((r) => `${r.namespace}.${r.name}`)).toEqual(file.functions.map((f) => `BT.${f.name}`));
    for (const r of stub.registrations) {
      const { name, ...metadata } = file.functions.find((f) => f.name === r.name)!;
      expect(r.metadata, name).toEqual(metadata);
      expect(typeof r.fn).toBe('function');
    }
  });

  it("the ribbon button opens the task pane from the add-in's own folder, then shows and hides it", () => {
    const { stub, context } = load();
    expect(context.OnAddinLoad({ name: 'ribbon' })).toBe(true);
    expect(stub.Application.ribbonUI).toEqual({ name: 'ribbon' });
    expect(context.GetImage({ Id: 'btShowTaskPane' })).toBe(WPS_FILES.icon);
    context.OnAction({ Id: 'btShowTaskPane' });
    expect([...stub.panes.values()]).toMatchObject([{ url: `https://rules.example.org/wps/${WPS_FILES.taskpane}`, Visible: true }]);
    context.OnAction({ Id: 'btShowTaskPane' });
    expect(stub.panes.size).toBe(1);
    expect(stub.panes.get(1)!.Visible).toBe(false);
  });

  let loaded: WpsStub;
  beforeAll(() => {
    loaded = load().stub;
  });
  const wpsFunction = (name: string) => loaded.registrations.find((r) => r.name === name)!.fn;

  for (const meta of listRules()) {
    it(`BT.${meta.functionName} = Excel's ${meta.functionName} on ${RUNS} random inputs, left-out optionals both ways`, { timeout: 60_000 }, () => {
      const fn = wpsFunction(meta.functionName);
      const samples = fc.sample(fc.tuple(validInputsFor(meta), fc.boolean()), { numRuns: RUNS, seed: 1414 });
      const mismatches: string[] = [];
      let refused = 0;
      let leftOut = 0;
      for (const [inputs, comStyle] of samples) {
        const args = meta.inputs.map((spec) => excelValue(inputs[spec.name], spec));
        // WPS: a left-out argument is COM's "parameter not found", or trailing ones are simply missing.
        const wpsArgs = args.map((a) => (a === null ? (comStyle ? PARAM_NOT_FOUND : undefined) : a));
        while (!comStyle && wpsArgs.length && wpsArgs.at(-1) === undefined) wpsArgs.pop();
        leftOut += args.filter((a) => a === null).length;
        const expected = excelAnswer(meta.functionName, args);
        if (typeof expected === 'string' && /^#(VALUE!|N\/A) /.test(expected)) refused++;
        const got = fn(...wpsArgs);
        if (JSON.stringify(got) !== JSON.stringify(expected))
          mismatches.push(`${JSON.stringify(wpsArgs)}: WPS ${JSON.stringify(got)}, Excel ${JSON.stringify(expected)}`);
      }
      expect(mismatches.slice(0, 5)).toEqual([]);
      expect(refused).toBeLessThan(RUNS);
      if (meta.inputs.some((i) => !i.required)) expect(leftOut).toBeGreaterThan(0);
    });
  }

  it('-2147352572 can safely mean "left out": no numeric input of any rule accepts it as a value', () => {
    for (const meta of listRules()) {
      const [valid] = fc.sample(validInputsFor(meta), { numRuns: 1, seed: 7 });
      for (const input of meta.inputs.filter((i) => ['integer', 'decimal', 'money'].includes(i.type))) {
        expect(evaluate(meta.id, { ...valid, [input.name]: PARAM_NOT_FOUND }).ok, `${meta.id}.${input.name}`).toBe(false);
      }
    }
  });

  it('dates: serial in, serial out (a date rule), and a refusal as "#VALUE! message" / "#N/A message"', () => {
    const end = wpsFunction('RETIREMENT_DATE');
    const serial = end(isoToExcelSerial('1970-03-15'), 'male', PARAM_NOT_FOUND, PARAM_NOT_FOUND);
    expect(serial).toBe(excelAnswer('RETIREMENT_DATE', [isoToExcelSerial('1970-03-15'), 'male', null, null]));
    expect(typeof serial).toBe('number');
    expect(wpsFunction('OVERQUOTA_REWARD')(400, 9, 1980)).toBe(29700);
    expect(wpsFunction('OVERQUOTA_REWARD')(-1, 9, 1980)).toMatch(/^#VALUE! \S/);
    expect(wpsFunction('TOBACCO_MIN_DISTANCE')('稀土高新区', false)).toMatch(/^#N\/A \S/);
  });

  it("EXPLAIN: the same rows as Excel's EXPLAIN, with the arguments one by one", () => {
    const explain = wpsFunction('EXPLAIN');
    const rows = explain('OVERQUOTA_REWARD', 400, 9, 1980, PARAM_NOT_FOUND) as unknown[][];
    expect(rows).toEqual(excel.functions.get('EXPLAIN')!('OVERQUOTA_REWARD', [[[400]], [[9]], [[1980]]]));
    expect(rows[1]).toEqual(['结果', 29700]);
    expect(explain('NO_SUCH_RULE')).toEqual([[expect.stringMatching(/^#VALUE! /)]]);
  });
});
