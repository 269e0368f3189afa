/**
 * Turns the rows of a batch (CSV records or JSON values) into answers through the rules package's
 * BatchEvaluator: exactly one answer per row, in order. Problems the rules package cannot see (a
 * malformed CSV record, a cell under no header) are answered as that row's error.
 */
import { BatchEvaluator, type BatchRow } from '../../rules/index.ts';
import type { CsvRecord } from '../csv/parse.ts';
import { errorBody, type HttpErrorBody } from '../errors.ts';

/** A row answer, with the cells to echo when the answer is CSV. */
export interface AnsweredRow {
  row: BatchRow;
  cells: readonly unknown[];
}

/** Answers a row the rules package never sees, keeping the evaluator's index and summary right. */
function refuse(evaluator: BatchEvaluator, error: HttpErrorBody, rowId?: string): BatchRow {
  const row = evaluator.add(null);
  row.error = error as BatchRow['error'];
  if (rowId !== undefined) row.rowId = rowId;
  return row;
}

export function answerCsvRecord(evaluator: BatchEvaluator, record: CsvRecord, names: readonly (string | undefined)[]): AnsweredRow {
  const line = evaluator.summary.rows + 2; // the header is line 1
  if (record.malformed) {
    const why = record.malformed === 'unclosed-quote' ? { zh: '引号未闭合', en: 'a quote is not closed' } : { zh: '该行过长', en: 'the record is too long' };
    return { row: refuse(evaluator, errorBody('malformed-csv', `第 ${line} 行无法按 CSV 读取：${why.zh}`, `Row at line ${line} is not readable CSV: ${why.en}`)), cells: [] };
  }
  const raw: Record<string, unknown> = {};
  let stray: number | undefined;
  record.cells.forEach((cell, i) => {
    const name = names[i];
    if (name !== undefined) raw[name] = cell;
    else if (cell.trim() !== '' && stray === undefined) stray = i;
  });
  if (stray !== undefined) {
    const rowId = typeof raw.rowId === 'string' && raw.rowId.trim() ? raw.rowId.trim() : undefined;
    const error = errorBody(
      'unknown-column',
      `第 ${stray + 1} 列没有列名（或超出表头），但该行在此有值`,
      `Column ${stray + 1} has no header (or lies beyond the header) but this row has a value there`,
    );
    return { row: refuse(evaluator, error, rowId), cells: record.cells };
  }
  return { row: evaluator.add(raw), cells: record.cells };
}

export function answerJsonRow(evaluator: BatchEvaluator, value: unknown, columns: readonly string[]): AnsweredRow {
  const row = evaluator.add(value);
  const object = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  return { row, cells: columns.map((c) => object[c]) };
}
