/**
 * `POST /v1/batch/{id}` (CSV or JSON rows; a key) and `GET /v1/batch/{batchId}` (its audit record).
 * The body is read once as bytes (hashed on the way, refused with 413 past the byte limit or, counted
 * before any row is answered, the row limit); then rows are decoded, parsed, evaluated and written
 * out one by one as the answer streams. The audit record is written when the batch is accepted
 * (`started`, before the answer's first byte) and finished when the answer ends (`completed`) or the
 * client hangs up (`aborted`, with the rows answered by then).
 */
import { Hono, type Context } from 'hono';
import { accepts } from 'hono/accepts';
import { findRule, metadataOf, RULESET_VERSION, type RuleMetadata } from '../../rules/index.ts';
import { headersAreChinese, readHeader, TableBatch, type Lang, type TableColumn, type TableError } from '../../rules/tables/index.ts';
import { isWorkbook, readSheet } from '../../rules/tables/xlsx-read.ts';
import { auditFinish, auditStart, auditStoreOf } from '../audit/index.ts';
import { requireKey } from '../http/auth.ts';
import { answerWriter, XLSX_TYPE, type AnswerFormat, type AnsweredRow, type AnswerWriter } from '../batch/answer.ts';
import { CsvSource } from '../batch/csv-source.ts';
import { Utf8Chunk } from '../batch/utf8-chunk.ts';
import { isJsonType, readBody, utf8Text } from '../body/body.ts';
import { countNonEmptyLines } from '../csv/count.ts';
import { createDecoder, encodingOfCharset } from '../body/decode.ts';
import type { AppEnv } from '../env.ts';
import { ApiError, apiError, errorBody } from '../http/errors.ts';
import { hmacSha256Streaming } from '../body/hash.ts';
import { limitsOf } from '../body/limits.ts';
import { parseJson } from '../body/json.ts';
import { preferredType } from '../http/accept.ts';

export const batch = new Hono<AppEnv>();
batch.use('/v1/batch/*', requireKey);

type BodyFormat = 'csv' | 'json' | 'xlsx' | 'xls';

const CSV_TYPES = /^(text\/(csv|comma-separated-values|plain|tab-separated-values)|application\/(csv|comma-separated-values))\s*(;|$)/i;
const XLSX_TYPES = /^(application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet|application\/vnd\.ms-excel|application\/octet-stream)\s*(;|$)/i;

/** The body's format from its Content-Type (a workbook's kind is told by its first bytes, once read). */
function bodyFormatOf(contentType: string | undefined): 'csv' | 'json' | 'workbook' | undefined {
  const type = (contentType ?? '').trim();
  return CSV_TYPES.test(type) ? 'csv' : isJsonType(type) ? 'json' : XLSX_TYPES.test(type) ? 'workbook' : undefined;
}

/** The answer's format from the Accept header (worker/http/accept.ts: q-values, `q=0` never); JSON when none is named or none fits. */
const ANSWER_TYPES: Record<string, AnswerFormat> = { 'application/json': 'json', 'text/csv': 'csv', [XLSX_TYPE]: 'xlsx' };
export const negotiateAnswer = (accept: string | undefined): AnswerFormat => ANSWER_TYPES[preferredType(accept, Object.keys(ANSWER_TYPES)) ?? 'application/json'];

/**
 * The answer's language: `?lang=`, else the client's most preferred language (Accept-Language, read by hono's
 * `accepts`) when it is Chinese or English (`zh-CN`, `en-GB`), else Chinese when the table's headers are.
 */
function answerLang(c: Context<AppEnv>, chineseHeaders: boolean): Lang {
  const query = c.req.query('lang');
  if (query === 'zh' || query === 'en') return query;
  const fallback: Lang = chineseHeaders ? 'zh' : 'en';
  const first = (ranges: { type: string; q: number }[]) => ranges.find((r) => r.q > 0)?.type.toLowerCase().split('-')[0];
  const preferred = accepts(c, { header: 'Accept-Language', supports: ['zh', 'en'], default: fallback, match: (ranges, config) => first(ranges) ?? config.default });
  return preferred === 'zh' || preferred === 'en' ? preferred : fallback;
}

/** At most this many extra (unread) JSON keys are echoed in a table answer; the rest are counted (issue 13, finding 6). */
export const MAX_EXTRA_COLUMNS = 20;

