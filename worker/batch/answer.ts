/**
 * The batch answer, written as it goes: JSON `{ batchId, rule, rulesetVersion, rows: [...], summary }`
 * (rows before summary, so nothing is held back), or, with `Accept: text/csv`, the input columns
 * plus status, amount, difference and message, every cell neutralised against formula injection.
 */
import type { BatchRow, BatchSummary, RuleMetadata } from '../../rules/index.ts';
import { csvLine } from '../csv/write.ts';
import type { AnsweredRow } from './rows.ts';

export interface AnswerWriter {
  contentType: string;
  head(): string;
  row(answered: AnsweredRow, first: boolean): string;
  tail(summary: BatchSummary): string;
}

export interface BatchHead {
  batchId: string;
  rule: string;
  rulesetVersion: string;
}

export function jsonWriter(head: BatchHead, meta: RuleMetadata): AnswerWriter {
  return {
    contentType: 'application/json; charset=utf-8',
    head: () => `{"ok":true,"batchId":${JSON.stringify(head.batchId)},"rule":${JSON.stringify(head.rule)},"rulesetVersion":${JSON.stringify(head.rulesetVersion)},"clause":${JSON.stringify({ id: meta.clause.id, text: meta.clause.text })},"policy":${JSON.stringify(meta.policy)},"rows":[`,
    row: ({ row }, first) => (first ? '' : ',') + JSON.stringify(row),
    tail: (summary) => `],"summary":${JSON.stringify(summary)}}`,
  };
}

const message = (row: BatchRow): string => {
  if (row.error) return `${row.error.code}${row.error.field ? ` (${row.error.field})` : ''}: ${row.error.message.zh} / ${row.error.message.en}`;
  return (row.warnings ?? []).map((w) => `${w.zh} / ${w.en}`).join('; ');
};

export function csvWriter(columns: readonly string[], meta: RuleMetadata): AnswerWriter {
  return {
    // A BOM, so Excel opens the Chinese text as UTF-8.
    contentType: 'text/csv; charset=utf-8',
    head: () => `\uFEFF${csvLine([...columns, 'status', 'amount', 'difference', 'message'])}`,
    row: ({ row, cells }) => {
      const echoed = columns.map((_, i) => cells[i]);
      return csvLine([...echoed, row.status, row.result?.[meta.primary], row.difference, message(row)]);
    },
    tail: () => '',
  };
}
