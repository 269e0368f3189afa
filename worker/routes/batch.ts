/**
 * `POST /v1/batch/{id}` (CSV or JSON rows; a key) and `GET /v1/batch/{batchId}` (its audit record).
 * The body is read once as bytes (hashed on the way, refused with 413 past the byte limit or, counted
 * before any row is answered, the row limit); then rows are decoded, parsed, evaluated and written
 * out one by one as the answer streams, and the audit record is written before the answer ends.
 */
import { Hono } from 'hono';
import { findRule, metadataOf, RULESET_VERSION, type RuleMetadata } from '../../rules/index.ts';
import { headersAreChinese, readHeader, TableBatch, type Lang, type TableColumn, type TableError } from '../../rules/tables/index.ts';
import { isWorkbook, readSheet } from '../../rules/tables/xlsx-read.ts';
import { writeAudit, readAudit } from '../audit.ts';
import { requireKey } from '../auth.ts';
import { answerWriter, XLSX_TYPE, type AnswerFormat, type AnsweredRow, type AnswerWriter } from '../batch/answer.ts';
import { CsvSource } from '../batch/csv-source.ts';
import { Utf8Chunk } from '../batch/utf8-chunk.ts';
import { isJsonType, readBody, utf8Text } from '../body.ts';
import { countNonEmptyLines } from '../csv/count.ts';
import { createDecoder, encodingOfCharset } from '../decode.ts';
import type { AppEnv } from '../env.ts';
import { errorBody, errorResponse, type HttpErrorBody } from '../errors.ts';
import { sha256Streaming } from '../hash.ts';
import { limitsOf } from '../limits.ts';

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

/**
 * The answer's format from the Accept header: the supported type with the highest q (q=0 never),
 * JSON when none is named. One function, so a shared negotiator (worker/accept.ts) can replace it.
 */
export function negotiateAnswer(accept: string | undefined): AnswerFormat {
  let best: AnswerFormat = 'json';
  let bestQ = 0;
  for (const part of (accept ?? '').split(',')) {
    const [type, ...params] = part.trim().toLowerCase().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    if (!(q > 0)) continue;
    const format: AnswerFormat | undefined =
      type === 'text/csv' ? 'csv' : type === XLSX_TYPE ? 'xlsx' : type === 'application/json' || type === '*/*' || type === 'application/*' ? 'json' : undefined;
    if (format && q > bestQ) (best = format), (bestQ = q);
  }
  return best;
}

