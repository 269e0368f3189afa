/**
 * Batch throughput and load against the Worker in workerd on loopback (see workerd.ts): CSV batches of
 * growing size posted to `POST /v1/batch/{id}`, with the workerd process's peak memory (VmHWM, reset
 * before each batch through /proc/<pid>/clear_refs); then a bounded autocannon run on a quick-check route.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import autocannon from 'autocannon';
import { rowsFor } from './rows.ts';
import type { BatchSummary } from '../../rules/batch.ts';
import { medianBy } from './median.ts';

export const BATCH_RULE = 'overquota-reward';
const KEY = 'local-dev-key';

export interface BatchFigures {
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  peakMemoryMB: number;
  /** Peak minus the memory that workerd held just before the batch (largest over the workerd processes). */
  growthMB: number;
}

export interface LoadFigures {
  route: string;
  seconds: number;
  connections: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p99: number; max: number };
  errors: number;
  non2xx: number;
  timeouts: number;
  /** With the server's pids: the CPU time (user + system) the workerd process(es) spent per request, ms. */
  serverCpuMsPerRequest?: number;
}

/** CPU time (user + system) the processes have used so far, ms (/proc/<pid>/stat, in ticks of 10 ms). */
export const cpuMsOf = (pids: readonly number[]) =>
  pids.reduce((sum, pid) => {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return sum + ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  }, 0);

/** The workerd processes descended from this process. */
export function workerdPids(): number[] {
  const parent = new Map<number, number>();
  const names = new Map<number, string>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      names.set(Number(entry), stat.slice(stat.indexOf('(') + 1, close));
      parent.set(Number(entry), Number(stat.slice(close + 2).split(' ')[1]));
    } catch {
      // the process ended meanwhile
    }
  }
  const descends = (pid: number) => {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) if (p === process.pid) return true;
    return false;
  };
  return [...names].filter(([pid, name]) => name.startsWith('workerd') && descends(pid)).map(([pid]) => pid);
}

const statusKB = (pid: number, field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN);

