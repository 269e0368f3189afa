/**
 * `POST /v1/batch/{id}` (CSV or JSON rows; a key) and `GET /v1/batch/{batchId}` (its audit record).
 * The body is read once as bytes (hashed on the way, refused with 413 past the byte limit or, counted
 * before any row is answered, the row limit); then rows are decoded, parsed, evaluated and written
 * out one by one as the answer streams. The audit record is written when the batch is accepted
 * (`started`, before the answer's first byte) and finished when the answer ends (`completed`) or the
 * client hangs up (`aborted`, with the rows answered by then).
 */
import { Hono, type Context } from 'hono';
import { findRule, metadataOf, RULESET_VERSION, type BatchSummary, type RuleDefinition, type RuleMetadata } from '../../rules/index.ts';
import { headersAreChinese, readHeader, TableBatch, type Lang, type TableColumn, type TableError } from '../../rules/tables/index.ts';
import { isWorkbook, readSheet } from '../../rules/tables/xlsx-read.ts';
import { auditFinish, auditStart, auditStoreOf, type AuditStart } from '../audit/index.ts';
import { requireKey } from '../auth.ts';
import { answerWriter, XLSX_TYPE, type AnswerContext, type AnswerFormat, type AnsweredRow, type AnswerWriter } from '../batch/answer.ts';
import { CsvSource } from '../batch/csv-source.ts';
import { Utf8Chunk } from '../batch/utf8-chunk.ts';
import { isJsonType, readBody, utf8Text } from '../body.ts';
import { countNonEmptyLines } from '../csv/count.ts';
import { createDecoder, encodingOfCharset } from '../decode.ts';
import type { AppEnv } from '../env.ts';
import { errorBody, errorResponse, type HttpErrorBody } from '../errors.ts';
import { hmacSha256Streaming } from '../hash.ts';
import { limitsOf } from '../limits.ts';
import { parseJson } from '../json.ts';
import { preferredType } from '../accept.ts';

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

/** The answer's format from the Accept header (worker/accept.ts: q-values, `q=0` never); JSON when none is named or none fits. */
const ANSWER_TYPES: Record<string, AnswerFormat> = { 'application/json': 'json', 'text/csv': 'csv', [XLSX_TYPE]: 'xlsx' };
export const negotiateAnswer = (accept: string | undefined): AnswerFormat => ANSWER_TYPES[preferredType(accept, Object.keys(ANSWER_TYPES)) ?? 'application/json'];

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
  /** A JSON body's other members beside `rows` (a what-if's `overrides`). */
  json?: Record<string, unknown>;
  columns: string[];
  ignoredColumns: string[];
  droppedColumns: number;
  chinese: boolean;
  next(batch: TableBatch): AnsweredRow | undefined;
}

function tooManyRows(rows: number, max: number): Response {
  return errorResponse(
    413,
    errorBody('too-many-rows', `一批最多 ${max} 行，收到约 ${rows} 行，请分批提交`, `A batch holds at most ${max} rows; this one has about ${rows}. Split it into smaller batches`, 'body'),
  );
}

const tableError = (error: TableError, meta: RuleMetadata, status = 422) => errorResponse(status, error as HttpErrorBody, { rule: meta.id });

