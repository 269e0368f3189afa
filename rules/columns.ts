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
  claimed: ['claimed', 'claimedamount', '申报金额', '申报', '申报数', '申请金额', '补贴金额', '申请补贴金额', '申报奖励金额', '申请奖励金额', '申报补贴金额'],
} as const;

export type BatchColumn = keyof typeof BATCH_COLUMN_HEADERS;

/** The batch's own columns as clerks and messages name them. */
export const BATCH_COLUMN_LABELS: Readonly<Record<BatchColumn, Text>> = {
  rowId: { zh: '序号', en: 'Row' },
  claimed: { zh: '申报金额', en: 'Claimed amount' },
};

/** Marks a form puts on a header cell: required marks (`*`, `＊`, `※`, `(必填)`), kept apart from the name. */
const HEADER_MARKS = /[*※]|\((必填|必选|选填)\)/g;

/**
 * Header text as compared: NFKC (full-width → half-width, so `（元）` is `(元)`, `＊` is `*`), no white
 * space or line breaks, no required marks, lower case, and trailing units in parentheses dropped
 * (`申报金额（元）`, `在职职工总数(人)*`).
 */
export const normaliseHeader = (text: string): string =>
  text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(HEADER_MARKS, '')
    .replace(/(\([^()]*\))+$/, '')
    .toLowerCase();

/** Every header that names an input: its name, its zh/en labels and the aliases its spec lists. */
export const headersOfInput = (spec: Pick<InputSpec, 'name' | 'label' | 'aliases'>): string[] => [
  spec.name,
  spec.label.zh,
  spec.label.en,
  ...(spec.aliases ?? []),
];

/** The input a header names, by its name, its zh/en label or one of its aliases. */
export function inputForHeader(header: unknown, specs: readonly InputSpec[]): InputSpec | undefined {
  if (typeof header !== 'string') return undefined;
  const key = normaliseHeader(header);
  if (key === '') return undefined;
  return specs.find((s) => headersOfInput(s).some((n) => normaliseHeader(n) === key));
}

/** The batch column (`rowId`, `claimed`) a header names, if any. */
export function batchColumnForHeader(header: string): BatchColumn | undefined {
  const key = normaliseHeader(header);
  return (Object.keys(BATCH_COLUMN_HEADERS) as BatchColumn[]).find((column) => (BATCH_COLUMN_HEADERS[column] as readonly string[]).includes(key));
}
