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
import { benchBatches, benchLoad, csvFor, postBatch, residentMB } from './worker.ts';
import { startBenchWorker, startEmptyWorker } from './workerd.ts';
import { benchXlsxBatch } from './xlsx-batch.ts';

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
    await postBatch(worker.url, csvFor(20_000), 20_000);
    const runs: HeapFigures[] = [];
    for (let i = 0; i < 3; i++) runs.push(await sampleHeap(worker.inspector!, () => postBatch(worker.url, csv, rows)));
    return { ...runs.reduce((a, b) => (b.peakTotalMB > a.peakTotalMB ? b : a)), rows };
  } finally {
    await worker.stop();
  }
}

console.error('the Worker isolate\'s heap during batches (DevTools) …');
try {
  report.isolateHeap = await isolateHeap(quick ? 10_000 : 100_000);
} catch (error) {
  report.isolateHeapError = error instanceof Error ? error.message : String(error);
  console.error('isolate heap not measured:', error);
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
    console.error('batches …');
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

mkdirSync(join(root, 'test-output'), { recursive: true });
writeFileSync(join(root, 'test-output', 'bench.json'), `${JSON.stringify(report, null, 2)}\n`);
const differentialFile = join(root, 'test-output', 'differential.json');
const differential = existsSync(differentialFile) ? JSON.parse(readFileSync(differentialFile, 'utf8')) : undefined;
if (!quick) {
  const readme = join(root, 'README.md');
  writeFileSync(readme, replaceBlock(readFileSync(readme, 'utf8'), 'bench', readmeSection(report, differential)));
}
console.log(benchTables(report));
if (report.workerError) process.exitCode = 1;
