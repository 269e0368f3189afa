/**
 * `POST /v1/batch/{id}` (CSV or JSON rows; a key) and `GET /v1/batch/{batchId}` (its audit record).
 * The body is read once as bytes (hashed on the way, refused with 413 past the byte limit or, counted
 * before any row is answered, the row limit); then rows are decoded, parsed, evaluated and written
 * out one by one as the answer streams. The audit record is written when the batch is accepted
 * (`started`, before the answer's first byte) and finished when the answer ends (`completed`) or the
 * client hangs up (`aborted`, with the rows answered by then).
 */
import { Hono } from 'hono';
import { BatchEvaluator, findRule, metadataOf, RULESET_VERSION, type RuleMetadata } from '../../rules/index.ts';
import { auditFinish, auditStart, auditStoreOf } from '../audit/index.ts';
import { requireKey } from '../auth.ts';
import { csvWriter, jsonWriter, type AnswerWriter } from '../batch/answer.ts';
import { mapHeader } from '../batch/columns.ts';
import { CsvSource } from '../batch/csv-source.ts';
import { Utf8Chunk } from '../batch/utf8-chunk.ts';
import { answerCsvRecord, answerJsonRow, type AnsweredRow } from '../batch/rows.ts';
import { isJsonType, readBody, utf8Text } from '../body.ts';
import { countNonEmptyLines } from '../csv/count.ts';
import { createDecoder, encodingOfCharset } from '../decode.ts';
import type { AppEnv } from '../env.ts';
import { errorBody, errorResponse } from '../errors.ts';
import { hmacSha256Streaming } from '../hash.ts';
import { limitsOf } from '../limits.ts';
import { parseJson } from '../json.ts';
import { preferredType } from '../accept.ts';

export const batch = new Hono<AppEnv>();
batch.use('/v1/batch/*', requireKey);

const isCsvType = (contentType: string | undefined) => /^(text|application)\/(csv|comma-separated-values)\s*(;|$)/i.test((contentType ?? '').trim());
const wantsCsv = (accept: string | undefined) => preferredType(accept, ['application/json', 'text/csv']) === 'text/csv';

/** Rows to answer: a pull-based source of answered rows, and the columns to echo in a CSV answer. */
interface Rows {
  columns: string[];
  next(evaluator: BatchEvaluator): AnsweredRow | undefined;
}

function tooManyRows(rows: number, max: number): Response {
  return errorResponse(
    413,
    errorBody('too-many-rows', `一批最多 ${max} 行，收到约 ${rows} 行，请分批提交`, `A batch holds at most ${max} rows; this one has about ${rows}. Split it into smaller batches`),
  );
}

function csvRows(chunks: Uint8Array[], contentType: string | undefined, meta: RuleMetadata, maxRows: number): Rows | Response {
  const declared = encodingOfCharset(contentType);
  if (declared === null) {
    return errorResponse(
      415,
      errorBody('unsupported-charset', 'CSV 的字符集只支持 UTF-8 与 GBK/GB18030', 'CSV bodies must be UTF-8 or GBK/GB18030', 'charset'),
    );
  }
  const dataLines = countNonEmptyLines(chunks) - 1;
  if (dataLines > maxRows) return tooManyRows(dataLines, maxRows);
  const source = new CsvSource(chunks, createDecoder(declared));
  const header = source.read();
  if (!header || header.malformed || header.cells.every((c) => c.trim() === '')) {
    return errorResponse(
      422,
      errorBody('empty-batch', 'CSV 没有表头行：第一行应为输入项名称（或中文名称）', 'The CSV has no header row: its first line must name the inputs (names or zh labels)'),
      { rule: meta.id },
    );
  }
  const mapped = mapHeader(header.cells, meta);
  if (!mapped.ok) return errorResponse(422, mapped.error, { rule: meta.id });
  return {
    columns: header.cells,
    next(evaluator) {
      const record = source.read();
      return record && answerCsvRecord(evaluator, record, mapped.names);
    },
  };
}

