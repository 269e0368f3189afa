/**
 * A 100,000-row `.xlsx` batch: the wide workbook (wide-workbook.ts: 12 columns, two long text columns,
 * shared strings, dates and ￥ amounts by number format) posted to `POST /v1/batch/overquota-reward` in
 * one workerd (the deploy bundle, as in worker.ts), JSON out. Rows per second as the CSV batches are timed
 * (by-rule.ts: a warm-up batch, then the median of 3, with no DevTools attached, which would disturb it; the warm-up's
 * own figure is kept too, the first workbook of a fresh isolate), and
 * the Worker isolate's own V8 heap sampled through DevTools during one more batch in a workerd of its own: the
 * sheet is streamed, so the heap holds the shared strings and a row at a time, not the sheet.
 */
import { sampleHeap, type HeapFigures } from './heap.ts';
import { postBatch } from './worker.ts';
import { startBenchWorker } from './workerd.ts';
import { WIDE_COLUMNS, wideWorkbook } from './wide-workbook.ts';
import { median } from './median.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface XlsxBatchFigures {
  rows: number;
  columns: number;
  workbookKB: number;
  /** Median of `timedRuns` batches after a warm-up. */
  seconds: number;
  rowsPerSecond: number;
  timedRuns: number;
  /** The warm-up: the first batch a fresh isolate reads (its code not yet optimised), as a clerk's one upload may meet it. */
  firstRowsPerSecond: number;
  heap?: HeapFigures;
  heapError?: string;
}

const postWorkbook = (url: string, body: Buffer, count: number) => postBatch(url, body, count, undefined, XLSX_TYPE);

/** Timed batches after the warm-up: their median is the figure. */
const XLSX_TIMED_RUNS = 3;

export async function benchXlsxBatch(rows: number): Promise<XlsxBatchFigures> {
  const workbook = Buffer.from(wideWorkbook(rows));
  const figures: XlsxBatchFigures = {
    rows,
    columns: WIDE_COLUMNS.length,
    workbookKB: workbook.length / 1024,
    seconds: 0,
    rowsPerSecond: 0,
    timedRuns: XLSX_TIMED_RUNS,
    firstRowsPerSecond: 0,
  };
  const timed = await startBenchWorker();
  try {
    figures.firstRowsPerSecond = rows / (await postWorkbook(timed.url, workbook, rows)); // the warm-up
    const runs: number[] = [];
    for (let i = 0; i < XLSX_TIMED_RUNS; i++) runs.push(await postWorkbook(timed.url, workbook, rows));
    figures.seconds = median(runs);
    figures.rowsPerSecond = rows / figures.seconds;
  } finally {
    await timed.stop();
  }
  const sampled = await startBenchWorker({ inspect: true });
  try {
    // a request wakes the isolate so DevTools answers (see heap.ts)
    const poke = async () => (await fetch(`${sampled.url}/v1/rules`)).arrayBuffer();
    figures.heap = await sampleHeap(sampled.inspector!, () => postWorkbook(sampled.url, workbook, rows), poke);
  } catch (error) {
    figures.heapError = error instanceof Error ? error.message : String(error);
  } finally {
    await sampled.stop();
  }
  return figures;
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const rows = Number(process.argv[2] ?? 100_000);
  console.log(JSON.stringify(await benchXlsxBatch(rows), null, 2));
}
