/**
 * The batch route's table sources: a CSV body, a workbook or JSON rows → rows to answer, through the
 * form reader (rules/tables/form.ts: header located, columns resolved, mapping applied) and the table
 * batch (rules/tables/rows.ts: claims or skipped rows). Refusals before any row are Responses.
 */
import type { RuleMetadata } from '../../rules/index.ts';
import { checkMapping, readFormSource, readFormWorkbook, type ColumnMapping, type Form, type FormReading, type FormRow, type SheetFound } from '../../rules/tables/form.ts';
import { headersAreChinese, TableBatch, type EchoColumns, type TableError } from '../../rules/tables/index.ts';
import type { SheetSource } from '../../rules/tables/sheet-source.ts';
import { openWorkbook } from '../../rules/tables/workbook.ts';
import type { WorkbookLimits } from '../../rules/tables/workbook-limits.ts';
import { utf8Text } from '../body.ts';
import { countNonEmptyLines, countRecords } from '../csv/count.ts';
import { createDecoder, encodingOfBody, encodingOfCharset, invalidUtf8At } from '../decode.ts';
import { errorBody, errorResponse, type HttpErrorBody } from '../errors.ts';
import { parseJson } from '../json.ts';
import type { AnsweredRow } from './answer.ts';
import { CsvSource } from './csv-source.ts';

/** At most this many extra (unread) JSON keys are echoed in a table answer; the rest are counted. */
export const MAX_EXTRA_COLUMNS = 20;

/** What the answer's head says about the table read (beside ignoredColumns). */
export interface FormHead {
  sheet?: string;
  sheets?: SheetFound[];
  /** 1-based sheet row where the header begins. */
  headerRow?: number;
  preamble?: string[];
  unmatchedColumns: string[];
}

/** Rows to answer: a pull-based source of answered rows, and the columns to echo in a table answer. */
export interface Rows {
  /** A JSON body's members beside `rows` (a what-if's `overrides`). */
  json?: Record<string, unknown>;
  columns: string[];
  ignoredColumns: string[];
  droppedColumns: number;
  chinese: boolean;
  form: FormHead;
  /** The echoed columns as read (an answer then does not read the header again). */
  read: EchoColumns;
  next(batch: TableBatch): AnsweredRow | undefined;
}

export function tooManyRows(rows: number, max: number): Response {
  return errorResponse(
    413,
    errorBody('too-many-rows', `一批最多 ${max} 行，收到 ${rows} 行，请分批提交`, `A batch holds at most ${max} rows; this one has ${rows}. Split it into smaller batches`, 'body'),
  );
}

/** A table-level refusal; a header not found also carries what was found on each sheet and the closest row, beside the error. */
export function tableError(error: TableError & { sheets?: SheetFound[]; closest?: unknown }, meta: Pick<RuleMetadata, 'id'>, status = 422): Response {
  const { sheets, closest, ...body } = error;
  return errorResponse(status, body as HttpErrorBody, { rule: meta.id, ...(sheets ? { sheets } : {}), ...(closest ? { closest } : {}) });
}

/**
 * The clerk's explicit mapping from `?columns=` (URL-encoded JSON) or a JSON body's `columns`: checked
 * against the rule's inputs (unknown targets are a 422 naming them).
 */
export function mappingOf(raw: unknown, meta: RuleMetadata): ColumnMapping | undefined | Response {
  if (raw === undefined) return undefined;
  let value = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      return errorResponse(
        422,
        errorBody('unknown-column', '列对应关系 columns 不是有效的 JSON 对象', 'columns is not a valid JSON object', 'columns'),
        { rule: meta.id },
      );
    }
  }
  const checked = checkMapping(value, meta);
  return checked.ok ? checked.mapping : tableError(checked.error, meta);
}

/** A CSV body as a one-sheet source: records numbered as rows, a malformed record flagged. */
export function csvSheet(source: CsvSource, name = 'CSV'): SheetSource {
  let row = 0;
  return {
    name,
    next() {
      const record = source.read();
      if (!record) return undefined;
      const out: FormRow = { row: row++, cells: record.cells };
      if (record.malformed) out.unreadable = record.malformed === 'unclosed-quote' ? { zh: '引号未闭合', en: 'a quote is not closed' } : { zh: '该行过长', en: 'the record is too long' };
      return out;
    },
  };
}

/** Rows of a form read (CSV or a workbook's sheet): each row's cells from the table's first column, with its place in the sheet. */
function formRows(reading: FormReading, meta: RuleMetadata): Rows | Response {
  if (!reading.ok) return tableError(reading.error, meta, reading.status);
  const form: Form = reading.form;
  const { header } = form;
  const { columns, offset } = header;
  return {
    columns: header.headers,
    ignoredColumns: header.unmatched,
    droppedColumns: 0,
    read: columns,
    chinese: headersAreChinese(header.headers),
    form: {
      ...(form.sheet !== undefined ? { sheet: form.sheet, sheets: form.sheets } : {}),
      headerRow: header.firstRow + 1,
      preamble: header.preamble,
      unmatchedColumns: header.unmatched,
    },
    next(batch) {
      const row = form.next();
      if (!row) return undefined;
      const cells = offset ? row.cells.slice(offset) : row.cells;
      if (offset && row.cells.slice(0, offset).some((c) => c !== undefined && String(c).trim() !== '')) {
        // a value left of the table: its column has no header
        return { row: batch.addCells([...row.cells], [...Array(offset).fill({ kind: 'unnamed' }), ...columns], { row: row.row, offset: 0, hidden: row.hidden }), cells };
      }
      if (row.unreadable) {
        const line = row.row + 1;
        const error = errorBody('malformed-csv', `第 ${line} 行无法按 CSV 读取：${row.unreadable.zh}`, `Row ${line} is not readable CSV: ${row.unreadable.en}`);
        return { row: batch.refuse(error), cells: [] };
      }
      return { row: batch.addCells(cells, columns, { row: row.row, offset, hidden: row.hidden }), cells };
    },
  };
}

