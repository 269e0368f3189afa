/**
 * The Baotou disability-employment rules package: pure functions, no I/O.
 * Everything the Worker, the add-in and the page need comes from here.
 */
export { evaluate, evaluateRule, inputsOf, currentPolicyRef } from './evaluate.ts';
export type { Evaluation, Success, Failure, PolicyRef, DatedAnswer, EvaluateOptions } from './evaluate.ts';
export { answerJson, writeAnswer, type AnswerSink } from './core/answer-json.ts';
export { messageIn, pointAt, type Projection, type ControlRef } from './core/projection-words.ts';
export { parameterChangeDates } from './core/change-dates.ts';
export { groupThousands, periodLabel } from './core/periods.ts';
export { evaluateBatch, BatchEvaluator } from './batch.ts';
export { BATCH_COLUMN_HEADERS, BATCH_COLUMN_LABELS, batchColumnForHeader, inputForHeader, normaliseHeader } from './columns.ts';
export type { BatchColumn } from './columns.ts';
export type { BatchRow, BatchSummary, BatchOutcome, RowStatus } from './batch.ts';
export { ROW_VERDICT_WORDS, verdictOf, type RowVerdict } from './core/row-words.ts';
export { listRules, metadataOf, functionNameOf } from './metadata.ts';
export type { RuleMetadata } from './metadata.ts';
export { listInterpretations, interpretations } from './interpretations.ts';
export type { Interpretation, InterpretationId } from './interpretations.ts';
export { rules, findRule } from './registry.ts';
export { isPersonalInput } from './core/schema.ts';
export type { RuleDefinition } from './core/rule.ts';
export type { InputSpec, OutputSpec, InputType, OutputType, Choice, FailedCondition } from './core/schema.ts';
export type { Text } from './core/text.ts';
export type { RuleErrorBody, ErrorCode } from './core/errors.ts';
export { RULESET_VERSION } from './version.ts';
export { servedPlans, planFor, planInForce, policyRefOf } from './plans/index.ts';
export type { Plan, PlanValues, Clause } from './plans/index.ts';
export { parametersOn, listParameters, listPlans, servedParameters, buildParameters } from './parameters/index.ts';
export type { ParameterSet, ParameterOnDate } from './parameters/index.ts';
export type { Parameter, Dated, Source, Reading, Value } from './parameters/types.ts';
export { districts } from './parameters/districts.ts';
export { findDistrict } from './core/districts.ts';
export { excelSerialToIso, isoToExcelSerial } from './core/dates.ts';
// Answer tables (the page writes its downloads with the Worker's own writers), and their summary types.
export {
  answerCsvHead,
  answerCsvPreamble,
  answerCsvRow,
  answerTotalCells,
  claimedColumn,
  startAnswerSheet,
  totalsMessage,
  writeSummarySheet,
} from './tables/answer-table.ts';
export { csvLine } from './tables/csv-write.ts';
export { xlsxBytes } from './tables/xlsx-write.ts';
export type { TableSummary } from './tables/rows.ts';
export type { MoneyTotals } from './tables/totals.ts';
// 测算 (what-if): overrides → a parameter set; the one-case check; the table batch and its answer tables.
export { readOverrides, overridableParameters, kindOf, WHATIF_MARK, type Override, type OverrideInput, type Overrides } from './whatif/overrides.ts';
export { whatIfCheck, type WhatIfCheck } from './whatif/check.ts';
export { WhatIfTableBatch, type WhatIfRow, type WhatIfSummary } from './whatif/table-batch.ts';
export { startWhatIfSheet, whatIfCsvHead, whatIfCsvRow, whatIfNote, writeWhatIfSummarySheet, type ListedOverride } from './tables/whatif-table.ts';
