/**
 * Every non-2xx answer has one shape: `{ ok: false, rulesetVersion, error: { code, message: {zh, en}, field? } }`
 * (plus `rule` where the request named one). A route refuses by throwing an `ApiError`; the app's one
 * `onError` turns it, a `RuleError` escaping the rules package, or any other `HTTPException` into that shape.
 * Each code's status, field and bilingual words are written once, in `ERRORS`.
 */
import type { ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { RULESET_VERSION, type RuleErrorBody, type Text } from '../../rules/index.ts';
import { RuleError } from '../../rules/core/errors.ts';

const got = (value: string | undefined, lang: 'zh' | 'en') => value ?? (lang === 'zh' ? '（无）' : '(none)');

/** Each code the Worker answers with: its status, the field it names unless a call says otherwise, and its words. */
const ERRORS = {
  'not-found': {
    status: 404,
    message: (p: { route: { method: string; path: string } } | { batchId: string } | { page: 'unbuilt' }): Text =>
      'route' in p
        ? { zh: `没有这个地址：${p.route.method} ${p.route.path}`, en: `No such route: ${p.route.method} ${p.route.path}` }
        : 'batchId' in p
          ? { zh: `没有编号为 ${p.batchId} 的批次记录（或不属于此密钥）`, en: `No batch ${p.batchId} (or not made with this key)` }
          : { zh: '页面未构建（npm run build）', en: 'The page is not built (npm run build)' },
  },
  'method-not-allowed': {
    status: 405,
    message: ({ method, allowed }: { method: string; allowed: string }): Text => ({
      zh: `此地址不接受 ${method} 请求，可用：${allowed}`,
      en: `${method} is not allowed here; allowed: ${allowed}`,
    }),
  },
  'personal-input-in-url': {
    status: 400,
    message: ({ rule, name, label }: { rule: string; name: string; label: Text }): Text => ({
      zh: `${label.zh}（${name}）是个人信息，不得放在网址中（网址会进入日志）：请用 POST /v1/rules/${rule}，以 JSON 请求体提交`,
      en: `${label.en} (${name}) identifies a person and may not be sent in a URL (URLs are logged): send it with POST /v1/rules/${rule} in a JSON body`,
    }),
  },
  'malformed-json': {
    status: 400,
    field: 'body',
    message: (p: { detail: string } | { empty: 'rows' }): Text =>
      'detail' in p
        ? { zh: `请求体不是有效的 JSON：${p.detail}`, en: `The body is not valid JSON: ${p.detail}` }
        : { zh: '请求体为空：应为 {"rows": [ … ]}', en: 'The body is empty: it must be {"rows": [ … ]}' },
  },
  'unsupported-media-type': {
    status: 415,
    field: 'content-type',
    message: ({ contentType, wanted }: { contentType: string | undefined; wanted: 'json' | 'table' | 'whatif-check' }): Text =>
      wanted === 'whatif-check'
        ? {
            zh: `请以 Content-Type: application/json 提交 {"inputs": …, "overrides": …}，收到 ${got(contentType, 'zh')}`,
            en: `Send {"inputs": …, "overrides": …} as JSON; got ${got(contentType, 'en')}`,
          }
        : wanted === 'json'
          ? {
              zh: `请以 Content-Type: application/json 提交输入项对象，收到 ${got(contentType, 'zh')}`,
              en: `Send the inputs as a JSON object with Content-Type: application/json; got ${got(contentType, 'en')}`,
            }
          : {
              zh: `批量请求体应为 text/csv、application/json 或 Excel 工作簿（.xlsx/.xls），收到 ${got(contentType, 'zh')}`,
              en: `A batch body must be text/csv, application/json or an Excel workbook (.xlsx/.xls); got ${got(contentType, 'en')}`,
            },
  },
  'unsupported-charset': {
    status: 415,
    field: 'charset',
    message: (): Text => ({ zh: 'CSV 的字符集只支持 UTF-8、UTF-16 与 GBK/GB18030', en: 'CSV bodies must be UTF-8, UTF-16 or GBK/GB18030' }),
  },
  unauthorized: {
    status: 401,
    message: ({ given }: { given: boolean }): Text =>
      given
        ? { zh: '批量接口的密钥不正确', en: 'The batch key is not valid' }
        : { zh: '批量接口需要密钥：Authorization: Bearer <key>', en: 'The batch routes need a key: Authorization: Bearer <key>' },
  },
  'forbidden-origin': {
    status: 403,
    message: ({ origin }: { origin: string }): Text => ({
      zh: `来源 ${origin} 不在批量接口允许的来源之内`,
      en: `Origin ${origin} may not call the batch routes`,
    }),
  },
  'payload-too-large': {
    status: 413,
    field: 'body',
    message: ({ limit, size }: { limit: number; size?: number }): Text => ({
      zh: `请求体超过 ${limit} 字节的上限${size === undefined ? '' : `（收到 ${size} 字节）`}，请分批提交`,
      en: `The request body exceeds the limit of ${limit} bytes${size === undefined ? '' : ` (got ${size} bytes)`}; split it into smaller batches`,
    }),
  },
  'body-too-slow': {
    status: 408,
    field: 'body',
    message: (p: { why: 'deadline' | 'rate'; timeoutSeconds: number; minBytesPerSecond: number; size: number; seconds: number }): Text =>
      p.why === 'deadline'
        ? {
            zh: `请求体 ${p.timeoutSeconds} 秒内未传完（已收到 ${p.size} 字节），连接已断开`,
            en: `The request body did not arrive within ${p.timeoutSeconds} s (${p.size} bytes received); the connection is closed`,
          }
        : {
            zh: `请求体传得太慢：${p.seconds} 秒只收到 ${p.size} 字节，低于每秒 ${p.minBytesPerSecond} 字节的下限，连接已断开`,
            en: `The request body arrives too slowly: ${p.size} bytes in ${p.seconds} s, under the minimum of ${p.minBytesPerSecond} bytes/s; the connection is closed`,
          },
  },
  'malformed-body': {
    status: 400,
    field: 'body',
    message: (): Text => ({
      zh: '请求体无法读取（分块编码有误或连接中断）',
      en: 'The request body could not be read (malformed chunked encoding, or the connection broke off)',
    }),
  },
  'invalid-encoding': {
    status: 422,
    field: 'charset',
    message: ({ byte }: { byte: number }): Text => ({
      zh: `CSV 声明为 UTF-8，但第 ${byte} 个字节起不是 UTF-8：请按文件实际的编码（如 GBK）声明 charset，或不声明、由服务识别`,
      en: `The CSV is declared UTF-8 but is not UTF-8 from byte ${byte}: declare its real charset (e.g. GBK), or none and let the service detect it`,
    }),
  },
  'unknown-column': {
    status: 422,
    field: 'columns',
    message: (): Text => ({ zh: '列对应关系 columns 不是有效的 JSON 对象', en: 'columns is not a valid JSON object' }),
  },
  'missing-override': {
    status: 422,
    field: 'overrides',
    message: (): Text => ({
      zh: '测算至少需要一个参数改动：查询参数 set.<参数编号>=<值>，或 JSON 请求体中的 "overrides"',
      en: 'A what-if needs at least one override: query parameters set.<parameterId>=<value>, or "overrides" in a JSON body',
    }),
  },
  'invalid-override': {
    status: 422,
    field: 'overrides',
    message: ({ why }: { why: 'both-places' | 'not-a-list' }): Text =>
      why === 'both-places'
        ? { zh: '参数改动请只写在一处：查询参数或 JSON 请求体', en: 'Give the overrides in one place: the query or the JSON body' }
        : {
            zh: '"overrides" 应为列表：[{ "parameter": 参数编号, "value": 值, "from": 起始日期（可选）}]',
            en: '"overrides" must be a list: [{ "parameter": id, "value": v, "from"?: "YYYY-MM-DD" }]',
          },
  },
  'too-many-rows': {
    status: 413,
    field: 'body',
    message: ({ max, rows }: { max: number; rows: number }): Text => ({
      zh: `一批最多 ${max} 行，收到 ${rows} 行，请分批提交`,
      en: `A batch holds at most ${max} rows; this one has ${rows}. Split it into smaller batches`,
    }),
  },
  'empty-batch': {
    status: 422,
    field: 'body',
    message: ({ missing }: { missing: 'header' | 'body' }): Text =>
      missing === 'header'
        ? {
            zh: '表格没有表头行：第一行应为输入项名称（或中文名称）',
            en: 'The table has no header row: its first line must name the inputs (names or zh labels)',
          }
        : { zh: '请求体为空：表格应有表头行和数据行', en: 'The body is empty: a table needs a header row and data rows' },
  },
  'records-not-in-csv': {
    status: 404,
    field: 'rule',
    message: ({ rule }: { rule: string }): Text => ({
      zh: `规则 ${rule} 的输入是记录列表，没有表格模板：请以 JSON 提交`,
      en: `Rule ${rule} takes lists of records and has no table template: send JSON`,
    }),
  },
  'malformed-csv': {
    status: 422,
    message: ({ line, why }: { line: number; why: 'unclosed-quote' | 'too-long' }): Text => {
      const reason = why === 'unclosed-quote' ? { zh: '引号未闭合', en: 'a quote is not closed' } : { zh: '该行过长', en: 'the record is too long' };
      return { zh: `第 ${line} 行无法按 CSV 读取：${reason.zh}`, en: `Row at line ${line} is not readable CSV: ${reason.en}` };
    },
  },
  'audit-not-configured': {
    status: 503,
    message: (): Text => ({
      zh: '批量接口未配置审计密钥 AUDIT_HMAC_KEY，暂不能受理',
      en: 'Batches are not taken: the audit key AUDIT_HMAC_KEY is not configured',
    }),
  },
  'audit-unavailable': {
    status: 503,
    message: (): Text => ({
      zh: '审计记录暂不能写入，批次未受理，请稍后再试',
      en: 'The audit cannot be written now; the batch was not taken. Try again later',
    }),
  },
  'unreadable-table': {
    status: 422,
    field: 'body',
    message: (): Text => ({ zh: '请求体不是 Excel 工作簿（.xlsx 或 .xls）', en: 'The body is not an Excel workbook (.xlsx or .xls)' }),
  },
  'unknown-rule': {
    status: 404,
    field: 'rule',
    message: ({ rule }: { rule: string }): Text => ({ zh: `没有编号为“${rule}”的规则`, en: `There is no rule "${rule}"` }),
  },
  'unknown-input': {
    status: 422,
    message: ({ name }: { name: string }): Text => ({ zh: `未知参数“${name}”：只接受 date（日期）`, en: `Unknown parameter "${name}": only date is accepted` }),
  },
  'missing-input': {
    status: 422,
    field: 'date',
    message: (): Text => ({ zh: '请填写 date（日期），格式 YYYY-MM-DD', en: 'Give date, as YYYY-MM-DD' }),
  },
  'invalid-date': {
    status: 422,
    field: 'date',
    message: ({ date }: { date: string }): Text => ({
      zh: `date（日期）“${date.slice(0, 40)}”不是有效日期，格式 YYYY-MM-DD`,
      en: `date "${date.slice(0, 40)}" is not a valid date (YYYY-MM-DD)`,
    }),
  },
  'invalid-list': {
    status: 422,
    field: 'rows',
    message: ({ expected }: { expected: 'rows' | 'whatif-check' }): Text =>
      expected === 'rows'
        ? { zh: '请求体应为 {"rows": [ … ]}', en: 'The body must be {"rows": [ … ]}' }
        : { zh: '请求体应为 {"inputs": {…}, "overrides": […]}', en: 'The body must be {"inputs": {…}, "overrides": […]}' },
  },
  'internal-error': {
    status: 500,
    message: (): Text => ({
      zh: '服务内部错误，请报告（请求内容未被记录）',
      en: 'Internal error, please report it (the request content was not recorded)',
    }),
  },
} satisfies Record<string, { status: ContentfulStatusCode; field?: string; message: (params: never) => Text }>;

/** The codes the Worker itself answers with (the rules package and the table reader add their own). */
export type HttpErrorCode = keyof typeof ERRORS;

export interface HttpErrorBody {
  code: HttpErrorCode | RuleErrorBody['code'] | (string & {});
  message: Text;
  field?: string;
}

type Params<C extends HttpErrorCode> = Parameters<(typeof ERRORS)[C]['message']>;
interface Options {
  /** The field the error names, when not the code's usual one (`''`: none). */
  field?: string;
  /** The rule the request named: echoed beside `error`. */
  rule?: string;
  /** Other members beside `error` (a table refused for its header: `sheets`, `closest`). */
  extra?: Record<string, unknown>;
  headers?: Record<string, string>;
}
type Args<C extends HttpErrorCode> = Params<C> extends [] ? [options?: Options] : [params: Params<C>[0], options?: Options];

/** The options among a call's arguments: after the params, for a code whose words quote something. */
const optionsOf = (code: HttpErrorCode, args: unknown[]): Options => ((ERRORS[code].message.length > 0 ? args[1] : args[0]) as Options | undefined) ?? {};

/** The `error` member for a code: `{ code, field?, message }`. Also what a refused batch row carries. */
export function errorBody<C extends HttpErrorCode>(code: C, ...args: Args<C>): HttpErrorBody {
  const entry = ERRORS[code] as { field?: string; message: (params: unknown) => Text };
  const field = optionsOf(code, args).field ?? entry.field;
  const message = entry.message(entry.message.length > 0 ? args[0] : undefined);
  return field ? { code, field, message } : { code, message };
}

/** A JSON error response; `rule` (when given) goes beside `error`. */
function errorResponse(status: number, error: HttpErrorBody, options: Pick<Options, 'rule' | 'headers' | 'extra'> = {}): Response {
  const extra = { ...(options.rule === undefined ? {} : { rule: options.rule }), ...options.extra };
  return new Response(JSON.stringify({ ok: false, ...extra, rulesetVersion: RULESET_VERSION, error }), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...options.headers },
  });
}

