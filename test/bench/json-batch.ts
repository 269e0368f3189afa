/**
 * JSON batches: the same rows as the CSV batch (`csvFor`), as `{"rows":[…]}` with numbers as JSON
 * numbers; their throughput through the Worker, and what reading such a body costs next to plain
 * `JSON.parse`: the Worker's own reading, all it does to the rows before answering them (worker/batch/sources.ts
 * `jsonTable`: the body's bytes scanned, then its rows made a block at a time (a block of one shape from the
 * values between the bytes its rows share, any other block by `JSON.parse`), every number read as its text,
 * so `29700.00` is not a binary float first, and each row's echoed cells).
 */
import { findRule, metadataOf } from '../../rules/index.ts';
import { TableBatch } from '../../rules/tables/index.ts';
import { jsonTable } from '../../worker/batch/sources.ts';
import { rowsFor } from './rows.ts';
import { BATCH_RULE, postBatchAnswer } from './worker.ts';
import { median } from './median.ts';

export interface JsonBatchFigures {
  rule: string;
  rows: number;
  bodyMB: number;
  seconds: number;
  rowsPerSecond: number;
  /** The Worker's reading of the body's bytes, every row, over plain `JSON.parse` of the same body as a string (median of 5, in the bench's own Node). */
  parseOverJsonParse: number;
  parseMs: number;
  jsonParseMs: number;
}

export function jsonFor(count: number): string {
  const rows = rowsFor(BATCH_RULE, count, 7).map((r, i) => JSON.stringify({ rowId: String(i + 1), ...r }));
  return `{"rows":[${rows.join(',')}]}`;
}

/** Median ms of `reps` runs of `f` after one untimed run. */
const medianMs = (f: () => unknown, reps = 5): number => {
  f();
  const times: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t = performance.now();
    f();
    times.push(performance.now() - t);
  }
  return median(times);
};

/** Every row of a body and its echoed cells, read as the Worker reads them (from its bytes) before answering; how many. */
function readRows(bytes: Uint8Array): number {
  const rule = findRule(BATCH_RULE)!;
  const meta = metadataOf(rule);
  const table = jsonTable([bytes], meta, Number.POSITIVE_INFINITY, new TableBatch(rule, meta), undefined);
  let rows = 0;
  for (let row = table.row(); row !== undefined; row = table.row()) {
    table.cells(row);
    rows++;
  }
  return rows;
}

/** The Worker's reading against `JSON.parse` on one body, ms each. */
export function parseCost(body: string): { parseMs: number; jsonParseMs: number } {
  const bytes = new TextEncoder().encode(body);
  return { parseMs: medianMs(() => readRows(bytes)), jsonParseMs: medianMs(() => JSON.parse(body)) };
}

export async function benchJsonBatch(url: string, rows: number, reps = 3): Promise<JsonBatchFigures> {
  const body = jsonFor(rows);
  const type = 'application/json; charset=utf-8';
  await postBatchAnswer(url, jsonFor(Math.min(rows, 20_000)), Math.min(rows, 20_000), BATCH_RULE, type);
  const times: number[] = [];
  for (let i = 0; i < reps; i++) times.push((await postBatchAnswer(url, body, rows, BATCH_RULE, type)).seconds);
  const seconds = times.sort((a, b) => a - b)[Math.floor(reps / 2)];
  const cost = parseCost(body);
  return {
    rule: BATCH_RULE,
    rows,
    bodyMB: Buffer.byteLength(body) / 2 ** 20,
    seconds,
    rowsPerSecond: rows / seconds,
    parseOverJsonParse: cost.parseMs / cost.jsonParseMs,
    ...cost,
  };
}
