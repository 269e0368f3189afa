/**
 * A quick look at the xlsx section alone: `npx node test/bench/xlsx-quick.ts [--rows N] [--reps N] [--heap] [--profile]`.
 * Starts the bench Worker once (workerd.ts), posts the wide workbook (wide-workbook.ts) to the batch
 * route as `npm run bench`'s xlsx section does (xlsx-batch.ts), and prints rows/s per run and the best;
 * with the CPU time workerd used (steadier than the wall clock on a shared machine); with `--heap` samples the isolate's heap during one more run (heap.ts), with `--profile` takes a CPU
 * profile of one run (profile.ts) and prints its top frames. Writes nothing; prints the load average.
 */
import { loadavg } from 'node:os';
import { sampleHeap } from './heap.ts';
import { profileBatch } from './profile.ts';
import { reps, rows } from './quick-options.ts';
import { WIDE_COLUMNS, wideWorkbook } from './wide-workbook.ts';
import { cpuMsOf, postBatch } from './worker.ts';
import { startBenchWorker } from './workerd.ts';
import { XLSX_TYPE } from './xlsx-batch.ts';

const heap = process.argv.includes('--heap');
const profile = process.argv.includes('--profile');
/** CPU seconds the workerd processes have used (user + system; /proc, 100 ticks a second): on a busy machine, steadier than the wall clock. */
const cpuSeconds = (pids: readonly number[]) => cpuMsOf(pids) / 1000;
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

const workbook = Buffer.from(wideWorkbook(rows));
console.log(`${rows.toLocaleString('en-US')} rows × ${WIDE_COLUMNS.length} columns, ${Math.round(workbook.length / 1024)} KB`);
const worker = await startBenchWorker({ inspect: heap || profile });
const post = () => postBatch(worker.url, workbook, rows, undefined, XLSX_TYPE);
const poke = () => fetch(`${worker.url}/v1/rules`).then((r) => r.arrayBuffer());
try {
  console.log(`load before: ${load()}`);
  let best = Infinity;
  let bestCpu = Infinity;
  for (let n = 0; n < reps; n++) {
    const cpu = cpuSeconds(worker.pids);
    const seconds = await post();
    const used = cpuSeconds(worker.pids) - cpu;
    best = Math.min(best, seconds);
    bestCpu = Math.min(bestCpu, used);
    console.log(`run ${n + 1}: ${seconds.toFixed(2)} s, ${Math.round(rows / seconds).toLocaleString('en-US')} rows/s; workerd CPU ${used.toFixed(2)} s`);
  }
  console.log(
    `best: ${Math.round(rows / best).toLocaleString('en-US')} rows/s; ${Math.round(rows / bestCpu).toLocaleString('en-US')} rows per workerd CPU second`,
  );
  console.log(`load after: ${load()}`);
  if (heap) {
    const figures = await sampleHeap(worker.inspector!, post, poke);
    console.log(
      `heap: idle ${figures.idleUsedMB.toFixed(1)} MB, peak used ${figures.peakUsedMB.toFixed(1)} MB; ArrayBuffers at most ${figures.peakBuffersMB.toFixed(1)} MB (${figures.samples} samples, ${figures.lost} lost)`,
    );
  }
  if (profile) {
    const { busyMs, top } = await profileBatch(worker.inspector!, post, poke);
    console.log(`\nprofile: ${busyMs} ms busy for ${rows.toLocaleString('en-US')} rows`);
    for (const frame of top) console.log(`  ${String(frame.selfPercent).padStart(5)}%  ${frame.name}${frame.line ? `@${frame.line}` : ''}`);
  }
} finally {
  await worker.stop();
}