/**
 * A refusal, thrown by a route or middleware and answered by `onError`: `throw apiError('too-many-rows', { max, rows })`.
 * `new ApiError(status, body)` carries a body made elsewhere (the table reader's refusals).
 */
export class ApiError extends HTTPException {
  readonly error: HttpErrorBody;
  readonly options: Pick<Options, 'rule' | 'headers' | 'extra'>;
  constructor(status: ContentfulStatusCode, error: HttpErrorBody, options: Pick<Options, 'rule' | 'headers' | 'extra'> = {}) {
    super(status, { message: error.message.en });
    this.error = error;
    this.options = options;
  }
  override getResponse(): Response {
    return errorResponse(this.status, this.error, this.options);
  }
}

export function apiError<C extends HttpErrorCode>(code: C, ...args: Args<C>): ApiError {
  return new ApiError(ERRORS[code].status, errorBody(code, ...args), optionsOf(code, args));
}

/**
 * The app's one error handler. Bad input is refused with an `ApiError`; a `RuleError` is the rules package's
 * refusal (422, or 404 for an unknown rule); any other `HTTPException` keeps its status in our shape. Anything
 * else is unexpected: a 500 in the same shape, and only the error's kind and where it happened are logged —
 * never the request's body, query string or input values (an error's message may quote them).
 */
export const onError: ErrorHandler = (error) => {
  // An ApiError answers in our shape; another HTTPException that carries its own answer (hono's bearer-auth, given
  // ours) is answered with it.
  if (error instanceof ApiError || (error instanceof HTTPException && error.res)) return error.getResponse();
  if (error instanceof RuleError) return errorResponse(error.body.code === 'unknown-rule' ? 404 : 422, error.body);
  if (error instanceof HTTPException && error.status < 500) {
    return errorResponse(error.status, {
      code: `http-${error.status}`,
      message: { zh: `请求被拒绝（HTTP ${error.status}）`, en: error.message || `Refused (HTTP ${error.status})` },
    });
  }
  console.error('unexpected error', error instanceof Error ? `${error.name}\n${(error.stack ?? '').split('\n').slice(1).join('\n')}` : typeof error);
  return apiError('internal-error').getResponse();
};
