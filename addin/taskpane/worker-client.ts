/**
 * The Worker's batch route, `POST /v1/batch/{id}` with `{rows}` and `Authorization: Bearer <key>`,
 * answering `{rule, rulesetVersion, summary, rows:[{index, status, …}]}`. Network failures are
 * `OfflineError` (the task pane then validates locally); an answer that is an error is `WorkerError`.
 */
import type { BatchRow, Text } from '../../rules/index.ts';
import type { AnswerOf } from '../../worker/contract/answers.ts';

export interface WorkerSettings {
  url: string;
  key: string;
}

export class OfflineError extends Error {}

export class WorkerError extends Error {
  readonly text: Text;
  constructor(text: Text) {
    super(text.en);
    this.text = text;
  }
}

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export async function postBatchChunk(
  settings: WorkerSettings,
  ruleId: string,
  rows: readonly unknown[],
  fetchFn: Fetch = fetch,
  signal?: AbortSignal,
): Promise<BatchRow[]> {
  const url = `${settings.url.replace(/\/+$/, '')}/v1/batch/${encodeURIComponent(ruleId)}`;
  let response: Response;
  try {
    response = await fetchFn(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${settings.key}` },
      body: JSON.stringify({ rows }),
      ...(signal ? { signal } : {}),
    });
  } catch (error) {
    throw new OfflineError(String(error));
  }
  const body = (await response.json().catch(() => undefined)) as (Partial<AnswerOf<'Error'>> & { rows?: BatchRow[] }) | undefined;
  if (!response.ok) {
    const message = body?.error?.message;
    throw new WorkerError({
      zh: `Worker 返回 ${response.status}${message ? `：${message.zh}` : ''}`,
      en: `The Worker answered ${response.status}${message ? `: ${message.en}` : ''}`,
    });
  }
  if (!body || !Array.isArray(body.rows) || body.rows.length !== rows.length) {
    throw new WorkerError({ zh: 'Worker 的答复与所发行数不符', en: 'The Worker answered a different number of rows than were sent' });
  }
  return body.rows;
}