function resetPeak(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

export function csvFor(count: number): string {
  const rows = rowsFor(BATCH_RULE, count, 7);
  const lines = ['rowId,totalStaff,disabledCounted,monthlyMinWage'];
  rows.forEach((r, i) => lines.push(`${i + 1},${r.totalStaff},${r.disabledCounted},${r.monthlyMinWage}`));
  return `${lines.join('\n')}\n`;
}

/**
 * Posts one batch and reads the answer as it streams, keeping only its end (the summary): a client
 * that holds 30 MB of JSON and parses it would be timed, not the Worker. Node's http, not fetch, for
 * the same reason: fetch's body handling costs more CPU than the Worker on this two-core machine.
 */
export function postBatch(url: string, body: string | Buffer, count: number, rule = BATCH_RULE, contentType = 'text/csv; charset=utf-8'): Promise<number> {
  return postBatchAnswer(url, body, count, rule, contentType).then((answer) => answer.seconds);
}

/** The same, with the batch's summary (how many rows were ok, invalid …). */
export function postBatchAnswer(
  url: string,
  csv: string | Buffer,
  count: number,
  rule = BATCH_RULE,
  contentType = 'text/csv; charset=utf-8',
): Promise<{ seconds: number; summary: BatchSummary }> {
  const body = typeof csv === 'string' ? Buffer.from(csv) : csv;
  const t = performance.now();
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${url}/v1/batch/${rule}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${KEY}`, 'content-type': contentType, accept: 'application/json', 'content-length': body.length },
    });
    request.on('error', reject);
    // bounded: a batch that stalls fails the run instead of hanging it
    request.setTimeout(120_000, () => request.destroy(new Error(`batch of ${count} rows: no progress for 120 s`)));
    request.on('response', (response) => {
      // the answer is kept as bytes, only its last 4 KB: decoding 15–30 MB of it as text cost this client as much CPU as a third of the Worker's, on the same two cores
      let last: Buffer = Buffer.alloc(0);
      response.on('data', (chunk: Buffer) => (last = chunk.length >= 4096 ? chunk.subarray(-4096) : Buffer.concat([last, chunk]).subarray(-4096)));
      response.on('error', reject);
      response.on('end', () => {
        const seconds = (performance.now() - t) / 1000;
        const tail = last.toString('utf8');
        if (response.statusCode !== 200) return reject(new Error(`batch of ${count} rows: HTTP ${response.statusCode} ${tail.slice(0, 300)}`));
        // the answer ends with its summary (which also holds nested totals): `"summary":{…}}`
        const at = tail.lastIndexOf('"summary":');
        let summary: BatchSummary | undefined;
        try {
          summary = at < 0 ? undefined : (JSON.parse(tail.slice(at + '"summary":'.length, -1)) as BatchSummary);
        } catch {
          summary = undefined;
        }
        if (summary?.rows !== count) return reject(new Error(`batch of ${count} rows of ${rule} answered ${summary?.rows} rows`));
        resolve({ seconds, summary });
      });
    });
    request.end(body);
  });
}

/** Resident memory of the processes now, in MB. */
export const residentMB = (pids: readonly number[]) => pids.reduce((sum, pid) => sum + statusKB(pid, 'VmRSS'), 0) / 1024;

export async function benchBatches(
  { url, pids }: { url: string; pids: readonly number[] },
  sizes = [1_000, 10_000, 100_000],
  reps = 3,
): Promise<BatchFigures[]> {
  // warm-up: a Worker isolate in service is warm; the figures are for optimised code, not the first calls
  await postBatch(url, csvFor(20_000), 20_000);
  const figures: BatchFigures[] = [];
  for (const size of sizes) {
    const csv = csvFor(size);
    const times: number[] = [];
    let peak = 0;
    let growth = 0;
    for (let i = 0; i < reps; i++) {
      const before = pids.map((pid) => statusKB(pid, 'VmRSS'));
      if (!pids.every(resetPeak)) throw new Error('cannot reset VmHWM through /proc/<pid>/clear_refs');
      times.push(await postBatch(url, csv, size));
      pids.forEach((pid, k) => {
        const hwm = statusKB(pid, 'VmHWM');
        peak = Math.max(peak, hwm);
        growth = Math.max(growth, hwm - before[k]);
      });
    }
    const seconds = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];
    figures.push({ rows: size, seconds, rowsPerSecond: size / seconds, peakMemoryMB: peak / 1024, growthMB: growth / 1024 });
  }
  return figures;
}

export interface RuleBatchFigures {
  rule: string;
  rows: number;
  rowsPerSecond: number;
  seconds: number;
  /** Rows the rule answered (ok or mismatch) rather than refused: the generated rows are mostly valid. */
  okRows: number;
}

/**
 * For every rule a CSV batch can carry: one warm-up batch, then the median of `reps` batches of
 * `rows` rows (CSV in, JSON out), each through the Worker in workerd.
 */
export async function benchBatchByRule(
  url: string,
  rules: readonly { id: string; csv: (count: number) => string }[],
  rows: number,
  reps = 3,
): Promise<RuleBatchFigures[]> {
  const figures: RuleBatchFigures[] = [];
  for (const rule of rules) {
    const warm = Math.min(rows, 20_000);
    await postBatchAnswer(url, rule.csv(warm), warm, rule.id);
    const csv = rule.csv(rows);
    const runs: { seconds: number; summary: BatchSummary }[] = [];
    for (let i = 0; i < reps; i++) runs.push(await postBatchAnswer(url, csv, rows, rule.id));
    const median = medianBy(runs, (run) => run.seconds);
    figures.push({ rule: rule.id, rows, rowsPerSecond: rows / median.seconds, seconds: median.seconds, okRows: median.summary.ok + median.summary.mismatch });
    console.error(`  ${rule.id}: ${Math.round(rows / median.seconds).toLocaleString('en-US')} rows/s`);
  }
  return figures;
}

export async function benchLoad(url: string, seconds = 20, connections = 50, pids?: readonly number[]): Promise<LoadFigures> {
  const route = `/v1/rules/${BATCH_RULE}?totalStaff=400&disabledCounted=9&monthlyMinWage=1980`;
  const check = await fetch(url + route);
  if (!check.ok) throw new Error(`quick-check route answered ${check.status}`);
  const cpuBefore = pids ? cpuMsOf(pids) : 0;
  const result = await autocannon({ url: url + route, connections, duration: seconds });
  const requests = result.requests.average * seconds;
  return {
    ...(pids && requests > 0 ? { serverCpuMsPerRequest: (cpuMsOf(pids) - cpuBefore) / requests } : {}),
    route: `GET ${route}`,
    seconds,
    connections,
    requestsPerSecond: result.requests.average,
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
    errors: result.errors,
    non2xx: result.non2xx,
    timeouts: result.timeouts,
  };
}
