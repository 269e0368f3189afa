/**
 * A table's header row → what each column is: one of the rule's inputs, the batch's own `rowId` or
 * `claimed`, an extra column the clerk keeps (单位名称, 备注 …: echoed in answers, never an error), or an
 * unnamed column. The same reading for the Worker (CSV, xlsx, JSON keys) and the task pane.
 */
import { BATCH_COLUMN_LABELS, batchColumnForHeader, inputForHeader, normaliseHeader } from '../columns.ts';
import type { InputSpec } from '../core/schema.ts';
import type { RuleErrorBody } from '../core/errors.ts';
import type { RuleMetadata } from '../metadata.ts';

export type TableColumn =
  | { kind: 'input'; name: string; spec: InputSpec; header: string }
  | { kind: 'rowId'; header: string }
  | { kind: 'claimed'; header: string }
  | { kind: 'extra'; header: string }
  | { kind: 'unnamed' };

/** A table-level refusal (before any row): code, field, zh/en message. */
export interface TableError {
  code: 'unknown-column' | 'records-not-in-csv' | 'empty-batch' | 'unreadable-table';
  field?: string;
  message: { zh: string; en: string };
}

export type HeaderReading = { ok: true; columns: TableColumn[]; ignoredColumns: string[] } | { ok: false; error: TableError };

const headerText = (cell: unknown): string => (cell === undefined || cell === null ? '' : String(cell).trim());

/** What one header cell names (no duplicate check). */
export function columnOf(cell: unknown, meta: Pick<RuleMetadata, 'inputs'>): TableColumn {
  const header = headerText(cell);
  if (normaliseHeader(header) === '') return { kind: 'unnamed' };
  const own = batchColumnForHeader(header);
  if (own) return { kind: own, header };
  const spec = inputForHeader(header, meta.inputs);
  return spec ? { kind: 'input', name: spec.name, spec, header } : { kind: 'extra', header };
}

const nameOf = (column: TableColumn): string | undefined =>
  column.kind === 'input' ? column.name : column.kind === 'rowId' || column.kind === 'claimed' ? column.kind : undefined;

/**
 * Reads a header row. Refused (before any row is answered): two columns naming the same input (the
 * message names both), and inputs that are lists of records, which cannot be one column.
 */
export function readHeader(cells: readonly unknown[], meta: Pick<RuleMetadata, 'id' | 'title' | 'inputs'>): HeaderReading {
  const columns = cells.map((cell) => columnOf(cell, meta));
  const seen = new Map<string, string>();
  for (const column of columns) {
    const name = nameOf(column);
    if (name === undefined) continue;
    if (column.kind === 'input' && column.spec.type === 'records') return { ok: false, error: recordsError(meta, column.spec) };
    const before = seen.get(name);
    const header = (column as { header: string }).header;
    if (before !== undefined) {
      return {
        ok: false,
        error: {
          code: 'unknown-column',
          field: name,
          message: {
            zh: `列“${before}”与列“${header}”指的是同一输入项“${labelOf(meta, name)}”`,
            en: `Columns "${before}" and "${header}" both name the input ${name}`,
          },
        },
      };
    }
    seen.set(name, header);
  }
  const missing = meta.inputs.find((i) => i.type === 'records' && i.required);
  if (missing) return { ok: false, error: recordsError(meta, missing) };
  const ignoredColumns = columns.flatMap((c) => (c.kind === 'extra' ? [c.header] : []));
  if (!columns.some((c) => c.kind === 'input')) {
    // No column is one of the rule's inputs: the wrong rule, or not a header row at all.
    const { zh: acceptedZh, en: accepted } = acceptedColumns(meta);
    const shown = ignoredColumns
      .slice(0, 10)
      .map((u) => `"${u.slice(0, 40)}"`)
      .join(', ');
    return {
      ok: false,
      error: {
        code: 'unknown-column',
        field: 'header',
        message: {
          zh: `表头没有一列是“${meta.title.zh}”的输入项（收到：${shown}）。可用的列：${acceptedZh}`,
          en: `No column of the header is an input of rule ${meta.id} (got: ${shown}). Accepted columns: ${accepted}`,
        },
      },
    };
  }
  return { ok: true, columns, ignoredColumns };
}

function recordsError(meta: Pick<RuleMetadata, 'id' | 'title'>, input: Pick<RuleMetadata['inputs'][number], 'name' | 'label'>): TableError {
  return {
    code: 'records-not-in-csv',
    field: input.name,
    message: {
      zh: `“${meta.title.zh}”的“${input.label.zh}”是一份名单，不能放在表格的一列里：请按名单逐条提交（JSON 格式 {"rows":[…]}）`,
      en: `Rule ${meta.id}'s input ${input.name} is a list of records and cannot be a table column: send the batch as application/json {"rows":[…]}`,
    },
  };
}

/** The columns a rule's table accepts, as a refusal lists them: the inputs' labels (names in English) and the batch's own. */
export function acceptedColumns(meta: Pick<RuleMetadata, 'inputs'>): { zh: string; en: string } {
  const inputs = meta.inputs.filter((i) => i.type !== 'records');
  return {
    zh: inputs
      .map((i) => i.label.zh)
      .concat([BATCH_COLUMN_LABELS.rowId.zh, BATCH_COLUMN_LABELS.claimed.zh])
      .join('、'),
    en: inputs
      .map((i) => `${i.name} (${i.label.en})`)
      .concat(['rowId', 'claimed'])
      .join(', '),
  };
}

/** An input's Chinese label, by its name (rowId and claimed are the batch's own columns). */
export const labelOf = (meta: Pick<RuleMetadata, 'inputs'>, name: string): string =>
  name === 'rowId' || name === 'claimed' ? BATCH_COLUMN_LABELS[name].zh : (meta.inputs.find((i) => i.name === name)?.label.zh ?? name);

/** Whether a header row is written in Chinese (any CJK character): the answer then speaks Chinese. */
export const headersAreChinese = (cells: readonly unknown[]): boolean => cells.some((c) => /[\u4e00-\u9fff]/.test(headerText(c)));

export type { RuleErrorBody };
