/**
 * The batch route's table sources: a CSV body, a workbook or JSON rows → rows to answer, through the
 * form reader (rules/tables/form.ts: header located, columns resolved, mapping applied) and the table
 * batch (rules/tables/rows.ts: claims or skipped rows). Refusals before any row are thrown as ApiErrors.
 */
import type { RuleMetadata } from '../../rules/index.ts';
import { isRecord } from '../../rules/core/coerce.ts';
import {
  checkMapping,
  readFormSource,
  readFormWorkbookAhead,
  type ColumnMapping,
  type Form,
  type FormReading,
  type FormRow,
  type SheetFound,
} from '../../rules/tables/form.ts';
import { headersAreChinese, TableBatch, type EchoColumns, type TableError } from '../../rules/tables/index.ts';
import type { CellPlace } from '../../rules/tables/rows.ts';
import type { SheetSource } from '../../rules/tables/sheet-source.ts';
import { openWorkbook } from '../../rules/tables/workbook.ts';
import type { WorkbookLimits } from '../../rules/tables/workbook-limits.ts';
import { utf8Text } from '../body/body.ts';
import { countNonEmptyLines, countRecords, linesAtMost } from '../csv/count.ts';
import { createDecoder, encodingOfCharset, encodingOfWholeBody, invalidUtf8Offset } from '../body/decode.ts';
import { ApiError, apiError, type HttpErrorBody } from '../http/errors.ts';
import { MAX_JSON_DEPTH, NumberTexts, parseJson } from '../body/json.ts';
import { scanJson } from '../body/json-scan.ts';
import type { AnsweredRow } from './answer.ts';
import { CsvSource } from './csv-source.ts';
import { JsonListSource, UNREADABLE_ROW } from './json-source.ts';

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
  /** Awaited before each piece of rows is read (a workbook's rows inflated ahead of its reader). */
  ready?: () => Promise<void>;
  next(batch: TableBatch): AnsweredRow | undefined;
}

export function tooManyRows(rows: number, max: number): never {
  throw apiError('too-many-rows', { max, rows });
}

/** A table-level refusal; a header not found also carries what was found on each sheet and the closest row, beside the error. */
export function tableError(error: TableError & { sheets?: SheetFound[]; closest?: unknown }, meta: Pick<RuleMetadata, 'id'>, status: 413 | 422 = 422): never {
  const { sheets, closest, ...body } = error;
  throw new ApiError(status, body as HttpErrorBody, { rule: meta.id, extra: { ...(sheets ? { sheets } : {}), ...(closest ? { closest } : {}) } });
}

/**
 * The clerk's explicit mapping from `?columns=` (URL-encoded JSON) or a JSON body's `columns`: checked
 * against the rule's inputs (unknown targets are a 422 naming them).
 */
export function mappingOf(raw: unknown, meta: RuleMetadata): ColumnMapping | undefined {
  if (raw === undefined) return undefined;
  let value = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      throw apiError('unknown-column', { rule: meta.id });
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
      if (record.malformed)
        out.unreadable =
          record.malformed === 'unclosed-quote' ? { zh: '引号未闭合', en: 'a quote is not closed' } : { zh: '该行过长', en: 'the record is too long' };
      return out;
    },
  };
}

/** Rows of a form read (CSV or a workbook's sheet): each row's cells from the table's first column, with its place in the sheet. */
function formRows(reading: FormReading, meta: RuleMetadata): Rows {
  if (!reading.ok) return tableError(reading.error, meta, reading.status);
  const form: Form = reading.form;
  const { header } = form;
  const { columns, offset } = header;
  // where each row is, handed to the table batch (which reads it while adding the row, and keeps nothing of it): one object, moved row to row
  const place: CellPlace = { row: 0, offset, hidden: undefined };
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
        return {
          row: batch.addCells([...row.cells], [...Array(offset).fill({ kind: 'unnamed' }), ...columns], { row: row.row, offset: 0, hidden: row.hidden }),
          cells,
        };
      }
      if (row.unreadable) {
        const line = row.row + 1;
        const error: HttpErrorBody = {
          code: 'malformed-csv',
          message: { zh: `第 ${line} 行无法按 CSV 读取：${row.unreadable.zh}`, en: `Row ${line} is not readable CSV: ${row.unreadable.en}` },
        };
        return { row: batch.refuse(error), cells: [] };
      }
      place.row = row.row;
      place.hidden = row.hidden;
      return { row: batch.addCells(cells, columns, place), cells };
    },
  };
}

