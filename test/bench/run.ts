/**
 * `npm run bench`: evaluation cost, batch throughput and load, in one run on this machine. Prints a
 * Markdown table, writes test-output/bench.json and the README's bench block.
 * Loopback only; bounded (about four to five minutes on two cores).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { benchEvaluation } from './evaluation.ts';
import { replaceBlock } from '../../scripts/readme-tables.ts';
import { benchTables, readmeSection, type BenchReport } from './section.ts';
import { sampleHeap, type HeapFigures } from './heap.ts';
import { benchBatchByRule, benchBatches, benchLoad, csvFor, postBatch, residentMB } from './worker.ts';
import { csvForRule, csvRules } from './rule-csv.ts';
import { startBenchWorker, startEmptyWorker } from './workerd.ts';
import { benchSelfhost } from './selfhost.ts';
import { loadHeap, loadHeapTable, type LoadHeapFigures } from './load-heap.ts';
import { benchXlsxBatch } from './xlsx-batch.ts';
import { benchWhatIf, whatIfTable } from './whatif.ts';

const root = new URL('../../', import.meta.url).pathname;
const quick = process.argv.includes('--quick');

const report: BenchReport = {
  ranAt: new Date().toISOString(),
  machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGB: totalmem() / 2 ** 30, node: process.version, loadAverage: loadavg() },
  evaluation: [],
};

/** The Worker isolate's heap over three batches (after a warm-up): the highest peak of the three. */
async function isolateHeap(rows: number): Promise<HeapFigures & { rows: number }> {
  const worker = await startBenchWorker({ inspect: true });
  try {
    const csv = csvFor(rows);
    const poke = () => fetch(`${worker.url}/v1/rules`).then((r) => r.arrayBuffer());
    await postBatch(worker.url, csvFor(20_000), 20_000);
    const runs: HeapFigures[] = [];
    for (let i = 0; i < 3; i++) runs.push(await sampleHeap(worker.inspector!, () => postBatch(worker.url, csv, rows), poke));
    return { ...runs.reduce((a, b) => (b.peakUsedMB > a.peakUsedMB ? b : a)), rows };
  } finally {
    await worker.stop();
  }
}

console.error('the Worker isolate\'s heap during batches (DevTools) …');
// measured on every run: an attempt that fails (a stuck DevTools endpoint) is retried with a fresh workerd
for (let attempt = 1; attempt <= 3 && report.isolateHeapMB === undefined; attempt++) {
  try {
    report.isolateHeap = await isolateHeap(quick ? 10_000 : 100_000);
    report.isolateHeapMB = report.isolateHeap.peakUsedMB;
    delete report.isolateHeapError;
  } catch (error) {
    report.isolateHeapError = `attempt ${attempt}: ${error instanceof Error ? error.message : String(error)}`;
    console.error('isolate heap not measured:', error);
  }
}

console.error('an .xlsx batch (LibreOffice-made workbook) …');
try {
  report.xlsxBatch = await benchXlsxBatch(quick ? 10_000 : 100_000);
} catch (error) {
  report.xlsxBatchError = error instanceof Error ? error.message : String(error);
  console.error('xlsx batch not measured:', error);
}

for (const rule of ['overquota-reward', 'rent-subsidy', 'levy-due']) {
  console.error(`evaluation: ${rule} …`);
  report.evaluation.push(benchEvaluation(rule, quick ? 10_000 : 100_000));
}

/** Idle memory of a workerd process, a moment after it answered once. */
async function idleMB(worker: { url: string; pids: number[] }): Promise<number> {
  await (await fetch(`${worker.url}/v1/rules`)).arrayBuffer();
  await new Promise((resolve) => setTimeout(resolve, 1000));
  return residentMB(worker.pids);
}

try {
  console.error('starting an empty Worker in workerd (the runtime alone) …');
  const empty = await startEmptyWorker();
  let runtimeMB: number;
  try {
    runtimeMB = await idleMB(empty);
  } finally {
    await empty.stop();
  }
  console.error('starting the Worker in workerd …');
  const worker = await startBenchWorker();
  try {
    report.memory = { runtimeIdleMB: runtimeMB, workerIdleMB: await idleMB(worker) };
    console.error('a 100,000-row CSV batch for every rule that takes CSV …');
    const rows = quick ? 10_000 : 100_000;
    report.batchByRule = await benchBatchByRule(
      worker.url,
      csvRules().map((rule) => ({ id: rule.id, csv: (count: number) => csvForRule(rule, count) })),
      rows,
      quick ? 1 : 3,
    );
    console.error('batches of growing size (process memory, for information) …');
    report.batch = await benchBatches(worker, quick ? [1_000, 10_000] : undefined);
    console.error('load …');
    report.load = await benchLoad(worker.url, quick ? 5 : 20);
  } finally {
    await worker.stop();
  }
} catch (error) {
  report.workerError = error instanceof Error ? error.message.split('\n')[0] : String(error);
  console.error('worker part failed:', error);
}

try {
  console.error('the self-hosted server (npm run serve: workerd on its own config) …');
  report.selfhost = await benchSelfhost(quick);
} catch (error) {
  report.selfhostError = error instanceof Error ? error.message.split('\n')[0] : String(error);
  console.error('self-hosted part failed:', error);
}

// Issue 13 finding 11: the isolate's heap under the load test's traffic (test/bench/load-heap.ts).
let loadHeapError: string | undefined;
try {
  console.error('the Worker isolate\'s heap under load (DevTools) …');
  (report as BenchReport & { loadHeap?: LoadHeapFigures }).loadHeap = await loadHeap(quick ? 5 : 20);
} catch (error) {
  loadHeapError = error instanceof Error ? error.message.split('\n')[0] : String(error);
}

mkdirSync(join(root, 'test-output'), { recursive: true });
writeFileSync(join(root, 'test-output', 'bench.json'), `${JSON.stringify(report, null, 2)}\n`);
const differentialFile = join(root, 'test-output', 'differential.json');
const differential = existsSync(differentialFile) ? JSON.parse(readFileSync(differentialFile, 'utf8')) : undefined;
if (!quick) {
  const readme = join(root, 'README.md');
  writeFileSync(readme, replaceBlock(readFileSync(readme, 'utf8'), 'bench', readmeSection(report, differential)));
}
console.log(benchTables(report));
await benchWhatIf(quick ? 10_000 : 100_000).then((f) => console.log(`\n${whatIfTable(f)}`), (error) => console.error('what-if batch not measured:', error));
console.log(`\n${loadHeapTable((report as BenchReport & { loadHeap?: LoadHeapFigures }).loadHeap, loadHeapError)}`);
if (report.workerError || report.selfhostError) process.exitCode = 1;