function jsonRows(chunks: Uint8Array[], meta: RuleMetadata, maxRows: number): Rows | Response {
  let body: unknown;
  try {
    body = parseJson(utf8Text(chunks)); // numbers kept as written, depth bounded (worker/json.ts)
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return errorResponse(400, errorBody('malformed-json', `请求体不是有效的 JSON：${detail}`, `The body is not valid JSON: ${detail}`), { rule: meta.id });
  }
  const rows = (body as { rows?: unknown } | null)?.rows;
  if (body === null || typeof body !== 'object' || Array.isArray(body) || !Array.isArray(rows)) {
    return errorResponse(422, errorBody('invalid-list', '请求体应为 {"rows": [ … ]}', 'The body must be {"rows": [ … ]}', 'rows'), { rule: meta.id });
  }
  if (rows.length > maxRows) return tooManyRows(rows.length, maxRows);
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    if (row === null || typeof row !== 'object' || Array.isArray(row)) continue;
    for (const key of Object.keys(row)) if (!seen.has(key)) seen.add(key), columns.push(key);
  }
  let at = 0;
  return {
    columns,
    next(evaluator) {
      if (at >= rows.length) return undefined;
      const value = rows[at];
      rows[at++] = undefined; // let answered rows go
      return answerJsonRow(evaluator, value, columns);
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
  const format = isCsvType(contentType) ? 'csv' : isJsonType(contentType) ? 'json' : undefined;
  if (!format) {
    return errorResponse(
      415,
      errorBody(
        'unsupported-media-type',
        `批量请求体应为 text/csv 或 application/json，收到 ${contentType ?? '（无）'}`,
        `A batch body must be text/csv or application/json; got ${contentType ?? '(none)'}`,
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
  const body = await readBody(c.req.raw, format === 'csv' ? maxBytes : maxJsonBytes, (chunk) => hash.update(chunk));
  if (!body.ok) return body.response;
  if (body.size === 0) {
    return errorResponse(
      format === 'csv' ? 422 : 400,
      format === 'csv'
        ? errorBody('empty-batch', '请求体为空：CSV 应有表头行和数据行', 'The body is empty: a CSV needs a header row and data rows')
        : errorBody('malformed-json', '请求体为空：应为 {"rows": [ … ]}', 'The body is empty: it must be {"rows": [ … ]}'),
      { rule: id },
    );
  }
  const rows = format === 'csv' ? csvRows(body.bytes, contentType, meta, maxRows) : jsonRows(body.bytes, meta, maxRows);
  if (rows instanceof Response) return rows;

  const batchId = crypto.randomUUID();
  const createdAt = new Date().toISOString();
  const bodyHmac = await hash.hex();
  const evaluator = new BatchEvaluator(rule);
  const head = { batchId, rule: rule.id, rulesetVersion: RULESET_VERSION };
  const writer: AnswerWriter = wantsCsv(c.req.header('accept')) ? csvWriter(rows.columns, meta) : jsonWriter(head, meta);
  const encoder = new TextEncoder();
  const audit = auditStoreOf(c.env);
  const keyId = c.get('keyId');
  if (!(await auditStart(audit, { batchId, createdAt, keyId, rule: rule.id, rulesetVersion: RULESET_VERSION, format, bodyBytes: body.size, bodyHmac }))) {
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
      if (!started) chunk.write(writer.head());
      started = true;
      for (let n = 0; n < 512; n++) {
        const answered = rows.next(evaluator);
        if (!answered) {
          const summary = { ...evaluator.summary };
          await auditFinish(audit, batchId, 'completed', summary);
          chunk.write(writer.tail(summary));
          controller.enqueue(chunk.bytes());
          controller.close();
          return;
        }
        chunk.write(writer.row(answered, first));
        first = false;
      }
      controller.enqueue(chunk.bytes());
    },
    cancel() {
      waitUntil(auditFinish(audit, batchId, 'aborted', evaluator.summary));
    },
  });
  return new Response(stream, {
    status: 200,
    headers: { 'content-type': writer.contentType, 'x-batch-id': batchId, 'x-ruleset-version': RULESET_VERSION },
  });
});

batch.get('/v1/batch/:batchId', async (c) => {
  const batchId = c.req.param('batchId');
  const record = await auditStoreOf(c.env).read(batchId, c.get('keyId'));
  if (!record) {
    return errorResponse(404, errorBody('not-found', `没有编号为 ${batchId} 的批次记录（或不属于此密钥）`, `No batch ${batchId} (or not made with this key)`, 'batchId'));
  }
  return c.json({ ok: true, rulesetVersion: RULESET_VERSION, batch: record });
});
