/**
 * Maps a CSV header row to a rule's inputs, from the registry's metadata: a column may be named by
 * the input's name or its zh/en label; `rowId` and `claimed` (or 行号/序号, 申报金额) are the batch's own
 * columns (the header reading is the rules package's, shared with the add-in). Unknown, repeated or list-of-records columns are refused before any row is answered.
 */
import { batchColumnForHeader, inputForHeader, normaliseHeader, type InputSpec, type RuleMetadata } from '../../rules/index.ts';
import { errorBody, type HttpErrorBody } from '../errors.ts';

export type ColumnMap = { ok: true; names: (string | undefined)[] } | { ok: false; error: HttpErrorBody };

export function csvInputs(meta: RuleMetadata): InputSpec[] {
  return meta.inputs.filter((input) => input.type !== 'records');
}

/** The input name each header cell stands for. */
export function mapHeader(header: readonly string[], meta: RuleMetadata): ColumnMap {
  const records = meta.inputs.filter((input) => input.type === 'records');
  const names: (string | undefined)[] = [];
  const unknown: string[] = [];
  const seen = new Set<string>();
  for (const cell of header) {
    if (normaliseHeader(cell) === '') {
      names.push(undefined); // an unnamed column (Excel's trailing commas) is ignored only if all its cells are empty: checked per row
      continue;
    }
    const name = batchColumnForHeader(cell) ?? inputForHeader(cell, meta.inputs)?.name;
    if (name === undefined) {
      unknown.push(cell);
      names.push(undefined);
      continue;
    }
    if (records.some((r) => r.name === name)) return { ok: false, error: recordsError(meta, name) };
    if (seen.has(name)) {
      return { ok: false, error: errorBody('unknown-column', `列“${cell}”与另一列同指输入项 ${name}`, `Column "${cell}" repeats the input ${name}`, name) };
    }
    seen.add(name);
    names.push(name);
  }
  if (unknown.length) {
    const accepted = csvInputs(meta)
      .map((i) => `${i.name} (${i.label.zh})`)
      .concat(['rowId', 'claimed'])
      .join(', ');
    const shown = unknown.map((u) => `"${u.slice(0, 40)}"`).join(', ');
    return {
      ok: false,
      error: errorBody('unknown-column', `未知的列：${shown}。可用的列：${accepted}`, `Unknown column(s): ${shown}. Accepted columns: ${accepted}`),
    };
  }
  const missing = records.find((r) => r.required);
  if (missing) return { ok: false, error: recordsError(meta, missing.name) };
  return { ok: true, names };
}

function recordsError(meta: RuleMetadata, name: string): HttpErrorBody {
  return errorBody(
    'records-not-in-csv',
    `规则 ${meta.id} 的输入项 ${name} 是记录列表，不能放在 CSV 的一列里：请以 application/json {"rows":[…]} 提交`,
    `Rule ${meta.id}'s input ${name} is a list of records and cannot be a CSV column: send the batch as application/json {"rows":[…]}`,
    name,
  );
}
