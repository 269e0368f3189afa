/**
 * A 100,000-row 测算 (what-if) batch: the bench's CSV posted to `POST /v1/whatif/overquota-reward` with
 * one override (the reward multiplier 5 → 4), JSON out, in one workerd (the deploy bundle), beside the
 * same CSV as a plain batch in the same Worker, alternately, three times each. Rows per second for
 * both, and what the what-if costs against the plain batch (target ≤ 2.2×: every row is evaluated twice).
 */
import { request as httpRequest } from 'node:http';
import { BATCH_RULE, csvFor, postBatch } from './worker.ts';
import { startBenchWorker } from './workerd.ts';
import { median } from './median.ts';

const KEY = 'local-dev-key';
const OVERRIDE = 'set.plan.overquotaReward.minimumWageMultiplier=4';

export interface WhatIfFigures {
  rows: number;
  plainRowsPerSecond: number;
  whatIfRowsPerSecond: number;
  /** whatIf seconds ÷ plain seconds (medians). */
  costRatio: number;
}

/** Posts a what-if batch, reading the answer as it streams (keeping only its end), and checks it answered every row. */
function postWhatIf(url: string, csv: string, count: number): Promise<number> {
  const body = Buffer.from(csv);
  const t = performance.now();
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${url}/v1/whatif/${BATCH_RULE}?${OVERRIDE}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${KEY}`, 'content-type': 'text/csv; charset=utf-8', accept: 'application/json', 'content-length': body.length },
    });
    request.on('error', reject);
    request.setTimeout(120_000, () => request.destroy(new Error(`what-if batch of ${count} rows: no progress for 120 s`)));
    request.on('response', (response) => {
      let tail = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (tail = (tail + chunk).slice(-4096)));
      response.on('error', reject);
      response.on('end', () => {
        const seconds = (performance.now() - t) / 1000;
        if (response.statusCode !== 200) return reject(new Error(`what-if batch: HTTP ${response.statusCode} ${tail.slice(0, 300)}`));
        const at = tail.lastIndexOf('"summary":');
        const rows = at < 0 ? undefined : (JSON.parse(tail.slice(at + '"summary":'.length, -1)) as { rows: number }).rows;
        if (rows !== count) return reject(new Error(`what-if batch of ${count} rows answered ${rows} rows`));
        resolve(seconds);
      });
    });
    request.end(body);
  });
}

export async function benchWhatIf(rows: number, reps = 3): Promise<WhatIfFigures> {
  const worker = await startBenchWorker();
  try {
    const csv = csvFor(rows);
    await postBatch(worker.url, csvFor(10_000), 10_000);
    await postWhatIf(worker.url, csvFor(10_000), 10_000);
    const plain: number[] = [];
    const whatIf: number[] = [];
    for (let i = 0; i < reps; i++) {
      plain.push(await postBatch(worker.url, csv, rows));
      whatIf.push(await postWhatIf(worker.url, csv, rows));
    }
    return { rows, plainRowsPerSecond: rows / median(plain), whatIfRowsPerSecond: rows / median(whatIf), costRatio: median(whatIf) / median(plain) };
  } finally {
    await worker.stop();
  }
}

/** The figures as a Markdown table. */
export const whatIfTable = (f: WhatIfFigures): string =>
  [
    '| 测算 (what-if) batch | rows | rows/s | plain batch rows/s | cost (what-if ÷ plain) |',
    '|---|---:|---:|---:|---:|',
    `| ${BATCH_RULE}, ${OVERRIDE.replace('set.', '')} | ${f.rows.toLocaleString('en-US')} | ${Math.round(f.whatIfRowsPerSecond).toLocaleString('en-US')} | ${Math.round(f.plainRowsPerSecond).toLocaleString('en-US')} | ${f.costRatio.toFixed(2)}× |`,
  ].join('\n');

if (process.argv[1] === new URL(import.meta.url).pathname) {
  console.log(whatIfTable(await benchWhatIf(Number(process.argv[2] ?? 100_000), Number(process.argv[3] ?? 3))));
}