export function csvRows(chunks: Uint8Array[], contentType: string | undefined, meta: RuleMetadata, maxRows: number, mapping: ColumnMapping | undefined): Rows {
  const declared = encodingOfCharset(contentType);
  if (declared === null) {
    throw apiError('unsupported-charset');
  }
  // The encoding from the whole body: a late GBK byte is never read as UTF-8, and text declared UTF-8 must be.
  const bad = declared === 'utf-8' ? invalidUtf8Offset(chunks) : undefined;
  if (bad !== undefined) {
    throw apiError('invalid-encoding', { byte: bad + 1 }, { rule: meta.id });
  }
  // A body that is ASCII throughout (no encoding found) is read as the UTF-8 it also is: the decoder then has no
  // chunk to sniff byte by byte for the first byte that is not ASCII, which the whole body has been read for already.
  const encoding = declared ?? encodingOfWholeBody(chunks) ?? 'utf-8';
  // Lines are an upper bound on records; past the limit, the records themselves are counted (a quoted note's line breaks are not rows).
  if (linesAtMost(chunks) - 1 > maxRows && countNonEmptyLines(chunks) - 1 > maxRows) {
    const dataRows = countRecords(chunks, createDecoder(encoding)) - 1;
    if (dataRows > maxRows) return tooManyRows(dataRows, maxRows);
  }
  const source = new CsvSource(chunks, createDecoder(encoding));
  return formRows(readFormSource(csvSheet(source), meta, mapping), meta);
}

/** workerd's native inflater, for an `.xlsx` read ahead of its rows (rules/tables/inflate-ahead.ts). */
const nativeInflate = typeof DecompressionStream === 'function' ? () => new DecompressionStream('deflate-raw') : undefined;

/**
 * A workbook's rows. An `.xlsx` is inflated natively ahead of the reader: each sheet the form reader
 * opens (the one asked for, else each in turn until a header matches) is read ahead just before it opens
 * it, and each piece of the answer awaits `ready`.
 */
export async function workbookRows(
  chunks: Uint8Array[],
  sheet: string | undefined,
  meta: RuleMetadata,
  maxRows: number,
  limits: Partial<WorkbookLimits>,
  mapping: ColumnMapping | undefined,
): Promise<Rows> {
  const bytes = chunks.length === 1 ? chunks[0] : joinChunks(chunks);
  chunks.length = 0;
  const opened = openWorkbook(bytes, limits, nativeInflate);
  if (!opened.ok) return tableError(opened.error, meta, opened.status);
  const book = opened.value;
  const reading = await readFormWorkbookAhead(book, meta, { sheet, mapping });
  if (reading.ok && reading.form.lastRow !== undefined) {
    const rows = reading.form.lastRow - reading.form.header.lastRow;
    if (rows > maxRows) return tooManyRows(rows, maxRows);
  }
  const rows = formRows(reading, meta);
  if (book.readAhead) rows.ready = book.readAhead;
  return rows;
}

function joinChunks(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) (out.set(c, at), (at += c.length));
  return out;
}

/** The body's bytes in one buffer with a 0 after them (the scan's sentinel); the blocks are let go. */
function withSentinel(chunks: Uint8Array[]): { bytes: Uint8Array; size: number } {
  const size = chunks.reduce((n, c) => n + c.length, 0);
  const bytes = new Uint8Array(size + 1);
  let at = 0;
  for (const c of chunks) (bytes.set(c, at), (at += c.length));
  chunks.length = 0;
  return { bytes, size };
}

/** A JSON body's list of rows, and its other members. */
export interface JsonBody {
  count: number;
  /** Every key the object rows name, in first-seen order (each row's in `Object.keys` order). */
  keys: string[];
  members: Record<string, unknown>;
  /** The next row (numbers as their texts, but see `keepNumbers`), UNREADABLE_ROW, or undefined after the last. */
  read(): unknown;
  /** From now on, numbers directly under these keys of an object row may be JS numbers whose `String(value)` is their text (./json-source.ts). */
  keepNumbers(keys: ReadonlySet<string>): void;
}

/**
 * Reads a JSON body's rows as they are answered (worker/body/json-scan.ts, ./json-source.ts): the whole body
 * is checked first, so anything `JSON.parse` refuses is refused before a row is answered, as one 400 whose
 * message is `JSON.parse`'s own about the text sent.
 */
