/**
 * How a table's header row names a rule's columns, for every projection that reads tables (the
 * Worker's CSV batches, the add-in's task pane and range arguments): an input by its name or its
 * zh/en label, or one of the batch's own columns, `rowId` and `claimed`. One list, one normalisation,
 * so the same table is read the same way over HTTP and in Excel.
 */
import type { InputSpec } from './core/schema.ts';
import type { Text } from './core/text.ts';

/** The batch's own columns and the headers that name them (already normalised). */
export const BATCH_COLUMN_HEADERS = {
  rowId: ['rowid', 'id', '行号', '序号', '编号'],
  claimed: ['claimed', 'claimedamount', '申报金额', '申报', '申报数'],
} as const;

export type BatchColumn = keyof typeof BATCH_COLUMN_HEADERS;

/** The batch's own columns as clerks and messages name them. */
export const BATCH_COLUMN_LABELS: Readonly<Record<BatchColumn, Text>> = {
  rowId: { zh: '序号', en: 'Row' },
  claimed: { zh: '申报金额', en: 'Claimed amount' },
};

/**
 * Header text as compared: NFKC (full-width → half-width, so `（元）` is `(元)`), no white space, lower
 * case, and a trailing unit in parentheses dropped (`申报金额（元）`, `在职职工总数(人)`).
 */
export const normaliseHeader = (text: string): string =>
  text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/(\([^()]*\))+$/, '')
    .toLowerCase();

/** The input a header names, by its name or its zh/en label. */
export function inputForHeader(header: unknown, specs: readonly InputSpec[]): InputSpec | undefined {
  if (typeof header !== 'string') return undefined;
  const key = normaliseHeader(header);
  return specs.find((s) => [s.name, s.label.zh, s.label.en].some((n) => normaliseHeader(n) === key));
}

/** The batch column (`rowId`, `claimed`) a header names, if any. */
export function batchColumnForHeader(header: string): BatchColumn | undefined {
  const key = normaliseHeader(header);
  return (Object.keys(BATCH_COLUMN_HEADERS) as BatchColumn[]).find((column) => (BATCH_COLUMN_HEADERS[column] as readonly string[]).includes(key));
}
