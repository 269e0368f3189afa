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
import { TableBatch, type Lang } from '../../rules/tables/index.ts';
import { isWorkbook } from '../../rules/tables/xlsx-read.ts';
import { auditFinish, auditStart, auditStoreOf, type AuditStart } from '../audit/index.ts';
import { requireKey } from '../auth.ts';
import { answerWriter, XLSX_TYPE, type AnswerContext, type AnswerFormat, type AnswerWriter } from '../batch/answer.ts';
import { answerStream } from '../batch/answer-stream.ts';
import { EchoBudget, echoLimitsOf } from '../batch/echo.ts';
import { csvRows, jsonRows, mappingOf, workbookRows } from '../batch/sources.ts';
import { isJsonType, readBody } from '../body.ts';
import type { AppEnv } from '../env.ts';
import { errorBody, errorResponse } from '../errors.ts';
import { hmacSha256Streaming } from '../hash.ts';
import { bodyTimingOf, limitsOf } from '../limits.ts';
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

export { MAX_EXTRA_COLUMNS } from '../batch/sources.ts';

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

/** What makes a batch a what-if (测算): its own table batch, the overrides a JSON body may carry, its answer and its audit. */
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
  const { maxRows, maxBytes, maxJsonBytes, workbook } = limitsOf(c.env);
  const auditKey = c.env.AUDIT_HMAC_KEY;
  if (!auditKey) {
    return errorResponse(
      503,
      errorBody('audit-not-configured', '批量接口未配置审计密钥 AUDIT_HMAC_KEY，暂不能受理', 'Batches are not taken: the audit key AUDIT_HMAC_KEY is not configured'),
      { rule: id },
    );
  }
  const hash = hmacSha256Streaming(auditKey);
  const body = await readBody(c.req.raw, declared === 'json' ? maxJsonBytes : maxBytes, (chunk) => hash.update(chunk), bodyTimingOf(c.env));
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
  const mapping = mappingOf(c.req.query('columns'), meta);
  if (mapping instanceof Response) return mapping;
  const rows =
    format === 'csv'
      ? csvRows(body.bytes, contentType, meta, maxRows, mapping)
      : format === 'json'
        ? jsonRows(body.bytes, meta, maxRows, tableBatch, mapping)
        : workbookRows(body.bytes, c.req.query('sheet'), meta, maxRows, workbook, mapping);
  if (rows instanceof Response) return rows;
  const refused = variant?.accept(rows.json, meta);
  if (refused) return refused;

  const batchId = crypto.randomUUID();
  const createdAt = new Date().toISOString();
  const bodyHmac = await hash.hex();
  const lang = answerLang(c.req.query('lang'), c.req.header('accept-language'), rows.chinese);
  const head = { batchId, rule: rule.id, rulesetVersion: RULESET_VERSION, ignoredColumns: rows.ignoredColumns, droppedColumns: rows.droppedColumns, form: rows.form };
  const answerFormat = negotiateAnswer(c.req.header('accept'));
  const answerContext: AnswerContext = { head, meta, columns: rows.columns, lang, withCells: c.req.query('cells') === '1', read: rows.read };
  const writer: AnswerWriter = variant ? variant.writer(answerFormat, answerContext) : answerWriter(answerFormat, answerContext);
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
  const stream = answerStream({
    writer,
    next: (batch) => rows.next(batch),
    batch: tableBatch,
    echo: new EchoBudget(echoLimitsOf(c.env, body.size), lang),
    // a what-if counts its rows by their what-if status (the counts of the rows answered so far)
    finish: (status, summary) => auditFinish(audit, batchId, status, variant ? variant.counts() : summary),
    waitUntil,
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
