/**
 * A rule's refusal → the error a cell shows. `#N/A` where the policy text gives no answer (e.g.
 * 稀土高新区's tobacco distance, its minimum wage); `#VALUE!` for everything else (bad or missing input,
 * a date outside the policy's validity, …). The message is the rule's own, in the UI language, in Excel's
 * words where it points at a control (the function's argument).
 */
import { messageIn, type ErrorCode, type RuleErrorBody } from '../../rules/index.ts';
import type { CustomFunctionsApi, CustomFunctionsError } from '../office-host.ts';
import { uiLanguage, type Lang } from './language.ts';

const NOT_AVAILABLE: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['no-answer-in-text', 'no-wage-table']);

export type ExcelErrorKind = 'notAvailable' | 'invalidValue';

export const excelErrorKindOf = (code: ErrorCode): ExcelErrorKind => (NOT_AVAILABLE.has(code) ? 'notAvailable' : 'invalidValue');

export function toCustomFunctionsError(error: RuleErrorBody, cf: CustomFunctionsApi, lang: Lang = uiLanguage()): CustomFunctionsError {
  return new cf.Error(cf.ErrorCode[excelErrorKindOf(error.code)], messageIn('excel', error)[lang]);
}