export function csvRows(chunks: Uint8Array[], contentType: string | undefined, meta: RuleMetadata, maxRows: number, mapping: ColumnMapping | undefined): Rows | Response {
  const declared = encodingOfCharset(contentType);
  if (declared === null) {
    return errorResponse(
      415,
      errorBody('unsupported-charset', 'CSV 的字符集只支持 UTF-8、UTF-16 与 GBK/GB18030', 'CSV bodies must be UTF-8, UTF-16 or GBK/GB18030', 'charset'),
    );
  }
  // The encoding from the whole body: a late GBK byte is never read as UTF-8, and text declared UTF-8 must be.
  const bad = declared === 'utf-8' ? invalidUtf8At(chunks) : undefined;
  if (bad !== undefined) {
    return errorResponse(
      422,
      errorBody(
        'invalid-encoding',
        `CSV 声明为 UTF-8，但第 ${bad + 1} 个字节起不是 UTF-8：请按文件实际的编码（如 GBK）声明 charset，或不声明、由服务识别`,
        `The CSV is declared UTF-8 but is not UTF-8 from byte ${bad + 1}: declare its real charset (e.g. GBK), or none and let the service detect it`,
        'charset',
      ),
      { rule: meta.id },
    );
  }
  const encoding = declared ?? encodingOfBody(chunks);
  // Lines are an upper bound on records; past the limit, the records themselves are counted (a quoted note's line breaks are not rows).
  if (countNonEmptyLines(chunks) - 1 > maxRows) {
    const dataRows = countRecords(chunks, createDecoder(encoding)) - 1;
    if (dataRows > maxRows) return tooManyRows(dataRows, maxRows);
  }
  const source = new CsvSource(chunks, createDecoder(encoding));
  return formRows(readFormSource(csvSheet(source), meta, mapping), meta);
}

export function workbookRows(
  chunks: Uint8Array[],
  sheet: string | undefined,
  meta: RuleMetadata,
  maxRows: number,
  limits: Partial<WorkbookLimits>,
  mapping: ColumnMapping | undefined,
): Rows | Response {
  const bytes = chunks.length === 1 ? chunks[0] : joinChunks(chunks);
  chunks.length = 0;
  const opened = openWorkbook(bytes, limits);
  if (!opened.ok) return tableError(opened.error, meta, opened.status);
  const reading = readFormWorkbook(opened.value, meta, { sheet, mapping });
  if (reading.ok && reading.form.lastRow !== undefined) {
    const rows = reading.form.lastRow - reading.form.header.lastRow;
    if (rows > maxRows) return tooManyRows(rows, maxRows);
  }
  return formRows(reading, meta);
}

function joinChunks(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) out.set(c, at), (at += c.length);
  return out;
}

export function jsonRows(chunks: Uint8Array[], meta: RuleMetadata, maxRows: number, probe: TableBatch, queryMapping: ColumnMapping | undefined): Rows | Response {
  let body: unknown;
  try {
    body = parseJson(utf8Text(chunks)); // numbers kept as written, depth bounded (worker/json.ts)
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return errorResponse(400, errorBody('malformed-json', `请求体不是有效的 JSON：${detail}`, `The body is not valid JSON: ${detail}`, 'body'), { rule: meta.id });
  }
  const rows = (body as { rows?: unknown } | null)?.rows;
  if (body === null || typeof body !== 'object' || Array.isArray(body) || !Array.isArray(rows)) {
    return errorResponse(422, errorBody('invalid-list', '请求体应为 {"rows": [ … ]}', 'The body must be {"rows": [ … ]}', 'rows'), { rule: meta.id });
  }
  if (rows.length > maxRows) return tooManyRows(rows.length, maxRows);
  const bodyMapping = (body as { columns?: unknown }).columns;
  const mapping = bodyMapping === undefined ? queryMapping : mappingOf(bodyMapping, meta);
  if (mapping instanceof Response) return mapping;
  if (mapping) probe.useMapping(mapping);
  // Echoed columns: every key that names an input, rowId or claimed, plus the first MAX_EXTRA_COLUMNS other keys.
  const columns: string[] = [];
  const ignoredColumns: string[] = [];
  const seen = new Set<string>();
  const dropped = new Set<string>();
  for (const row of rows) {
    if (row === null || typeof row !== 'object' || Array.isArray(row)) continue;
    for (const key of Object.keys(row)) {
      if (seen.has(key) || dropped.has(key)) continue;
      if (probe.columnForKey(key).kind === 'extra') {
        if (ignoredColumns.length >= MAX_EXTRA_COLUMNS) {
          dropped.add(key);
          continue;
        }
        ignoredColumns.push(key);
      }
      seen.add(key);
      columns.push(key);
    }
  }
  let at = 0;
  return {
    columns,
    ignoredColumns,
    droppedColumns: dropped.size,
    chinese: headersAreChinese(columns),
    json: body as Record<string, unknown>,
    form: { unmatchedColumns: ignoredColumns },
    read: columns.map((c) => probe.columnForKey(c)),
    next(batch) {
      if (at >= rows.length) return undefined;
      const value = rows[at];
      rows[at++] = undefined; // let answered rows go
      const row = batch.addObject(value);
      const object = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
      return { row, cells: columns.map((c) => object[c]) };
    },
  };
}
