/**
 * `npm run bench`: evaluation cost, batch throughput and load, in one run on this machine. Prints a
 * Markdown table and writes test-output/bench.json and test-output/benchmarks.md; with `--write-docs`
 * (`npm run bench -- --write-docs`) also docs/benchmarks.md; `--docs-only` writes the pages again from the last
 * bench.json without measuring. It never writes the README.
 * Loopback only; bounded (about four to five minutes on two cores).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { benchEvaluation } from './evaluation.ts';
import { benchTables, benchmarksPage, headline, type BenchReport } from './section.ts';
import { sampleHeap, type HeapFigures } from './heap.ts';
import { BATCH_RULE, benchBatchByRule, benchBatches, benchLoad, csvFor, postBatchAnswer, residentMB, type RuleBatchFigures } from './worker.ts';
import { csvBatchesFor, csvForRule, csvRules } from './rule-csv.ts';
import { startBenchWorker, startEmptyWorker } from './workerd.ts';
import { benchSelfhost } from './selfhost.ts';
import { floorWorkerScript } from './floor.ts';
import { loadHeap, loadHeapTable, type LoadHeapFigures } from './load-heap.ts';
import { benchXlsxBatch } from './xlsx-batch.ts';
import { benchJsonBatch, jsonFor } from './json-batch.ts';
import { profileBatch } from './profile.ts';
import { benchWhatIf, whatIfTable } from './whatif.ts';

const root = new URL('../../', import.meta.url).pathname;
const quick = process.argv.includes('--quick');
const writeDocs = process.argv.includes('--write-docs');

/** Writes test-output/benchmarks.md, and docs/benchmarks.md with `--write-docs`, from a report. */
function writePages(report: BenchReport): void {
  const differentialFile = join(root, 'test-output', 'differential.json');
  const differential = existsSync(differentialFile) ? JSON.parse(readFileSync(differentialFile, 'utf8')) : undefined;
  const docsFile = join(root, 'docs', 'benchmarks.md');
  // without test-output/differential.json (made by test/rules/differential.test.ts) the page keeps the exactness findings it had
  const keptExactness = !differential && existsSync(docsFile) ? readFileSync(docsFile, 'utf8').split('## Exactness against hand formulas\n')[1] : undefined;
  const page = keptExactness
    ? `${benchmarksPage(report, undefined).split('## Exactness against hand formulas\n')[0]}## Exactness against hand formulas\n${keptExactness}`
    : benchmarksPage(report, differential);
  writeFileSync(join(root, 'test-output', 'benchmarks.md'), page);
  if (writeDocs) {
    mkdirSync(join(root, 'docs'), { recursive: true });
    writeFileSync(docsFile, page);
  }
}

// `--docs-only`: the pages again from the last test-output/bench.json, nothing measured
if (process.argv.includes('--docs-only')) {
  writePages(JSON.parse(readFileSync(join(root, 'test-output', 'bench.json'), 'utf8')) as BenchReport);
  process.exit(0);
}

const report: BenchReport = {
  ranAt: new Date().toISOString(),
  machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGB: totalmem() / 2 ** 30, node: process.version, loadAverage: loadavg() },
  evaluation: [],
};

/** The Worker isolate's heap over three batches (after a warm-up), CSV and JSON: the highest peak of the three, per format. */
async function isolateHeap(rows: number): Promise<{ csv: HeapFigures & { rows: number }; json: HeapFigures & { rows: number } }> {
  const worker = await startBenchWorker({ inspect: true });
  try {
    const poke = () => fetch(`${worker.url}/v1/rules`).then((r) => r.arrayBuffer());
    const peak = async (body: string, type: string) => {
      await postBatchAnswer(worker.url, type.startsWith('text/csv') ? csvFor(20_000) : jsonFor(20_000), 20_000, BATCH_RULE, type);
      const runs: HeapFigures[] = [];
      for (let i = 0; i < 3; i++) runs.push(await sampleHeap(worker.inspector!, () => postBatchAnswer(worker.url, body, rows, BATCH_RULE, type), poke));
      return { ...runs.reduce((a, b) => (b.peakUsedMB > a.peakUsedMB ? b : a)), rows };
    };
    return { csv: await peak(csvFor(rows), 'text/csv; charset=utf-8'), json: await peak(jsonFor(rows), 'application/json; charset=utf-8') };
  } finally {
    await worker.stop();
  }
}

