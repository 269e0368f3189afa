/**
 * "Validate selection" without Office: a table of values in, one batch answer per row out, through the
 * Worker in chunks (progress reported after each) or, without network or a configured Worker, locally
 * with the same rules package and the same table module, in slices that give the pane back its turn
 * (progress after each). Either path can be cancelled. The clerk's column mapping, when given, renames
 * the header cells it names to their inputs. Says which path it used and why.
 */
import { findRule, type BatchRow, type RuleMetadata, type Text } from '../../rules/index.ts';
import { TotalsAccumulator, type TableSummary } from '../../rules/tables/index.ts';
import type { Lang } from '../functions/language.ts';
import { mappedHeader, type ColumnMapping } from '../../page/batch-state.ts';
import { readTableHeader, resultColumns, rowObjects, type ResultCell } from './table.ts';
import { TableBatch } from '../../rules/tables/index.ts';
import { OfflineError, postBatchChunk, WorkerError, type Fetch, type WorkerSettings } from './worker-client.ts';

export const CHUNK_ROWS = 200;

export type Path = 'worker' | 'local';

export interface Validation {
  path: Path;
  /** Why the local path was taken, or where the Worker was. */
  reason: Text;
  outcome: { rows: BatchRow[]; summary: TableSummary };
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
  /** Cancels between slices of rows (local) or chunks (Worker): the validation ends with `CancelledError`. */
  signal?: AbortSignal;
  /** The clerk's header text → input name (or rowId/claimed), as remembered in the document. */
  mapping?: ColumnMapping;
  /** How long (ms) the local loop may run before it gives the pane back its turn. */
  sliceMs?: number;
}

/** The clerk cancelled the validation. */
export class CancelledError extends Error {}

/** Lets the pane repaint and take a click (a macrotask, so the browser renders in between). */
const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** A table refused before any row (e.g. two columns naming one input): shown like a Worker's refusal. */
export class TableRefusedError extends WorkerError {}

/** The summary of rows answered by the Worker, with totals summed here from the same rows. */
function summarise(rows: BatchRow[], meta: RuleMetadata, inputs: readonly Record<string, unknown>[]): TableSummary {
  const totals = new TotalsAccumulator(meta);
  rows.forEach((row, i) => totals.add(row, inputs[i]));
  const count = (status: BatchRow['status']) => rows.filter((r) => r.status === status).length;
  const summary: TableSummary = { rows: rows.length, ok: count('ok'), mismatch: count('mismatch'), invalid: count('invalid'), skipped: count('skipped') };
  const sums = totals.totals();
  if (sums) summary.totals = sums;
  return summary;
}

/** The header row with the clerk's mapping applied (the data rows as they are). */
export const withMapping = (values: readonly (readonly unknown[])[], mapping: ColumnMapping | undefined): readonly (readonly unknown[])[] =>
  mapping && Object.keys(mapping).length && values.length ? [mappedHeader(values[0], mapping), ...values.slice(1)] : values;

export async function validateTable(options: ValidateOptions): Promise<Validation> {
  const { meta, lang, worker, onProgress, signal } = options;
  const values = withMapping(options.values, options.mapping);
  const reading = readTableHeader(values, meta);
  if (!reading.ok) throw new TableRefusedError(reading.error.message);
  const total = values.length - 1;
  const stopIfCancelled = () => {
    if (signal?.aborted) throw new CancelledError('cancelled');
  };
  const finish = (path: Path, reason: Text, outcome: Validation['outcome']): Validation => ({
    path,
    reason,
    outcome,
    columns: resultColumns(outcome, meta, lang),
  });
  const local = async (reason: Text) => {
    // the registry's evaluation through the shared table module, as the Worker does, in slices of time
    const batch = new TableBatch(findRule(meta.id)!, meta);
    const rows: BatchRow[] = [];
    const sliceMs = options.sliceMs ?? 30;
    onProgress?.(0, total);
    let since = Date.now();
    for (let i = 1; i < values.length; i++) {
      rows.push(batch.addCells(values[i], reading.columns));
      if (Date.now() - since >= sliceMs && i < values.length - 1) {
        onProgress?.(rows.length, total);
        await nextTurn();
        stopIfCancelled();
        since = Date.now();
      }
    }
    onProgress?.(total, total);
    return finish('local', reason, { rows, summary: batch.summary() });
  };
  if (!worker?.url) return local({ zh: '已在本机计算（未设置核对服务地址）', en: 'Computed locally (no Worker configured)' });
  if (options.online === false) return local({ zh: '已在本机计算（无网络）', en: 'Computed locally (offline)' });
  const rows = rowObjects(values);
  // A rule that judges rows against each other (e.g. sessions per person) must see the batch whole.
  const chunk = findRule(meta.id)?.batchState ? Math.max(rows.length, 1) : (options.chunkRows ?? CHUNK_ROWS);
  const answered: BatchRow[] = [];
  onProgress?.(0, rows.length);
  try {
    for (let start = 0; start < rows.length; start += chunk) {
      stopIfCancelled();
      const part = rows.slice(start, start + chunk);
      const result = await postBatchChunk(worker, meta.id, part, options.fetch, signal);
      answered.push(...result.map((row, i) => ({ ...row, index: start + i })));
      onProgress?.(answered.length, rows.length);
    }
  } catch (error) {
    stopIfCancelled();
    if (error instanceof OfflineError) {
      return local({ zh: `已在本机计算（无法连接核对服务 ${worker.url}）`, en: `Computed locally (the Worker at ${worker.url} could not be reached)` });
    }
    throw error;
  }
  // the district each row names, for the totals by district
  const districtAt = reading.columns.findIndex((c) => c.kind === 'input' && c.spec.type === 'district');
  const districtName = districtAt < 0 ? undefined : (reading.columns[districtAt] as { name: string }).name;
  const inputs = values.slice(1).map((cells) => (districtName ? { [districtName]: cells[districtAt] } : {}));
  return finish(
    'worker',
    { zh: `已经核对服务校验（${worker.url}）`, en: `Validated by the Worker (${worker.url})` },
    { rows: answered, summary: summarise(answered, meta, inputs) },
  );
}