/** The answer's language: `?lang=`, else Accept-Language, else Chinese when the table's headers are. */
function answerLang(query: string | undefined, acceptLanguage: string | undefined, chineseHeaders: boolean): Lang {
  if (query === 'zh' || query === 'en') return query;
  const first = (acceptLanguage ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  if (first.startsWith('zh')) return 'zh';
  if (first.startsWith('en')) return 'en';
  return chineseHeaders ? 'zh' : 'en';
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

function tooManyRows(rows: number, max: number): Response {
  return errorResponse(
    413,
    errorBody('too-many-rows', `一批最多 ${max} 行，收到约 ${rows} 行，请分批提交`, `A batch holds at most ${max} rows; this one has about ${rows}. Split it into smaller batches`),
  );
}

const tableError = (error: TableError, meta: RuleMetadata, status = 422) => errorResponse(status, error as HttpErrorBody, { rule: meta.id });

const noHeader = (meta: RuleMetadata) =>
  errorResponse(
    422,
    errorBody('empty-batch', '表格没有表头行：第一行应为输入项名称（或中文名称）', 'The table has no header row: its first line must name the inputs (names or zh labels)'),
    { rule: meta.id },
  );

/** Rows of a header-led table (CSV or a sheet), read with the shared table module. */
function tableRows(header: readonly unknown[], meta: RuleMetadata, nextCells: (batch: TableBatch, columns: TableColumn[]) => AnsweredRow | undefined): Rows | Response {
  if (header.every((c) => c === undefined || c === null || String(c).trim() === '')) return noHeader(meta);
  const reading = readHeader(header, meta);
  if (!reading.ok) return tableError(reading.error, meta);
  const { columns, ignoredColumns } = reading;
  return {
    columns: header.map((c) => (c === undefined || c === null ? '' : String(c))),
    ignoredColumns,
    droppedColumns: 0,
    chinese: headersAreChinese(header),
    next: (batch) => nextCells(batch, columns),
  };
}

function csvRows(chunks: Uint8Array[], contentType: string | undefined, meta: RuleMetadata, maxRows: number): Rows | Response {
  const declared = encodingOfCharset(contentType);
  if (declared === null) {
    return errorResponse(
      415,
      errorBody('unsupported-charset', 'CSV 的字符集只支持 UTF-8、UTF-16 与 GBK/GB18030', 'CSV bodies must be UTF-8, UTF-16 or GBK/GB18030', 'charset'),
    );
  }
  const dataLines = countNonEmptyLines(chunks) - 1;
  if (dataLines > maxRows) return tooManyRows(dataLines, maxRows);
  const source = new CsvSource(chunks, createDecoder(declared));
  const header = source.read();
  if (!header || header.malformed) return noHeader(meta);
  return tableRows(header.cells, meta, (batch, columns) => {
    const record = source.read();
    if (!record) return undefined;
    if (record.malformed) {
      const line = batch.evaluator.summary.rows + 2; // the header is line 1
      const why = record.malformed === 'unclosed-quote' ? { zh: '引号未闭合', en: 'a quote is not closed' } : { zh: '该行过长', en: 'the record is too long' };
      const error = errorBody('malformed-csv', `第 ${line} 行无法按 CSV 读取：${why.zh}`, `Row at line ${line} is not readable CSV: ${why.en}`);
      return { row: batch.refuse(error), cells: [] };
    }
    return { row: batch.addCells(record.cells, columns), cells: record.cells };
  });
}

function workbookRows(chunks: Uint8Array[], sheet: string | undefined, meta: RuleMetadata, maxRows: number): Rows | Response {
  const bytes = chunks.length === 1 ? chunks[0] : joinChunks(chunks);
  chunks.length = 0;
  const read = readSheet(bytes, sheet);
  if (!read.ok) return tableError(read.error, meta);
  if (read.rows.count > maxRows) return tooManyRows(read.rows.count, maxRows);
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

function jsonRows(chunks: Uint8Array[], meta: RuleMetadata, maxRows: number, probe: TableBatch): Rows | Response {
  let body: unknown;
  try {
    body = JSON.parse(utf8Text(chunks));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return errorResponse(400, errorBody('malformed-json', `请求体不是有效的 JSON：${detail}`, `The body is not valid JSON: ${detail}`), { rule: meta.id });
  }
  const rows = (body as { rows?: unknown } | null)?.rows;
  if (body === null || typeof body !== 'object' || Array.isArray(body) || !Array.isArray(rows)) {
    return errorResponse(422, errorBody('invalid-list', '请求体应为 {"rows": [ … ]}', 'The body must be {"rows": [ … ]}', 'rows'), { rule: meta.id });
  }
  if (rows.length > maxRows) return tooManyRows(rows.length, maxRows);
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
  if (!rule) {
    return errorResponse(404, errorBody('unknown-rule', `没有编号为“${id}”的规则`, `There is no rule "${id}"`, 'rule'), { rule: id });
  }
  const meta = metadataOf(rule);
  const contentType = c.req.header('content-type');
  const declared = bodyFormatOf(contentType);
  if (!declared) {
    return errorResponse(
      415,
      errorBody(
        'unsupported-media-type',
        `批量请求体应为 text/csv、application/json 或 Excel 工作簿（.xlsx/.xls），收到 ${contentType ?? '（无）'}`,
        `A batch body must be text/csv, application/json or an Excel workbook (.xlsx/.xls); got ${contentType ?? '(none)'}`,
      ),
      { rule: id },
    );
  }
  const { maxRows, maxBytes, maxJsonBytes } = limitsOf(c.env);
  const hash = sha256Streaming();
  const body = await readBody(c.req.raw, declared === 'json' ? maxJsonBytes : maxBytes, (chunk) => hash.update(chunk));
  if (!body.ok) return body.response;
  if (body.size === 0) {
    return errorResponse(
      declared === 'json' ? 400 : 422,
      declared === 'json'
        ? errorBody('malformed-json', '请求体为空：应为 {"rows": [ … ]}', 'The body is empty: it must be {"rows": [ … ]}')
        : errorBody('empty-batch', '请求体为空：表格应有表头行和数据行', 'The body is empty: a table needs a header row and data rows'),
      { rule: id },
    );
  }
  let format: BodyFormat;
  if (declared === 'workbook') {
    const first = body.bytes[0];
    if (!isWorkbook(first)) {
      return errorResponse(
        422,
        errorBody('unreadable-table', '请求体不是 Excel 工作簿（.xlsx 或 .xls）', 'The body is not an Excel workbook (.xlsx or .xls)'),
        { rule: id },
      );
    }
    format = first[0] === 0x50 ? 'xlsx' : 'xls';
  } else format = declared;
  const tableBatch = new TableBatch(rule, meta);
  const rows =
    format === 'csv'
      ? csvRows(body.bytes, contentType, meta, maxRows)
      : format === 'json'
        ? jsonRows(body.bytes, meta, maxRows, tableBatch)
        : workbookRows(body.bytes, c.req.query('sheet'), meta, maxRows);
  if (rows instanceof Response) return rows;

  const batchId = crypto.randomUUID();
  const createdAt = new Date().toISOString();
  const bodySha256 = await hash.hex();
  const evaluator = tableBatch.evaluator;
  const lang = answerLang(c.req.query('lang'), c.req.header('accept-language'), rows.chinese);
  const head = { batchId, rule: rule.id, rulesetVersion: RULESET_VERSION, ignoredColumns: rows.ignoredColumns, droppedColumns: rows.droppedColumns };
  const answerFormat = negotiateAnswer(c.req.header('accept'));
  const writer: AnswerWriter = answerWriter(answerFormat, { head, meta, columns: rows.columns, lang, withCells: c.req.query('cells') === '1' });
  const encoder = new TextEncoder();
  const db = c.env.DB;
  const keyId = c.get('keyId');
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
          const summary = { ...evaluator.summary };
          try {
            await writeAudit(db, { batchId, createdAt, keyId, rule: rule.id, rulesetVersion: RULESET_VERSION, format, bodyBytes: body.size, bodySha256, summary });
          } catch (error) {
            console.error('batch audit not written', batchId, error);
          }
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
  const record = await readAudit(c.env.DB, batchId, c.get('keyId'));
  if (!record) {
    return errorResponse(404, errorBody('not-found', `没有编号为 ${batchId} 的批次记录（或不属于此密钥）`, `No batch ${batchId} (or not made with this key)`, 'batchId'));
  }
  return c.json({ ok: true, rulesetVersion: RULESET_VERSION, batch: record });
});
