/**
 * The Worker's bindings (wrangler.toml, `wrangler secret put`, `--var` for local runs).
 * D1 is typed structurally with only what the Worker uses, so the Node-side tsconfig stays free of
 * the Workers globals.
 */
import type { AnswerHeaders } from './http/answer-headers.ts';

export interface D1Result<T> {
  results: T[];
}
export interface D1PreparedStatement {
  bind(...values: unknown[]): D1PreparedStatement;
  run(): Promise<unknown>;
  first<T = Record<string, unknown>>(): Promise<T | null>;
  all<T = Record<string, unknown>>(): Promise<D1Result<T>>;
}
export interface D1Database {
  prepare(sql: string): D1PreparedStatement;
}

/** A Durable Object namespace, typed with only what the self-hosted audit uses. */
export interface DurableObjectNamespaceLike {
  idFromName(name: string): unknown;
  get(id: unknown): unknown;
}

export interface Env {
  /** The audit on Cloudflare (D1). */
  DB: D1Database;
  /** The audit when self-hosted on workerd: a Durable Object with SQLite storage under DATA_DIR (selfhost/). */
  AUDIT_LOG?: DurableObjectNamespaceLike;
  /** Secret key of the audit's body hash (HMAC-SHA-256); batches are refused (503) without it. */
  AUDIT_HMAC_KEY?: string;
  ASSETS?: { fetch(request: Request): Promise<Response> };
  /** `id:sha256hex,id2:sha256hex` — the SHA-256 of each batch key, never the key itself. */
  API_KEYS?: string;
  /** The service's own origin (`https://rules.example.org`), allowed to call the batch routes; never taken from `Host`. */
  PUBLIC_ORIGIN?: string;
  /** Comma-separated origins allowed to call the batch routes from a browser (besides the Worker's own). */
  BATCH_ORIGINS?: string;
  /** Limits on one batch; defaults in `limits.ts`. */
  MAX_BATCH_ROWS?: string;
  MAX_BATCH_BYTES?: string;
  /** Caps on a workbook's sheet besides its rows; defaults in rules/tables/workbook-limits.ts. */
  MAX_WORKBOOK_CELLS?: string;
  MAX_WORKBOOK_COLUMNS?: string;
  MAX_XLS_BYTES?: string;
  /** How slowly a request body may arrive; defaults in `limits.ts`. */
  BODY_TIMEOUT_SECONDS?: string;
  BODY_MIN_BYTES_PER_SECOND?: string;
  BODY_RATE_WINDOW_SECONDS?: string;
  /** Caps on the text an answer echoes; defaults in `batch/echo.ts`. */
  ECHO_CELL_MAX_CHARS?: string;
  ECHO_ANSWER_CHARS_PER_BODY_BYTE?: string;
}

export type AppEnv = {
  Bindings: Env;
  /** The request's batch key id; the headers its answer gets, and the answer made with them and the set it was made with (answer-headers.ts). */
  Variables: { keyId: string; answerHeaders: AnswerHeaders; answerMade: Response; answerMadeWith: AnswerHeaders };
};