console.error("the Worker isolate's heap during batches, CSV and JSON (DevTools) …");
// measured on every run: an attempt that fails (a stuck DevTools endpoint) is retried with a fresh workerd
for (let attempt = 1; attempt <= 3 && report.isolateHeapMB === undefined; attempt++) {
  try {
    const byFormat = await isolateHeap(quick ? 10_000 : 100_000);
    report.isolateHeap = byFormat.csv;
    report.isolateHeapByFormat = { csv: byFormat.csv, json: byFormat.json };
    report.isolateHeapMB = Math.max(byFormat.csv.peakUsedMB, byFormat.json.peakUsedMB);
    delete report.isolateHeapError;
  } catch (error) {
    report.isolateHeapError = `attempt ${attempt}: ${error instanceof Error ? error.message : String(error)}`;
    console.error('isolate heap not measured:', error);
  }
}

console.error('CPU profiles of the Worker isolate, one batch per rule (DevTools) …');
try {
  const worker = await startBenchWorker({ inspect: true });
  try {
    const poke = () => fetch(`${worker.url}/v1/rules`).then((r) => r.arrayBuffer());
    const rows = quick ? 5_000 : 20_000;
    report.profiles = [];
    const rules = csvRules();
    for (const rule of rules) {
      const csv = csvForRule(rule, rows);
      await postBatchAnswer(worker.url, csv, rows, rule.id);
      const profile = await profileBatch(worker.inspector!, () => postBatchAnswer(worker.url, csv, rows, rule.id), poke);
      report.profiles.push({ rule: rule.id, format: 'csv', rows, ...profile });
    }
    const json = jsonFor(rows);
    const type = 'application/json; charset=utf-8';
    await postBatchAnswer(worker.url, json, rows, BATCH_RULE, type);
    report.profiles.push({
      rule: BATCH_RULE,
      format: 'json',
      rows,
      ...(await profileBatch(worker.inspector!, () => postBatchAnswer(worker.url, json, rows, BATCH_RULE, type), poke)),
    });
  } finally {
    await worker.stop();
  }
} catch (error) {
  report.profileError = error instanceof Error ? error.message.split('\n')[0] : String(error);
  console.error('profiles not taken:', error);
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

/** The CSV batches by rule, answered by floor.ts's Worker in the same workerd setup. */
async function benchAnswerFloor(rows: number, reps: number): Promise<RuleBatchFigures[]> {
  const rules = csvRules();
  const floor = await startBenchWorker({ transform: () => floorWorkerScript(rules) });
  try {
    return await benchBatchByRule(floor.url, csvBatchesFor(rules), rows, reps);
  } finally {
    await floor.stop();
  }
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
    report.batchByRule = await benchBatchByRule(worker.url, csvBatchesFor(csvRules()), rows, quick ? 1 : 3);
    console.error('the same CSV batches answered by the answer floor (floor.ts: copies of answer rows, no rule) …');
    report.batchFloorByRule = await benchAnswerFloor(rows, quick ? 1 : 3);
    console.error('a JSON batch …');
    report.jsonBatch = await benchJsonBatch(worker.url, rows, quick ? 1 : 3);
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
  console.error("the Worker isolate's heap under load (DevTools) …");
  (report as BenchReport & { loadHeap?: LoadHeapFigures }).loadHeap = await loadHeap(quick ? 5 : 20);
} catch (error) {
  loadHeapError = error instanceof Error ? error.message.split('\n')[0] : String(error);
}

(report as BenchReport & { hostile?: unknown }).hostile = await (await import('./hostile.ts')).benchHostile(quick);

// A what-if batch (baseline and reform of every row) beside the plain batch of the same rows.
try {
  (report as BenchReport & { whatIf?: unknown }).whatIf = await benchWhatIf(quick ? 10_000 : 100_000);
} catch (error) {
  console.error('what-if batch not measured:', error);
}

mkdirSync(join(root, 'test-output'), { recursive: true });
writeFileSync(join(root, 'test-output', 'bench.json'), `${JSON.stringify(report, null, 2)}\n`);
writePages(report);
console.log(benchTables(report));
const whatIfFigures = (report as BenchReport & { whatIf?: Parameters<typeof whatIfTable>[0] }).whatIf;
if (whatIfFigures) console.log(`\n${whatIfTable(whatIfFigures)}`);
console.log(`\n${loadHeapTable((report as BenchReport & { loadHeap?: LoadHeapFigures }).loadHeap, loadHeapError)}`);
console.log(`\nFor the README's link to docs/benchmarks.md:\n${headline(report)}`);
if (report.workerError || report.selfhostError) process.exitCode = 1;
