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
import { findRule, metadataOf, RULESET_VERSION, type BatchSummary, type RuleDefinition, type RuleMetadata } from '../../rules/index.ts';
import { TableBatch, type Lang } from '../../rules/tables/index.ts';
import { isWorkbook } from '../../rules/tables/xlsx-read.ts';
import { auditFinish, auditStart, auditStoreOf, type AuditStart } from '../audit/index.ts';
import { requireKey } from '../http/auth.ts';
import { answerWriter, XLSX_TYPE, type AnswerContext, type AnswerFormat, type AnswerWriter } from '../batch/answer.ts';
import { answerStream } from '../batch/answer-stream.ts';
import { EchoBudget, echoLimitsOf } from '../batch/echo.ts';
import { csvRows, jsonRows, mappingOf, workbookRows } from '../batch/sources.ts';
import { isJsonType, readBody } from '../body/body.ts';
import type { AppEnv } from '../env.ts';
import { apiError } from '../http/errors.ts';
import { hmacSha256Streaming } from '../body/hash.ts';
import { bodyTimingOf, limitsOf } from '../body/limits.ts';
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
export const negotiateAnswer = (accept: string | undefined): AnswerFormat =>
  ANSWER_TYPES[preferredType(accept, Object.keys(ANSWER_TYPES)) ?? 'application/json'];

/**
 * The answer's language: `?lang=`, else the client's most preferred language (Accept-Language, read by hono's
 * `accepts`) when it is Chinese or English (`zh-CN`, `en-GB`), else Chinese when the table's headers are.
 */
function answerLang(c: Context<AppEnv>, chineseHeaders: boolean): Lang {
  const query = c.req.query('lang');
  if (query === 'zh' || query === 'en') return query;
  const fallback: Lang = chineseHeaders ? 'zh' : 'en';
  const first = (ranges: { type: string; q: number }[]) =>
    ranges
      .find((r) => r.q > 0)
      ?.type.toLowerCase()
      .split('-')[0];
  const preferred = accepts(c, {
    header: 'Accept-Language',
    supports: ['zh', 'en'],
    default: fallback,
    match: (ranges, config) => first(ranges) ?? config.default,
  });
  return preferred === 'zh' || preferred === 'en' ? preferred : fallback;
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

batch.post('/v1/batch/:id', (c) => runBatch(c));

/** A batch, from the body to the streamed answer and its audit record; `variant` makes it a what-if. */
export async function runBatch(c: Context<AppEnv>, variant?: BatchVariant): Promise<Response> {
  const id = c.req.param('id') ?? '';
  const rule = findRule(id);
  if (!rule) {
    throw apiError('unknown-rule', { rule: id }, { rule: id });
  }
  const meta = metadataOf(rule);
  const contentType = c.req.header('content-type');
  const declared = bodyFormatOf(contentType);
  if (!declared) throw apiError('unsupported-media-type', { contentType, wanted: 'table' }, { rule: id });
  const { maxRows, maxBytes, maxJsonBytes, workbook } = limitsOf(c.env);
  const auditKey = c.env.AUDIT_HMAC_KEY;
  if (!auditKey) throw apiError('audit-not-configured', { rule: id });
  const hash = hmacSha256Streaming(auditKey);
  const body = await readBody(c.req.raw, declared === 'json' ? maxJsonBytes : maxBytes, (chunk) => hash.update(chunk), bodyTimingOf(c.env));
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
  const tableBatch = variant ? variant.tableBatch(rule, meta) : new TableBatch(rule, meta);
  const mapping = mappingOf(c.req.query('columns'), meta);
  const rows =
    format === 'csv'
      ? csvRows(body.bytes, contentType, meta, maxRows, mapping)
      : format === 'json'
        ? jsonRows(body.bytes, meta, maxRows, tableBatch, mapping)
        : await workbookRows(body.bytes, c.req.query('sheet'), meta, maxRows, workbook, mapping);
  const refused = variant?.accept(rows.json, meta);
  if (refused) return refused;

  const batchId = crypto.randomUUID();
  const createdAt = new Date().toISOString();
  const bodyHmac = await hash.hex();
  const lang = answerLang(c, rows.chinese);
  const head = {
    batchId,
    rule: rule.id,
    rulesetVersion: RULESET_VERSION,
    ignoredColumns: rows.ignoredColumns,
    droppedColumns: rows.droppedColumns,
    form: rows.form,
  };
  const answerFormat = negotiateAnswer(c.req.header('accept'));
  const answerContext: AnswerContext = { head, meta, columns: rows.columns, lang, withCells: c.req.query('cells') === '1', read: rows.read };
  const writer: AnswerWriter = variant ? variant.writer(answerFormat, answerContext) : answerWriter(answerFormat, answerContext);
  const audit = auditStoreOf(c.env);
  const keyId = c.get('keyId');
  if (
    !(await auditStart(audit, {
      batchId,
      createdAt,
      keyId,
      rule: rule.id,
      rulesetVersion: RULESET_VERSION,
      format,
      bodyBytes: body.size,
      bodyHmac,
      ...variant?.audit(),
    }))
  ) {
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
  const stream = answerStream({
    writer,
    next: (batch) => rows.next(batch),
    ready: rows.ready,
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
    throw apiError('not-found', { batchId }, { field: 'batchId' });
  }
  return c.json({ ok: true, rulesetVersion: RULESET_VERSION, batch: record });
});
