/** Limits on one batch, overridable by the vars MAX_BATCH_ROWS and MAX_BATCH_BYTES. */
import type { Env } from '../env.ts';

export const DEFAULT_MAX_ROWS = 100_000;
/** 32 MiB: 100,000 rows of a dozen columns each fit; the Worker holds the body as bytes only. */
export const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;

/**
 * JSON batches are parsed whole (JSON.parse), unlike CSV which is parsed as it streams: their bytes are
 * capped lower, so the parsed rows stay well inside the 128 MB of an isolate.
 */
export const MAX_JSON_BATCH_BYTES = 16 * 1024 * 1024;

const positive = (value: string | undefined, fallback: number) => {
  const n = Number(value);
  return value !== undefined && value !== '' && Number.isInteger(n) && n > 0 ? n : fallback;
};

export const limitsOf = (env: Env | undefined) => ({
  maxRows: positive(env?.MAX_BATCH_ROWS, DEFAULT_MAX_ROWS),
  maxBytes: positive(env?.MAX_BATCH_BYTES, DEFAULT_MAX_BYTES),
  maxJsonBytes: Math.min(positive(env?.MAX_BATCH_BYTES, DEFAULT_MAX_BYTES), MAX_JSON_BATCH_BYTES),
});
