/**
 * The `BT.*` functions for WPS 表格, registered with `wps.AddCustomFunction(namespace, name, fn, metadata)`
 * (WPS ≥ 12.1.0.20540; synchronous, as our rules are). The same rules package and the same cell
 * conversions as Excel (../functions/evaluate-cell.ts, cells.ts); what differs is the host:
 * - an argument left out may arrive as `undefined` or, COM-style, as DISP_E_PARAMNOTFOUND
 *   (`-2147352572`, reported, not documented by WPS): both mean "left out";
 * - WPS has no `CustomFunctions.Error`, so a refusal is returned as text, `#VALUE! <message>` or
 *   `#N/A <message>` (the Excel error's name, then the rule's Chinese message);
 * - no data types: a date comes back as its serial number (format the cell as a date).
 */
import { listRules, messageIn, type RuleErrorBody, type RuleMetadata } from '../../rules/index.ts';
import { basicValueOf } from '../functions/cells.ts';
import { excelErrorKindOf } from '../functions/errors.ts';
import { evaluateCell, explainEvaluation } from '../functions/evaluate-cell.ts';
import { explanationRows } from '../functions/explain.ts';
import { EXPLAIN_ID } from '../functions/register.ts';
import { WPS_NAMESPACE, wpsFunctionsFile, type WpsFunction } from './metadata.ts';

/** COM's DISP_E_PARAMNOTFOUND (0x80020004) as a signed 32-bit number. */
export const PARAM_NOT_FOUND = -2147352572;

export type WpsCell = string | number | boolean;

export interface WpsAddinRoot {
  AddCustomFunction?: (namespace: string, name: string, fn: (...args: any[]) => unknown, metadata?: Omit<WpsFunction, 'name'>) => void;
}

/** A left-out argument (any of WPS's ways of saying so) → undefined; anything else as it came. */
export const leftOut = (value: unknown): unknown => (value === PARAM_NOT_FOUND || value === null ? undefined : value);

const ERROR_TEXT = { invalidValue: '#VALUE!', notAvailable: '#N/A' } as const;

/** What a WPS cell shows for a refusal: the Excel error's name and the rule's Chinese message, pointing at the function's argument as Excel's does. */
export const errorText = (error: RuleErrorBody): string => `${ERROR_TEXT[excelErrorKindOf(error.code)]} ${messageIn('excel', error).zh}`;

export function wpsFunctionFor(meta: RuleMetadata): (...args: unknown[]) => WpsCell {
  return (...args: unknown[]) => {
    const answer = evaluateCell(meta, args.map(leftOut), 'zh');
    if (!answer.ok) return errorText(answer.error);
    return basicValueOf(answer.cell) ?? '';
  };
}

/** `BT.EXPLAIN(rule, …arguments)`: the explanation as rows of [label, value]. */
export function wpsExplainFunction(rules: readonly RuleMetadata[] = listRules()): (rule: unknown, ...args: unknown[]) => WpsCell[][] {
  return (rule: unknown, ...args: unknown[]) => {
    const explained = explainEvaluation(leftOut(rule), args.map(leftOut), rules);
    if (!explained.ok) return [[errorText(explained.error)]];
    return explanationRows(explained.meta, explained.evaluation, 'zh');
  };
}

/** Registers every rule's function and EXPLAIN under the namespace BT, each with its metadata; returns the names. */
export function registerWpsFunctions(wps: WpsAddinRoot): string[] {
  if (typeof wps.AddCustomFunction !== 'function') return [];
  const rules = listRules();
  const metadata = new Map(wpsFunctionsFile(rules).functions.map(({ name, ...rest }) => [name, rest]));
  for (const meta of rules) wps.AddCustomFunction(WPS_NAMESPACE, meta.functionName, wpsFunctionFor(meta), metadata.get(meta.functionName));
  wps.AddCustomFunction(WPS_NAMESPACE, EXPLAIN_ID, wpsExplainFunction(rules), metadata.get(EXPLAIN_ID));
  return [...rules.map((r) => r.functionName), EXPLAIN_ID];
}
