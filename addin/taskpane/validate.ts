/**
 * "Validate selection" without Office: a table of values in, one batch answer per row out, through the
 * Worker in chunks (progress reported after each) or, without network or a configured Worker, locally
 * with the same rules package (`evaluateBatch`). Says which path it used and why.
 */
import { evaluateBatch, findRule, type BatchOutcome, type BatchRow, type RuleMetadata, type Text } from '../../rules/index.ts';
import type { Lang } from '../functions/language.ts';
import { resultColumns, rowsFromTable, type ResultCell } from './table.ts';
import { OfflineError, postBatchChunk, type Fetch, type WorkerSettings } from './worker-client.ts';

export const CHUNK_ROWS = 200;

export type Path = 'worker' | 'local';

export interface Validation {
  path: Path;
  /** Why the local path was taken, or where the Worker was. */
  reason: Text;
  outcome: Pick<BatchOutcome, 'rows' | 'summary'>;
  columns: ResultCell[][];
}

export interface ValidateOptions {
  values: readonly (readonly unknown[])[];
  meta: RuleMetadata;
  lang: Lang;
  worker?: WorkerSettings;
  online?: boolean;
  fetch?: Fetch;
  onProgress?: (done: number, total: number) => void;
  chunkRows?: number;
}

const summarise = (rows: BatchRow[]) => ({
  rows: rows.length,
  ok: rows.filter((r) => r.status === 'ok').length,
  mismatch: rows.filter((r) => r.status === 'mismatch').length,
  invalid: rows.filter((r) => r.status === 'invalid').length,
  skipped: rows.filter((r) => r.status === 'skipped').length,
});

export async function validateTable(options: ValidateOptions): Promise<Validation> {
  const { values, meta, lang, worker, onProgress } = options;
  const rows = rowsFromTable(values, meta);
  const finish = (path: Path, reason: Text, answered: BatchRow[]): Validation => {
    const outcome = { rows: answered, summary: summarise(answered) };
    return { path, reason, outcome, columns: resultColumns(outcome, meta, lang) };
  };
  const local = (reason: Text) => {
    const outcome = evaluateBatch(meta.id, rows);
    onProgress?.(rows.length, rows.length);
    return finish('local', reason, outcome.rows);
  };
  if (!worker?.url) return local({ zh: '本地计算（未配置 Worker）', en: 'Computed locally (no Worker configured)' });
  if (options.online === false) return local({ zh: '本地计算（无网络）', en: 'Computed locally (offline)' });
  // A rule that judges rows against each other (e.g. sessions per person) must see the batch whole.
  const chunk = findRule(meta.id)?.batchState ? Math.max(rows.length, 1) : (options.chunkRows ?? CHUNK_ROWS);
  const answered: BatchRow[] = [];
  onProgress?.(0, rows.length);
  try {
    for (let start = 0; start < rows.length; start += chunk) {
      const part = rows.slice(start, start + chunk);
      const result = await postBatchChunk(worker, meta.id, part, options.fetch);
      answered.push(...result.map((row, i) => ({ ...row, index: start + i })));
      onProgress?.(answered.length, rows.length);
    }
  } catch (error) {
    if (error instanceof OfflineError) {
      return local({ zh: `本地计算（无法连接 Worker ${worker.url}）`, en: `Computed locally (the Worker at ${worker.url} could not be reached)` });
    }
    throw error;
  }
  return finish('worker', { zh: `经 Worker 校验（${worker.url}）`, en: `Validated by the Worker (${worker.url})` }, answered);
}
