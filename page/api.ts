/** The Worker's routes the page uses (the issue-3 contract): rules metadata, one case, a batch. */
import type { BatchRow, ControlRef, RuleMetadata } from '../rules/index.ts';
import type { AnswerOf } from '../worker/contract/answers.ts';
import { ui } from './i18n.ts';

type DatedAnswer = AnswerOf<'DatedAnswer'>;

/** An answer's `error` (worker/contract/answers.ts), and when the only thing missing is the date, the answer for each period. */
export type ApiError = Omit<AnswerOf<'ErrorBody'>, 'control'> & {
  /** The control the message asks to set, worded by the page (`messageIn('page', …)`). */
  control?: ControlRef;
  byDate?: DatedAnswer[];
};

export type Answer<T> = { ok: true; body: T } | { ok: false; status: number; error: ApiError };

const networkError = (): ApiError => ({ code: 'network', message: ui.networkError });

/** The error body of a non-2xx answer, or a generic one naming the status when the body is not the usual `{ error }`. */
async function errorOf(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as { error?: ApiError; byDate?: DatedAnswer[] };
    if (body.error?.message?.zh && body.error.message.en) return body.byDate ? { ...body.error, byDate: body.byDate } : body.error;
  } catch {
    // not JSON
  }
  return {
    code: `http-${response.status}`,
    message: { zh: `服务返回错误（HTTP ${response.status}）`, en: `The service answered with an error (HTTP ${response.status})` },
  };
}

async function call<T>(input: string, init: RequestInit, read: (r: Response) => Promise<T>): Promise<Answer<T>> {
  let response: Response;
  try {
    response = await fetch(input, init);
  } catch {
    return { ok: false, status: 0, error: networkError() };
  }
  if (!response.ok) return { ok: false, status: response.status, error: await errorOf(response) };
  try {
    return { ok: true, body: await read(response) };
  } catch {
    return {
      ok: false,
      status: response.status,
      error: { code: 'bad-answer', message: ui.unexpectedAnswer },
    };
  }
}

export const fetchRules = () => call<{ rules: RuleMetadata[] }>('/v1/rules', {}, (r) => r.json());

export const computeCase = (ruleId: string, inputs: Record<string, unknown>) =>
  call<AnswerOf<'SuccessBase'>>(
    `/v1/rules/${encodeURIComponent(ruleId)}`,
    { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(inputs) },
    (r) => r.json(),
  );

export type { MoneyTotals as BatchMoneyTotals } from '../rules/tables/totals.ts';

/**
 * The batch's JSON answer asked for with `?cells=1`: the columns as given, echoed in each row's `cells`. Its rows are
 * the rules package's `BatchRow` (which conforms to the schema's), since the page hands them to the shared table writers.
 */
export type BatchSummaryBody = Omit<AnswerOf<'BatchAnswer'>, 'columns' | 'rows'> & { columns: string[]; rows: (BatchRow & { cells: unknown[] })[] };

/** The Content-Type a table file is sent with, from its name: workbooks as such, anything else as CSV text. */
export const tableType = (fileName: string): string =>
  /\.xlsx$/i.test(fileName)
    ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
    : /\.xls$/i.test(fileName)
      ? 'application/vnd.ms-excel'
      : 'text/csv';

/**
 * Sends the file's bytes as they are (the Worker detects the encoding or reads the workbook) and asks for
 * the JSON answer with each row's echoed cells: one request, one audited batch, from which the page
 * writes both downloads.
 */
export const batchAnswer = (ruleId: string, key: string, fileName: string, bytes: ArrayBuffer) =>
  call<BatchSummaryBody>(
    `/v1/batch/${encodeURIComponent(ruleId)}?cells=1`,
    { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': tableType(fileName), accept: 'application/json' }, body: bytes },
    (r) => r.json(),
  );

/** The rule's fill-in templates. */
export const templateUrl = (ruleId: string, kind: 'xlsx' | 'csv') => `/v1/rules/${encodeURIComponent(ruleId)}/template.${kind}`;
