/** The Worker's routes the page uses (the issue-3 contract): rules metadata, one case, a batch. */
import type { BatchRow, ControlRef, RuleMetadata, Success, TableSummary } from '../rules/index.ts';
import type { AnswerOf } from '../worker/contract/answers.ts';
import { ui } from './i18n.ts';
import { batchQuery, StreamedRowCounter, type ColumnMapping, type SheetFound } from './batch-state.ts';

type DatedAnswer = AnswerOf<'DatedAnswer'>;

/** An answer's `error` (worker/contract/answers.ts), and when the only thing missing is the date, the answer for each period. */
export type ApiError = Omit<AnswerOf<'ErrorBody'>, 'control'> & {
  /** A table refused for its header: every sheet and what was found on it, and the row closest to a header. */
  sheets?: SheetFound[];
  closest?: { sheet?: string; row: number; cells: string[] };
  /** The control the message asks to set, worded by the page (`messageIn('page', …)`). */
  control?: ControlRef;
  byDate?: DatedAnswer[];
};

export type Answer<T> = { ok: true; body: T } | { ok: false; status: number; error: ApiError };

const networkError = (): ApiError => ({ code: 'network', message: ui.networkError });
/** The clerk cancelled: not an error of the service. */
export const CANCELLED = 'cancelled';
const cancelled = (): ApiError => ({ code: CANCELLED, message: ui.batchCancelled });

/** The error body of a non-2xx answer, or a generic one naming the status when the body is not the usual `{ error }`. */
async function errorOf(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as { error?: ApiError; byDate?: DatedAnswer[]; sheets?: SheetFound[]; closest?: ApiError['closest'] };
    if (body.error?.message?.zh && body.error.message.en) {
      const error: ApiError = { ...body.error };
      if (body.byDate) error.byDate = body.byDate;
      if (Array.isArray(body.sheets)) error.sheets = body.sheets;
      if (body.closest && Array.isArray(body.closest.cells)) error.closest = body.closest;
      return error;
    }
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
    return { ok: false, status: 0, error: init.signal?.aborted ? cancelled() : networkError() };
  }
  if (!response.ok) return { ok: false, status: response.status, error: await errorOf(response) };
  try {
    return { ok: true, body: await read(response) };
  } catch {
    if (init.signal?.aborted) return { ok: false, status: 0, error: cancelled() };
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

export type { MoneyTotals as BatchMoneyTotals } from '../rules/index.ts';

/**
 * The batch's JSON answer asked for with `?cells=1`: the columns as given, echoed in each row's `cells`. Its rows and
 * summary are the rules package's own (which conform to the schema's), since the page hands them to the shared table writers.
 */
export type BatchSummaryBody = Omit<AnswerOf<'BatchAnswer'>, 'columns' | 'rows' | 'summary'> & {
  columns: string[];
  summary: TableSummary & { hidden?: number };
  rows: (BatchRow & { cells: unknown[]; hidden?: boolean })[];
};

/** The Content-Type a table file is sent with, from its name: workbooks as such, anything else as CSV text. */
export const tableType = (fileName: string): string =>
  /\.xlsx$/i.test(fileName)
    ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
    : /\.xls$/i.test(fileName)
      ? 'application/vnd.ms-excel'
      : 'text/csv';

export interface BatchRequest {
  ruleId: string;
  key: string;
  fileName: string;
  bytes: ArrayBuffer;
  sheet?: string;
  mapping?: ColumnMapping;
}

export interface BatchProgress {
  /** Rows read and answered so far (the Worker answers each row as it reads it). */
  rows: number;
  batchId?: string;
}

/**
 * Sends the file's bytes as they are (the Worker detects the encoding or reads the workbook) and asks for
 * the JSON answer with each row's echoed cells: one request, one audited batch, from which the page
 * writes both downloads. The answer is read as it streams, counting rows for `onProgress`; `signal`
 * cancels (the Worker audits the batch `aborted`).
 */
export async function batchAnswer(
  request: BatchRequest,
  onProgress?: (progress: BatchProgress) => void,
  signal?: AbortSignal,
): Promise<Answer<BatchSummaryBody>> {
  const url = `/v1/batch/${encodeURIComponent(request.ruleId)}?${batchQuery(request)}`;
  const init: RequestInit = {
    method: 'POST',
    headers: { authorization: `Bearer ${request.key}`, 'content-type': tableType(request.fileName), accept: 'application/json' },
    body: request.bytes,
    signal,
  };
  return call<BatchSummaryBody>(url, init, async (response) => {
    const reader = response.body?.getReader();
    if (!reader) return response.json();
    const decoder = new TextDecoder();
    const counter = new StreamedRowCounter();
    const parts: string[] = [];
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      const text = decoder.decode(value, { stream: true });
      parts.push(text);
      const before = counter.rows;
      counter.feed(text);
      if (counter.rows !== before || parts.length === 1) onProgress?.({ rows: counter.rows, batchId: counter.batchId });
    }
    parts.push(decoder.decode());
    return JSON.parse(parts.join('')) as BatchSummaryBody;
  });
}

/** The rule's fill-in templates. */
export const templateUrl = (ruleId: string, kind: 'xlsx' | 'csv') => `/v1/rules/${encodeURIComponent(ruleId)}/template.${kind}`;
