/**
 * A 100,000-row `.xlsx` batch: the wide workbook (wide-workbook.ts: 12 columns, two long text columns,
 * shared strings, dates and ￥ amounts by number format) posted to `POST /v1/batch/overquota-reward` in
 * one workerd (the deploy bundle, as in worker.ts), JSON out. Rows per second, and the Worker isolate's
 * own V8 heap sampled through DevTools during the batch: the sheet is streamed, so the heap holds the
 * shared strings and a row at a time, not the sheet.
 */
import { sampleHeap, type HeapFigures } from './heap.ts';
import { postBatch } from './worker.ts';
import { startBenchWorker } from './workerd.ts';
import { WIDE_COLUMNS, wideWorkbook } from './wide-workbook.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface XlsxBatchFigures {
  rows: number;
  columns: number;
  workbookKB: number;
  seconds: number;
  rowsPerSecond: number;
  heap?: HeapFigures;
  heapError?: string;
}

const postWorkbook = (url: string, body: Buffer, count: number) => postBatch(url, body, count, undefined, XLSX_TYPE);

export async function benchXlsxBatch(rows: number): Promise<XlsxBatchFigures> {
  const workbook = Buffer.from(wideWorkbook(rows));
  const worker = await startBenchWorker({ inspect: true });
  try {
    let seconds = 0;
    const figures: XlsxBatchFigures = { rows, columns: WIDE_COLUMNS.length, workbookKB: workbook.length / 1024, seconds: 0, rowsPerSecond: 0 };
    try {
      // a request wakes the isolate so DevTools answers (see heap.ts)
      const poke = async () => (await fetch(`${worker.url}/v1/rules`)).arrayBuffer();
      figures.heap = await sampleHeap(worker.inspector!, async () => (seconds = await postWorkbook(worker.url, workbook, rows)), poke);
    } catch (error) {
      figures.heapError = error instanceof Error ? error.message : String(error);
      if (!seconds) seconds = await postWorkbook(worker.url, workbook, rows);
    }
    figures.seconds = seconds;
    figures.rowsPerSecond = rows / seconds;
    return figures;
  } finally {
    await worker.stop();
  }
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const rows = Number(process.argv[2] ?? 100_000);
  console.log(JSON.stringify(await benchXlsxBatch(rows), null, 2));
}