export function jsonBody(chunks: Uint8Array[], meta: Pick<RuleMetadata, 'id'>): JsonBody {
  const { bytes, size } = withSentinel(chunks);
  const scan = scanJson(bytes, size, MAX_JSON_DEPTH);
  if (scan) {
    if (!scan.object || !scan.list) throw apiError('invalid-list', { expected: 'rows' }, { rule: meta.id });
    const members: Record<string, unknown> = {};
    const last = new Map(scan.members.map((m) => [m.key, m]));
    for (const member of scan.members) {
      if (member.key === 'rows') continue;
      const value = last.get(member.key) === member ? parseJson(utf8Text([bytes.subarray(member.start, member.end)]), MAX_JSON_DEPTH - 1) : undefined;
      // defined, not assigned: a "__proto__" member is a member, as JSON.parse makes it; a repeated key keeps its first place
      Object.defineProperty(members, member.key, { value, writable: true, enumerable: true, configurable: true });
    }
    const source = new JsonListSource(bytes, scan.list.blocks);
    const { count, keys } = scan.list;
    return {
      count,
      keys,
      members,
      read: () => source.read(),
      keepNumbers: (kept) =>
        source.keepNumbers(
          kept,
          keys.filter((key) => !kept.has(key)),
        ),
    };
  }
  let body: unknown;
  try {
    // not JSON: read whole, for JSON.parse's own message about the text sent
    body = parseJson(utf8Text([bytes.subarray(0, size)]));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw apiError('malformed-json', { detail }, { rule: meta.id });
  }
  const rows = (body as { rows?: unknown } | null)?.rows;
  if (!isRecord(body) || !Array.isArray(rows)) {
    throw apiError('invalid-list', { expected: 'rows' }, { rule: meta.id });
  }
  // only if the scan refused what JSON.parse takes (never expected): the body is read the whole way, as it was before the scan
  const keys = new Set<string>();
  for (const row of rows) if (isRecord(row)) for (const key of Object.keys(row)) keys.add(key);
  let at = 0;
  const read = () => (at < rows.length ? rows[at++] : undefined);
  return { count: rows.length, keys: [...keys], members: body as Record<string, unknown>, read, keepNumbers: () => undefined };
}

/**
 * The keys whose numbers a JSON row hands over as JS numbers: those read the same as a number or as its text, the
 * row id (read as `String(value)`) and integer, decimal and money inputs (their cells pass a number through to the
 * one coercion, rules/core/coerce.ts, which reads it as `String(value)`). Any other column tells a number from its
 * text somewhere (a date, a yes/no, a choice, a claimed amount that reads as a date), so is given the text.
 */
function numberKeys(keys: readonly string[], probe: TableBatch): Set<string> {
  const kept = new Set<string>();
  for (const key of keys) {
    const column = probe.columnForKey(key);
    if (column.kind === 'rowId' || (column.kind === 'input' && NUMBER_TYPES.has(column.spec.type))) kept.add(key);
  }
  return kept;
}
const NUMBER_TYPES = new Set(['integer', 'decimal', 'money']);

/** A JSON body's table before any row is answered: its columns, and each row as read (for `TableBatch.addObject`) with its echoed cells. */
export interface JsonTable extends Omit<Rows, 'next'> {
  /** The next row, UNREADABLE_ROW, or undefined after the last. */
  row(): unknown;
  /** A row's cells under `columns`, numbers as their texts (the answer echoes what was sent). */
  cells(row: unknown): unknown[];
}

export function jsonTable(chunks: Uint8Array[], meta: RuleMetadata, maxRows: number, probe: TableBatch, queryMapping: ColumnMapping | undefined): JsonTable {
  const body = jsonBody(chunks, meta);
  if (body.count > maxRows) return tooManyRows(body.count, maxRows);
  const bodyMapping = body.members.columns;
  const mapping = bodyMapping === undefined ? queryMapping : mappingOf(bodyMapping, meta);
  if (mapping) probe.useMapping(mapping);
  // Echoed columns: every key that names an input, rowId or claimed, plus the first MAX_EXTRA_COLUMNS other keys.
  const columns: string[] = [];
  const ignoredColumns: string[] = [];
  let dropped = 0;
  for (const key of body.keys) {
    if (probe.columnForKey(key).kind === 'extra') {
      if (ignoredColumns.length >= MAX_EXTRA_COLUMNS) {
        dropped++;
        continue;
      }
      ignoredColumns.push(key);
    }
    columns.push(key);
  }
  body.keepNumbers(numberKeys(body.keys, probe));
  const texts = new NumberTexts();
  return {
    columns,
    ignoredColumns,
    droppedColumns: dropped,
    chinese: headersAreChinese(columns),
    json: body.members,
    form: { unmatchedColumns: ignoredColumns },
    read: columns.map((c) => probe.columnForKey(c)),
    row: () => body.read(),
    cells(row) {
      const object = isRecord(row) ? row : {};
      const cells = new Array<unknown>(columns.length);
      for (let i = 0; i < columns.length; i++) {
        const cell = object[columns[i]];
        cells[i] = typeof cell === 'number' ? texts.of(cell) : cell;
      }
      return cells;
    },
  };
}

export function jsonRows(chunks: Uint8Array[], meta: RuleMetadata, maxRows: number, probe: TableBatch, queryMapping: ColumnMapping | undefined): Rows {
  const { row: read, cells, ...table } = jsonTable(chunks, meta, maxRows, probe, queryMapping);
  return {
    ...table,
    next(batch) {
      const value = read();
      if (value === undefined) return undefined;
      if (value === UNREADABLE_ROW) {
        const n = batch.evaluator.summary.rows + 1;
        const error: HttpErrorBody = {
          code: 'malformed-json',
          message: { zh: `rows 的第 ${n} 项无法按 JSON 读取`, en: `Item ${n} of rows is not readable JSON` },
        };
        return { row: batch.refuse(error), cells: [] };
      }
      return { row: batch.addObject(value), cells: cells(value) };
    },
  };
}
