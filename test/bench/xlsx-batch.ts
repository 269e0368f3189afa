/**
 * A 100,000-row `.xlsx` batch (issue 10): the workbook made by LibreOffice from the bench's CSV rows (as
 * a clerk's spreadsheet program saves it), posted to `POST /v1/batch/overquota-reward` in one workerd
 * (the deploy bundle, as in worker.ts), JSON out. Rows per second, and the Worker isolate's own V8 heap
 * sampled through DevTools during the batch: the workbook is read whole (SheetJS), so this is the
 * figure to hold against the 128 MB isolate limit.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { convert, ZH_CSV_IMPORT } from '../support/libreoffice.ts';
import { sampleHeap, type HeapFigures } from './heap.ts';
import { csvFor, postBatch } from './worker.ts';
import { startBenchWorker } from './workerd.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const root = new URL('../../', import.meta.url).pathname;

export interface XlsxBatchFigures {
  rows: number;
  workbookKB: number;
  seconds: number;
  rowsPerSecond: number;
  heap?: HeapFigures;
  heapError?: string;
}

const postWorkbook = (url: string, body: Buffer, count: number) => postBatch(url, body, count, undefined, XLSX_TYPE);

export async function benchXlsxBatch(rows: number): Promise<XlsxBatchFigures> {
  const dir = join(root, 'test-output', 'bench-xlsx');
  mkdirSync(dir, { recursive: true });
  const csv = join(dir, `batch-${rows}.csv`);
  writeFileSync(csv, csvFor(rows));
  const workbook = readFileSync(await convert(csv, 'xlsx', dir, ZH_CSV_IMPORT));
  const worker = await startBenchWorker({ inspect: true });
  try {
    let seconds = 0;
    const figures: XlsxBatchFigures = { rows, workbookKB: workbook.length / 1024, seconds: 0, rowsPerSecond: 0 };
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
