/** Limits on one batch, overridable by the vars MAX_BATCH_ROWS and MAX_BATCH_BYTES. */
import type { Env } from '../env.ts';
import { DEFAULT_WORKBOOK_LIMITS, type WorkbookLimits } from '../../rules/tables/workbook-limits.ts';

/** Lines a form has besides its data rows (title, 填报单位, header, 合计, signatures): a workbook's sheet may hold this many more rows than a batch. */
export const FORM_LINES = 1_000;

export const DEFAULT_MAX_ROWS = 100_000;
/** 32 MiB: 100,000 rows of a dozen columns each fit; the Worker holds the body as bytes only. */
export const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;

/**
 * JSON batches' bytes are capped lower than CSV's: the body is copied into one buffer to be checked whole
 * before any row is answered (worker/body/json-scan.ts), and its members beside `rows` are parsed whole;
 * its rows are parsed a block at a time as they are answered (worker/batch/json-source.ts).
 */
export const MAX_JSON_BATCH_BYTES = 16 * 1024 * 1024;

const positive = (value: string | undefined, fallback: number) => {
  const n = Number(value);
  return value !== undefined && value !== '' && Number.isInteger(n) && n > 0 ? n : fallback;
};

/**
 * A workbook's caps (rules/tables/workbook-limits.ts documents each): its rows follow MAX_BATCH_ROWS;
 * MAX_WORKBOOK_CELLS, MAX_WORKBOOK_COLUMNS and MAX_XLS_BYTES override the others' defaults.
 */
const workbookLimitsOf = (env: Env | undefined): Partial<WorkbookLimits> => ({
  maxRows: positive(env?.MAX_BATCH_ROWS, DEFAULT_MAX_ROWS) + FORM_LINES,
  maxCells: positive(env?.MAX_WORKBOOK_CELLS, DEFAULT_WORKBOOK_LIMITS.maxCells),
  maxColumns: positive(env?.MAX_WORKBOOK_COLUMNS, DEFAULT_WORKBOOK_LIMITS.maxColumns),
  maxXlsBytes: positive(env?.MAX_XLS_BYTES, DEFAULT_WORKBOOK_LIMITS.maxXlsBytes),
});

export const limitsOf = (env: Env | undefined) => ({
  maxRows: positive(env?.MAX_BATCH_ROWS, DEFAULT_MAX_ROWS),
  maxBytes: positive(env?.MAX_BATCH_BYTES, DEFAULT_MAX_BYTES),
  maxJsonBytes: Math.min(positive(env?.MAX_BATCH_BYTES, DEFAULT_MAX_BYTES), MAX_JSON_BATCH_BYTES),
  workbook: workbookLimitsOf(env),
});

/** How long a request body may take: a total deadline, and a minimum average rate checked once the window has passed. */
export interface BodyTiming {
  timeoutSeconds: number;
  minBytesPerSecond: number;
  rateWindowSeconds: number;
}

/** 300 s: a full 32 MiB batch needs about 110 KB/s. */
export const DEFAULT_BODY_TIMEOUT_SECONDS = 300;
export const DEFAULT_BODY_MIN_BYTES_PER_SECOND = 1024;
export const DEFAULT_BODY_RATE_WINDOW_SECONDS = 10;

/** Overridable by the vars BODY_TIMEOUT_SECONDS, BODY_MIN_BYTES_PER_SECOND and BODY_RATE_WINDOW_SECONDS. */
export const bodyTimingOf = (env: Env | undefined): BodyTiming => ({
  timeoutSeconds: positive(env?.BODY_TIMEOUT_SECONDS, DEFAULT_BODY_TIMEOUT_SECONDS),
  minBytesPerSecond: positive(env?.BODY_MIN_BYTES_PER_SECOND, DEFAULT_BODY_MIN_BYTES_PER_SECOND),
  rateWindowSeconds: positive(env?.BODY_RATE_WINDOW_SECONDS, DEFAULT_BODY_RATE_WINDOW_SECONDS),
});