/** Rows to answer: a pull-based source of answered rows, and the columns to echo in a table answer. */
interface Rows {
  columns: string[];
  ignoredColumns: string[];
  droppedColumns: number;
  chinese: boolean;
  next(batch: TableBatch): AnsweredRow | undefined;
}

const tooManyRows = (rows: number, max: number) => apiError('too-many-rows', { max, rows });

/** The table reader's own refusals (rules/tables), answered as they are. */
const tableError = (error: TableError, meta: RuleMetadata) => new ApiError(422, error, { rule: meta.id });

const noHeader = (meta: RuleMetadata) => apiError('empty-batch', { missing: 'header' }, { rule: meta.id });

/** Rows of a header-led table (CSV or a sheet), read with the shared table module. */
function tableRows(header: readonly unknown[], meta: RuleMetadata, nextCells: (batch: TableBatch, columns: TableColumn[]) => AnsweredRow | undefined): Rows {
  if (header.every((c) => c === undefined || c === null || String(c).trim() === '')) throw noHeader(meta);
  const reading = readHeader(header, meta);
  if (!reading.ok) throw tableError(reading.error, meta);
  const { columns, ignoredColumns } = reading;
  return {
    columns: header.map((c) => (c === undefined || c === null ? '' : String(c))),
    ignoredColumns,
    droppedColumns: 0,
    chinese: headersAreChinese(header),
    next: (batch) => nextCells(batch, columns),
  };
}

function csvRows(chunks: Uint8Array[], contentType: string | undefined, meta: RuleMetadata, maxRows: number): Rows {
  const declared = encodingOfCharset(contentType);
  if (declared === null) throw apiError('unsupported-charset');
  const dataLines = countNonEmptyLines(chunks) - 1;
  if (dataLines > maxRows) throw tooManyRows(dataLines, maxRows);
  const source = new CsvSource(chunks, createDecoder(declared));
  const header = source.read();
  if (!header || header.malformed) throw noHeader(meta);
  return tableRows(header.cells, meta, (batch, columns) => {
    const record = source.read();
    if (!record) return undefined;
    if (record.malformed) {
      const line = batch.evaluator.summary.rows + 2; // the header is line 1
      const why = record.malformed === 'unclosed-quote' ? 'unclosed-quote' : 'too-long';
      return { row: batch.refuse(errorBody('malformed-csv', { line, why })), cells: [] };
    }
    return { row: batch.addCells(record.cells, columns), cells: record.cells };
  });
}

function workbookRows(chunks: Uint8Array[], sheet: string | undefined, meta: RuleMetadata, maxRows: number): Rows {
  const bytes = chunks.length === 1 ? chunks[0] : joinChunks(chunks);
  chunks.length = 0;
  const read = readSheet(bytes, sheet);
  if (!read.ok) throw tableError(read.error, meta);
  if (read.rows.count > maxRows) throw tooManyRows(read.rows.count, maxRows);
  return tableRows(read.rows.header, meta, (batch, columns) => {
    const cells = read.rows.next();
    return cells && { row: batch.addCells(cells, columns), cells };
  });
}

function joinChunks(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) out.set(c, at), (at += c.length);
  return out;
}