const noHeader = (meta: RuleMetadata) =>
  errorResponse(
    422,
    errorBody('empty-batch', '表格没有表头行：第一行应为输入项名称（或中文名称）', 'The table has no header row: its first line must name the inputs (names or zh labels)', 'body'),
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
    json: body as Record<string, unknown>,
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

/**
 * What a what-if batch (worker/routes/whatif.ts) changes in a batch's course: its table batch, a check once
 * the body is read (a JSON body's overrides), its writer, its audit record and counts. A plain batch has none.
 */
export interface BatchVariant {
  tableBatch(rule: RuleDefinition, meta: RuleMetadata): TableBatch;
  accept(json: Record<string, unknown> | undefined, meta: RuleMetadata): Response | undefined;
  writer(format: AnswerFormat, context: AnswerContext): AnswerWriter;
  audit(): Pick<AuditStart, 'whatif'>;
  counts(): BatchSummary;
  /** The name an xlsx answer is downloaded under: `<rule>-<fileSuffix>.xlsx`. */
  fileSuffix: string;
}

batch.post('/v1/batch/:id', (c) => runBatch(c));

/** A batch, from the body to the streamed answer and its audit record; `variant` makes it a what-if. */
export async function runBatch(c: Context<AppEnv>, variant?: BatchVariant): Promise<Response> {
  const id = c.req.param('id') ?? '';
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
        'content-type',
      ),
      { rule: id },
    );
  }
  const { maxRows, maxBytes, maxJsonBytes } = limitsOf(c.env);
  const auditKey = c.env.AUDIT_HMAC_KEY;
  if (!auditKey) {
    return errorResponse(
      503,
      errorBody('audit-not-configured', '批量接口未配置审计密钥 AUDIT_HMAC_KEY，暂不能受理', 'Batches are not taken: the audit key AUDIT_HMAC_KEY is not configured'),
      { rule: id },
    );
  }
  const hash = hmacSha256Streaming(auditKey);
  const body = await readBody(c.req.raw, declared === 'json' ? maxJsonBytes : maxBytes, (chunk) => hash.update(chunk));
  if (!body.ok) return body.response;
  if (body.size === 0) {
    return errorResponse(
      declared === 'json' ? 400 : 422,
      declared === 'json'
        ? errorBody('malformed-json', '请求体为空：应为 {"rows": [ … ]}', 'The body is empty: it must be {"rows": [ … ]}', 'body')
        : errorBody('empty-batch', '请求体为空：表格应有表头行和数据行', 'The body is empty: a table needs a header row and data rows', 'body'),
      { rule: id },
    );
  }
  let format: BodyFormat;
  if (declared === 'workbook') {
    const first = body.bytes[0];
    if (!isWorkbook(first)) {
      return errorResponse(
        422,
        errorBody('unreadable-table', '请求体不是 Excel 工作簿（.xlsx 或 .xls）', 'The body is not an Excel workbook (.xlsx or .xls)', 'body'),
        { rule: id },
      );
    }
    format = first[0] === 0x50 ? 'xlsx' : 'xls';
  } else format = declared;
  const tableBatch = variant ? variant.tableBatch(rule, meta) : new TableBatch(rule, meta);
  const rows =
    format === 'csv'
      ? csvRows(body.bytes, contentType, meta, maxRows)
      : format === 'json'
        ? jsonRows(body.bytes, meta, maxRows, tableBatch)
        : workbookRows(body.bytes, c.req.query('sheet'), meta, maxRows);
  if (rows instanceof Response) return rows;
  const refused = variant?.accept(rows.json, meta);
  if (refused) return refused;

  const batchId = crypto.randomUUID();
  const createdAt = new Date().toISOString();
  const bodyHmac = await hash.hex();
  const evaluator = tableBatch.evaluator;
  const lang = answerLang(c.req.query('lang'), c.req.header('accept-language'), rows.chinese);
  const head = { batchId, rule: rule.id, rulesetVersion: RULESET_VERSION, ignoredColumns: rows.ignoredColumns, droppedColumns: rows.droppedColumns };
  const answerFormat = negotiateAnswer(c.req.header('accept'));
  const answerContext: AnswerContext = { head, meta, columns: rows.columns, lang, withCells: c.req.query('cells') === '1' };
  const writer: AnswerWriter = variant ? variant.writer(answerFormat, answerContext) : answerWriter(answerFormat, answerContext);
  const counts = () => (variant ? variant.counts() : { ...evaluator.summary });
  const encoder = new TextEncoder();
  const audit = auditStoreOf(c.env);
  const keyId = c.get('keyId');
  if (!(await auditStart(audit, { batchId, createdAt, keyId, rule: rule.id, rulesetVersion: RULESET_VERSION, format, bodyBytes: body.size, bodyHmac, ...variant?.audit() }))) {
    return errorResponse(503, errorBody('audit-unavailable', '审计记录暂不能写入，批次未受理，请稍后再试', 'The audit cannot be written now; the batch was not taken. Try again later'), { rule: id });
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
          await auditFinish(audit, batchId, 'completed', counts());
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
      waitUntil(auditFinish(audit, batchId, 'aborted', counts()));
    },
  });
  return new Response(stream, {
    status: 200,
    headers: {
      'content-type': writer.contentType,
      'x-batch-id': batchId,
      'x-ruleset-version': RULESET_VERSION,
      'content-language': lang === 'zh' ? 'zh-CN' : 'en',
      ...(variant ? { 'x-whatif': '1' } : {}),
      ...(rows.droppedColumns ? { 'x-dropped-columns': String(rows.droppedColumns) } : {}),
      ...(answerFormat === 'xlsx' ? { 'content-disposition': `attachment; filename="${rule.id}-${variant?.fileSuffix ?? 'result'}.xlsx"` } : {}),
    },
  });
}

batch.get('/v1/batch/:batchId', async (c) => {
  const batchId = c.req.param('batchId');
  const record = await auditStoreOf(c.env).read(batchId, c.get('keyId'));
  if (!record) {
    return errorResponse(404, errorBody('not-found', `没有编号为 ${batchId} 的批次记录（或不属于此密钥）`, `No batch ${batchId} (or not made with this key)`, 'batchId'));
  }
  return c.json({ ok: true, rulesetVersion: RULESET_VERSION, batch: record });
});