function jsonRows(chunks: Uint8Array[], meta: RuleMetadata, maxRows: number, probe: TableBatch): Rows {
  let body: unknown;
  try {
    body = parseJson(utf8Text(chunks)); // numbers kept as written, depth bounded (worker/body/json.ts)
  } catch (error) {
    throw apiError('malformed-json', { detail: error instanceof Error ? error.message : String(error) }, { rule: meta.id });
  }
  const rows = (body as { rows?: unknown } | null)?.rows;
  if (body === null || typeof body !== 'object' || Array.isArray(body) || !Array.isArray(rows)) {
    throw apiError('invalid-list', { rule: meta.id });
  }
  if (rows.length > maxRows) throw tooManyRows(rows.length, maxRows);
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

batch.post('/v1/batch/:id', async (c) => {
  const id = c.req.param('id');
  const rule = findRule(id);
  if (!rule) throw apiError('unknown-rule', { rule: id }, { rule: id });
  const meta = metadataOf(rule);
  const contentType = c.req.header('content-type');
  const declared = bodyFormatOf(contentType);
  if (!declared) throw apiError('unsupported-media-type', { contentType, wanted: 'table' }, { rule: id });
  const { maxRows, maxBytes, maxJsonBytes } = limitsOf(c.env);
  const auditKey = c.env.AUDIT_HMAC_KEY;
  if (!auditKey) throw apiError('audit-not-configured', { rule: id });
  const hash = hmacSha256Streaming(auditKey);
  const body = await readBody(c.req.raw, declared === 'json' ? maxJsonBytes : maxBytes, (chunk) => hash.update(chunk));
  if (!body.ok) return body.response;
  if (body.size === 0) {
    throw declared === 'json' ? apiError('malformed-json', { empty: 'rows' }, { rule: id }) : apiError('empty-batch', { missing: 'body' }, { rule: id });
  }
  let format: BodyFormat;
  if (declared === 'workbook') {
    const first = body.bytes[0];
    if (!isWorkbook(first)) throw apiError('unreadable-table', { rule: id });
    format = first[0] === 0x50 ? 'xlsx' : 'xls';
  } else format = declared;
  const tableBatch = new TableBatch(rule, meta);
  const rows =
    format === 'csv'
      ? csvRows(body.bytes, contentType, meta, maxRows)
      : format === 'json'
        ? jsonRows(body.bytes, meta, maxRows, tableBatch)
        : workbookRows(body.bytes, c.req.query('sheet'), meta, maxRows);

  const batchId = crypto.randomUUID();
  const createdAt = new Date().toISOString();
  const bodyHmac = await hash.hex();
  const evaluator = tableBatch.evaluator;
  const lang = answerLang(c, rows.chinese);
  const head = { batchId, rule: rule.id, rulesetVersion: RULESET_VERSION, ignoredColumns: rows.ignoredColumns, droppedColumns: rows.droppedColumns };
  const answerFormat = negotiateAnswer(c.req.header('accept'));
  const writer: AnswerWriter = answerWriter(answerFormat, { head, meta, columns: rows.columns, lang, withCells: c.req.query('cells') === '1' });
  const encoder = new TextEncoder();
  const audit = auditStoreOf(c.env);
  const keyId = c.get('keyId');
  if (!(await auditStart(audit, { batchId, createdAt, keyId, rule: rule.id, rulesetVersion: RULESET_VERSION, format, bodyBytes: body.size, bodyHmac }))) {
    throw apiError('audit-unavailable', { rule: id });
  }
  // The abort is recorded after the client has gone: keep the request alive for it.
  const waitUntil = (p: Promise<unknown>) => {
    try {
      c.executionCtx.waitUntil(p);
    } catch {
      // no execution context (plain app.fetch): the promise still runs
    }
  };
  let started = false;
  let first = true;

  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const chunk = new Utf8Chunk(encoder);
      if (!started) writer.head(chunk);
      started = true;
      for (let n = 0; n < 512; n++) {
        const answered = rows.next(tableBatch);
        if (!answered) {
          await auditFinish(audit, batchId, 'completed', { ...evaluator.summary });
          writer.tail(tableBatch.summary(), chunk);
          controller.enqueue(chunk.bytes());
          controller.close();
          return;
        }
        writer.row(answered, first, chunk);
        first = false;
      }
      controller.enqueue(chunk.bytes());
    },
    cancel() {
      waitUntil(auditFinish(audit, batchId, 'aborted', { ...evaluator.summary }));
    },
  });
  return new Response(stream, {
    status: 200,
    headers: {
      'content-type': writer.contentType,
      'x-batch-id': batchId,
      'x-ruleset-version': RULESET_VERSION,
      'content-language': lang === 'zh' ? 'zh-CN' : 'en',
      ...(rows.droppedColumns ? { 'x-dropped-columns': String(rows.droppedColumns) } : {}),
      ...(answerFormat === 'xlsx' ? { 'content-disposition': `attachment; filename="${rule.id}-result.xlsx"` } : {}),
    },
  });
});

batch.get('/v1/batch/:batchId', async (c) => {
  const batchId = c.req.param('batchId');
  const record = await auditStoreOf(c.env).read(batchId, c.get('keyId'));
  if (!record) throw apiError('not-found', { batchId }, { field: 'batchId' });
  return c.json({ ok: true, rulesetVersion: RULESET_VERSION, batch: record });
});
